import type { Command } from 'commander';
import { registerExportAnalysis } from './results-export.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : (100 * x).toFixed(1));

export function register(program: Command): void {
  const results = program
    .command('results')
    .description('monitor results: weight a closed wave and compute every indicator (a results run)');
  registerExportAnalysis(results);

  results
    .command('compute <wave>')
    .description('weight every target group of a closed wave and estimate all indicators; stores a new run')
    .option(
      '--trim <lower,upper>',
      'bounds on the weight adjustment factor, e.g. 0.5,2 (re-raked until they hold)',
    )
    .action(async (waveCode: string, opts: { trim?: string }) => {
      const { AppError } = await import('../../platform/errors.js');
      let trim: { lower: number; upper: number } | undefined;
      if (opts.trim) {
        const [lower, upper] = opts.trim.split(',').map(Number);
        if (!(lower! > 0 && lower! <= 1 && upper! >= 1))
          throw new AppError('bad-request', {
            detail: `--trim: expected lower,upper with 0 < lower ≤ 1 ≤ upper (got ${opts.trim})`,
          });
        trim = { lower: lower!, upper: upper! };
      }
      const { loadConfig } = await import('../../platform/config/config.js');
      const { openConfiguredDatabase } = await import('../../platform/server.js');
      const { runMigrations } = await import('../../platform/db/migrate.js');
      const { cliActor } = await import('../../platform/audit/audit.js');
      const { runResults } = await import('../../results/runs/service.js');
      const database = await openConfiguredDatabase(loadConfig());
      try {
        await runMigrations(database);
        const run = await runResults(database, waveCode, cliActor('results compute'), trim ? { trim } : {});
        out(`run ${run.version}\t${run.id}`);
        for (const [group, est] of Object.entries(run.estimates)) {
          const overall = est.cells.filter((c) => Object.keys(c.by).length === 0);
          out(
            `${group}\t${overall.length} indicators\t${est.cells.length} cells\t${est.comparisons.length} comparisons`,
          );
          for (const c of overall)
            out(`  ${c.indicator}\t${pct(c.estimate)}%\t[${pct(c.ci[0])}, ${pct(c.ci[1])}]\tn=${c.n}`);
        }
      } finally {
        await database.close();
      }
    });
}
