/**
 * Benchmark (a) of `npm run bench:fieldwork`: answer-page saves by BENCH_RESPONDENTS (default 200)
 * concurrent simulated respondents on loopback, each with their own link, CSRF cookie and connection,
 * saving the first section of the questionnaire again and again (a real POST through the whole stack:
 * CSRF, the link's checks, routing, validation, a conditional update on the revision; answered 303). Side by
 * side with a bare Fastify + insert baseline on the same kind of database, one after the other in
 * one run; on embedded PGlite, and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 * (a fresh database is created there and dropped afterwards).
 * Options (env): BENCH_SECONDS (default 15), BENCH_WARMUP_SECONDS (default 3), BENCH_NO_WRITE=1;
 * for finding where the time goes: BENCH_CASES (default all four: weerbaar-saturated,bare-saturated,
 * weerbaar-paced,bare-paced; leaving some out implies BENCH_NO_WRITE), BENCH_DATABASES (pglite,postgres),
 * BENCH_PROFILE=1 (the Weerbaar server prints answer-saves-profile.ts's report), BENCH_NODE_ARGS
 * (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, for both servers).
 * Writes the section `fieldwork-saves` of docs/benchmarks.md. Goal: p99 < 100 ms, ≥ 50% of the baseline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { Respondent } from '../../src/monitor/answering/respondent-client.js';
import { projectPath } from '../../src/platform/paths.js';
import { machineDetails, replaceSection } from '../machine.js';
import { benchPostgresUrl, withFreshPostgres } from '../postgres.js';

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/** Paced run: each respondent saves once per this many ms. */
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1000);
const pgUrl = benchPostgresUrl();
const allCases = ['weerbaar-saturated', 'bare-saturated', 'weerbaar-paced', 'bare-paced'];
const cases = (process.env.BENCH_CASES ?? allCases.join(',')).split(',');
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const noWrite = Boolean(process.env.BENCH_NO_WRITE) || allCases.some((c) => !cases.includes(c));
const empty: Result = { saves: 0, perSecond: NaN, p50: NaN, p99: NaN, errors: 0, clientCpuMs: NaN };

async function startChild(script: string, env: Record<string, string | undefined>, nodeArgs: string[] = []) {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', projectPath(script)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const rl = createInterface({ input: child.stdout! });
  const line = await new Promise<string>((resolve, reject) => {
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    info: JSON.parse(line),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Result {
  saves: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time of this load generator per completed request (it shares the machine with the servers). */
  clientCpuMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/**
 * Runs `one(i, n)` in a loop for every respondent i for warm-up + measure seconds. Counted: the saves
 * that complete inside the measuring window (throughput), with their latencies.
 */
async function drive(one: (i: number, n: number) => Promise<boolean>, paceMs = 0): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const measureFrom = start + WARMUP * 1000;
  const end = measureFrom + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: RESPONDENTS }, async (_, i) => {
      // Paced: respondent i saves at start + phase + n·pace (a new save waits for the previous one).
      const phase = (i / RESPONDENTS) * paceMs;
      for (let n = 0; performance.now() < end; n++) {
        if (paceMs) {
          const due = start + phase + n * paceMs;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (performance.now() >= end) break;
        }
        const t0 = performance.now();
        requests++;
        let ok = false;
        try {
          ok = await one(i, n);
        } catch {
          ok = false;
        }
        const t1 = performance.now();
        if (t1 >= measureFrom && t1 <= end) {
          if (ok) latencies.push(t1 - t0);
          else errors++;
        }
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return {
    clientCpuMs: (cpu.user + cpu.system) / 1000 / Math.max(requests, 1),
    saves: latencies.length,
    perSecond: latencies.length / SECONDS,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
}

const answersFor = (n: number) => ({
  agr_verbal_12m: n % 2 ? 'vaker' : 'nooit',
  agr_physical_12m: 'nooit',
  bg_years_in_office: String(n % 60),
  _action: 'next',
});

async function weerbaar(databaseUrl?: string, paceMs = 0): Promise<Result> {
  const server = await startChild(
    'bench/fieldwork/answer-saves-server.ts',
    { DATABASE_URL: databaseUrl, BENCH_RESPONDENTS: String(RESPONDENTS) },
    (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
  try {
    const { url, tokens } = server.info as { url: string; tokens: string[] };
    // Every respondent opens the link, presses "Begin" and loads the first page (CSRF cookie and token).
    const respondents = await Promise.all(
      tokens.map(async (token) => {
        const r = Respondent.http(url);
        await r.get(`/r/${token}`);
        await r.post(`/r/${token}/start`);
        await r.get(`/r/${token}/s/agressie`);
        const cookie = [...r.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        return { url: `${url}/r/${token}/s/agressie`, cookie, csrf: r.csrf ?? '' };
      }),
    );
    // The saves are the same POSTs the Respondent client sends (its cookies and CSRF token, a
    // urlencoded form), sent as leanly as the baseline's, so the load generator (on the same two
    // cores) costs both servers alike. A save sets no cookie, so the cookie header stays valid.
    return await drive(async (i, n) => {
      const p = respondents[i]!;
      const res = await fetch(p.url, {
        method: 'POST',
        headers: { cookie: p.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: p.csrf, ...answersFor(n) }).toString(),
        redirect: 'manual',
      });
      await res.arrayBuffer();
      return res.status === 303 && !res.headers.has('set-cookie');
    }, paceMs);
  } finally {
    await server.stop();
  }
}

async function bare(databaseUrl?: string, paceMs = 0): Promise<Result> {
  const server = await startChild(
    'bench/fieldwork/answer-saves-bare.ts',
    { DATABASE_URL: databaseUrl },
    (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
  try {
    const url = (server.info as { url: string }).url;
    return await drive(async (i, n) => {
      const body = new URLSearchParams(answersFor(n)).toString();
      const res = await fetch(`${url}/save/r${i}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
      await res.arrayBuffer();
      return res.status === 303;
    }, paceMs);
  } finally {
    await server.stop();
  }
}

const loadAtStart = loadavg()[0]!.toFixed(1);
const rows: string[] = [];
const verdicts: string[] = [];
const fmt = (r: Result) => `${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)}`;
async function compare(label: string, databaseUrl?: string) {
  // Saturation: every respondent saves again as soon as the previous save is answered.
  const w = cases.includes('weerbaar-saturated') ? await weerbaar(databaseUrl) : empty;
  const b = cases.includes('bare-saturated') ? await bare(databaseUrl) : empty;
  // Paced: every respondent saves once per PACE_MS (200 respondents → 200 saves/s offered).
  const wp = cases.includes('weerbaar-paced') ? await weerbaar(databaseUrl, PACE_MS) : empty;
  const bp = cases.includes('bare-paced') ? await bare(databaseUrl, PACE_MS) : empty;
  const ratio = w.perSecond / b.perSecond;
  console.log(
    `${label}: load generator CPU per request: weerbaar ${w.clientCpuMs.toFixed(2)} ms, bare ${b.clientCpuMs.toFixed(2)} ms`,
  );
  console.log(
    `${label}: saturated weerbaar ${w.perSecond.toFixed(0)} saves/s p99 ${w.p99.toFixed(1)} ms, bare ${b.perSecond.toFixed(0)} saves/s (${(ratio * 100).toFixed(0)}%); ` +
      `paced weerbaar p50 ${wp.p50.toFixed(1)} p99 ${wp.p99.toFixed(1)} ms, bare p99 ${bp.p99.toFixed(1)} ms`,
  );
  rows.push(
    `| ${label} | saturated | ${fmt(w)} | ${fmt(b)} | **${(ratio * 100).toFixed(0)}%** | ${w.errors} |`,
    `| ${label} | paced, ${(RESPONDENTS * 1000) / PACE_MS} saves/s offered | ${fmt(wp)} | ${fmt(bp)} | — | ${wp.errors} |`,
  );
  verdicts.push(
    `${label}: throughput ${(ratio * 100).toFixed(0)}% of the baseline (goal ≥ 50%: ${ratio >= 0.5 ? 'met' : 'missed'}); p99 at ${(RESPONDENTS * 1000) / PACE_MS} saves/s ${wp.p99.toFixed(0)} ms (goal < 100 ms: ${wp.p99 < 100 ? 'met' : 'missed'}); p99 when saturated ${w.p99.toFixed(0)} ms (the baseline's ${b.p99.toFixed(0)} ms)`,
  );
}

if (databases.includes('pglite')) await compare('embedded PGlite');
if (!databases.includes('postgres')) console.log('PostgreSQL skipped (BENCH_DATABASES)');
else if (pgUrl) await withFreshPostgres(pgUrl, (url) => compare('PostgreSQL', url));
else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');

const section = [
  '## Answer-page saves (`npm run bench:fieldwork`, part a)',
  '',
  `${RESPONDENTS} simulated respondents at once on loopback, each with their own link, CSRF cookie and keep-alive connection, saving the first section of a questionnaire again and again (the form POST a browser without JavaScript sends; the answer changes every time, so every save writes). *Saturated*: each respondent saves again as soon as the previous save is answered, so latency is mostly queueing (${RESPONDENTS} ÷ throughput) and the number that matters is throughput. *Paced*: each respondent saves once per ${PACE_MS / 1000} s — far more than a person filling in a page — and latency is what a respondent waits. Weerbaar runs with production settings (security headers, CSRF, rate limiter, routing and validation of the answers, 303). A save is one prepared UPDATE that applies only if the response is still at the revision the server last saw (from showing the page or the previous save), still in progress, and its link still leads to an open wave; otherwise the save looks the link up again (one more prepared statement) and recomputes. The GET of the next page after the 303 is not part of the measurement. The baseline is bare Fastify with only a form parser doing one upsert per POST into one table of the same database, 303. Each server in its own process, one after the other, ${SECONDS} s measured after ${WARMUP} s warm-up; the load generator runs on the same machine (2 cores shared with the servers and, for PostgreSQL, the database).${pgUrl ? '' : ' PostgreSQL was not measured (no BENCH_DATABASE_URL).'}`,
  '',
  machineDetails(),
  `- Load average at the start: ${loadAtStart} (1 min); results on a shared machine vary from run to run, compare the two columns of one run`,
  '',
  '| database | load | Weerbaar saves/s | p50 ms | p99 ms | bare saves/s | bare p50 ms | bare p99 ms | Weerbaar / bare | errors |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  ...verdicts.map((v) => `- ${v}`),
].join('\n');
console.log(`\n${section}`);
if (!noWrite) {
  const path = projectPath('docs/benchmarks.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  writeFileSync(path, replaceSection(doc, 'fieldwork-saves', section));
  console.log('written to docs/benchmarks.md');
}
process.exit(0);
