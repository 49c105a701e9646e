/**
 * `weerbaar worker` end to end: a separate process runs the jobs against PostgreSQL (PostgreSQL pass),
 * and refuses the embedded database with a clear message (always).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliCommand } from '../../../test/support/cli.js';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { startTestSmtp } from '../../../test/support/smtp.js';
import { getMailMessage, queueMail } from '../../platform/mail/mail.js';

function run(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.WEERBAAR_DATA_DIR;
  const proc = spawn(process.execPath, [...cliCommand(), ...args], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => {
    stdout += d;
  });
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, exited, out: () => stdout, err: () => stderr };
}

/** Waits for a signal (output, a delivery, a status); the limit is generous for a loaded machine. */
async function waitFor(what: string, fn: () => boolean | Promise<boolean>, ms = 240_000) {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('weerbaar worker refuses the embedded database with a clear message', {
  skip: testBackend() === 'postgres' ? 'needs no PostgreSQL: runs in the PGlite pass' : false,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-worker-'));
  try {
    const w = run(['worker'], { WEERBAAR_DATA_DIR: dir });
    assert.equal(await w.exited, 2);
    assert.match(w.err(), /weerbaar worker needs a PostgreSQL server \(DATABASE_URL\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('weerbaar worker sends mail queued by another process (PostgreSQL)', {
  skip:
    testBackend() !== 'postgres'
      ? process.env.TEST_DATABASE_URL
        ? 'runs in the PostgreSQL pass'
        : 'TEST_DATABASE_URL is not set: the worker needs PostgreSQL'
      : false,
  timeout: 600_000,
}, async () => {
  const database = await createTestDatabase();
  const smtp = await startTestSmtp();
  const w = run(['worker'], {
    DATABASE_URL: database.url,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_STARTTLS: 'off',
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
  });
  try {
    await waitFor('the worker to start', () => /worker running/.test(w.out()) || w.proc.exitCode !== null);
    assert.equal(w.proc.exitCode, null, w.err());
    let id = '';
    await database.db.transaction(async (tx) => {
      id = (
        await queueMail(tx, {
          to: 'worker@example.org',
          rendered: { subject: 'from a worker', text: 'hello', html: '<p>hello</p>' },
          idempotencyKey: 'worker-test-1',
          purpose: 'test',
        })
      ).id;
    });
    await waitFor('delivery by the worker', () => smtp.received.length === 1);
    await waitFor('the sent status', async () => (await getMailMessage(database, id))?.status === 'sent');
    assert.equal(smtp.received[0]!.mailId, id);
    w.proc.kill('SIGTERM');
    assert.equal(await w.exited, 0);
  } finally {
    if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await w.exited;
    await smtp.close();
    await database.close();
  }
});
