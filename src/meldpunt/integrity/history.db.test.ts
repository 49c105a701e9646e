import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createTestOrganisation, sessionIdOf, setUpHandler, testOptions } from './fixtures.js';
import { addNote, historyOf, keyHolders, moveReport, recuse } from './history-service.js';
import { certifyHandlerKey, createHandlerKey, sessionKey, unlockForSession } from './keys-service.js';
import { acknowledge, handlerView, listRegister, submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const isCode = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;
const submission = {
  category: 'declaraties' as const,
  content: { what: 'Dubbel gedeclareerde reiskosten', involved: 'raadslid', when: '2026' },
  identityMode: 'anonymous' as const,
};

/** The decisions are the chair's, so the handler here is the chair (who handles like an officer). */
async function world(role: 'integrity_chair' | 'integrity_officer' = 'integrity_chair') {
  let now = new Date('2026-02-02T09:00:00Z');
  const opts = testOptions(() => now);
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role }],
  });
  const { key } = await setUpHandler(database, org.id, officer, opts);
  return { opts, org, key, tick: (days: number) => (now = new Date(now.getTime() + days * 86_400_000)) };
}

test('a report moves through the handreiking to a decision and the archive; the history keeps every step', async () => {
  const { opts, org, key, tick } = await world();
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  tick(1);
  await acknowledge(database.db, systemActor, key, reportId, '', opts);
  await assert.rejects(
    moveReport(database.db, systemActor, key, reportId, { to: 'onderzoek' }, opts),
    isCode('validation'),
  );
  for (const to of [
    'vooronderzoek',
    'besluit',
    'onderzoek',
    'hoor_en_wederhoor',
    'besluitvorming',
  ] as const) {
    tick(3);
    await moveReport(database.db, systemActor, key, reportId, { to, note: `notitie bij ${to}` }, opts);
  }
  await assert.rejects(
    moveReport(database.db, systemActor, key, reportId, { to: 'communicatie' }, opts),
    isCode('validation'),
  );
  await moveReport(
    database.db,
    systemActor,
    key,
    reportId,
    { to: 'communicatie', outcome: 'deels_gegrond' },
    opts,
  );
  await addNote(database.db, systemActor, key, reportId, 'Raad geïnformeerd in besloten vergadering.', opts);
  await moveReport(database.db, systemActor, key, reportId, { to: 'gearchiveerd' }, opts);

  const [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.state, 'gearchiveerd');
  assert.equal(line!.outcome, 'deels_gegrond');
  assert.ok(line!.closedAt);
  const history = await historyOf(database.db, key, reportId);
  assert.deepEqual(
    history.filter((h) => h.kind === 'transition').map((h) => h.toState),
    [
      'intake',
      'vooronderzoek',
      'besluit',
      'onderzoek',
      'hoor_en_wederhoor',
      'besluitvorming',
      'communicatie',
      'gearchiveerd',
    ],
  );
  assert.equal(history.find((h) => h.toState === 'besluit')?.note, 'notitie bij besluit');
  assert.equal(history.find((h) => h.kind === 'note')?.note, 'Raad geïnformeerd in besloten vergadering.');
  assert.equal(history.find((h) => h.toState === 'communicatie')?.outcome, 'deels_gegrond');
});

test('"no further action" goes from the decision straight to communication, with that outcome', async () => {
  const { opts, org, key } = await world();
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  await acknowledge(database.db, systemActor, key, reportId, '', opts);
  for (const to of ['vooronderzoek', 'besluit', 'communicatie'] as const)
    await moveReport(database.db, systemActor, key, reportId, { to }, opts);
  const view = await handlerView(database.db, key, reportId, opts);
  assert.equal(view.register.outcome, 'geen_vervolg');
});

test('the history is append-only in the database itself; only emptying a note is allowed', async () => {
  const { opts, org, key } = await world();
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  await addNote(database.db, systemActor, key, reportId, 'eerste indruk', opts);
  await assert.rejects(
    database.query("update integrity_history set kind = 'transition' where report_id = $1", [reportId]),
    /append-only/,
  );
  await assert.rejects(
    database.query('delete from integrity_history where report_id = $1', [reportId]),
    /append-only/,
  );
  await assert.rejects(
    database.query("update integrity_history set note_sealed = 'x' where report_id = $1", [reportId]),
    /append-only/,
  );
  await database.query('update integrity_history set note_sealed = null where report_id = $1', [reportId]);
  const [entry] = await historyOf(database.db, key, reportId);
  assert.equal(entry!.kind, 'note');
  assert.equal(entry!.note, undefined);
});

test('recusal deletes the handler`s copy of the report key; the last holder cannot be recused', async () => {
  const { opts, org, key } = await world();
  const second = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { keyId } = await createHandlerKey(
    database.db,
    systemActor,
    { organisationId: org.id, userId: second.id, passphrase: 'tweede sleutelwachtwoord' },
    opts,
  );
  await certifyHandlerKey(database.db, systemActor, key, keyId);
  const sessionId = await sessionIdOf(database, second.sessionToken);
  await unlockForSession(database.db, systemActor, {
    organisationId: org.id,
    userId: second.id,
    sessionId,
    sessionToken: second.sessionToken,
    passphrase: 'tweede sleutelwachtwoord',
  });
  const secondKey = (await sessionKey(database.db, {
    organisationId: org.id,
    userId: second.id,
    sessionId,
    sessionToken: second.sessionToken,
  }))!;
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  assert.equal((await keyHolders(database.db, reportId)).length, 2);
  assert.ok(await handlerView(database.db, secondKey, reportId, opts));

  await recuse(database.db, systemActor, key, reportId, keyId, 'genoemd in de melding', opts);
  await assert.rejects(handlerView(database.db, secondKey, reportId, opts), isCode('integrity-no-key'));
  await assert.rejects(
    recuse(database.db, systemActor, key, reportId, key.keyId, 'ik ook', opts),
    isCode('conflict'),
  );
  const history = await historyOf(database.db, key, reportId);
  assert.equal(history.at(-1)?.kind, 'recusal');
  assert.equal(history.at(-1)?.note, 'genoemd in de melding');
});

test('an officer prepares but cannot take the decisions reserved to the chair', async () => {
  const { opts, org, key } = await world('integrity_officer');
  const { reportId } = await submitReport(database.db, org.id, submission, opts);
  await acknowledge(database.db, systemActor, key, reportId, '', opts);
  for (const to of ['vooronderzoek', 'besluit'] as const)
    await moveReport(database.db, systemActor, key, reportId, { to }, opts);
  for (const to of ['onderzoek', 'communicatie'] as const)
    await assert.rejects(
      moveReport(database.db, systemActor, key, reportId, { to }, opts),
      isCode('forbidden'),
    );
  const [line] = await database.query<{ state: string }>(
    'select state from integrity_register where report_id = $1',
    [reportId],
  );
  assert.equal(line!.state, 'besluit');
});
