import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded database or DATABASE_URL) and exit')
    .action(async () => {
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { migrationStatus, runMigrations } = await import('../../platform/db/migrate.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        const s = await migrationStatus(database);
        process.stdout.write(`migrations applied: ${s.applied} of ${s.expected}\n`);
      } finally {
        await database.close();
      }
    });
}
