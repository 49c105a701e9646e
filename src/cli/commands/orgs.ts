import type { Command } from 'commander';

export function register(program: Command): void {
  const orgs = program
    .command('orgs')
    .description('the organisation registry (gemeenten, provincies, waterschappen, rijk)');

  orgs
    .command('import')
    .description(
      'import a newer list of organisations from CSV files or directories (formats: docs/organisations.md); ' +
        'validated and all-or-nothing, prints what changed',
    )
    .argument('<files...>', 'CSV files, or directories whose *.csv files are read (e.g. data/organisations)')
    .option('--dry-run', 'report what would change without writing anything')
    .action(async (files: string[], opts: { dryRun?: boolean }) => {
      const { readImportFiles } = await import('../../platform/orgs/registry.js');
      const { parseImportFiles, importError, importOrganisations, describeReport } = await import(
        '../../platform/orgs/import.js'
      );
      const { AppError } = await import('../../platform/errors.js');
      /** One problem is said once (`file:line:column: message`); several are listed below the first. */
      const plain = (err: unknown) =>
        err instanceof AppError && err.invalidParams.length === 1
          ? new AppError(err.code, { detail: err.detail, location: err.location })
          : err;
      const input = readImportFiles(files);
      // Syntax and format problems are reported before the database is opened.
      const { problems } = parseImportFiles(input);
      if (problems.length) throw plain(importError(problems));

      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        const report = await importOrganisations(database.db, { files: input }, cliActor('orgs import'), {
          dryRun: opts.dryRun ?? false,
        }).catch((err) => {
          throw plain(err);
        });
        for (const line of describeReport(report)) process.stdout.write(`${line}\n`);
      } finally {
        await database.close();
      }
    });

  orgs
    .command('list')
    .description('list organisations (tab-separated: code, name, layer, province, inhabitants, size class)')
    .option('--layer <layer>', 'gemeente | provincie | waterschap | rijk | overig')
    .option('--province <code>', 'province code, e.g. PV27')
    .option('--search <text>', 'part of the name or the code')
    .option('--all', 'include organisations that no longer exist')
    .action(async (opts: { layer?: string; province?: string; search?: string; all?: boolean }) => {
      const { layers } = await import('../../platform/orgs/model.js');
      const { AppError } = await import('../../platform/errors.js');
      if (opts.layer && !(layers as readonly string[]).includes(opts.layer)) {
        throw new AppError('bad-request', { detail: `--layer: expected one of ${layers.join(', ')}` });
      }
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { listOrganisations } = await import('../../platform/orgs/service.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        let page = 1;
        for (;;) {
          const result = await listOrganisations(database.db, {
            layer: opts.layer,
            province: opts.province,
            q: opts.search,
            includeEnded: opts.all,
            page,
            pageSize: 500,
          });
          for (const o of result.items) {
            const cells = [o.code, o.name, o.layer, o.provinceCode, o.inhabitants, o.sizeClass, o.validTo];
            process.stdout.write(`${cells.map((c) => (c === null ? '' : String(c))).join('\t')}\n`);
          }
          if (page * result.pageSize >= result.total) break;
          page++;
        }
      } finally {
        await database.close();
      }
    });
}
