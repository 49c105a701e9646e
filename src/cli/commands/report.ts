import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('report <wave>')
    .description(
      'write every publication of a wave (report, 5-minute version, factsheets, letters, annex) as HTML files, and as tagged PDF with --pdf',
    )
    .requiredOption('--out <dir>', 'directory to write the files to (created if needed)')
    .option('--pdf', 'also make PDF files (needs Chromium: CHROMIUM_PATH or the Debian package chromium)')
    .option('--only <kind>', 'only this kind of publication, e.g. factsheet or letter')
    .option('--lang <nl|en>', 'language of the publications', 'nl')
    .action(async (waveCode: string, opts: { out: string; pdf?: boolean; only?: string; lang: string }) => {
      const { AppError } = await import('../../platform/errors.js');
      const { productKinds } = await import('../../results/publications/product.js');
      const kind = productKinds.find((k) => k === opts.only);
      if (opts.only !== undefined && !kind)
        throw new AppError('bad-request', {
          detail: `--only: expected one of ${productKinds.join(', ')} (got ${opts.only})`,
        });
      if (opts.lang !== 'nl' && opts.lang !== 'en')
        throw new AppError('bad-request', { detail: `--lang: expected nl or en (got ${opts.lang})` });
      const { loadConfig } = await import('../../platform/config/config.js');
      const { pdfSupport } = await import('../../platform/pdf/chromium.js');
      const { PdfPool } = await import('../../platform/pdf/pool.js');
      const config = loadConfig();
      let pool: InstanceType<typeof PdfPool> | undefined;
      if (opts.pdf) {
        const support = pdfSupport(config);
        if (!support.available)
          throw new AppError('not-ready', {
            detail: `--pdf needs Chromium, and ${support.path} is ${support.reason === 'not-installed' ? 'not installed' : 'not executable'}: install the Debian package chromium or set CHROMIUM_PATH`,
          });
        pool = new PdfPool({ concurrency: config.PDF_CONCURRENCY, executablePath: support.executablePath });
      }
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { writeReport } = await import('../../results/publications/report-files.js');
      const { progress } = await import('../progress.js');
      const database = await openConfiguredDatabase(config);
      try {
        await runMigrations(database);
        let bar: ReturnType<typeof progress> | undefined;
        const result = await writeReport(database, waveCode, {
          out: opts.out,
          langs: [opts.lang],
          ...(kind ? { kind } : {}),
          ...(pool ? { pdf: pool } : {}),
          onProgress: (done, total) => {
            bar ??= progress('rendering', total);
            bar.update(done, total);
          },
        });
        bar?.stop();
        for (const f of result.files)
          process.stdout.write(
            `${f.path}\t${f.bytes} bytes${f.pages !== undefined ? `\t${f.pages} pages` : ''}\n`,
          );
        for (const f of result.failures)
          process.stderr.write(
            `weerbaar: ${f.ref.kind}/${f.ref.key} (${f.lang}, ${f.format}) failed: ${f.message}\n`,
          );
        if (result.products === 0) process.stderr.write(`weerbaar: ${waveCode} has no publications yet\n`);
        if (result.failures.length > 0)
          throw new AppError('internal', {
            detail: `${result.failures.length} of ${result.failures.length + result.files.length} files failed`,
          });
      } finally {
        await pool?.close();
        await database.close();
      }
    });
}
