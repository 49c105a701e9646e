/**
 * The process the kill -9 test (src/platform/mail/crash.db.test.ts) starts, kills and restarts: it opens the
 * database (CHILD_DATA_DIR: embedded PGlite; CHILD_DATABASE_URL: PostgreSQL), queues MAIL_COUNT mails with
 * the idempotency keys crash-0 … crash-N (again after every restart: the keys make that a no-op), runs the
 * jobs against the test SMTP server on SMTP_PORT and exits with "done" once every message is sent.
 */
import { loadConfig } from '../../src/platform/config/config.js';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { startJobs } from '../../src/platform/jobs/runtime.js';
import { mailMessagesByStatus, queueMail } from '../../src/platform/mail/mail.js';
import { modules } from '../support/modules.js';

const count = Number(process.env.MAIL_COUNT ?? 20);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: process.env.SMTP_PORT,
  SMTP_STARTTLS: 'off',
  // Generous: the catcher always answers, so this never slows a normal run (and leases and jobs of a
  // killed run are released at restart, not waited out). With 1 s, every attempt on a loaded machine
  // could time out until the retries ran out, and the messages never went.
  SMTP_TIMEOUT_SECONDS: '20',
  MAIL_PER_MINUTE: '100000',
  MAIL_RETRY_DELAY_SECONDS: '1',
  JOBS_POLL_INTERVAL_SECONDS: '0.5',
  JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
  MAIL_FROM: 'Weerbaar <noreply@weerbaar.test>',
});
/**
 * Opening the database is retried a few times on a failure to connect: on a loaded machine, right after
 * the kill of the previous run, the PostgreSQL server may reset or refuse a new connection for a moment
 * (or have no free slot). Only the connection set-up is retried; what the test checks is not.
 */
async function openWithRetry(): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      const database = await openDatabase(
        process.env.CHILD_DATABASE_URL
          ? { databaseUrl: process.env.CHILD_DATABASE_URL, poolSize: 4 }
          : { dataDir: process.env.CHILD_DATA_DIR! },
      );
      // an idle pooled connection the server drops is not worth a crash (the pool opens another): said
      // on stderr, which the test shows when something fails
      database.pool?.on('error', (err) => process.stderr.write(`[child] idle connection: ${err.message}\n`));
      return database;
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? '');
      const transient = /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|57P03|53300)$/.test(code);
      if (!transient || attempt >= 10) throw err;
      process.stderr.write(`[child] connecting failed (${code}), attempt ${attempt}: trying again\n`);
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}
const database = await openWithRetry();
await runMigrations(database);
for (let i = 0; i < count; i++) {
  await queueMail(database.db, {
    to: `person${i}@example.org`,
    rendered: { subject: `crash test ${i}`, text: `message ${i}`, html: `<p>message ${i}</p>` },
    idempotencyKey: `crash-${i}`,
    purpose: 'test',
  });
}
process.stdout.write('queued\n');
const quiet = { info() {}, warn() {}, error() {} };
const runtime = await startJobs(database, config, { modules, log: quiet });
for (;;) {
  const sent = await mailMessagesByStatus(database, ['sent']);
  if (sent.length >= count) break;
  await new Promise((r) => setTimeout(r, 100));
}
await runtime.stop();
await database.close();
process.stdout.write('done\n');
process.exit(0);
