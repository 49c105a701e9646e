import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { parseRecoveryKey } from './crypto/handler-keys.js';
import { createTestOrganisation, sessionIdOf, setUpHandler, testOptions } from './fixtures.js';
import {
  acceptedKeys,
  certifyHandlerKey,
  createHandlerKey,
  handlerKeyStatus,
  sessionKey,
  setUpChannel,
  unlockForSession,
} from './keys-service.js';
import {
  acknowledge,
  channelOpen,
  handlerMessage,
  handlerView,
  listRegister,
  openWithReceipt,
  reporterMessage,
  reporterView,
  revealIdentity,
  submitReport,
} from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const isCode = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

async function world(clock?: () => Date) {
  const opts = testOptions(clock);
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const handler = await setUpHandler(database, org.id, officer, opts);
  return { opts, org, officer, handler };
}

const submission = {
  category: 'belangenverstrengeling' as const,
  content: { what: 'De wethouder stemde over zijn eigen bouwkavel.', involved: 'wethouder', when: 'mei' },
  identityMode: 'confidential' as const,
  identity: { name: 'Jan Melder', contact: 'jan@example.org' },
};

test('a channel is set up once, with a recovery key that parses and a certified first key', async () => {
  const { opts, org, officer, handler } = await world();
  assert.ok(parseRecoveryKey(handler.recoveryKey));
  assert.equal(await channelOpen(database.db, org.id), true);
  assert.deepEqual((await handlerKeyStatus(database.db, org.id, officer.id))?.certified, true);
  await assert.rejects(
    setUpChannel(
      database.db,
      systemActor,
      { organisationId: org.id, userId: officer.id, passphrase: 'nog een wachtwoord' },
      opts,
    ),
    isCode('conflict'),
  );
  await assert.rejects(
    setUpChannel(
      database.db,
      systemActor,
      { organisationId: (await createTestOrganisation(database)).id, userId: officer.id, passphrase: 'kort' },
      opts,
    ),
    isCode('validation'),
  );
});

test('submit, acknowledge, ask, answer: both sides read the conversation; deadlines follow the clock', async () => {
  let now = new Date('2026-03-22T10:00:00Z');
  const { opts, org, officer, handler } = await world(() => now);
  const { reportId, receiptCode } = await submitReport(database.db, org.id, submission, opts);
  assert.match(receiptCode, /^[0-9]{16}$/);

  let [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.reportId, reportId);
  assert.equal(line!.acknowledgementDueAt.toISOString(), '2026-03-29T21:59:59.999Z');
  assert.equal(line!.deadlines.acknowledgement.state, 'open');

  const view = await handlerView(database.db, handler.key, reportId, opts);
  assert.equal(view.content?.what, submission.content.what);
  assert.equal(view.hasIdentity, true);
  assert.equal(JSON.stringify(view).includes('Jan Melder'), false, 'the identity needs the second step');
  assert.deepEqual(
    await revealIdentity(database.db, systemActor, handler.key, reportId),
    submission.identity,
  );
  const reveals = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'integrity.identity.reveal' and resource_id = $1",
    [reportId],
  );
  assert.equal(reveals[0]!.n, 1);

  now = new Date('2026-03-24T08:00:00Z');
  await acknowledge(
    database.db,
    systemActor,
    handler.key,
    reportId,
    'Wij hebben uw melding ontvangen.',
    opts,
  );
  await assert.rejects(
    acknowledge(database.db, systemActor, handler.key, reportId, '', opts),
    isCode('conflict'),
  );
  await handlerMessage(
    database.db,
    systemActor,
    handler.key,
    reportId,
    'Wanneer was de vergadering?',
    false,
    opts,
  );
  [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.deadlines.acknowledgement.state, 'met');
  assert.equal(line!.feedbackDueAt.toISOString(), '2026-06-24T21:59:59.999Z');
  assert.equal(line!.state, 'intake');

  now = new Date('2026-03-25T08:00:00Z');
  const opened = await openWithReceipt(database.db, org.id, receiptCode.replace(/(\d{4})/g, '$1 '));
  assert.equal(opened.reportId, reportId);
  await reporterMessage(database.db, org.id, opened, 'Op 12 mei, in de raadszaal.', opts);
  const mine = await reporterView(database.db, org.id, opened, opts);
  assert.deepEqual(
    mine.messages.map((m) => [m.author, m.text]),
    [
      ['handler', 'Wij hebben uw melding ontvangen.'],
      ['handler', 'Wanneer was de vergadering?'],
      ['reporter', 'Op 12 mei, in de raadszaal.'],
    ],
  );
  assert.equal(mine.content?.what, submission.content.what);

  // three months on, without feedback: overdue; a feedback message meets it late
  now = new Date('2026-06-25T08:00:00Z');
  [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.deadlines.feedback.state, 'overdue');
  await handlerMessage(
    database.db,
    systemActor,
    handler.key,
    reportId,
    'Wij stellen een vooronderzoek in.',
    true,
    opts,
  );
  [line] = await listRegister(database.db, org.id, opts);
  assert.equal(line!.deadlines.feedback.state, 'late');
  assert.ok(officer.id);
});

test('receipt codes: wrong, unknown, malformed and other-organisation codes get the same refusal', async () => {
  const { opts, org } = await world();
  const other = await world();
  const { receiptCode } = await submitReport(database.db, org.id, submission, opts);
  const wrong = receiptCode.replace(/.$/, (d) => String((Number(d) + 1) % 10));
  const answers: string[] = [];
  for (const code of [wrong, '0000000000000000', 'abc', '', receiptCode.repeat(10)]) {
    const err = await openWithReceipt(database.db, org.id, code).catch((e: unknown) => e);
    assert.ok(err instanceof AppError);
    answers.push(`${err.code}|${err.detailIn('nl')}`);
  }
  const err = await openWithReceipt(database.db, other.org.id, receiptCode).catch((e: unknown) => e);
  assert.ok(err instanceof AppError);
  answers.push(`${err.code}|${err.detailIn('nl')}`);
  assert.equal(new Set(answers).size, 1);
  assert.match(answers[0]!, /^integrity-receipt\|/);
});

test('roles alone give no access: a new officer`s key reads nothing until certified; an excluded handler never', async () => {
  const { opts, org, handler } = await world();
  const first = await submitReport(database.db, org.id, submission, opts);
  // a coordinator grants themselves the integrity role and makes a key
  const intruder = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { keyId } = await createHandlerKey(
    database.db,
    systemActor,
    { organisationId: org.id, userId: intruder.id, passphrase: 'ik lees alles mee' },
    opts,
  );
  const sessionId = await sessionIdOf(database, intruder.sessionToken);
  await unlockForSession(database.db, systemActor, {
    organisationId: org.id,
    userId: intruder.id,
    sessionId,
    sessionToken: intruder.sessionToken,
    passphrase: 'ik lees alles mee',
  });
  const intruderKey = (await sessionKey(database.db, {
    organisationId: org.id,
    userId: intruder.id,
    sessionId,
    sessionToken: intruder.sessionToken,
  }))!;
  assert.ok(intruderKey);
  assert.equal(
    (await acceptedKeys(database.db, org.id)).some((k) => k.id === keyId),
    false,
  );
  // reports submitted now are not wrapped for the uncertified key
  const second = await submitReport(database.db, org.id, submission, opts);
  await assert.rejects(
    handlerView(database.db, intruderKey, first.reportId, opts),
    isCode('integrity-no-key'),
  );
  await assert.rejects(
    handlerView(database.db, intruderKey, second.reportId, opts),
    isCode('integrity-no-key'),
  );
  // the key signs itself in the database: still not accepted
  await database.query(
    'update integrity_handler_keys set signed_by = id::text, signature = $2 where id = $1',
    [keyId, Buffer.alloc(64).toString('base64url')],
  );
  assert.equal(
    (await acceptedKeys(database.db, org.id)).some((k) => k.id === keyId),
    false,
  );
  await database.query('update integrity_handler_keys set signed_by = null, signature = null where id = $1', [
    keyId,
  ]);

  // the existing handler certifies it: it receives the report keys the certifier holds
  await certifyHandlerKey(database.db, systemActor, handler.key, keyId);
  assert.equal(
    (await handlerView(database.db, intruderKey, first.reportId, opts)).content?.what,
    submission.content.what,
  );
  // a report that excludes the new key is not wrapped for it
  const third = await submitReport(database.db, org.id, { ...submission, excludedKeyIds: [keyId] }, opts);
  await assert.rejects(
    handlerView(database.db, intruderKey, third.reportId, opts),
    isCode('integrity-no-key'),
  );
  assert.ok(await handlerView(database.db, handler.key, third.reportId, opts));
});

test('a wrong passphrase is a clear refusal; another session`s token does not open the key', async () => {
  const { org, officer } = await world();
  const sessionId = await sessionIdOf(database, officer.sessionToken);
  await assert.rejects(
    unlockForSession(database.db, systemActor, {
      organisationId: org.id,
      userId: officer.id,
      sessionId,
      sessionToken: officer.sessionToken,
      passphrase: 'niet het goede wachtwoord',
    }),
    isCode('integrity-passphrase'),
  );
  assert.equal(
    await sessionKey(database.db, {
      organisationId: org.id,
      userId: officer.id,
      sessionId,
      sessionToken: 'someone-else',
    }),
    undefined,
  );
});

test('a handler of another organisation cannot open a report by id, even with a certified key of their own', async () => {
  const a = await world();
  const b = await world();
  const { reportId } = await submitReport(database.db, a.org.id, submission, a.opts);
  await assert.rejects(handlerView(database.db, b.handler.key, reportId, b.opts), isCode('not-found'));
});
