/**
 * `npm run bench:stats`: `weerbaar analyse` against Rscript + survey, side by side, as whole processes
 * (start-up and CSV reading included), on the same generated files. Checks that the numbers agree, then
 * writes the stats section of docs/benchmarks.md. Data go to bench/out/stats (gitignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { machineDetails, replaceSection } from '../machine.js';
import { generate, ITEMS, rakingTotals } from './generate.js';
import { compareWithR, rScript } from './r-side.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'bench/out/stats');
const sizes = (process.env.BENCH_SIZES ?? '10000,30000,100000,300000,1000000').split(',').map(Number);
const mainSize = 300_000;
/**
 * R's variance after raking replays ten raking sweeps over every row for each group (and again inside
 * svyvar for deff): at 300k rows one run took over 15 minutes, so R runs the raking variant on the
 * smaller files only; weerbaar runs it on all of these.
 */
const rakeWithR = new Set((process.env.BENCH_RAKE_R_SIZES ?? '10000').split(',').map(Number));
const rakeSizes = new Set([...rakeWithR, mainSize, 1_000_000]);
const runsOurs = 3;

interface Measure {
  seconds: number;
  /** User + system CPU seconds: less sensitive than wall time to other load on the machine. */
  cpu: number;
  peakMiB: number;
}

/** Runs a command under /usr/bin/time -v (if present) for wall time and peak resident memory. */
function measure(cmd: string, args: string[]): Measure {
  const hasTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr ?? '');
    return m ? Number(m[1]) : Number.NaN;
  };
  return {
    seconds,
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    peakMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

function median(xs: Measure[]): Measure {
  const s = [...xs].sort((a, b) => a.seconds - b.seconds);
  return s[Math.floor(s.length / 2)]!;
}

function spec(data: string, totals?: Record<string, Record<string, number>>) {
  return {
    description: 'benchmark: 10 proportions by a 50-level group, Wald CI and design effect',
    data,
    design: { strata: 'stratum', cluster: 'psu', weights: 'w' },
    ...(totals
      ? {
          calibrate: {
            method: 'raking',
            margins: Object.entries(totals).map(([variable, t]) => ({ variable, totals: t })),
            epsilon: 1e-10,
            maxit: 200,
          },
        }
      : {}),
    estimates: Array.from({ length: ITEMS }, (_, k) => ({
      id: `i${k + 1}`,
      statistic: 'proportion',
      variable: `i${k + 1}`,
      level: '1',
      by: ['grp'],
      ci: 'wald',
    })),
  };
}

const version = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '';
};

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  console.log('building dist/cli.js');
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0)
    throw new Error('npm run build failed: the benchmark measures the compiled CLI (dist/cli.js)');
  const hasR = spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))']).status === 0;
  if (!hasR) console.log('Rscript with survey not found: measuring weerbaar only');
  const rows: string[] = [];
  const checks: string[] = [];
  let mainRatio = Number.NaN;
  let rakeRatio = Number.NaN;
  let peak1m = Number.NaN;
  for (const n of sizes) {
    const csv = join(outDir, `resp-${n}.csv`);
    const countsFile = `${csv}.margins.json`;
    if (!existsSync(csv) || !existsSync(countsFile)) {
      console.log(`generating ${n} rows`);
      writeFileSync(countsFile, JSON.stringify(await generate(csv, n)));
    }
    const totals = rakingTotals(JSON.parse(readFileSync(countsFile, 'utf8')));
    const variants: [string, Record<string, Record<string, number>> | undefined][] = [['plain', undefined]];
    if (rakeSizes.has(n)) variants.push(['raking', totals]);
    for (const [variant, tot] of variants) {
      const base = join(outDir, `resp-${n}-${variant}`);
      writeFileSync(`${base}.spec.json`, JSON.stringify(spec(`resp-${n}.csv`, tot), null, 2));
      const oursOut = `${base}.weerbaar.json`;
      const ours = median(
        Array.from({ length: runsOurs }, () =>
          measure(process.execPath, [
            join(root, 'bin/weerbaar.js'),
            'analyse',
            `${base}.spec.json`,
            '--out',
            oursOut,
          ]),
        ),
      );
      const load = os.loadavg()[0]!.toFixed(1);
      let line = `| ${n.toLocaleString('en')} | ${variant} | ${load} | ${ours.seconds.toFixed(2)} s (${ours.cpu.toFixed(2)}) | ${ours.peakMiB.toFixed(0)} MiB |`;
      if (hasR && (variant === 'plain' || rakeWithR.has(n))) {
        writeFileSync(`${base}.R`, rScript(csv, `${base}.r.csv`, tot));
        console.log(`R: ${n} rows, ${variant}`);
        const r = measure('Rscript', [`${base}.R`]);
        const cmp = compareWithR(
          JSON.parse(readFileSync(oursOut, 'utf8')),
          readFileSync(`${base}.r.csv`, 'utf8'),
        );
        const ratio = r.seconds / ours.seconds;
        if (n === mainSize && variant === 'plain') mainRatio = ratio;
        if (variant === 'raking') rakeRatio = ratio;
        const cpuRatio = r.cpu / ours.cpu;
        line += ` ${r.seconds.toFixed(2)} s (${r.cpu.toFixed(2)}) | ${r.peakMiB.toFixed(0)} MiB | **${ratio.toFixed(1)}×** (${cpuRatio.toFixed(1)}×) | ${cmp.agree ? 'yes' : '**NO**'} (max rel. diff ${cmp.maxRel.toExponential(1)}, ${cmp.compared} numbers) |`;
        checks.push(`${n} ${variant}: ${cmp.agree ? 'agree' : 'DISAGREE'} ${cmp.maxRel.toExponential(2)}`);
      } else line += ` – | – | – | ${hasR ? 'R not run (see above)' : '–'} |`;
      if (n === 1_000_000 && variant === 'plain') peak1m = ours.peakMiB;
      rows.push(line);
      console.log(line);
    }
  }
  const section = [
    '## Survey statistics: `weerbaar analyse` vs R survey',
    '',
    'Whole processes, start-up and CSV reading included: `node bin/weerbaar.js analyse spec.json` (compiled',
    'bundle) against `Rscript` running `read.csv` + `svydesign(ids = ~psu, strata = ~stratum, weights = ~w)`',
    '(+ `rake()` to 3 margins in the raking rows) + `svyby(~i1+…+i10, ~grp, design, svymean, deff = TRUE,',
    'na.rm = TRUE)` + `confint()`. Data: 20 strata × 50 PSUs, weights, a 50-level group, 10 binary items;',
    "2% of respondents skip the whole item battery (so R's listwise `na.rm` equals per-item domain",
    `estimation). weerbaar: median of ${runsOurs} runs; R: one run. Memory: peak resident set (\`/usr/bin/time -v\`).`,
    'Agreement: every estimate, SE, CI bound and deff within max(1e-12, 1e-9·|R|). Generated by `npm run bench:stats`.',
    '',
    machineDetails(),
    `- ${version(process.execPath, ['--version']).replace(/^v/, 'Node ')}; ${hasR ? version('Rscript', ['--version']) : 'R not installed'}; survey ${hasR ? version('Rscript', ['-e', 'cat(as.character(packageVersion("survey")))']) : '–'}`,
    '',
    `**Result:** ${mainSize.toLocaleString('en')} rows: ${Number.isNaN(mainRatio) ? '–' : `${mainRatio.toFixed(1)}×`} faster than R` +
      ` (raking, at ${[...rakeWithR].sort((a, b) => b - a)[0]?.toLocaleString('en')} rows: ${Number.isNaN(rakeRatio) ? '–' : `${rakeRatio.toFixed(1)}×`}); peak memory at 1M rows ${Number.isNaN(peak1m) ? '–' : `${peak1m.toFixed(0)} MiB`}.`,
    '',
    'R runs the raking variant only on the smaller files: its variance after `rake()` repeats ten raking sweeps',
    'over every row for each of the 50 groups (and again inside `svyvar` for the design effect); at 300,000 rows',
    'a run was stopped after 15 minutes. weerbaar keeps the raking residuals as per-category coefficients, so a',
    'group costs its own rows plus PSUs × categories.',
    '',
    'Times are wall clock, CPU seconds (user + system) in brackets; "load" is the 1-minute load average when',
    'the row was measured (other work on the machine slows both programs).',
    '',
    '| rows | variant | load | weerbaar | weerbaar peak | R | R peak | R / weerbaar | numbers agree |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
  const docPath = join(root, 'docs/benchmarks.md');
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  writeFileSync(docPath, replaceSection(doc, 'stats', section));
  console.log(checks.join('\n'));
  console.log(`wrote ${docPath}`);
  if (checks.some((c) => c.includes('DISAGREE'))) process.exitCode = 1;
}

await main();
