import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('export <wave>')
    .description(
      'export a closed wave: data with item codes, labels (nl/en), value labels, missing codes, weights and design variables',
    )
    .requiredOption('--format <format>', 'csv | codebook-csv | xlsx | sav | parquet | ddi | html')
    .option('--group <targetGroup>', "target group (default: the wave's first), e.g. office_holders")
    .option(
      '--out <file>',
      'file to write (default: a name from the wave and group, in the current directory)',
    )
    .option('--lang <nl|en>', 'language of labels in sav, xlsx and html', 'nl')
    .option('--include-free-text', 'include free-text answers (left out by default)')
    .action(
      async (
        waveCode: string,
        opts: { format: string; group?: string; out?: string; lang: string; includeFreeText?: boolean },
      ) => {
        const { AppError } = await import('../../platform/errors.js');
        const { exportFormats, exportWave } = await import('../../results/exports/service.js');
        const format = exportFormats.find((f) => f === opts.format);
        if (!format)
          throw new AppError('bad-request', {
            detail: `--format: expected one of ${exportFormats.join(', ')} (got ${opts.format})`,
          });
        if (opts.lang !== 'nl' && opts.lang !== 'en')
          throw new AppError('bad-request', { detail: `--lang: expected nl or en (got ${opts.lang})` });
        const { writeFile } = await import('node:fs/promises');
        const { loadConfig } = await import('../../platform/config/config.js');
        const { openConfiguredDatabase } = await import('../../platform/server.js');
        const { runMigrations } = await import('../../platform/db/migrate.js');
        const database = await openConfiguredDatabase(loadConfig());
        try {
          await runMigrations(database);
          const file = await exportWave(database, waveCode, {
            format,
            language: opts.lang,
            includeFreeText: opts.includeFreeText ?? false,
            ...(opts.group ? { targetGroup: opts.group } : {}),
          });
          const out = opts.out ?? file.fileName;
          await writeFile(out, file.body);
          process.stdout.write(`${out}\t${file.body.length} bytes\n`);
        } finally {
          await database.close();
        }
      },
    );
}
