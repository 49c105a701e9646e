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

/** `weerbaar incidents export|purge-expired` (issue 16, item 5). */
export function register(program: Command): void {
  const incidents = program.command('incidents').description('Meldpunt incidents: export, retention');

  incidents
    .command('export')
    .description(
      "an organisation's submitted incidents as CSV on standard output (no names, no free text; audited)",
    )
    .requiredOption('--org <code>', 'the organisation code, e.g. GM0344')
    .action(async (opts: { org: string }) => {
      const { AppError } = await import('../../platform/errors.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const { organisationByCode } = await import('../../platform/auth/organisations.js');
      const { organisationCsv } = await import('../../meldpunt/incidents/organisation-export.js');
      const csv = await withDatabase(async (database) => {
        const org = await organisationByCode(database.db, opts.org.trim().toUpperCase());
        if (!org) throw new AppError('not-found', { detail: `no organisation with code ${opts.org}` });
        return organisationCsv(database.db, cliActor('incidents export'), org.id);
      });
      process.stdout.write(csv);
    });

  incidents
    .command('purge-expired')
    .description(
      'remove the personal data of incidents whose retention has passed, and drafts never sent (as the daily job does; audited)',
    )
    .action(async () => {
      const { cliActor } = await import('../../platform/audit/audit.js');
      const { purgeExpired, purgeStaleDrafts } = await import('../../meldpunt/incidents/retention.js');
      const [n, drafts] = await withDatabase(async (database) => [
        await purgeExpired(database.db, cliActor('incidents purge-expired')),
        await purgeStaleDrafts(database.db, cliActor('incidents purge-expired')),
      ]);
      process.stdout.write(`${n} incident(s) purged, ${drafts} draft(s) never sent removed\n`);
    });
}
