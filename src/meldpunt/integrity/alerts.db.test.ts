/** Deadline alerts and escalation: when, to whom, exactly once, and without report content. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import '../../../test/support/modules.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { alertsFor, sendDeadlineAlerts } from './alerts.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { recuse } from './history-service.js';
import { certifyHandlerKey, createHandlerKey } from './keys-service.js';
import { acknowledge, handlerMessage, submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const config = { publicUrl: 'https://weerbaar.example.nl' };
const SECRET = 'Wethouder Geheimhouder kreeg een reis naar Curaçao';

const mailsOf = (reportId: string) =>
  database.query<{ to_address: string; subject: string; text_body: string; idempotency_key: string }>(
    `select to_address, subject, text_body, idempotency_key from mail_messages
      where purpose = 'integrity-deadline' and idempotency_key like $1 order by idempotency_key`,
    [`%:${reportId}:%`],
  );

test('alert moments: 4 days, the 7-day deadline, 2 months and 3 months (Amsterdam days)', () => {
  const receivedAt = new Date('2026-03-24T10:00:00Z'); // Tuesday 24 March; summer time starts on the 29th
  const line = { receivedAt, acknowledgedAt: null, feedbackAt: null };
  assert.deepEqual(alertsFor(line, new Date('2026-03-27T22:59:59Z')), []); // 27 March 23:59:59 CET
  assert.deepEqual(
    alertsFor(line, new Date('2026-03-27T23:00:00Z')).map((a) => a.kind), // 28 March 00:00 CET
    ['acknowledgement-soon'],
  );
  // Due 31 March 23:59 CEST = 21:59 UTC.
  assert.deepEqual(
    alertsFor(line, new Date('2026-03-31T21:59:59Z')).map((a) => a.kind),
    ['acknowledgement-soon'],
  );
  assert.deepEqual(
    alertsFor(line, new Date('2026-03-31T22:00:00Z')).map((a) => a.kind),
    ['acknowledgement-overdue'],
  );
  const acked = { receivedAt, acknowledgedAt: new Date('2026-03-25T09:00:00Z'), feedbackAt: null };
  assert.deepEqual(alertsFor(acked, new Date('2026-05-24T21:59:59Z')), []);
  assert.deepEqual(
    alertsFor(acked, new Date('2026-05-24T22:00:00Z')).map((a) => a.kind), // 25 May 00:00 CEST
    ['feedback-soon'],
  );
  assert.deepEqual(
    alertsFor(acked, new Date('2026-06-25T22:00:00Z')).map((a) => a.kind),
    ['feedback-overdue'],
  );
  assert.deepEqual(alertsFor({ ...acked, feedbackAt: new Date('2026-04-01T10:00:00Z') }, new Date()), []);
});

test('handlers are alerted, then handlers and the chair when a deadline passes; once; no content', async () => {
  let now = new Date('2026-10-20T10:00:00Z');
  const opts = testOptions(() => now);
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    email: `officer-${org.code.toLowerCase()}@alert.test`,
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const recused = await createUser(database, {
    email: `recused-${org.code.toLowerCase()}@alert.test`,
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  await createUser(database, {
    email: `chair-${org.code.toLowerCase()}@alert.test`,
    memberships: [{ organisationId: org.id, role: 'integrity_chair' }],
  });
  const { key } = await setUpHandler(database, org.id, officer, opts);
  const second = await createHandlerKey(
    database.db,
    systemActor,
    { organisationId: org.id, userId: recused.id, passphrase: 'tweede sleutelwachtwoord' },
    opts,
  );
  await certifyHandlerKey(database.db, systemActor, key, second.keyId);
  const { reportId } = await submitReport(
    database.db,
    org.id,
    {
      category: 'geschenken',
      content: { what: SECRET, involved: 'wethouder', when: 'oktober' },
      identityMode: 'anonymous',
    },
    opts,
  );
  await recuse(database.db, systemActor, key, reportId, second.keyId, 'genoemd in de melding', opts);

  const run = (at: string) => sendDeadlineAlerts(database.db, config, systemActor, new Date(at));
  assert.equal(await run('2026-10-22T10:00:00Z'), 0, 'day 2: nothing');
  assert.equal(await run('2026-10-24T10:00:00Z'), 1, 'day 4: the handler');
  assert.equal(await run('2026-10-24T11:00:00Z'), 0, 'the next hour: nothing new');
  let mails = await mailsOf(reportId);
  assert.deepEqual(
    mails.map((m) => m.to_address),
    [`officer-${org.code.toLowerCase()}@alert.test`],
    'the recused officer is not alerted',
  );
  assert.match(mails[0]!.subject, /aandacht/);
  assert.match(mails[0]!.text_body, /27 oktober 2026/);

  // 27 October 23:59 CET = 22:59 UTC: passed a minute later; the handler and the chair.
  assert.equal(await run('2026-10-27T22:59:00Z'), 0);
  assert.equal(await run('2026-10-27T23:00:00Z'), 2);
  assert.equal(await run('2026-10-28T05:00:00Z'), 0, 'a restart or second worker sends nothing twice');
  mails = await mailsOf(reportId);
  assert.equal(mails.length, 3);
  assert.ok(mails.some((m) => m.to_address.startsWith('chair-') && /verstreken/.test(m.subject)));

  // Acknowledged on 28 October: feedback due 28 January; alert from 28 December.
  now = new Date('2026-10-28T09:00:00Z');
  await acknowledge(database.db, systemActor, key, reportId, '', opts);
  assert.equal(await run('2026-12-27T22:59:00Z'), 0);
  assert.equal(await run('2026-12-27T23:00:00Z'), 1);
  now = new Date('2027-01-05T09:00:00Z');
  await handlerMessage(database.db, systemActor, key, reportId, 'Wij onderzoeken het.', true, opts);
  assert.equal(await run('2027-02-01T10:00:00Z'), 0, 'feedback given: no escalation');

  mails = await mailsOf(reportId);
  assert.equal(mails.length, 4);
  for (const m of mails) {
    assert.doesNotMatch(`${m.subject} ${m.text_body}`, /Geheimhouder|Curaçao|geschenk|reis|wethouder/i);
    assert.match(
      m.text_body,
      new RegExp(`https://weerbaar.example.nl/integrity/${org.id}/reports/${reportId}`),
    );
  }
  const audits = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'integrity.deadline.alert' and resource_id = $1",
    [reportId],
  );
  assert.equal(audits[0]!.n, 3);
});
