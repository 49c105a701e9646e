import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { completeReport } from './fixtures.js';

let t: TestApp;
let orgA: string;
let reporter: TestUser;
let coordinator: TestUser;
let handler: TestUser;
let readOnlyCoordinator: TestUser;
let otherCoordinator: TestUser;

before(async () => {
  t = await createTestApp();
  const org = async (code: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9401');
  const orgB = await org('GM9402');
  reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  handler = await createUser(t, { memberships: [{ organisationId: orgA, role: 'case_handler' }] });
  readOnlyCoordinator = await createUser(t, {
    memberships: [{ organisationId: orgA, role: 'coordinator' }],
    scopes: ['read'],
  });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

const call = (user: TestUser, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${user.bearer}`, 'accept-language': 'nl' },
    payload: payload as object,
  });

test('report through the API, follow it up, and the access rules hold', async () => {
  const created = await call(reporter, 'POST', '/api/v1/incidents', {
    organisationId: orgA,
    ...completeReport(),
  });
  assert.equal(created.statusCode, 201, created.body);
  const incident = created.json();
  assert.equal(incident.state, 'gemeld');
  assert.equal(created.headers.location, `/api/v1/incidents/${incident.id}`);
  assert.equal(incident.perpetratorName, null, 'the reporter does not get the name back once sent');
  assert.deepEqual(
    incident.tasks.map((x: { kind: string }) => x.kind),
    ['first_contact', 'police_report', 'aftercare_1w', 'aftercare_4w', 'aftercare_3m'],
  );
  const id = incident.id as string;

  const seen = await call(coordinator, 'GET', `/api/v1/incidents/${id}`);
  assert.equal(seen.statusCode, 200);
  assert.equal(seen.json().perpetratorName, 'Piet Dader');
  const other = await call(otherCoordinator, 'GET', `/api/v1/incidents/${id}`);
  assert.equal(other.statusCode, 403);
  assert.match(String(other.headers['content-type']), /application\/problem\+json/);
  const notAssigned = await call(handler, 'GET', `/api/v1/incidents/${id}`);
  assert.equal(notAssigned.statusCode, 404);
  assert.equal(notAssigned.json().type, 'urn:weerbaar:problem:not-found');

  const assigned = await call(coordinator, 'POST', `/api/v1/incidents/${id}/assignees`, {
    userId: handler.id,
  });
  assert.equal(assigned.statusCode, 201);
  assert.deepEqual(assigned.json().assignees, [handler.id]);
  const moved = await call(handler, 'POST', `/api/v1/incidents/${id}/state-changes`, {
    state: 'in_behandeling',
  });
  assert.equal(moved.statusCode, 201);
  assert.deepEqual(
    moved.json().history.map((h: { toState: string }) => h.toState),
    ['gemeld', 'in_behandeling'],
  );
  const conflict = await call(handler, 'POST', `/api/v1/incidents/${id}/state-changes`, { state: 'gemeld' });
  assert.equal(conflict.statusCode, 409);
  const task = await call(handler, 'POST', `/api/v1/incidents/${id}/tasks`, {
    title: 'Bellen',
    dueOn: '2026-12-10',
  });
  assert.equal(task.statusCode, 201);
  const done = await call(handler, 'POST', `/api/v1/incidents/${id}/tasks/${task.json().id}/completion`);
  assert.equal(done.statusCode, 201);
  const measure = await call(handler, 'POST', `/api/v1/incidents/${id}/measures`, {
    kind: 'talk',
    decidedOn: '2026-12-08',
  });
  assert.equal(measure.statusCode, 201);
  const referral = await call(handler, 'PUT', `/api/v1/incidents/${id}/referral`, {
    consentOn: '2026-12-08',
    referredOn: '2026-12-09',
  });
  assert.equal(referral.statusCode, 200);
  assert.equal(referral.json().referredOn, '2026-12-09');
  const unassign = await call(handler, 'DELETE', `/api/v1/incidents/${id}/assignees/${handler.id}`);
  assert.equal(unassign.statusCode, 403, 'assigning is the coordinator’s');

  const list = await call(handler, 'GET', `/api/v1/incidents?organisationId=${orgA}`);
  assert.equal(list.statusCode, 200);
  assert.deepEqual(
    list.json().items.map((i: { id: string }) => i.id),
    [id],
  );
  const overdue = await call(coordinator, 'GET', `/api/v1/incidents?organisationId=${orgA}&overdue=true`);
  assert.equal(overdue.statusCode, 200);
  const threats = await call(coordinator, 'GET', `/api/v1/incidents?organisationId=${orgA}&form=threat`);
  assert.deepEqual(
    threats.json().items.map((i: { id: string }) => i.id),
    [id],
  );
  const stalking = await call(coordinator, 'GET', `/api/v1/incidents?organisationId=${orgA}&form=stalking`);
  assert.equal(stalking.json().total, 0);
  const inProgress = await call(coordinator, 'GET', `/api/v1/incidents?organisationId=${orgA}&state=gemeld`);
  assert.equal(inProgress.json().total, 0, 'the one incident is in_behandeling now');
  const bad = await call(coordinator, 'GET', `/api/v1/incidents?organisationId=${orgA}&form=shouting`);
  assert.equal(bad.statusCode, 400);

  // A read-only token reads but does not change.
  assert.equal((await call(readOnlyCoordinator, 'GET', `/api/v1/incidents/${id}`)).statusCode, 200);
  const refused = await call(readOnlyCoordinator, 'POST', `/api/v1/incidents/${id}/state-changes`, {
    state: 'afgesloten',
  });
  assert.equal(refused.statusCode, 403);
});

test('an incomplete report is a problem with the invalid fields; a draft is accepted', async () => {
  const res = await call(reporter, 'POST', '/api/v1/incidents', {
    organisationId: orgA,
    description: 'Nog niet af',
    occurredOn: '2999-01-01',
  });
  assert.equal(res.statusCode, 400);
  const problem = res.json();
  assert.equal(problem.type, 'urn:weerbaar:problem:validation');
  const names = problem.invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`);
  assert.ok(names.includes('severity:required') && names.includes('occurredOn:future'), names.join());
  const unknown = await call(reporter, 'POST', '/api/v1/incidents', {
    organisationId: orgA,
    forms: ['shouting'],
  });
  assert.equal(unknown.statusCode, 400);
  const draft = await call(reporter, 'POST', '/api/v1/incidents', {
    organisationId: orgA,
    draft: true,
    description: 'Nog niet af',
  });
  assert.equal(draft.statusCode, 201);
  assert.equal(draft.json().state, 'draft');
  const hidden = await call(coordinator, 'GET', `/api/v1/incidents/${draft.json().id}`);
  assert.equal(hidden.statusCode, 404, 'a draft is the reporter’s alone');
  const noOrg = await call(reporter, 'POST', '/api/v1/incidents', { ...completeReport() });
  assert.ok([400, 403].includes(noOrg.statusCode));
});

test('the incident routes are in the OpenAPI document', async () => {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  for (const path of [
    '/incidents',
    '/incidents/{incidentId}',
    '/incidents/{incidentId}/state-changes',
    '/incidents/{incidentId}/referral',
  ]) {
    assert.ok(doc.paths[path], path);
  }
  assert.ok(doc.components.schemas.Incident);
});
