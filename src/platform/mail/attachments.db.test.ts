/** Mail attachments: stored with the message when it is queued, sent over SMTP, checked at the door. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { startTestSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { deliverMessage } from './deliver.js';
import { attachmentsOf, queueMail } from './mail.js';

let database: Database;
let smtp: TestSmtp;
before(async () => {
  database = await createTestDatabase();
  smtp = await startTestSmtp();
});
after(async () => {
  await smtp.close();
  await database.close();
});

const content = Buffer.from('%PDF-1.7 a letter\n', 'utf8');
const rendered = { subject: 'Brief', text: 'Zie de bijlage.', html: '<p>Zie de bijlage.</p>' };
const log = { info() {}, warn() {}, error() {} };

test('an attachment is stored once with its checksum and sent over SMTP with the message', async () => {
  const input = {
    to: 'secretaris@gemeente.test',
    rendered,
    idempotencyKey: 'attachment-test:1',
    purpose: 'test',
    attachments: [{ filename: 'brief-GM0001.pdf', contentType: 'application/pdf', content }],
  };
  const m = await queueMail(database.db, input);
  const again = await queueMail(database.db, input);
  assert.equal(again.id, m.id);
  const files = await attachmentsOf(database.db, m.id);
  assert.equal(files.length, 1, 'queueing again adds nothing');
  assert.equal(files[0]!.sha256, createHash('sha256').update(content).digest('hex'));
  assert.deepEqual(Buffer.from(files[0]!.content), content);

  const config = loadConfig({
    NODE_ENV: 'test',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_STARTTLS: 'off',
  });
  const outcome = await deliverMessage(database, config, m.id, { lastAttempt: true, log });
  assert.equal(outcome.status, 'sent');
  const raw = smtp.received.at(-1)!.raw;
  assert.match(raw, /Content-Type: application\/pdf; name=brief-GM0001\.pdf/);
  assert.match(raw, /Content-Disposition: attachment; filename=brief-GM0001\.pdf/);
  assert.ok(
    raw.replace(/\r?\n/g, '').includes(content.toString('base64')),
    'the bytes travel base64-encoded',
  );
});

test('a file name with a path or control character, a bad type or too many bytes is refused', async () => {
  const bad = [
    { filename: '../etc/passwd', contentType: 'text/plain', content },
    { filename: 'a\nb.pdf', contentType: 'application/pdf', content },
    { filename: 'a.pdf', contentType: 'pdf', content },
    { filename: 'big.pdf', contentType: 'application/pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1) },
  ];
  for (const [i, file] of bad.entries())
    await assert.rejects(
      queueMail(database.db, {
        to: 'a@b.test',
        rendered,
        idempotencyKey: `attachment-bad:${i}`,
        purpose: 'test',
        attachments: [file],
      }),
      (e: Error & { code?: string }) => e.code === 'validation',
    );
  const [row] = await database.query<{ n: number }>(
    "select count(*)::int as n from mail_messages where idempotency_key like 'attachment-bad:%'",
  );
  assert.equal(row?.n, 0, 'nothing is queued');
});
