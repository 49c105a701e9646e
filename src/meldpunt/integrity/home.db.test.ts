/** The integrity officer's home panel: reports with a running or missed deadline, overdue first, per organisation. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { principalOf } from '../incidents/fixtures.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { integrityHome } from './home.js';
import { acknowledge, submitReport } from './reports-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const submission = {
  category: 'geschenken' as const,
  content: { what: 'Een dure reis aangeboden door een aannemer.', involved: 'ambtenaar', when: 'juni' },
  identityMode: 'anonymous' as const,
};

test('reports with a deadline to meet, overdue first, never another organisation’s', async () => {
  let now = new Date('2026-03-02T10:00:00Z');
  const opts = testOptions(() => now);
  const org = await createTestOrganisation(database);
  const other = await createTestOrganisation(database);
  const officer = await createUser(database, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const handler = await setUpHandler(database, org.id, officer, opts);
  const otherOfficer = await createUser(database, {
    memberships: [{ organisationId: other.id, role: 'integrity_officer' }],
  });
  await setUpHandler(
    database,
    other.id,
    otherOfficer,
    testOptions(() => now),
  );

  const old = (await submitReport(database.db, org.id, submission, opts)).reportId; // 2 March
  now = new Date('2026-03-05T10:00:00Z');
  const acked = (await submitReport(database.db, org.id, submission, opts)).reportId;
  await acknowledge(database.db, systemActor, handler.key, acked, 'Ontvangen.', opts);
  now = new Date('2026-03-12T10:00:00Z');
  const fresh = (await submitReport(database.db, org.id, submission, opts)).reportId;
  await submitReport(
    database.db,
    other.id,
    submission,
    testOptions(() => now),
  );

  const p = principalOf(officer, { [org.id]: ['integrity_officer'] });
  const [home, ...rest] = await integrityHome(database.db, p, new Date('2026-03-12T12:00:00Z'));
  assert.equal(rest.length, 0);
  assert.equal(home!.organisationId, org.id);
  // The 2 March report missed its acknowledgement (end of 9 March): first. Then the nearest deadline:
  // the fresh one's acknowledgement (19 March) before the acknowledged one's feedback (5 June).
  assert.deepEqual(
    home!.pending.map((r) => r.reportId),
    [old, fresh, acked],
  );
  assert.deepEqual(
    home!.pending.map((r) => [r.overdue, r.acknowledgement.state, r.feedback.state]),
    [
      [true, 'overdue', 'open'],
      [false, 'open', 'open'],
      [false, 'met', 'open'],
    ],
  );
  assert.equal(home!.pendingCount, 3);
  assert.equal(home!.overdueCount, 1);
  assert.equal(
    (await integrityHome(database.db, p, new Date('2026-03-12T12:00:00Z'), 1))[0]!.pending.length,
    1,
  );

  // Without the integrity officer's role there is nothing (a coordinator of the same organisation).
  assert.deepEqual(await integrityHome(database.db, principalOf(officer, { [org.id]: ['coordinator'] })), []);
  // Archived reports leave the home page.
  await database.query("update integrity_register set state = 'gearchiveerd' where report_id = $1", [old]);
  const after2 = (await integrityHome(database.db, p, new Date('2026-03-12T12:00:00Z')))[0]!;
  assert.deepEqual(
    after2.pending.map((r) => r.reportId),
    [fresh, acked],
  );
});
