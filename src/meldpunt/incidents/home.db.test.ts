/**
 * The incidents home panel's query: open incidents by state, overdue and next tasks of the incidents the
 * person may see (coordinator: all of the organisation; case handler: assigned ones), own open reports.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import type { Database } from '../../platform/db/database.js';
import { principalOf } from './fixtures.js';
import { incidentsHome } from './home.js';

let database: Database;
let org: string;
let other: string;
let coordinator: TestUser;
let handler: TestUser;
let reporter: TestUser;
const now = new Date('2026-12-07T10:00:00Z'); // today in Amsterdam: 2026-12-07

async function incident(organisationId: string, state: string, reporterId: string, assignee?: string) {
  const [row] = await database.query<{ id: string }>(
    `insert into incidents (organisation_id, state, reporter_user_id, description, forms, submitted_at)
     values ($1, $2, $3, 'x', '{threat}', now()) returning id`,
    [organisationId, state, reporterId],
  );
  if (assignee)
    await database.query('insert into incident_assignments (incident_id, user_id) values ($1, $2)', [
      row!.id,
      assignee,
    ]);
  return row!.id;
}
const task = (incidentId: string, kind: string, dueOn: string, done = false) =>
  database.query(
    `insert into incident_tasks (incident_id, kind, due_on, done_at) values ($1, $2, $3, ${done ? 'now()' : 'null'})`,
    [incidentId, kind, dueOn],
  );

before(async () => {
  database = await createTestDatabase();
  const insert = async (code: string) =>
    (
      await database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  org = await insert('GM9611');
  other = await insert('GM9612');
  coordinator = await createUser(database, { memberships: [{ organisationId: org, role: 'coordinator' }] });
  handler = await createUser(database, { memberships: [{ organisationId: org, role: 'case_handler' }] });
  reporter = await createUser(database, { memberships: [{ organisationId: org, role: 'reporter' }] });
});
after(() => database.close());

test('each sees the open incidents and tasks they may see, and nothing of another organisation', async () => {
  const assigned = await incident(org, 'in_behandeling', reporter.id, handler.id);
  const unassigned = await incident(org, 'gemeld', reporter.id);
  await incident(org, 'gemeld', coordinator.id);
  await incident(org, 'afgesloten', reporter.id, handler.id);
  const draft = await incident(org, 'draft', reporter.id);
  const foreign = await incident(other, 'gemeld', reporter.id);
  await task(assigned, 'first_contact', '2026-12-01'); // overdue
  await task(assigned, 'aftercare_1w', '2026-12-20');
  await task(assigned, 'police_report', '2026-11-01', true); // done: neither overdue nor next
  await task(unassigned, 'police_report', '2026-12-03'); // overdue, coordinator only
  await task(unassigned, 'aftercare_4w', '2026-12-07'); // due today: not overdue yet
  await task(draft, 'first_contact', '2026-11-01');
  await task(foreign, 'first_contact', '2026-11-01');

  const c = await incidentsHome(database.db, principalOf(coordinator, { [org]: ['coordinator'] }), now);
  assert.equal(c.followUp.length, 1);
  assert.deepEqual(c.followUp[0]!.byState, { gemeld: 2, in_behandeling: 1, maatregelen: 0 });
  assert.equal(c.followUp[0]!.overdueTasks, 2);
  assert.deepEqual(
    c.followUp[0]!.nextTasks.map((t) => [t.incidentId, t.kind, t.dueOn]),
    [
      [assigned, 'first_contact', '2026-12-01'],
      [unassigned, 'police_report', '2026-12-03'],
      [unassigned, 'aftercare_4w', '2026-12-07'],
      [assigned, 'aftercare_1w', '2026-12-20'],
    ],
  );
  assert.equal(c.ownOpenReports, 1);
  const limited = await incidentsHome(
    database.db,
    principalOf(coordinator, { [org]: ['coordinator'] }),
    now,
    2,
  );
  assert.equal(limited.followUp[0]!.nextTasks.length, 2);

  const h = await incidentsHome(database.db, principalOf(handler, { [org]: ['case_handler'] }), now);
  assert.deepEqual(h.followUp[0]!.byState, { gemeld: 0, in_behandeling: 1, maatregelen: 0 });
  assert.equal(h.followUp[0]!.overdueTasks, 1);
  assert.deepEqual(
    h.followUp[0]!.nextTasks.map((t) => t.incidentId),
    [assigned, assigned],
  );
  assert.equal(h.ownOpenReports, 0);

  // A reporter follows up nothing; their own open reports count, in any organisation, drafts and closed ones not.
  const r = await incidentsHome(database.db, principalOf(reporter, { [org]: ['reporter'] }), now);
  assert.deepEqual(r.followUp, []);
  assert.equal(r.ownOpenReports, 3);
});
