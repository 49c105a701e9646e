/**
 * Faults: kill -9 of the real server (`weerbaar serve`, a child process) while many respondents save
 * answer pages at once, then a restart. Every save the server acknowledged (303) is in the database
 * afterwards; a save that was in flight at the kill is either there or not, never half. The server's
 * log lines carry the route pattern, never a respondent's link token. Runs on the embedded database
 * (a PGlite data directory) always, and on PostgreSQL in the PostgreSQL pass.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { cliCommand, seedDataDir } from '../../../test/support/cli.js';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { type Database, openDatabase } from '../../platform/db/database.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { resumeKeyHash } from './keys.js';
import { Respondent } from './respondent-client.js';
import { seedAnsweringWave } from './seed-wave.js';

const RESPONDENTS = 40;
const KILL_AFTER_ACKS = 150;
const RESPONSE_KEY = Buffer.alloc(32, 9);

interface Server {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

async function startServe(env: Record<string, string>): Promise<Server> {
  const proc = spawn(process.execPath, [...cliCommand(), 'serve', '--port', '0'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RESPONSE_KEY: RESPONSE_KEY.toString('base64'),
      WEERBAAR_JOBS_IN_PROCESS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => {
    out += d;
  });
  proc.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // Ready when it says so (no time limit of its own: on a loaded machine a start takes tens of seconds;
  // a server that never comes up ends with the test's timeout, one that fails exits and says why).
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /Weerbaar is running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    proc.stdout!.on('data', check);
    exited.then(() => reject(new Error(`serve exited: ${out}`)));
  });
  return { proc, url, output: () => out, exited };
}

async function crashAndRecover(t: TestContext, env: Record<string, string>, open: () => Promise<Database>) {
  let database = await open();
  await runMigrations(database);
  const wave = await seedAnsweringWave(database, { persons: RESPONDENTS });
  await database.close();

  let server = await startServe(env);
  const respondents = await Promise.all(
    wave.tokens.map(async (token) => {
      const r = Respondent.http(server.url);
      await r.get(`/r/${token}`);
      const started = await r.post(`/r/${token}/start`);
      assert.equal(started.status, 303);
      await r.get(`/r/${token}/s/afsluiting`);
      return { token, r, acked: undefined as string | undefined, inFlight: undefined as string | undefined };
    }),
  );

  // Every respondent saves the last page again and again, each time with a new text.
  let acks = 0;
  let failures = 0;
  let killed = false;
  let stopped = 0;
  const killAt = new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      // (or when every respondent has stopped early: then the check of `acks` below says so, no hang)
      if (acks >= KILL_AFTER_ACKS || stopped === respondents.length) {
        clearInterval(tick);
        server.proc.kill('SIGKILL');
        killed = true;
        resolve();
      }
    }, 1);
  });
  await Promise.all(
    respondents.map(async (p, i) => {
      for (let n = 0; !killed; n++) {
        const text = `opslag ${i}-${n}`;
        p.inFlight = text;
        try {
          const res = await p.r.post(`/r/${p.token}/s/afsluiting`, { remarks: text, _action: 'back' });
          if (res.status !== 303) throw new Error(`status ${res.status}`);
          p.acked = text;
          p.inFlight = undefined;
          acks++;
        } catch {
          failures++;
          break;
        }
      }
      stopped++;
    }),
  );
  await killAt;
  const result = await server.exited;
  assert.equal(result.signal, 'SIGKILL');
  t.diagnostic(`killed after ${acks} acknowledged saves; ${failures} requests cut off`);
  assert.ok(acks >= KILL_AFTER_ACKS, `only ${acks} saves were acknowledged before every respondent stopped`);

  const firstLogs = server.output();
  // Restart on the same data: it comes up, and answering goes on.
  server = await startServe(env);
  const again = Respondent.http(server.url);
  const page = await again.get(`/r/${respondents[0]!.token}/s/afsluiting`);
  assert.equal(page.status, 200);
  server.proc.kill('SIGTERM');
  await server.exited;

  database = await open();
  try {
    const rows = await database.query<{ resume_key_hash: string; answers: Record<string, unknown> }>(
      'select resume_key_hash, answers from responses where wave_id = $1',
      [wave.waveId],
    );
    const byKey = new Map(rows.map((r) => [r.resume_key_hash, r.answers]));
    let inFlightKept = 0;
    for (const p of respondents) {
      const stored = byKey.get(resumeKeyHash(RESPONSE_KEY, p.token))?.remarks;
      if (p.inFlight !== undefined && stored === p.inFlight) {
        inFlightKept++;
        continue;
      }
      assert.equal(stored, p.acked, 'an acknowledged save is in the database');
    }
    t.diagnostic(`${inFlightKept} saves that were in flight at the kill were committed too`);
  } finally {
    await database.close();
  }
  const logs = firstLogs + server.output();
  assert.match(logs, /\/r\/:token/, 'request logs name the route pattern');
  for (const p of respondents) assert.ok(!logs.includes(p.token), 'a link token appeared in the log');
}

test('kill -9 during answer saves (embedded database): every acknowledged save survives', {
  skip: testBackend() !== 'pglite' ? 'runs in the PGlite pass' : false,
  // a last resort (a loaded machine starts the server twice in tens of seconds each)
  timeout: 900_000,
}, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-answer-crash-'));
  await seedDataDir(dir);
  try {
    await crashAndRecover(t, { WEERBAAR_DATA_DIR: dir }, () => openDatabase({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 during answer saves (PostgreSQL): every acknowledged save survives', {
  skip:
    testBackend() !== 'postgres'
      ? process.env.TEST_DATABASE_URL
        ? 'runs in the PostgreSQL pass'
        : 'TEST_DATABASE_URL is not set: the PostgreSQL variant of the kill -9 test is skipped'
      : false,
  timeout: 900_000,
}, async (t) => {
  const database = await createTestDatabase();
  try {
    await crashAndRecover(t, { DATABASE_URL: database.url! }, async () => ({
      ...database,
      close: async () => {},
    }));
  } finally {
    await database.close();
  }
});
