/**
 * Faults: kill -9 of a real process while it sends mail, then a restart. Every message must arrive, each
 * under exactly one Message-ID (one per idempotency key), and nothing twice except what was in flight at
 * the moment of the kill (the documented at-least-once window between the SMTP server's acceptance and the
 * database update; a duplicate then carries the same Message-ID). Runs on the embedded database (a PGlite
 * data directory) always, and on PostgreSQL in the PostgreSQL pass.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { seedDataDir } from '../../../test/support/cli.js';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { type Database, openDatabase } from '../db/database.js';
import { projectPath } from '../paths.js';
import { mailMessagesByStatus } from './mail.js';
import { mailConcurrency } from './transport.js';

const COUNT = 30;
/**
 * At most as many messages are in flight at a kill as the mail.send queue runs handlers at once: for the
 * child's MAIL_PER_MINUTE (100000), the most there are (more handlers, a wider at-least-once window).
 */
const IN_FLIGHT = mailConcurrency({ MAIL_PER_MINUTE: 100_000 });
const child = projectPath('test', 'faults', 'mail-crash-child.ts');

/**
 * How long the child may make no progress at all (no delivery at the SMTP server, no output) before the
 * test gives up on it. Progress, not total time: on a loaded machine (a fresh clone's whole test run on
 * two cores) starting a child (tsx, PGlite recovery after a kill) takes tens of seconds, and a fixed
 * total time failed there although nothing was wrong; a real hang still ends the test.
 */
const STALL_MS = 180_000;

interface ChildRun {
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: string | null; out: string }>;
}

function startChild(env: Record<string, string>, smtp: TestSmtp): ChildRun {
  const proc = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let lastProgress = Date.now();
  let deliveries = smtp.received.length;
  proc.stdout!.on('data', (d) => {
    out += d;
    lastProgress = Date.now();
  });
  proc.stderr!.on('data', (d) => {
    out += d;
    lastProgress = Date.now();
  });
  const watchdog = setInterval(() => {
    if (smtp.received.length !== deliveries) {
      deliveries = smtp.received.length;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > STALL_MS) {
      out += `\n[test] no progress for ${STALL_MS / 1000} s: killed\n`;
      proc.kill('SIGKILL');
    }
  }, 1000);
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    proc.once('exit', (code, signal) => {
      clearInterval(watchdog);
      resolve({ code, signal, out });
    }),
  );
  return { proc, exited };
}

async function crashAndRecover(
  t: TestContext,
  env: Record<string, string>,
  smtp: TestSmtp,
  openAfter: () => Promise<Database>,
) {
  // Slow the server a little, so that kills land inside SMTP conversations too.
  smtp.delayMs = 5;
  let kills = 0;
  const started = Date.now();
  for (const killAt of [Math.floor(COUNT / 4), Math.floor(COUNT / 2)]) {
    const run = startChild({ ...env, SMTP_PORT: String(smtp.port), MAIL_COUNT: String(COUNT) }, smtp);
    let killedByTest = false;
    const killed = new Promise<void>((resolve) => {
      smtp.onAccepted = () => {
        if (smtp.received.length >= killAt && run.proc.exitCode === null && !run.proc.killed) {
          smtp.onAccepted = undefined;
          // somewhere in the next few milliseconds: before, inside or after the next conversation/update
          setTimeout(
            () => {
              killedByTest = true;
              run.proc.kill('SIGKILL');
              resolve();
            },
            Math.floor(Math.random() * 15),
          );
        }
      };
    });
    const result = await Promise.race([run.exited, killed.then(() => run.exited)]);
    smtp.onAccepted = undefined;
    assert.ok(
      killedByTest && result.signal === 'SIGKILL',
      `the child should have been killed mid-way, but it ended (${result.code ?? result.signal}): ${result.out}`,
    );
    kills += 1;
    t.diagnostic(
      `killed after ${smtp.received.length} deliveries (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  assert.ok(smtp.received.length < COUNT + kills * IN_FLIGHT, 'the kills happened mid-way');

  const final = startChild({ ...env, SMTP_PORT: String(smtp.port), MAIL_COUNT: String(COUNT) }, smtp);
  const done = await final.exited;
  assert.equal(done.code, 0, `the restarted process should finish: ${done.out}`);
  assert.match(done.out, /done/);

  const database = await openAfter();
  try {
    const sent = await mailMessagesByStatus(database, ['sent']);
    assert.equal(sent.length, COUNT, 'every message is sent');
    const all = await mailMessagesByStatus(database, ['queued', 'sending', 'failed', 'bounced']);
    assert.equal(all.length, 0);

    const counts = smtp.countByMessageId();
    let duplicates = 0;
    for (const m of sent) {
      const deliveries = smtp.received.filter((r) => r.mailId === m.id);
      assert.ok(deliveries.length >= 1, `message ${m.idempotencyKey} arrived`);
      assert.deepEqual(
        [...new Set(deliveries.map((d) => d.messageId))],
        [m.messageId],
        `one Message-ID for ${m.idempotencyKey}`,
      );
      duplicates += (counts.get(m.messageId!) ?? 0) - 1;
    }
    assert.equal(
      new Set(smtp.received.map((r) => r.mailId)).size,
      COUNT,
      'no message for a key that was not queued',
    );
    t.diagnostic(
      `${smtp.received.length} deliveries for ${COUNT} messages after ${kills} kills (${duplicates} repeated in the kill window, ${smtp.connectionErrors.length} connections reset mid-conversation)`,
    );
    // A killed sender resets its connection; nothing else may go wrong on the server's side.
    for (const err of smtp.connectionErrors)
      assert.match(String((err as NodeJS.ErrnoException).code), /^(ECONNRESET|EPIPE)$/, err.message);
    assert.ok(
      duplicates <= kills * IN_FLIGHT,
      `at most the messages in flight at a kill may arrive twice (got ${duplicates} repeats)`,
    );
  } finally {
    await database.close();
  }
}

test('kill -9 while sending mail (embedded database): after restarts every message arrives, once per key', {
  skip: testBackend() !== 'pglite' ? 'runs in the PGlite pass' : false,
  // A last resort only: the watchdog above ends a child that makes no progress.
  timeout: 1_200_000,
}, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-crash-'));
  await seedDataDir(dir);
  const smtp = await startTestSmtp();
  try {
    await crashAndRecover(t, { CHILD_DATA_DIR: dir }, smtp, () => openDatabase({ dataDir: dir }));
  } finally {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 while sending mail (PostgreSQL): after restarts every message arrives, once per key', {
  skip:
    testBackend() !== 'postgres'
      ? process.env.TEST_DATABASE_URL
        ? 'runs in the PostgreSQL pass'
        : 'TEST_DATABASE_URL is not set: the PostgreSQL variant of the kill -9 test is skipped'
      : false,
  timeout: 1_200_000,
}, async (t) => {
  const database = await createTestDatabase();
  const smtp = await startTestSmtp();
  try {
    await crashAndRecover(t, { CHILD_DATABASE_URL: database.url! }, smtp, async () => ({
      ...database,
      close: async () => {},
    }));
  } finally {
    await smtp.close();
    await database.close();
  }
});
