/** Retention: content destroyed after the organisation's period, the register line kept; logged; idempotent. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { moveReport } from './history-service.js';
import {
  acknowledge,
  handlerMessage,
  handlerView,
  openWithReceipt,
  submitReport,
} from './reports-service.js';
import { applyRetention, destroyContent, setRetention } from './retention.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const count = async (sql: string, id: string) => (await database.query<{ n: number }>(sql, [id]))[0]!.n;

test('an archived report`s content is destroyed after the retention period; the register line stays', async () => {
  let now = new Date('2026-01-05T10:00:00Z');
  const opts = testOptions(() => now);
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_chair' }],
  });
  const { key } = await setUpHandler(database, org.id, officer, opts);
  await assert.rejects(
    setRetention(database.db, systemActor, org.id, 0),
    (e: unknown) => e instanceof AppError,
  );
  await setRetention(database.db, systemActor, org.id, 2);
  const submission = {
    category: 'declaraties' as const,
    content: { what: 'Dubbel gedeclareerde reiskosten.', involved: 'gedeputeerde', when: '2025' },
    identityMode: 'confidential' as const,
    identity: { name: 'Mevrouw Melder', contact: 'm@example.org' },
    attachments: [{ name: 'declaratie.txt', data: Buffer.from('declaratie 123') }],
  };
  const closed = await submitReport(database.db, org.id, submission, opts);
  const open = await submitReport(database.db, org.id, submission, opts);
  await acknowledge(database.db, systemActor, key, closed.reportId, 'Ontvangen.', opts);
  await handlerMessage(database.db, systemActor, key, closed.reportId, 'Wij kijken ernaar.', true, opts);
  for (const to of ['vooronderzoek', 'besluit', 'communicatie'] as const)
    await moveReport(database.db, systemActor, key, closed.reportId, { to, note: `naar ${to}` }, opts);
  now = new Date('2026-02-10T10:00:00Z');
  await moveReport(database.db, systemActor, key, closed.reportId, { to: 'gearchiveerd' }, opts);

  // archived 10 February: destroyed after 23:59 on 10 April (Amsterdam, summer time)
  assert.equal(await applyRetention(database.db, systemActor, new Date('2026-04-10T21:59:59Z')), 0);
  assert.equal(await applyRetention(database.db, systemActor, new Date('2026-04-10T22:00:00Z')), 1);
  assert.equal(await applyRetention(database.db, systemActor, new Date('2026-04-11T10:00:00Z')), 0, 'once');

  const id = closed.reportId;
  assert.equal(
    await count('select count(*)::int as n from integrity_report_keys where report_id = $1', id),
    0,
  );
  assert.equal(
    await count(
      `select count(*)::int as n from integrity_reports where id = $1 and receipt_wrapped_key is null
          and content_sealed is null and identity_sealed is null`,
      id,
    ),
    1,
  );
  assert.equal(
    await count('select count(*)::int as n from integrity_attachments where report_id = $1', id),
    0,
  );
  assert.equal(
    await count(
      'select count(*)::int as n from integrity_messages where report_id = $1 and sealed is null',
      id,
    ),
    2,
    'the conversation`s existence remains, its texts do not',
  );
  assert.equal(
    await count(
      'select count(*)::int as n from integrity_history where report_id = $1 and note_sealed is not null',
      id,
    ),
    0,
  );
  const [line] = await database.query<{ category: string; state: string; content_destroyed_at: Date }>(
    'select category, state, content_destroyed_at from integrity_register where report_id = $1',
    [id],
  );
  assert.equal(line!.category, 'declaraties');
  assert.equal(line!.state, 'gearchiveerd');
  assert.ok(line!.content_destroyed_at);
  const audits = await database.query<{ diff: { reason: string; messages: number; attachments: number } }>(
    "select diff from audit_log where action = 'integrity.content.destroy' and resource_id = $1",
    [id],
  );
  assert.deepEqual(
    audits.map((a) => a.diff),
    [{ reason: 'retention', messages: 2, attachments: 1 }],
  );

  // nobody can open it any more: not the handler, not the receipt code
  await assert.rejects(handlerView(database.db, key, id, opts), /vernietigd|destroyed/);
  await assert.rejects(openWithReceipt(database.db, org.id, closed.receiptCode), (e: unknown) => {
    return e instanceof AppError && e.code === 'integrity-receipt';
  });
  // the open report is untouched
  assert.equal(
    (await handlerView(database.db, key, open.reportId, opts)).content?.what,
    submission.content.what,
  );
  // a handler may clear content earlier
  assert.equal(await destroyContent(database.db, systemActor, org.id, open.reportId, 'cleared', now), true);
  assert.equal(await destroyContent(database.db, systemActor, org.id, open.reportId, 'cleared', now), false);
});
