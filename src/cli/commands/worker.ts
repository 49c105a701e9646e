import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'run background jobs (mail, scheduled work) in a process of its own; PostgreSQL only (DATABASE_URL). ' +
        'Run several to scale out; set WEERBAAR_JOBS_IN_PROCESS=false on the web processes to leave jobs to them',
    )
    .option('--queue <names...>', 'only work on these job queues (e.g. mail.send); default: all')
    .action(async (opts: { queue?: string[] }) => {
      const { loadConfig } = await import('../../platform/config/config.js');
      const { AppError } = await import('../../platform/errors.js');
      const config = loadConfig();
      if (config.embedded) {
        throw new AppError('config', {
          detail:
            'weerbaar worker needs a PostgreSQL server (DATABASE_URL). The embedded database can be opened by ' +
            'one process only, so with it background jobs run inside `weerbaar serve`.',
        });
      }
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { migrationStatus } = await import('../../platform/db/migrate.js');
      const { startJobs, loadJobModules } = await import('../../platform/jobs/runtime.js');
      const { jobDefinitions } = await import('../../platform/jobs/jobs.js');
      const { modules } = await import('../../composition.js');
      const database = await openConfiguredDatabase(config);
      let runtime: Awaited<ReturnType<typeof startJobs>> | undefined;
      try {
        const m = await migrationStatus(database);
        if (!m.current) {
          throw new AppError('not-ready', {
            detail: `the database has ${m.applied} of ${m.expected} migrations; run \`weerbaar migrate\` (or start the web application) first`,
          });
        }
        await loadJobModules(modules);
        const known = jobDefinitions().map((d) => d.name);
        const unknown = (opts.queue ?? []).filter((q) => !known.includes(q));
        if (unknown.length) {
          throw new AppError('bad-request', {
            detail: `unknown queue ${unknown.join(', ')}; known: ${known.join(', ')}`,
          });
        }
        runtime = await startJobs(database, config, { queues: opts.queue, modules });
      } catch (err) {
        await database.close();
        throw err;
      }
      const queues = opts.queue ?? jobDefinitions().map((d) => d.name);
      process.stdout.write(
        `Weerbaar worker running (pid ${process.pid}) for ${queues.join(', ')}. Stop with Ctrl+C.\n`,
      );
      const shutdown = async () => {
        process.stdout.write('Stopping: waiting for running jobs…\n');
        await runtime?.stop(30_000);
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
