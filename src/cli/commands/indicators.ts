import type { Command } from 'commander';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function withDatabase<T>(
  fn: (database: import('../../platform/db/database.js').Database) => Promise<T>,
) {
  const { loadConfig } = await import('../../platform/config/config.js');
  const { openConfiguredDatabase } = await import('../../platform/server.js');
  const { runMigrations } = await import('../../platform/db/migrate.js');
  const { cliActor } = await import('../../platform/audit/audit.js');
  const { ensureBuiltinIndicators } = await import('../../results/indicators/service.js');
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await runMigrations(database);
    await ensureBuiltinIndicators(database.db, cliActor('indicators'));
    return await fn(database);
  } finally {
    await database.close();
  }
}

export function register(program: Command): void {
  const indicators = program
    .command('indicators')
    .description('monitor results: indicator definitions (named, versioned; a change is a new version)');

  indicators
    .command('list')
    .description('the current version of every indicator')
    .option(
      '--target-group <group>',
      'only this target group (office_holders, employees, organisation_policy)',
    )
    .action(async (opts: { targetGroup?: string }) => {
      const { currentIndicators } = await import('../../results/indicators/service.js');
      await withDatabase(async (database) => {
        for (const d of await currentIndicators(database.db, opts.targetGroup))
          out(`${d.code}\tv${d.version}\t${d.targetGroup}\t${d.theme}\t${d.label.nl}`);
      });
    });

  indicators
    .command('show <code> [version]')
    .description('one indicator as JSON (the latest version, or the version given)')
    .action(async (code: string, version: string | undefined) => {
      const opts = { version };
      const { AppError } = await import('../../platform/errors.js');
      const { indicatorVersion } = await import('../../results/indicators/service.js');
      if (opts.version !== undefined && !/^[1-9]\d{0,8}$/.test(opts.version))
        throw new AppError('bad-request', {
          detail: `version must be a positive whole number (got ${opts.version})`,
        });
      await withDatabase(async (database) => {
        const d = await indicatorVersion(database.db, code, opts.version ? Number(opts.version) : undefined);
        if (!d)
          throw new AppError('not-found', {
            detail: `no indicator ${code}${opts.version ? ` version ${opts.version}` : ''}`,
          });
        out(JSON.stringify(d, null, 2));
      });
    });

  indicators
    .command('export')
    .description('every current definition as JSON (what import reads)')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { out?: string }) => {
      const { exportIndicators } = await import('../../results/indicators/versions.js');
      await withDatabase(async (database) => {
        const text = await exportIndicators(database.db);
        if (opts.out) await (await import('node:fs/promises')).writeFile(opts.out, text, 'utf8');
        else process.stdout.write(text);
      });
    });

  indicators
    .command('import <file>')
    .description(
      'import definitions (a JSON array, or one object): all are validated first (file:line:column, exit 2); each changed one becomes a new version',
    )
    .option('--wave <wave>', 'also check that this wave has every breakdown variable')
    .action(async (file: string, opts: { wave?: string }) => {
      const { readFile } = await import('node:fs/promises');
      const { AppError } = await import('../../platform/errors.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const { importIndicators } = await import('../../results/indicators/versions.js');
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new AppError('invalid-file', { detail: `cannot read ${file}: ${(err as Error).message}` });
      }
      await withDatabase(async (database) => {
        const saved = await importIndicators(database.db, text, file, cliActor('indicators import'), opts);
        for (const r of saved) out(`${r.code}\tv${r.version}\t${r.created ? 'new version' : 'unchanged'}`);
      });
    });
}
