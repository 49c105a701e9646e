/**
 * `weerbaar results export-analysis <wave> --out DIR`: the reproduction files of a wave's latest
 * results run for every weighted target group (DIR/<group>/analysis.csv, design.json, reproduce.R,
 * analyse.json, weerbaar.csv, README.txt). The files hold respondent-level data: keep DIR private.
 */
import type { Command } from 'commander';

export function registerExportAnalysis(results: Command): void {
  results
    .command('export-analysis <wave>')
    .description(
      "write the analysis file, design.json, an R script and a weerbaar analyse spec per target group of the wave's latest run",
    )
    .requiredOption('-o, --out <dir>', 'directory to write to (one folder per target group)')
    .action(async (waveCode: string, opts: { out: string }) => {
      const { mkdir, writeFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { reproductionFiles } = await import('../../results/reproduce/service.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        const files = await reproductionFiles(database, waveCode, cliActor('results export-analysis'));
        for (const [group, contents] of Object.entries(files.groups)) {
          const dir = join(opts.out, group);
          await mkdir(dir, { recursive: true, mode: 0o700 });
          for (const [name, text] of Object.entries(contents))
            await writeFile(join(dir, name), text, { mode: 0o600 });
          process.stdout.write(`${dir}\t${Object.keys(contents).length} files\n`);
        }
        process.stdout.write(
          `run ${files.runVersion} of ${files.waveCode}: Rscript <dir>/reproduce.R reproduces it; the files hold respondent-level data, keep them private\n`,
        );
      } finally {
        await database.close();
      }
    });
}
