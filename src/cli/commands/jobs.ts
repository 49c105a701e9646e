import type { Command } from 'commander';

async function withDatabase<T>(
  fn: (database: import('../../platform/db/database.js').Database) => Promise<T>,
) {
  const { loadConfig } = await import('../../platform/config/config.js');
  const { openConfiguredDatabase } = await import('../../platform/server.js');
  const { runMigrations } = await import('../../platform/db/migrate.js');
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await runMigrations(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function register(program: Command): void {
  const jobs = program.command('jobs').description('background jobs: list queued/failed jobs, retry one');

  jobs
    .command('list')
    .description(
      'list jobs, newest first (tab-separated: id, queue, state, attempts/max, created, last error)',
    )
    .option(
      '--state <state>',
      'created | retry | active | completed | cancelled | failed (default: not finished)',
    )
    .option('--queue <name>', 'only this queue, e.g. mail.send')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; queue?: string; limit: string; json?: boolean }) => {
      const { AppError } = await import('../../platform/errors.js');
      const { jobStates, listJobs } = await import('../../platform/jobs/admin.js');
      if (opts.state && !(jobStates as readonly string[]).includes(opts.state)) {
        throw new AppError('bad-request', { detail: `--state: expected one of ${jobStates.join(', ')}` });
      }
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new AppError('bad-request', { detail: '--limit: a positive number' });
      const rows = await withDatabase((db) =>
        listJobs(db, { states: opts.state ? [opts.state as any] : undefined, queue: opts.queue, limit }),
      );
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const j of rows) {
        process.stdout.write(
          `${[j.id, j.name, j.state, `${j.attempts}/${j.retryLimit + 1}`, j.createdOn, j.lastError ?? ''].join('\t')}\n`,
        );
      }
      if (rows.length === 0) process.stderr.write('no jobs\n');
    });

  jobs
    .command('retry')
    .description('retry a failed job, or start a waiting one now (audited)')
    .argument('<id>', 'the job id (from `jobs list`)')
    .action(async (id: string) => {
      const { retryJob } = await import('../../platform/jobs/admin.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const job = await withDatabase((db) => retryJob(db, id, cliActor('jobs retry')));
      process.stdout.write(
        `job ${job.id} (${job.name}) is ${job.state}; it runs when a worker or the web application picks it up\n`,
      );
    });
}
