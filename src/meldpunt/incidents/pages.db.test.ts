import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let orgA: string;
let orgB: string;
let reporter: TestUser;
let coordinator: TestUser;
let handler: TestUser;
let otherCoordinator: TestUser;

before(async () => {
  t = await createTestApp();
  const org = async (code: string, name: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $2) returning id",
        [code, name],
      )
    )[0]!.id;
  orgA = await org('GM9201', 'Gemeente A');
  orgB = await org('GM9202', 'Gemeente B');
  reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  handler = await createUser(t, {
    displayName: 'Hanna Behandelaar',
    memberships: [{ organisationId: orgA, role: 'case_handler' }],
  });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

const report = {
  reporterRelation: 'self',
  concernedRole: 'raadslid',
  occurredOn: '2026-11-20',
  occurredTime: '21:30',
  recurrence: 'once',
  location: 'online',
  channel: 'social_media',
  channelDetail: 'X',
  forms: ['threat', 'doxing'],
  description: 'Iemand zette mijn huisadres online met een dreigende tekst.',
  severity: 'very_serious',
  perpetratorKnown: 'unknown',
  perpetratorName: 'Karel Anoniem',
  wantsContact: 'true',
};

test('a report with problems comes back with the messages beside the fields and in a summary', async () => {
  const res = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    { intent: 'submit', occurredOn: '2026-13-45', description: 'Alleen dit' },
    reporter.cookie,
  );
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /id="occurredOn-error"[^>]*>Vul een datum in zoals 2026-12-01/);
  assert.match(res.body, /Alleen dit/, 'what was typed is kept');
  const count = await t.database.query<{ n: number }>('select count(*)::int as n from incidents');
  assert.equal(count[0]!.n, 0, 'nothing was stored');
  const missing = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    { intent: 'submit' },
    reporter.cookie,
  );
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#forms">Kies ten minste één soort agressie/);
  assert.match(missing.body, /id="severity-error"/);
});

test('draft, then send: acknowledged after the commit; the coordinator sees it, another organisation does not', async () => {
  const draft = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    { intent: 'draft', description: 'Eerst even opslaan', forms: ['threat'] },
    reporter.cookie,
  );
  assert.equal(draft.statusCode, 303);
  const edit = String(draft.headers.location);
  assert.match(edit, /^\/incidents\/[0-9a-f-]{36}\/edit\?saved=1$/);
  const id = edit.split('/')[2]!;
  const page = await t.app.inject({ url: edit, headers: { cookie: reporter.cookie } });
  assert.match(page.body, /Uw concept is opgeslagen/);
  assert.match(page.body, /Eerst even opslaan/);
  // The coordinator does not see a draft.
  const hidden = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: coordinator.cookie } });
  assert.equal(hidden.statusCode, 404);

  const sent = await postForm(
    t.app,
    `/incidents/${id}/edit`,
    { intent: 'submit', ...report },
    reporter.cookie,
  );
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `/incidents/${id}?done=submitted`);
  const state = await t.database.query<{ state: string }>('select state from incidents where id = $1', [id]);
  assert.equal(state[0]!.state, 'gemeld', 'stored before the acknowledgement');
  const ack = await t.app.inject({
    url: String(sent.headers.location),
    headers: { cookie: reporter.cookie },
  });
  assert.match(ack.body, /Uw melding is ontvangen en opgeslagen/);
  assert.doesNotMatch(ack.body, /Karel Anoniem/, 'the reporter does not see the name once sent');

  const list = await t.app.inject({
    url: `/organisations/${orgA}/incidents`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`/incidents/${id}`));
  const detail = await t.app.inject({
    url: `/incidents/${id}?lang=en`,
    headers: { cookie: coordinator.cookie },
  });
  assert.match(detail.body, /Karel Anoniem/);
  assert.match(detail.body, /Report or complaint to the police \(VPT\)/);

  for (const url of [`/incidents/${id}`, `/organisations/${orgA}/incidents`]) {
    const res = await t.app.inject({ url, headers: { cookie: otherCoordinator.cookie } });
    assert.ok([403, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
    assert.doesNotMatch(res.body, /huisadres/);
  }
  const unassigned = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: handler.cookie } });
  assert.equal(unassigned.statusCode, 404);
});

test('the coordinator assigns, changes the state and records a referral; the handler then follows up', async () => {
  const sent = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    { intent: 'submit', ...report },
    reporter.cookie,
  );
  const id = String(sent.headers.location).split('/')[2]!.split('?')[0]!;
  const ok = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/incidents/${id}?done=saved`);
  };
  ok(
    await postForm(
      t.app,
      `/incidents/${id}/assignees`,
      { userId: handler.id, assigned: 'true' },
      coordinator.cookie,
    ),
  );
  ok(
    await postForm(
      t.app,
      `/incidents/${id}/state`,
      { newState: 'in_behandeling', stateNote: 'Gebeld' },
      coordinator.cookie,
    ),
  );
  const bad = await postForm(t.app, `/incidents/${id}/state`, { newState: 'gemeld' }, coordinator.cookie);
  assert.equal(bad.statusCode, 400, 'going back to "gemeld" is refused with a message');
  const early = await postForm(
    t.app,
    `/incidents/${id}/referral`,
    { consentOn: '2026-12-03', referredOn: '2026-12-02' },
    handler.cookie,
  );
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /id="referredOn-error"/);
  ok(
    await postForm(
      t.app,
      `/incidents/${id}/referral`,
      { consentOn: '2026-12-02', referredOn: '2026-12-03' },
      handler.cookie,
    ),
  );
  ok(
    await postForm(
      t.app,
      `/incidents/${id}/measures`,
      { measureKind: 'home_security', decidedOn: '2026-12-03' },
      handler.cookie,
    ),
  );
  ok(
    await postForm(
      t.app,
      `/incidents/${id}/tasks`,
      { taskTitle: 'Buurtagent informeren', taskDue: '2026-12-10' },
      handler.cookie,
    ),
  );
  const tasks = await t.database.query<{ id: string }>(
    "select id from incident_tasks where incident_id = $1 and kind = 'first_contact'",
    [id],
  );
  ok(await postForm(t.app, `/incidents/${id}/tasks/${tasks[0]!.id}/done`, {}, handler.cookie));
  // Assigning is the coordinator's.
  const refused = await postForm(
    t.app,
    `/incidents/${id}/assignees`,
    { userId: handler.id, assigned: 'false' },
    handler.cookie,
  );
  assert.equal(refused.statusCode, 403);
  const page = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: handler.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Doorverwezen op/);
  assert.match(page.body, /Beveiliging thuis/);
  assert.match(page.body, /Buurtagent informeren/);
  assert.match(page.body, /Hanna Behandelaar/);
  assert.doesNotMatch(page.body, /Karel Anoniem/, 'a case handler does not see the name');
  // The aangifte preparation: for those who handle the incident; the name only for the coordinator.
  const forCoordinator = await t.app.inject({
    url: `/incidents/${id}/aangifte`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(forCoordinator.statusCode, 200);
  assert.match(forCoordinator.body, /VPT-incident/);
  assert.match(forCoordinator.body, /Gemeente A/);
  assert.match(forCoordinator.body, /Karel Anoniem/);
  const forHandler = await t.app.inject({
    url: `/incidents/${id}/aangifte`,
    headers: { cookie: handler.cookie },
  });
  assert.equal(forHandler.statusCode, 200);
  assert.doesNotMatch(forHandler.body, /Karel Anoniem/);
  const forReporter = await t.app.inject({
    url: `/incidents/${id}/aangifte`,
    headers: { cookie: reporter.cookie },
  });
  assert.equal(forReporter.statusCode, 403);
  const history = await t.database.query<{ to_state: string }>(
    'select to_state from incident_state_changes where incident_id = $1 order by seq',
    [id],
  );
  assert.deepEqual(
    history.map((h) => h.to_state),
    ['gemeld', 'in_behandeling'],
  );
});

test('the start page offers reporting and follow-up by role; malformed input never fails the server', async () => {
  const home = await t.app.inject({ url: '/meldpunt', headers: { cookie: reporter.cookie } });
  assert.match(home.body, new RegExp(`/organisations/${orgA}/incidents/new`));
  assert.doesNotMatch(home.body, new RegExp(`/organisations/${orgA}/incidents"`));
  const coord = await t.app.inject({ url: '/meldpunt', headers: { cookie: coordinator.cookie } });
  assert.match(coord.body, new RegExp(`/organisations/${orgA}/incidents"`));
  for (const url of ['/incidents/not-a-uuid', `/organisations/${orgA}/incidents?state=nonsense&page=-3`]) {
    const res = await t.app.inject({ url, headers: { cookie: coordinator.cookie } });
    assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
  }
  const weird = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    {
      intent: 'submit',
      forms: ['threat', 'nonsense'],
      severity: 'x'.repeat(5000),
      description: 'x'.repeat(20_000),
    },
    reporter.cookie,
  );
  assert.equal(weird.statusCode, 400);
});
