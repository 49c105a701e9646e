import type { Command } from 'commander';
import { registerExportAnalysis } from './results-export.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : (100 * x).toFixed(1));

async function parseTrim(text: string | undefined): Promise<{ lower: number; upper: number } | undefined> {
  if (!text) return undefined;
  const { AppError } = await import('../../platform/errors.js');
  const [lower, upper] = text.split(',').map(Number);
  if (!(lower! > 0 && lower! <= 1 && upper! >= 1))
    throw new AppError('bad-request', {
      detail: `--trim: expected lower,upper with 0 < lower ≤ 1 ≤ upper (got ${text})`,
    });
  return { lower: lower!, upper: upper! };
}

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
        const { progress } = await import('../progress.js');
        let bar: ReturnType<typeof progress> | undefined;
        const run = await runResults(database, waveCode, cliActor('results compute'), trim ? { trim } : {}, {
          onProgress: (p) => {
            bar ??= progress('computing', p.total);
            bar.update(p.done, p.total);
          },
        });
        bar?.update(1, 1);
        bar?.stop();
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

  results
    .command('weight <wave>')
    .description(
      'weight every target group of a closed wave and print the weighting report (margins before/after, Kish deff, convergence); stores nothing',
    )
    .option('--trim <lower,upper>', 'bounds on the weight adjustment factor, e.g. 0.5,2')
    .action(async (waveCode: string, opts: { trim?: string }) => {
      const trim = await parseTrim(opts.trim);
      const { weighWave } = await import('../../results/runs/weigh.js');
      const { progress } = await import('../progress.js');
      await withDatabase(async (database) => {
        let bar: ReturnType<typeof progress> | undefined;
        const reports = await weighWave(database, waveCode, trim ? { trim } : {}, (done, total) => {
          bar ??= progress('weighting', total);
          bar.update(done, total);
        });
        bar?.stop();
        for (const { targetGroup, report: r } of reports) {
          out(
            `${targetGroup}	n=${r.respondents}	N=${r.population}	Kish deff ${r.kishDeff.toFixed(3)}	n_eff ${Math.round(r.effectiveN)}	max margin deviation ${r.convergence.maxMarginDeviation.toExponential(1)}`,
          );
          for (const m of r.margins)
            for (const row of m.rows)
              out(
                `  ${m.name}	${row.category}	N=${row.population}	n=${row.respondents}	before ${row.before.toFixed(1)}	after ${row.after.toFixed(1)}`,
              );
          for (const d of r.dropped) out(`  margin ${d.name} left out: ${d.reason}`);
        }
      });
    });

  results
    .command('status <wave>')
    .description('the latest results run of a wave (version, time, release) and the latest computation')
    .option('--json', 'as JSON')
    .action(async (waveCode: string, opts: { json?: boolean }) => {
      const { findWave } = await import('../../monitor/fieldwork/waves-service.js');
      const { latestRun } = await import('../../results/runs/service.js');
      const { latestComputation } = await import('../../results/runs/computations.js');
      await withDatabase(async (database) => {
        const wave = await findWave(database.db, waveCode);
        const run = await latestRun(database, wave.id);
        const c = await latestComputation(database, wave.id);
        const status = {
          wave: wave.code,
          waveStatus: wave.status,
          run: run
            ? {
                id: run.id,
                version: run.version,
                createdAt: run.createdAt.toISOString(),
                releasedAt: run.releasedAt?.toISOString() ?? null,
                groups: Object.fromEntries(
                  Object.entries(run.estimates).map(([g, e]) => [
                    g,
                    { cells: e.cells.length, comparisons: e.comparisons.length },
                  ]),
                ),
              }
            : null,
          computation: c
            ? {
                id: c.id,
                state: c.state,
                done: c.done,
                total: c.total,
                error: c.error?.en ?? null,
                requestedBy: c.requestedBy,
              }
            : null,
        };
        if (opts.json) {
          out(JSON.stringify(status, null, 2));
          return;
        }
        out(`wave ${wave.code} (${wave.status})`);
        out(
          run
            ? `run ${run.version}	computed ${status.run!.createdAt}	${run.releasedAt ? `released ${status.run!.releasedAt}` : 'under embargo'}`
            : 'no results run yet',
        );
        for (const [g, n] of Object.entries(status.run?.groups ?? {}))
          out(`  ${g}	${n.cells} cells	${n.comparisons} comparisons`);
        if (c && c.state !== 'done')
          out(`computation ${c.state}	step ${c.done}/${c.total}${c.error ? `	${c.error.en}` : ''}`);
      });
    });
}
