import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('load the demo data (organisations, users for every role) if not loaded yet')
    .action(async () => {
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { demoLoaded, demoLogins, loadDemoData } = await import('../../platform/demo/demo.js');
      const { modules } = await import('../../composition.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        if (await demoLoaded(database)) process.stdout.write('demo data already loaded\n');
        else await loadDemoData(database, modules);
        for (const l of await demoLogins(modules))
          process.stdout.write(`${l.role}\t${l.email}\t${l.password}\n`);
      } finally {
        await database.close();
      }
    });
}
