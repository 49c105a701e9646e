import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import type { Principal } from '../../platform/access/policy.js';
import { completeReport, principalOf } from './fixtures.js';

/** Reports of incidents that happened on 1 October 2026 (before every report date below). */
const report = (over: Parameters<typeof completeReport>[0] = {}) =>
  completeReport({ occurredOn: '2026-10-01', ...over });

import { changeState, completeTask } from './follow-up.js';
import { organisationOverview } from './overview.js';
import { saveDraft, submitReport } from './service.js';

let t: TestApp;
let org: string;
let coordinatorUser: TestUser;
let handlerUser: TestUser;
let reporter: Principal;
let coordinator: Principal;

before(async () => {
  t = await createTestApp();
  const insert = (code: string) =>
    t.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
      [code],
    );
  org = (await insert('GM9601'))[0]!.id;
  const other = (await insert('GM9602'))[0]!.id;
  const r = await createUser(t, { memberships: [{ organisationId: org, role: 'reporter' }] });
  coordinatorUser = await createUser(t, { memberships: [{ organisationId: org, role: 'coordinator' }] });
  handlerUser = await createUser(t, { memberships: [{ organisationId: org, role: 'case_handler' }] });
  reporter = principalOf(r, { [org]: ['reporter'] });
  coordinator = principalOf(coordinatorUser, { [org]: ['coordinator'] });
  const day = (d: string) => new Date(`${d}T09:00:00Z`);
  // Three reports in November, one in October (outside the period), a draft, and one of another organisation.
  const a = await submitReport(
    t.database.db,
    reporter,
    { organisationId: org },
    report({ aangifteMade: true }),
    day('2026-11-02'),
  );
  const b = await submitReport(
    t.database.db,
    reporter,
    { organisationId: org },
    report({ forms: ['verbal_insult'], channel: 'social_media', severity: 'not_serious' }),
    day('2026-11-10'),
  );
  await submitReport(
    t.database.db,
    reporter,
    { organisationId: org },
    report({ concernedRole: 'raadslid' }),
    day('2026-11-20'),
  );
  await submitReport(t.database.db, reporter, { organisationId: org }, report(), day('2026-10-15'));
  await saveDraft(t.database.db, reporter, { organisationId: org }, { forms: ['threat'] });
  const otherReporter = await createUser(t, { memberships: [{ organisationId: other, role: 'reporter' }] });
  await submitReport(
    t.database.db,
    principalOf(otherReporter, { [other]: ['reporter'] }),
    { organisationId: other },
    report(),
    day('2026-11-05'),
  );
  // First contact: a on time (due 3 Nov, done 3 Nov), b late (due 11 Nov, done 13 Nov).
  const first = async (id: string) =>
    (
      await t.database.query<{ id: string }>(
        "select id from incident_tasks where incident_id = $1 and kind = 'first_contact'",
        [id],
      )
    )[0]!.id;
  await completeTask(t.database.db, coordinator, a.id, await first(a.id), day('2026-11-03'));
  await completeTask(t.database.db, coordinator, b.id, await first(b.id), day('2026-11-13'));
  await changeState(t.database.db, coordinator, b.id, 'afgesloten');
});
after(() => t.close());

test('the overview counts exactly the organisation’s submitted incidents in the period', async () => {
  const o = await organisationOverview(t.database, org, '2026-11-01', '2026-11-30', '2026-12-07');
  assert.equal(o.total, 3);
  assert.deepEqual(o.byState, { afgesloten: 1, gemeld: 2 });
  assert.deepEqual(o.byForm, { threat: 2, verbal_insult: 3 });
  assert.deepEqual(o.byChannel, { in_person: 2, social_media: 1 });
  assert.deepEqual(o.byRole, { raadslid: 1, wethouder: 2 });
  assert.deepEqual(o.bySeverity, { not_serious: 1, serious: 2 });
  assert.equal(o.aangifteMade, 1);
  assert.equal(o.firstContactDone, 2);
  assert.equal(o.firstContactOnTime, 1);
  assert.equal(o.medianDaysToFirstContact, 2, 'median of 1 and 3 days');
  // Open tasks of open incidents: a (police + 3 aftercare) and c (5 tasks); b is closed.
  assert.equal(o.openTasks, 9);
  assert.ok(o.overdueTasks > 0 && o.overdueTasks <= o.openTasks);
  assert.deepEqual(o.byMonth, { '2026-11': 3 });
  assert.equal(
    Object.values(o.overdueByKind).reduce((a, b) => a + b, 0),
    o.overdueTasks,
    'overdue tasks by kind add up to the overdue tasks',
  );
  const year = await organisationOverview(t.database, org, '2026-01-01', '2026-12-31', '2026-12-07');
  assert.deepEqual(Object.keys(year.byMonth).length, 12);
  assert.deepEqual([year.byMonth['2026-10'], year.byMonth['2026-11'], year.byMonth['2026-01']], [1, 3, 0]);
  const empty = await organisationOverview(t.database, org, '2025-01-01', '2025-12-31', '2026-12-07');
  assert.equal(empty.total, 0);
  assert.equal(empty.medianDaysToFirstContact, null);
});

test('the overview page is the coordinator’s; a bad period falls back with a message', async () => {
  const page = await t.app.inject({
    url: `/organisations/${org}/incidents/overview?from=2026-11-01&to=2026-11-30`,
    headers: { cookie: coordinatorUser.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<dt>Meldingen<\/dt><dd>3<\/dd>/);
  // the shared charts: an SVG named by its title, and the data table with the same numbers
  for (const key of ['by-month', 'by-state', 'by-form', 'by-channel', 'by-role', 'by-severity'])
    assert.match(
      page.body,
      new RegExp(`<svg id="${key}-svg" role="img" aria-labelledby="${key}-title"`),
      key,
    );
  assert.match(page.body, /<th scope="row">Sociale media<\/th><td class="num">1<\/td>/);
  const handler = await t.app.inject({
    url: `/organisations/${org}/incidents/overview`,
    headers: { cookie: handlerUser.cookie },
  });
  assert.equal(handler.statusCode, 403);
  const bad = await t.app.inject({
    url: `/organisations/${org}/incidents/overview?from=2026-13-01&to=gisteren`,
    headers: { cookie: coordinatorUser.cookie },
  });
  assert.equal(bad.statusCode, 200);
  assert.match(bad.body, /De periode klopt niet/);
  const reversed = await t.app.inject({
    url: `/organisations/${org}/incidents/overview?from=2026-12-01&to=2026-11-01&lang=en`,
    headers: { cookie: coordinatorUser.cookie },
  });
  assert.match(reversed.body, /The period is not valid/);
});
