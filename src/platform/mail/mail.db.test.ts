import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import { freePort, startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { getJob, listJobs } from '../jobs/admin.js';
import { type JobRuntime, startJobs } from '../jobs/runtime.js';
import {
  getMailMessage,
  listMailMessages,
  queueMail,
  queueMails,
  REDACTED_BODY,
  recordBounce,
} from './mail.js';
import { mailMessages } from './schema.js';
import { defineMailTemplate } from './templates.js';
import { messageIdFor } from './transport.js';

const silent = { info() {}, warn() {}, error() {} };

const template = defineMailTemplate({
  subject: { nl: 'Uitnodiging voor {org}', en: 'Invitation for {org}' },
  text: { nl: 'Beste {name},\n\nKlik op {link}.', en: 'Dear {name},\n\nClick {link}.' },
  links: ['link'],
});

function configFor(smtp: { port: number } | undefined, extra: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_RETRY_LIMIT: '5',
    SMTP_TIMEOUT_SECONDS: '2',
    MAIL_FROM: 'Weerbaar Test <noreply@weerbaar.test>',
    ...(smtp ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_STARTTLS: 'off' } : {}),
    ...extra,
  });
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh database, a runtime with the given configuration, and cleanup. */
async function withSetup(
  smtp: TestSmtp | { port: number } | undefined,
  extra: Record<string, string>,
  body: (database: Database, start: () => Promise<JobRuntime>) => Promise<void>,
) {
  const database = await createTestDatabase();
  const runtimes: JobRuntime[] = [];
  try {
    await body(database, async () => {
      const r = await startJobs(database, configFor(smtp, extra), { modules, log: silent });
      runtimes.push(r);
      return r;
    });
  } finally {
    for (const r of runtimes) await r.stop();
    await database.close();
  }
}

const invite = (key: string, to = 'Ann@Gemeente.example') => ({
  to,
  template,
  lang: 'nl' as const,
  params: { name: 'Ann <b>&', org: 'Gemeente X', link: 'https://weerbaar.test/i?a=1&b=2' },
  idempotencyKey: key,
  purpose: 'invitation',
});

const statusOf = async (database: Database, id: string) => (await getMailMessage(database, id))!;

test('queueing a mail commits and rolls back with the transaction; one message per idempotency key', async () => {
  await withSetup(undefined, {}, async (database) => {
    let kept = '';
    await database.db.transaction(async (tx) => {
      kept = (await queueMail(tx, invite('k-commit'))).id;
    });
    const m = await statusOf(database, kept);
    assert.equal(m.status, 'queued');
    assert.equal(m.toAddress, 'ann@gemeente.example');
    assert.equal(m.subject, 'Uitnodiging voor Gemeente X');
    assert.match(m.textBody, /Beste Ann <b>&,/);
    assert.match(m.htmlBody!, /Beste Ann &lt;b&gt;&amp;,/);
    assert.match(m.htmlBody!, /<a href="https:\/\/weerbaar.test\/i\?a=1&amp;b=2">/);
    assert.equal((await listJobs(database, { queue: 'mail.send' })).length, 1);

    let lost = '';
    await assert.rejects(
      database.db.transaction(async (tx) => {
        lost = (await queueMail(tx, invite('k-rollback'))).id;
        throw new Error('business failure');
      }),
    );
    assert.equal(await getMailMessage(database, lost), undefined);
    assert.equal((await listJobs(database, { queue: 'mail.send' })).length, 1);

    const again = await queueMail(database.db, invite('k-commit', 'other@example.org'));
    assert.deepEqual(again, { id: kept, created: false });
    assert.equal((await listJobs(database, { queue: 'mail.send' })).length, 1);

    await assert.rejects(
      queueMail(database.db, invite('k-bad', 'not an address')),
      (e: any) => e.code === 'validation',
    );
  });
});

test('queueMails queues many messages at once: one job each, one message per key, all or nothing', async () => {
  await withSetup(undefined, {}, async (database) => {
    const first = await queueMail(database.db, invite('bulk-old'));
    const results = await database.db.transaction((tx) =>
      queueMails(tx, [
        invite('bulk-1', 'one@example.org'),
        invite('bulk-2', 'Two@Example.org'),
        invite('bulk-1', 'again@example.org'),
        invite('bulk-old', 'old@example.org'),
      ]),
    );
    assert.deepEqual(
      results.map((r) => r.created),
      [true, true, false, false],
    );
    assert.equal(results[2]!.id, results[0]!.id);
    assert.equal(results[3]!.id, first.id);
    assert.equal((await statusOf(database, results[0]!.id)).toAddress, 'one@example.org');
    const two = await statusOf(database, results[1]!.id);
    assert.equal(two.toAddress, 'two@example.org');
    assert.equal(two.status, 'queued');
    assert.match(two.htmlBody!, /Beste Ann &lt;b&gt;&amp;,/);
    const jobs = await listJobs(database, { queue: 'mail.send' });
    assert.equal(jobs.length, 3, 'one job per new message');

    let lost: string[] = [];
    await assert.rejects(
      database.db.transaction(async (tx) => {
        lost = (await queueMails(tx, [invite('bulk-rb-1'), invite('bulk-rb-2')])).map((r) => r.id);
        throw new Error('business failure');
      }),
    );
    for (const id of lost) assert.equal(await getMailMessage(database, id), undefined);
    assert.equal((await listJobs(database, { queue: 'mail.send' })).length, 3);

    await assert.rejects(
      queueMails(database.db, [invite('bulk-3'), invite('bulk-4', 'not an address')]),
      (e: any) => e.code === 'validation',
    );
    assert.equal((await listMailMessages(database, { q: 'bulk-3' })).length, 0);
  });
});

test('without SMTP_HOST a mail from a job lands in the outbox', async () => {
  await withSetup(undefined, {}, async (database, start) => {
    const { id } = await queueMail(database.db, invite('outbox-1'));
    await start();
    const m = await waitFor('outbox delivery', async () => {
      const m = await statusOf(database, id);
      return m.status === 'sent' ? m : undefined;
    });
    assert.equal(m.transport, 'outbox');
    assert.equal(m.messageId, messageIdFor(id, configFor(undefined)));
    assert.equal((await listMailMessages(database, { q: 'gemeente x' })).length, 1);
    assert.equal((await listMailMessages(database, { q: 'nothing like it' })).length, 0);
  });
});

test('a real SMTP server receives the message once, with a text and an HTML part', async () => {
  const smtp = await startTestSmtp();
  try {
    await withSetup(smtp, {}, async (database, start) => {
      const { id } = await queueMail(database.db, invite('smtp-1'));
      await start();
      const m = await waitFor('SMTP delivery', async () => {
        const m = await statusOf(database, id);
        return m.status === 'sent' ? m : undefined;
      });
      assert.equal(m.transport, 'smtp');
      assert.match(m.smtpResponse ?? '', /^250/);
      assert.equal(smtp.received.length, 1);
      const got = smtp.received[0]!;
      assert.deepEqual(got.to, ['ann@gemeente.example']);
      assert.equal(got.from, 'noreply@weerbaar.test');
      assert.equal(got.messageId, m.messageId);
      assert.equal(got.mailId, id);
      assert.match(got.raw, /multipart\/alternative/);
      assert.match(got.raw, /Content-Type: text\/plain/);
      assert.match(got.raw, /Content-Type: text\/html/);
      // a second job run for the same message (e.g. after a crash) does not send again
      const { deliverMessage } = await import('./deliver.js');
      const again = await deliverMessage(database, configFor(smtp), id, { lastAttempt: false, log: silent });
      assert.deepEqual(again, { status: 'already', current: 'sent' });
      assert.equal(smtp.received.length, 1);
    });
  } finally {
    await smtp.close();
  }
});

test('a 451 is retried and then delivered; a 550 fails permanently without retry', async () => {
  const smtp = await startTestSmtp();
  smtp.reply = (_n, raw) => {
    if (raw.includes('Subject: Uitnodiging') && raw.includes('perm@'))
      return { code: 550, message: 'no such user' };
    if (!seen451) {
      seen451 = true;
      return { code: 451, message: 'try again later' };
    }
    return undefined;
  };
  let seen451 = false;
  try {
    await withSetup(smtp, {}, async (database, start) => {
      const temp = await queueMail(database.db, invite('temp-1'));
      await start();
      const afterFirst = await waitFor('the first, refused attempt', async () => {
        const m = await statusOf(database, temp.id);
        return m.attempts >= 1 && m.lastError ? m : undefined;
      });
      assert.match(afterFirst.lastError!, /451/);
      const sent = await waitFor('the retry', async () => {
        const m = await statusOf(database, temp.id);
        return m.status === 'sent' ? m : undefined;
      });
      assert.equal(sent.attempts, 2);
      assert.equal(sent.lastError, null);
      assert.equal(smtp.received.length, 1);

      const perm = await queueMail(database.db, invite('perm-1', 'perm@example.org'));
      const failed = await waitFor('the permanent failure', async () => {
        const m = await statusOf(database, perm.id);
        return m.status === 'failed' ? m : undefined;
      });
      assert.match(failed.lastError!, /550/);
      assert.equal(failed.attempts, 1);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal((await statusOf(database, perm.id)).attempts, 1, 'a permanent failure is not retried');
      assert.equal(smtp.received.length, 1);

      assert.equal(
        await recordBounce(database.db, { messageId: sent.messageId! }, '5.1.1 mailbox gone'),
        true,
      );
      const bounced = await statusOf(database, temp.id);
      assert.equal(bounced.status, 'bounced');
      assert.match(bounced.lastError!, /mailbox gone/);
    });
  } finally {
    await smtp.close();
  }
});

test('while the SMTP server is down, mail stays queued with the error and is sent once it is back', async () => {
  const port = await freePort();
  await withSetup({ port }, {}, async (database, start) => {
    const { id } = await queueMail(database.db, invite('down-1'));
    await start();
    const waiting = await waitFor('a failed attempt', async () => {
      const m = await statusOf(database, id);
      return m.lastError ? m : undefined;
    });
    assert.equal(waiting.status, 'queued');
    assert.match(waiting.lastError!, /ECONNREFUSED|connect/i);
    const [row] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
    assert.ok(row);
    const smtp = await startTestSmtp(port);
    try {
      const m = await waitFor('delivery after the server came back', async () => {
        const m = await statusOf(database, id);
        return m.status === 'sent' ? m : undefined;
      });
      assert.ok(m.attempts >= 2);
      assert.equal(smtp.received.length, 1);
    } finally {
      await smtp.close();
    }
  });
});

test('MAIL_PER_MINUTE throttles what is handed to the SMTP server', async () => {
  const smtp = await startTestSmtp();
  try {
    await withSetup(smtp, { MAIL_PER_MINUTE: '2' }, async (database, start) => {
      const ids = [];
      for (const k of ['t1', 't2', 't3']) ids.push((await queueMail(database.db, invite(k))).id);
      await start();
      await waitFor('two deliveries', async () => smtp.received.length >= 2);
      await new Promise((r) => setTimeout(r, 2000));
      assert.equal(smtp.received.length, 2, 'the third waits for a free slot');
      const statuses = await Promise.all(ids.map(async (id) => (await statusOf(database, id)).status));
      assert.equal(statuses.filter((s) => s === 'sent').length, 2);
      // the job of the waiting message is still there to send it later
      const jobs = await listJobs(database, { queue: 'mail.send' });
      assert.ok(jobs.length >= 1);
      assert.ok(await getJob(database, jobs[0]!.id));
    });
  } finally {
    await smtp.close();
  }
});

test('the watchdog gives a message whose last attempt was interrupted the status failed', async () => {
  await withSetup(undefined, {}, async (database) => {
    const { id } = await queueMail(database.db, invite('orphan-1'));
    const { markOrphanedMessagesFailed } = await import('./deliver.js');
    assert.equal(await markOrphanedMessagesFailed(database), 0, 'a message with a waiting job is left alone');
    // as if the last attempt's process died: message `sending`, lease expired, job failed by expiry
    await database.query(
      `update mail_messages set status = 'sending', lease_until = now() - interval '1 minute',
              created_at = now() - interval '1 hour' where id = $1`,
      [id],
    );
    await database.query(
      `update pgboss.job set state = 'failed' where id = (select job_id from job_keys where key = $1)`,
      [id],
    );
    assert.equal(await markOrphanedMessagesFailed(database), 1);
    const m = await statusOf(database, id);
    assert.equal(m.status, 'failed');
    assert.match(m.lastError!, /interrupted/);
  });
});

test('a message with a personal link keeps no copy of it once the SMTP server accepted it', async () => {
  const smtp = await startTestSmtp();
  try {
    await withSetup(smtp, {}, async (database, start) => {
      const { id } = await queueMail(database.db, { ...invite('redact-1'), redactAfterSend: true });
      assert.match((await statusOf(database, id)).textBody, /weerbaar\.test\/i\?a=1/);
      await start();
      const m = await waitFor('SMTP delivery', async () => {
        const m = await statusOf(database, id);
        return m.status === 'sent' ? m : undefined;
      });
      assert.match(smtp.received[0]!.raw, /weerbaar\.test\/i\?a=1/);
      assert.equal(m.textBody, REDACTED_BODY);
      assert.equal(m.htmlBody, null);
    });
  } finally {
    await smtp.close();
  }
});
