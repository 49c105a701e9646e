/** Oral reports: recorded by a handler with consent, checked, corrected and signed by the reporter. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { historyOf } from './history-service.js';
import { oralStatus, registerOralReport, reviseOralRecord, signOralRecord } from './oral-service.js';
import { handlerView, listRegister, openWithReceipt, reporterView } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const content = {
  what: 'Telefonisch gemeld: de wethouder liet een vergunning versnellen voor een vriend.',
  involved: 'wethouder',
  when: 'september',
  medium: 'phone' as const,
};

test('an oral report needs consent, is stored like a written one, and is signed once by the reporter', async () => {
  const opts = testOptions(() => new Date('2026-11-02T09:00:00Z'));
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { key } = await setUpHandler(database, org.id, officer, opts);
  const actor = { type: 'user' as const, id: officer.id, label: officer.email };

  await assert.rejects(
    registerOralReport(
      database.db,
      actor,
      key,
      { category: 'belangenverstrengeling', content, identityMode: 'anonymous', consent: false },
      opts,
    ),
    (e: unknown) => e instanceof AppError && e.code === 'validation',
  );

  const { reportId, receiptCode } = await registerOralReport(
    database.db,
    actor,
    key,
    {
      category: 'belangenverstrengeling',
      content,
      identityMode: 'confidential',
      identity: { name: 'Jan Beller', contact: '06-11111111' },
      consent: true,
    },
    opts,
  );
  const [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.channel, 'oral');
  assert.equal(line!.acknowledgementDueAt.toISOString(), '2026-11-09T22:59:59.999Z');
  const created = await database.query<{ actor_id: string }>(
    "select actor_id from audit_log where action = 'integrity.report.create' and resource_id = $1",
    [reportId],
  );
  assert.equal(created[0]!.actor_id, officer.id, 'recorded by the handler, audited as theirs');

  // the reporter reads the record with the receipt code and asks for a correction; the handler revises
  const opened = await openWithReceipt(database.db, org.id, receiptCode);
  assert.equal((await reporterView(database.db, org.id, opened, opts)).content!.what, content.what);
  await reviseOralRecord(database.db, actor, key, reportId, { ...content, when: 'eind september' }, opts);
  assert.equal((await handlerView(database.db, key, reportId, opts)).content!.when, 'eind september');
  let status = await oralStatus(database.db, org.id, reportId, opened.reportKey);
  assert.deepEqual(status, { oral: true, signedAt: null, signedAs: undefined });

  await assert.rejects(
    signOralRecord(database.db, org.id, opened, '   ', opts),
    (e: unknown) => e instanceof AppError && e.code === 'validation',
  );
  await signOralRecord(database.db, org.id, opened, 'J. Beller', opts);
  status = await oralStatus(database.db, org.id, reportId, opened.reportKey);
  assert.equal(status.signedAs, 'J. Beller');
  assert.equal(status.signedAt?.toISOString(), '2026-11-02T09:00:00.000Z');

  // signed: fixed
  await assert.rejects(
    reviseOralRecord(database.db, actor, key, reportId, content, opts),
    (e: unknown) => e instanceof AppError && e.code === 'conflict',
  );
  await assert.rejects(
    signOralRecord(database.db, org.id, opened, 'nog eens', opts),
    (e: unknown) => e instanceof AppError && e.code === 'conflict',
  );
  const notes = (await historyOf(database.db, key, reportId)).map((h) => h.note ?? '');
  assert.equal(notes.length, 3);
  assert.match(notes[0]!, /Mondelinge melding vastgelegd \(phone\)/);
  assert.match(notes[1]!, /aangepast/);
  assert.match(notes[2]!, /ondertekend/);
});

test('a written report cannot be signed as an oral record', async () => {
  const opts = testOptions();
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  await setUpHandler(database, org.id, officer, opts);
  const { submitReport } = await import('./reports-service.js');
  const { receiptCode } = await submitReport(
    database.db,
    org.id,
    { category: 'overig', content: { what: 'x', involved: '', when: '' }, identityMode: 'anonymous' },
    opts,
  );
  const opened = await openWithReceipt(database.db, org.id, receiptCode);
  await assert.rejects(
    signOralRecord(database.db, org.id, opened, 'Iemand', opts),
    (e: unknown) => e instanceof AppError && e.code === 'validation',
  );
});
