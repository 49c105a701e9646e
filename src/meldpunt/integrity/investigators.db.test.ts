import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { createTestOrganisation, sessionIdOf, setUpHandler, testOptions } from './fixtures.js';
import { expireGrants, grantedReports, grantInvestigator, investigatorView } from './investigators.js';
import { certifyHandlerKey, createHandlerKey, sessionKey, unlockForSession } from './keys-service.js';
import { submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const isCode = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;
const DAY = 86_400_000;

const submission = (what: string) => ({
  category: 'geschenken' as const,
  content: { what, involved: 'een wethouder', when: 'maart' },
  identityMode: 'confidential' as const,
  identity: { name: 'Geheime Melder', contact: 'melder@example.org' },
});

/** An officer with a channel, two reports, and an investigator whose key the officer certified. */
async function world() {
  let now = new Date('2026-03-02T10:00:00Z');
  const opts = testOptions(() => now);
  const org = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const { key: officerKey } = await setUpHandler(database, org.id, officer, opts);
  const first = await submitReport(
    database.db,
    org.id,
    submission('Een reis betaald door een aannemer.'),
    opts,
  );
  const second = await submitReport(database.db, org.id, submission('Een etentje na de aanbesteding.'), opts);
  const investigator = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_investigator' }],
  });
  const passphrase = 'sleutelwachtwoord van de onderzoeker';
  const { keyId } = await createHandlerKey(
    database.db,
    systemActor,
    { organisationId: org.id, userId: investigator.id, passphrase },
    opts,
  );
  await certifyHandlerKey(database.db, systemActor, officerKey, keyId);
  const sessionId = await sessionIdOf(database, investigator.sessionToken);
  await unlockForSession(database.db, systemActor, {
    organisationId: org.id,
    userId: investigator.id,
    sessionId,
    sessionToken: investigator.sessionToken,
    passphrase,
  });
  const investigatorKey = (await sessionKey(database.db, {
    organisationId: org.id,
    userId: investigator.id,
    sessionId,
    sessionToken: investigator.sessionToken,
  }))!;
  assert.ok(investigatorKey, 'the investigator`s key unlocks');
  const copies = async (reportId: string) =>
    (
      await database.query<{ n: number }>(
        'select count(*)::int as n from integrity_report_keys where report_id = $1 and handler_key_id = $2',
        [reportId, keyId],
      )
    )[0]!.n;
  return {
    opts,
    org,
    officerKey,
    investigator,
    investigatorKey,
    keyId,
    first: first.reportId,
    second: second.reportId,
    copies,
    setNow: (d: Date) => {
      now = d;
    },
  };
}

test('certifying an investigator`s key wraps no report for it, and new reports are not wrapped for it', async () => {
  const w = await world();
  assert.equal(await w.copies(w.first), 0);
  assert.equal(await w.copies(w.second), 0);
  const third = await submitReport(database.db, w.org.id, submission('Een derde melding.'), w.opts);
  assert.equal(await w.copies(third.reportId), 0);
  // the officer still got every report
  const officerCopies = await database.query<{ n: number }>(
    'select count(*)::int as n from integrity_report_keys where handler_key_id = $1',
    [w.officerKey.keyId],
  );
  assert.equal(officerCopies[0]!.n, 3);
});

test('without a grant the investigator gets 404; with one they read that report only', async () => {
  const w = await world();
  await assert.rejects(
    investigatorView(database.db, systemActor, w.investigatorKey, w.first, w.opts),
    isCode('not-found'),
  );
  await grantInvestigator(
    database.db,
    systemActor,
    w.officerKey,
    { reportId: w.first, investigatorUserId: w.investigator.id, expiresAt: new Date('2026-04-01T00:00:00Z') },
    w.opts,
  );
  assert.equal(await w.copies(w.first), 1);
  const view = await investigatorView(database.db, systemActor, w.investigatorKey, w.first, w.opts);
  assert.equal(view.content?.what, 'Een reis betaald door een aannemer.');
  assert.ok(!('identity' in view), 'no identity in the investigator`s view');
  await assert.rejects(
    investigatorView(database.db, systemActor, w.investigatorKey, w.second, w.opts),
    isCode('not-found'),
  );
  assert.deepEqual(
    (await grantedReports(database.db, systemActor, w.org.id, w.investigator.id, w.opts)).map(
      (g) => g.reportId,
    ),
    [w.first],
  );
  const audited = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'integrity.investigator.grant' and resource_id = $1",
    [w.first],
  );
  assert.equal(audited[0]!.n, 1);
});

test('after expiry (at access) the investigator reads nothing and the key copy is gone, audited', async () => {
  const w = await world();
  await grantInvestigator(
    database.db,
    systemActor,
    w.officerKey,
    { reportId: w.first, investigatorUserId: w.investigator.id, expiresAt: new Date('2026-03-09T00:00:00Z') },
    w.opts,
  );
  assert.ok(await investigatorView(database.db, systemActor, w.investigatorKey, w.first, w.opts));
  w.setNow(new Date('2026-03-09T00:00:01Z'));
  await assert.rejects(
    investigatorView(database.db, systemActor, w.investigatorKey, w.first, w.opts),
    isCode('not-found'),
  );
  assert.equal(await w.copies(w.first), 0);
  const audited = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'integrity.investigator.expire' and resource_id = $1",
    [w.first],
  );
  assert.equal(audited[0]!.n, 1);
});

test('the expiry job deletes copies whose period passed and leaves running grants alone', async () => {
  const w = await world();
  const base = new Date('2026-03-02T10:00:00Z').getTime();
  for (const [reportId, days] of [
    [w.first, 3],
    [w.second, 30],
  ] as const)
    await grantInvestigator(
      database.db,
      systemActor,
      w.officerKey,
      { reportId, investigatorUserId: w.investigator.id, expiresAt: new Date(base + days * DAY) },
      w.opts,
    );
  const ended = await expireGrants(database.db, systemActor, new Date(base + 4 * DAY), w.org.id);
  assert.equal(ended, 1);
  assert.equal(await w.copies(w.first), 0);
  assert.equal(await w.copies(w.second), 1);
});

test('only an investigator with a certified key can be granted, never in the past', async () => {
  const w = await world();
  const officer2 = await createUser(database, {
    memberships: [{ organisationId: w.org.id, role: 'integrity_officer' }],
  });
  await assert.rejects(
    grantInvestigator(
      database.db,
      systemActor,
      w.officerKey,
      { reportId: w.first, investigatorUserId: officer2.id, expiresAt: new Date('2026-04-01T00:00:00Z') },
      w.opts,
    ),
    isCode('not-found'),
  );
  await assert.rejects(
    grantInvestigator(
      database.db,
      systemActor,
      w.officerKey,
      {
        reportId: w.first,
        investigatorUserId: w.investigator.id,
        expiresAt: new Date('2026-03-01T00:00:00Z'),
      },
      w.opts,
    ),
    isCode('validation'),
  );
  // an investigator cannot pass a report on to someone else
  await assert.rejects(
    grantInvestigator(
      database.db,
      systemActor,
      w.investigatorKey,
      {
        reportId: w.first,
        investigatorUserId: w.investigator.id,
        expiresAt: new Date('2026-04-01T00:00:00Z'),
      },
      w.opts,
    ),
    isCode('not-found'),
  );
});
