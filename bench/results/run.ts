/**
 * `npm run bench:results`: a results run (weighting, every built-in indicator × every breakdown, the
 * group comparisons and Holm) of a ~3,300-respondent wave (the demo wave 2024: office holders and
 * employees) and of a wave with 100,000 employee respondents, on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL), timed end to end (`runResults`: reading the responses,
 * computing, writing the run in one transaction). Beside it R's survey redoes the same computations
 * from the exported analysis files (the generated reproduce.R: svydesign, rake, svyciprop logit per
 * cell, the differences), and the numbers are compared. Writes the results section of
 * docs/benchmarks.md. Data go to bench/out/results (gitignored).
 * Options (environment): BENCH_EMPLOYEES (employee frame of the large wave, default 330000, about
 * 100,000 respondents), BENCH_SKIP_R=1, BENCH_DB=pglite|postgres|both (default both, one after the
 * other; run separately, PostgreSQL writes its own section results-postgres), BENCH_WAVES (labels,
 * e.g. "demo wave 2024"), BENCH_SECTION (the docs section to write).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { frameLimits } from '../../src/monitor/fieldwork/frame-file.js';
import { loadTemplates } from '../../src/monitor/questionnaires/templates/index.js';
import { cliActor } from '../../src/platform/audit/audit.js';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { loadRegistry } from '../../src/platform/orgs/registry.js';
import { loadDemoWave } from '../../src/results/demo/demo-step.js';
import { demoWaveTruths, type WaveTruth } from '../../src/results/demo/waves.js';
import { compareResults, readResults } from '../../src/results/reproduce/compare.js';
import { reproductionFiles } from '../../src/results/reproduce/service.js';
import { runResults } from '../../src/results/runs/service.js';
import { machineDetails, replaceSection } from '../machine.js';
import { benchPostgresUrl, withFreshPostgres } from '../postgres.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'bench/out/results');
const actor = cliActor('bench');
const base = demoWaveTruths.find((w) => w.year === 2024)!;
const waves: Array<{ label: string; truth: WaveTruth; runs: number; rGroups: string[] }> = [
  {
    label: 'demo wave 2024',
    truth: { ...base, code: 'bench-demo-2024' },
    runs: 3,
    rGroups: ['office_holders', 'employees'],
  },
  {
    label: '100k employees',
    truth: { ...base, code: 'bench-employees', employees: Number(process.env.BENCH_EMPLOYEES ?? 330_000) },
    runs: 1,
    // its office holders are those of the demo wave again; R redoes the employees
    rGroups: ['employees'],
  },
];
// the large wave's synthetic employee frame (330,000 persons at a 30% response) is one file here; a
// real frame of that size would be imported in two files (the limit per file is 200,000 rows)
frameLimits.rows = 400_000;

interface Timing {
  wall: number;
  cpu: number;
}
interface WaveResult {
  db: string;
  wave: string;
  respondents: Record<string, number>;
  cells: number;
  comparisons: number;
  load: number;
  run: Timing;
  loadavg: string;
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; t: Timing }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { value, t: { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 } };
}

interface RResult {
  wave: string;
  group: string;
  rows: number;
  t: Timing;
  problems: number;
  largest: number;
}

/** What has been measured so far; the docs section is rewritten after every step. */
const state = { results: [] as WaveResult[], r: [] as RResult[], loadStart: os.loadavg()[0]!.toFixed(1) };

async function benchDatabase(name: string, database: Database, withR: boolean): Promise<void> {
  await runMigrations(database);
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
  });
  for (const w of waves.filter(
    (x) => !process.env.BENCH_WAVES || process.env.BENCH_WAVES.includes(x.label),
  )) {
    console.log(`${name}: loading ${w.label}`);
    const load = await timed(() => database.db.transaction((tx) => loadDemoWave(tx, w.truth, actor)));
    const counts = await database.query<{ g: string; n: number }>(
      "select r.target_group as g, count(*)::int as n from responses r join waves w on w.id = r.wave_id where w.code = $1 and r.status = 'completed' group by 1 order by 1",
      [w.truth.code],
    );
    const times: Timing[] = [];
    let cells = 0;
    let comparisons = 0;
    for (let i = 0; i < w.runs; i++) {
      const { value, t } = await timed(() => runResults(database, w.truth.code, actor));
      console.log(
        `${name}: results run ${i + 1} of ${w.label}: ${t.wall.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`,
      );
      times.push(t);
      cells = Object.values(value.estimates).reduce((s, e) => s + e.cells.length, 0);
      comparisons = Object.values(value.estimates).reduce((s, e) => s + e.comparisons.length, 0);
    }
    times.sort((a, b) => a.wall - b.wall);
    state.results.push({
      db: name,
      wave: w.label,
      respondents: Object.fromEntries(counts.map((c) => [c.g, c.n])),
      cells,
      comparisons,
      load: load.t.wall,
      run: times[Math.floor(times.length / 2)]!,
      loadavg: os.loadavg()[0]!.toFixed(1),
    });
    writeDocs();
    if (!withR) continue;
    const files = await reproductionFiles(database, w.truth.code, actor);
    for (const group of w.rGroups) {
      const contents = files.groups[group];
      if (!contents) continue;
      const dir = join(outDir, w.truth.code, group);
      mkdirSync(dir, { recursive: true });
      for (const [f, text] of Object.entries(contents)) writeFileSync(join(dir, f), text);
      console.log(`R: ${w.label} / ${group}`);
      const t = runR(dir);
      const ours = readResults(contents['weerbaar.csv']!);
      const cmp = compareResults(ours, readResults(readFileSync(join(dir, 'reproduced.csv'), 'utf8')));
      console.log(
        `R: ${t.wall.toFixed(1)} s (CPU ${t.cpu.toFixed(1)} s), ${cmp.problems.length} differ, largest ${cmp.largest}`,
      );
      state.r.push({
        wave: w.label,
        group,
        rows: ours.length,
        t,
        problems: cmp.problems.length,
        largest: cmp.largest,
      });
      writeDocs();
    }
  }
}

/** Rscript reproduce.R under /usr/bin/time: wall and CPU seconds. */
function runR(dir: string): Timing {
  const hasTime = existsSync('/usr/bin/time');
  const args = [join(dir, 'reproduce.R'), dir];
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', 'Rscript', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync('Rscript', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`Rscript ${dir} failed:\n${r.stderr}`);
  const field = (n: string) => Number(new RegExp(`${n}: ([\\d.]+)`).exec(r.stderr ?? '')?.[1] ?? Number.NaN);
  return { wall, cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)') };
}

const s = (x: number) => `${x.toFixed(2)} s`;

function writeDocs(): void {
  const rTotal = (wave: string) =>
    state.r
      .filter((r) => r.wave === wave)
      .reduce((t, r) => ({ wall: t.wall + r.t.wall, cpu: t.cpu + r.t.cpu }), { wall: 0, cpu: 0 });
  const lines = state.results.map((r) => {
    const resp = Object.entries(r.respondents)
      .map(([g, n]) => `${g} ${n.toLocaleString('en')}`)
      .join(', ');
    const rt = state.r.some((x) => x.wave === r.wave) ? rTotal(r.wave) : undefined;
    const ratio = rt
      ? `${(rt.wall / r.run.wall).toFixed(0)}× (CPU ${(rt.cpu / r.run.cpu).toFixed(0)}×)`
      : '–';
    return `| ${r.wave} | ${resp} | ${r.cells} + ${r.comparisons} | ${r.db} | ${s(r.run.wall)} (${r.run.cpu.toFixed(2)}) | ${r.loadavg} | ${rt ? `${s(rt.wall)} (${rt.cpu.toFixed(2)})` : '–'} | ${ratio} |`;
  });
  const rLines = state.r.map(
    (r) =>
      `| ${r.wave} | ${r.group} | ${r.rows} | ${s(r.t.wall)} (${r.t.cpu.toFixed(2)}) | ${r.problems === 0 ? 'all agree' : `${r.problems} differ`}, largest ${r.largest.toExponential(1)} |`,
  );
  const section = `## Results runs (\`npm run bench:results\`)

A results run as \`runResults\` does it (read the completed responses, weight by raking, every built-in
indicator × every breakdown with svyciprop-logit intervals, the group comparisons, Holm, write the run in
one transaction), timed end to end in the process (wall; Node's CPU seconds in brackets, which leaves
out the PostgreSQL server's own work); the median of three runs for the demo wave, one for the large one.
R: the generated \`reproduce.R\` of each target group (for the large wave: of its employees; its office
holders are the demo wave's again), exported from the PGlite run as \`weerbaar results export-analysis\`
does, which reads analysis.csv, builds the design, rakes, and estimates the same cells and comparisons
with \`survey\`, timed as a whole process; its numbers are compared with the app's (tolerance 1e-9).
The R / Weerbaar ratio compares R's time for the groups it ran with the whole Weerbaar run.

| Wave | Respondents | Cells + comparisons | Database | Weerbaar run | Load (1 min) | R survey | R / Weerbaar |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}

${rLines.length ? `R per target group (rows = cells + comparisons; wall, CPU in brackets):\n\n| Wave | Group | Rows | R survey | Agreement with the app |\n|---|---|---|---|---|\n${rLines.join('\n')}\n` : 'R was not run (yet, or Rscript with survey is not installed, or BENCH_SKIP_R=1).\n'}
Goals (issue #14): the ~3,300-respondent wave under 2 s and at least 20× faster than R; the
100,000-respondent wave under 20 s. Loading the synthetic waves (not timed above) took
${state.results.map((r) => `${r.db} ${r.wave} ${r.load.toFixed(0)} s`).join(', ')}.

Machine (shared: other engineers' builds and tests ran at the same time, so the wall times are
inflated; the CPU seconds are the steadier figure):
${machineDetails()}
- Load average at the start: ${state.loadStart} (1 min)
`;
  const docPath = join(root, 'docs/benchmarks.md');
  writeFileSync(docPath, replaceSection(readFileSync(docPath, 'utf8'), sectionName, section));
}

const which = process.env.BENCH_DB ?? 'both';
const sectionName = process.env.BENCH_SECTION ?? (which === 'postgres' ? 'results-postgres' : 'results');
const hasR = spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))']).status === 0;

async function main() {
  mkdirSync(outDir, { recursive: true });
  if (which !== 'postgres') {
    const pglite = await openDatabase({});
    try {
      await benchDatabase('PGlite', pglite, hasR && process.env.BENCH_SKIP_R !== '1');
    } finally {
      await pglite.close();
    }
  }
  const pgUrl = benchPostgresUrl();
  if (pgUrl && which !== 'pglite')
    await withFreshPostgres(pgUrl, async (url) => {
      const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
      try {
        await benchDatabase('PostgreSQL 15', database, false);
      } finally {
        await database.close();
      }
    });
}

await main();
