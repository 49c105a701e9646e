#!/usr/bin/env node
// The test command: every *.test.ts / *.test.tsx under src/ and test/, in one node:test run.
//  - Migrated database templates are built once first (PGlite; PostgreSQL when TEST_DATABASE_URL is set),
//    and demo templates (the full demo loaded) when a file in the run uses them (test/support/template.ts).
//  - With TEST_DATABASE_URL, every *.db.test.ts file runs a second time against PostgreSQL (unless its
//    header says "Database passes: PGlite only").
//  - Browser tests skip themselves, saying so, when /usr/bin/chromium is missing. When there are browser
//    tests in the run, one Chromium is started for all of them (test/support/browser-server.ts); each
//    file connects to it and works in browser contexts of its own.
//  - The test files are compiled ahead of time into .test-cache/build-<pid> (scripts/test-bundle.mjs:
//    one esbuild build, project code shared in chunks), so a file's process loads JavaScript instead of
//    compiling TypeScript through tsx module by module. WEERBAAR_TEST_TSX=1 runs the sources under tsx.
//  - Files run two at a time (TEST_CONCURRENCY), the longest first: test/support/durations-reporter.mjs
//    records each file's duration in .test-cache/test-durations.json; files not seen before go first.
//  - Each file's wall time and CPU time (test/support/cpu-usage.mjs) are summed per pass at the end, with
//    the 20 costliest files; the full table goes to <os temp dir>/weerbaar-test-usage-<checkout folder>.txt.
// Extra arguments are passed to node --test (e.g. a file list or --test-name-pattern).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleTests } from './test-bundle.mjs';

const root = resolve(import.meta.dirname, '..');
const startedAt = Date.now();
/** CPU milliseconds (user + system) of the child processes this process has waited for so far. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}
const args = process.argv.slice(2);
const fileArgs = args.filter((a) => /\.test\.tsx?$/.test(a));
const otherArgs = args.filter((a) => !fileArgs.includes(a));

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'fixtures') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const files = fileArgs.length
  ? fileArgs.map((f) => resolve(f))
  : [...walk(join(root, 'src')), ...walk(join(root, 'test'))].sort();

// CLI tests run the compiled bundle (as users do): build it first, it takes about a second.
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const env = {
  ...process.env,
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  WEERBAAR_TEST_CLI_BUILD: '1',
};
const setup = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/support/template.ts')], {
  stdio: 'inherit',
  env,
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

// The demo templates (the full demo loaded once per run instead of once per file; test/support/template.ts)
// when a file in the run asks for them: the PGlite one and, for the PostgreSQL pass, the PostgreSQL one,
// built side by side.
const usesDemo = (f) => /\bcreateDemoTestDatabase\b|\{ demo: true \}/.test(readFileSync(f, 'utf8'));
const demoKinds = [];
if (files.some(usesDemo)) demoKinds.push('demo-pglite');
if (process.env.TEST_DATABASE_URL && files.some((f) => /\.db\.test\.tsx?$/.test(f) && usesDemo(f)))
  demoKinds.push('demo-postgres');
const demoBuilds = demoKinds.map(
  (kind) =>
    new Promise((resolve) =>
      spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/template.ts'), kind], {
        stdio: 'inherit',
        env,
      }).once('exit', (code) => resolve(code)),
    ),
);
for (const code of await Promise.all(demoBuilds)) if (code !== 0) process.exit(code ?? 1);
const setupCpuMs = childrenCpuMs();
const setupWallMs = Date.now() - startedAt;

// Compiled test files (see the header), removed when the run ends.
const useTsx = process.env.WEERBAAR_TEST_TSX === '1';
const buildDir = join(root, '.test-cache', `build-${process.pid}`);
let compiled = new Map(files.map((f) => [f, f]));
if (!useTsx) {
  process.on('exit', () => rmSync(buildDir, { recursive: true, force: true }));
  rmSync(buildDir, { recursive: true, force: true });
  compiled = await bundleTests(root, files, buildDir);
}
const runList = files.map((f) => compiled.get(f));
/** A file's key in the durations record: its path, plus " [postgres]" for its PostgreSQL-pass wrapper. */
const durationKey = new Map(files.map((f) => [compiled.get(f), relative(root, f)]));
/** The source of a compiled file or of a PostgreSQL-pass wrapper (its size ranks it when no duration is known). */
const sourceOf = new Map(files.map((f) => [compiled.get(f), f]));
if (process.env.TEST_DATABASE_URL) {
  const pgDir = join(root, '.test-cache', `postgres-pass-${process.pid}`);
  process.on('exit', () => rmSync(pgDir, { recursive: true, force: true }));
  rmSync(pgDir, { recursive: true, force: true });
  mkdirSync(pgDir, { recursive: true });
  // A database test whose header says "Database passes: PGlite only" (a slow end-to-end check that does
  // not depend on the database kind) runs once.
  const pgliteOnly = (f) => /^ \* Database passes: PGlite only\b/m.test(readFileSync(f, 'utf8'));
  const dbFiles = files.filter((f) => f.endsWith('.db.test.ts') || f.endsWith('.db.test.tsx'));
  const once = dbFiles.filter(pgliteOnly);
  if (once.length)
    console.log(`PGlite only (their header says so): ${once.map((f) => relative(root, f)).join(', ')}`);
  for (const f of dbFiles.filter((f) => !once.includes(f))) {
    const wrapper = join(
      pgDir,
      relative(root, f)
        .replaceAll('/', '__')
        .replace(/\.tsx?$/, '.pg.mjs'),
    );
    writeFileSync(
      wrapper,
      `process.env.WEERBAAR_TEST_BACKEND = 'postgres';\nawait import(${JSON.stringify(pathToFileURL(compiled.get(f)).href)});\n`,
    );
    runList.push(wrapper);
    durationKey.set(wrapper, `${relative(root, f)} [postgres]`);
    sourceOf.set(wrapper, f);
  }
  console.log(
    `PostgreSQL pass: ${runList.length - files.length} database test files also run against TEST_DATABASE_URL`,
  );
} else {
  console.log('PostgreSQL pass skipped: TEST_DATABASE_URL is not set (database tests run on PGlite only)');
}
let browserServer;
if (!existsSync('/usr/bin/chromium')) {
  console.log('Browser tests skipped: /usr/bin/chromium is not installed');
} else if (files.some((f) => /\.browser\.test\.tsx?$/.test(f))) {
  browserServer = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/browser-server.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env,
  });
  const endpoint = await new Promise((resolve, reject) => {
    let out = '';
    browserServer.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n');
      if (line.length > 1) resolve(line[0].trim());
    });
    browserServer.once('exit', (code) => reject(new Error(`the test Chromium did not start (exit ${code})`)));
  });
  env.WEERBAAR_TEST_BROWSER_WS = endpoint;
}

// Longest first (as measured last time); files without a record first of all, browser tests and then
// larger files before smaller ones, so that a fresh checkout gets a sensible order too.
const durationsFile = join(root, '.test-cache', 'test-durations.json');
let durations = {};
try {
  durations = JSON.parse(readFileSync(durationsFile, 'utf8'));
} catch {}
const rank = (f) => {
  const known = durations[durationKey.get(f)];
  if (known !== undefined) return [1, -known];
  return [0, f.includes('.browser.test.') ? 0 : 1, -statSync(sourceOf.get(f) ?? f).size];
};
const byRank = (a, b) => {
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return 0;
};
runList.sort(byRank);
const reporterArgs = otherArgs.some((a) => a.startsWith('--test-reporter'))
  ? []
  : [
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${pathToFileURL(join(root, 'test/support/durations-reporter.mjs')).href}`,
      `--test-reporter-destination=${durationsFile}.${process.pid}`,
    ];

const usageDir = join(tmpdir(), `weerbaar-test-usage-${process.pid}`);
rmSync(usageDir, { recursive: true, force: true });
mkdirSync(usageDir, { recursive: true });
env.WEERBAAR_TEST_USAGE_DIR = usageDir;

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  [
    ...(useTsx ? ['--import', 'tsx'] : ['--enable-source-maps']),
    '--import',
    pathToFileURL(join(root, 'test/support/cpu-usage.mjs')).href,
    '--test',
    // A file whose tests and hooks are done exits even if a handle (a timer, a socket) is left open: such a
    // leftover once kept a file's process, and so the whole run, waiting for over an hour.
    '--test-force-exit',
    `--test-concurrency=${concurrency}`,
    ...reporterArgs,
    ...otherArgs,
    ...runList,
  ],
  { stdio: 'inherit', env, cwd: root },
);
if (reporterArgs.length) {
  try {
    const measured = JSON.parse(readFileSync(`${durationsFile}.${process.pid}`, 'utf8'));
    for (const [file, ms] of Object.entries(measured)) {
      const key = durationKey.get(file);
      if (key) durations[key] = Math.round(ms);
    }
    // Written aside and renamed: other runs in this tree may read it at the same time.
    writeFileSync(`${durationsFile}.${process.pid}.tmp`, `${JSON.stringify(durations, null, 1)}\n`);
    renameSync(`${durationsFile}.${process.pid}.tmp`, durationsFile);
  } catch {}
  rmSync(`${durationsFile}.${process.pid}`, { force: true });
}
if (browserServer) {
  const closed = new Promise((resolve) => browserServer.once('exit', resolve));
  browserServer.stdin.end();
  await closed;
}
reportUsage();
process.exit(result.status ?? 1);

/** Prints CPU and wall time per pass and the 20 costliest files; writes the full table to the temp dir. */
function reportUsage() {
  const rows = [];
  for (const f of readdirSync(usageDir)) {
    try {
      const u = JSON.parse(readFileSync(join(usageDir, f), 'utf8'));
      rows.push({ ...u, key: durationKey.get(u.file) ?? relative(root, u.file) });
    } catch {}
  }
  rmSync(usageDir, { recursive: true, force: true });
  if (!rows.length) return;
  const s = (ms) => (ms / 1000).toFixed(1);
  const pass = (pg) => rows.filter((r) => r.key.endsWith(' [postgres]') === pg);
  const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);
  const lines = [];
  for (const [name, rs] of [
    ['PGlite pass', pass(false)],
    ['PostgreSQL pass', pass(true)],
  ]) {
    if (rs.length)
      lines.push(
        `${name}: ${rs.length} files, ${s(sum(rs, 'cpuMs'))} s CPU, ${s(sum(rs, 'wallMs'))} s wall (summed)`,
      );
  }
  const missing = runList.length - rows.length;
  if (missing > 0) lines.push(`${missing} files left no usage record (killed or crashed?)`);
  lines.push(
    `Whole run: ${s(Date.now() - startedAt)} s wall, ${s(childrenCpuMs())} s CPU of its processes ` +
      `(build and templates ${s(setupCpuMs)} s CPU / ${s(setupWallMs)} s wall; PostgreSQL server not counted)`,
  );
  const table = rows
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .map((r) => `${s(r.cpuMs).padStart(7)} s CPU ${s(r.wallMs).padStart(7)} s wall  ${r.key}`);
  const out = join(tmpdir(), `weerbaar-test-usage-${basename(root)}.txt`);
  try {
    writeFileSync(out, `${lines.join('\n')}\n\n${table.join('\n')}\n`);
  } catch {}
  console.log(`\nThe 20 costliest test files (all ${rows.length} in ${out}):`);
  console.log(table.slice(0, 20).join('\n'));
  console.log(lines.join('\n'));
}
