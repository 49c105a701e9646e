import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import type { OrganisationRole, Principal } from '../../platform/access/policy.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { completeReport, principalOf } from './fixtures.js';
import { addTask, assign, changeState, completeTask, recordMeasure, recordReferral } from './follow-up.js';
import { listIncidents, saveDraft, submitReport, viewIncident } from './service.js';

let database: Database;
let orgA: string;
let orgB: string;
const p: Record<string, Principal> = {};

async function user(name: string, org: string, roles: OrganisationRole[]) {
  const u = await createUser(database, {
    email: `${name}@incidents.test`,
    memberships: roles.map((role) => ({ organisationId: org, role })),
  });
  p[name] = principalOf(u, { [org]: roles });
}

const code = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ok';
};

before(async () => {
  database = await createTestDatabase();
  const org = async (c: string) =>
    (
      await database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [c],
      )
    )[0]!.id;
  orgA = await org('GM9101');
  orgB = await org('GM9102');
  await user('reporter', orgA, ['reporter']);
  await user('reporter2', orgA, ['reporter']);
  await user('coordinator', orgA, ['coordinator']);
  await user('handler1', orgA, ['case_handler']);
  await user('handler2', orgA, ['case_handler']);
  await user('integrity', orgA, ['integrity_officer']);
  await user('coordinatorB', orgB, ['coordinator', 'case_handler', 'reporter']);
});
after(() => database.close());

const submit = (who = 'reporter', over = {}) =>
  submitReport(
    database.db,
    p[who]!,
    { organisationId: orgA },
    completeReport(over),
    new Date('2026-12-03T10:00:00Z'),
  );

test('a submitted report is "gemeld" with its history and default tasks counted in working days', async () => {
  const { id } = await submit();
  const v = await viewIncident(database.db, p.coordinator, id);
  assert.equal(v.incident.state, 'gemeld');
  assert.deepEqual(
    v.history.map((h) => [h.fromState, h.toState]),
    [[null, 'gemeld']],
  );
  // Thursday 3 December 2026: contact Friday, police (a threat) Monday, aftercare 10 Dec, 31 Dec, 3 Mar.
  assert.deepEqual(
    v.tasks.map((t) => `${t.kind} ${t.dueOn}`),
    [
      'first_contact 2026-12-04',
      'police_report 2026-12-07',
      'aftercare_1w 2026-12-10',
      'aftercare_4w 2026-12-31',
      'aftercare_3m 2027-03-03',
    ],
  );
  assert.equal(
    v.incident.concernedUserId,
    p.reporter!.userId,
    'reporting for oneself makes one the person concerned',
  );
});

test('who sees an incident: reporter, coordinator, assigned case handlers; nobody else', async () => {
  const { id } = await submit();
  const { id: other } = await submit('reporter2');
  const sees = async (who: string, incident = id) =>
    (await code(() => viewIncident(database.db, p[who], incident))) === 'ok';
  assert.equal(await sees('reporter'), true);
  assert.equal(await sees('coordinator'), true);
  assert.equal(await sees('reporter2'), false, 'another reporter of the organisation');
  assert.equal(await sees('handler1'), false, 'an unassigned case handler');
  assert.equal(await sees('integrity'), false, 'the integrity officer');
  assert.equal(await sees('coordinatorB'), false, 'another organisation');
  await assign(database.db, p.coordinator!, id, p.handler1!.userId, true);
  assert.equal(await sees('handler1'), true);
  assert.equal(await sees('handler1', other), false, 'a case handler of one incident cannot see another');
  assert.equal(await sees('handler2'), false);
  // The case handler's list holds only the assigned incident; the coordinator's holds both.
  const handlerList = await listIncidents(database.db, p.handler1!, {
    organisationId: orgA,
    limit: 100,
    offset: 0,
  });
  assert.ok(handlerList.items.some((i) => i.id === id) && !handlerList.items.some((i) => i.id === other));
  const coordinatorList = await listIncidents(database.db, p.coordinator!, {
    organisationId: orgA,
    limit: 100,
    offset: 0,
  });
  assert.ok(coordinatorList.items.some((i) => i.id === other));
  assert.equal(
    await code(() =>
      listIncidents(database.db, p.coordinatorB!, { organisationId: orgA, limit: 10, offset: 0 }),
    ),
    'forbidden',
  );
  // Unassigning takes the access away again.
  await assign(database.db, p.coordinator!, id, p.handler1!.userId, false);
  assert.equal(await sees('handler1'), false);
  assert.equal(
    await code(() => assign(database.db, p.coordinator!, id, p.reporter2!.userId, true)),
    'validation',
  );
  assert.equal(await code(() => assign(database.db, p.handler2!, id, p.handler2!.userId, true)), 'not-found');
});

test("the perpetrator's name is the coordinator's alone", async () => {
  const { id } = await submit();
  await assign(database.db, p.coordinator!, id, p.handler1!.userId, true);
  assert.equal((await viewIncident(database.db, p.coordinator, id)).perpetratorName, 'Piet Dader');
  const h = await viewIncident(database.db, p.handler1, id);
  assert.equal(h.perpetratorName, null);
  assert.equal(h.perpetratorNameHidden, true);
  assert.equal((await viewIncident(database.db, p.reporter, id)).perpetratorName, null);
});

test('every view is audited, and incident audit records hold no values', async () => {
  const { id } = await submit('reporter', { concernedName: 'Wendy Wethouder', reporterRelation: 'griffier' });
  const views = async () =>
    (
      await database.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action = 'incident.view' and resource_id = $1",
        [id],
      )
    )[0]!.n;
  const before = await views();
  await viewIncident(database.db, p.coordinator, id);
  await viewIncident(database.db, p.reporter, id);
  assert.equal(await views(), before + 2);
  await code(() => viewIncident(database.db, p.reporter2, id));
  assert.equal(await views(), before + 2, 'a refused view shows nothing and records no view');
  await changeState(database.db, p.coordinator!, id, 'in_behandeling', 'Gebeld met Wendy Wethouder');
  await recordMeasure(database.db, p.coordinator!, id, {
    kind: 'warning_letter',
    decidedOn: '2026-12-04',
    note: 'Brief aan Piet Dader',
  });
  const rows = await database.query<{ diff: unknown; action: string }>(
    "select action, diff from audit_log where resource_type = 'incident' and (resource_id = $1 or diff::text like '%' || $1 || '%')",
    [id],
  );
  assert.ok(rows.some((r) => r.action === 'incident.list' || r.action === 'incident.view'));
  const all = JSON.stringify(rows);
  for (const value of [
    'Wendy',
    'Piet',
    'Dader',
    'bedreigd',
    'raadsvergadering',
    'griffier',
    'wethouder',
    'threat',
  ]) {
    assert.ok(!all.includes(value), `the audit log holds "${value}"`);
  }
});

test('state changes follow the follow-up order, reopening is allowed, and the history is append-only', async () => {
  const { id } = await submit();
  assert.equal(await code(() => changeState(database.db, p.coordinator!, id, 'maatregelen')), 'conflict');
  await changeState(database.db, p.coordinator!, id, 'in_behandeling');
  await changeState(database.db, p.coordinator!, id, 'maatregelen');
  await changeState(database.db, p.coordinator!, id, 'afgesloten');
  await changeState(database.db, p.coordinator!, id, 'in_behandeling', 'Nieuw incident van dezelfde dader');
  const v = await viewIncident(database.db, p.coordinator, id);
  assert.deepEqual(
    v.history.map((h) => h.toState),
    ['gemeld', 'in_behandeling', 'maatregelen', 'afgesloten', 'in_behandeling'],
  );
  assert.equal(v.incident.closedAt, null);
  assert.equal(await code(() => changeState(database.db, p.reporter!, id, 'afgesloten')), 'forbidden');
  assert.equal(await code(() => changeState(database.db, p.handler2!, id, 'afgesloten')), 'not-found');
  await assert.rejects(
    database.query('update incident_state_changes set to_state = $1 where incident_id = $2', [
      'afgesloten',
      id,
    ]),
    /append-only/,
  );
  await assert.rejects(
    database.query('delete from incident_state_changes where incident_id = $1', [id]),
    /append-only/,
  );
});

test('tasks, measures and the referral with consent', async () => {
  const { id } = await submit();
  await assign(database.db, p.coordinator!, id, p.handler1!.userId, true);
  const task = await addTask(database.db, p.handler1!, id, {
    title: 'Camerabeelden opvragen',
    dueOn: '2026-12-09',
  });
  await completeTask(database.db, p.handler1!, id, task.id);
  assert.equal(await code(() => completeTask(database.db, p.handler1!, id, task.id)), 'not-found');
  await recordMeasure(database.db, p.handler1!, id, { kind: 'building_ban', decidedOn: '2026-12-08' });
  assert.equal(
    await code(() =>
      recordReferral(database.db, p.handler1!, id, { consentOn: '2026-12-08', referredOn: '2026-12-07' }),
    ),
    'validation',
  );
  await recordReferral(database.db, p.handler1!, id, { consentOn: '2026-12-07', referredOn: '2026-12-08' });
  const v = await viewIncident(database.db, p.handler1, id);
  assert.equal(v.incident.referredOn, '2026-12-08');
  assert.equal(v.incident.referralConsentOn, '2026-12-07');
  assert.deepEqual(
    v.measures.map((m) => m.kind),
    ['building_ban'],
  );
  assert.ok(v.tasks.find((t) => t.id === task.id)?.doneAt);
});

test('a draft is the reporter’s alone until submitted; an incomplete report is refused field by field', async () => {
  const id = await saveDraft(
    database.db,
    p.reporter!,
    { organisationId: orgA },
    { description: 'Half af', forms: ['stalking'] },
  );
  assert.equal(await code(() => viewIncident(database.db, p.coordinator, id)), 'not-found');
  assert.equal((await viewIncident(database.db, p.reporter, id)).mayEdit, true);
  assert.equal(
    await code(() => saveDraft(database.db, p.reporter2!, { organisationId: orgA, incidentId: id }, {})),
    'not-found',
  );
  try {
    await submitReport(
      database.db,
      p.reporter!,
      { organisationId: orgA, incidentId: id },
      { description: 'Half af', forms: ['stalking'], occurredOn: '2099-01-01' },
    );
    assert.fail('an incomplete report was accepted');
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'validation');
    const fields = err.invalidParams.map((x) => `${x.name}:${x.code}`);
    assert.ok(fields.includes('severity:required') && fields.includes('occurredOn:future'), fields.join());
    assert.ok(!fields.includes('description:required'));
  }
  await submitReport(
    database.db,
    p.reporter!,
    { organisationId: orgA, incidentId: id },
    completeReport({ forms: ['stalking'] }),
  );
  assert.equal((await viewIncident(database.db, p.coordinator, id)).incident.state, 'gemeld');
  assert.equal(
    await code(() => saveDraft(database.db, p.reporter!, { organisationId: orgA, incidentId: id }, {})),
    'conflict',
  );
  assert.equal(await code(() => submit('coordinatorB')), 'forbidden');
});
