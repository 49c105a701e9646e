import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { normaliseName, perpetratorKey } from './perpetrator-links.js';

let t: TestApp;
let orgA: string;
let orgB: string;
let reporter: TestUser;
let reporterB: TestUser;
let coordinator: TestUser;
let handler: TestUser;
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
  orgA = await org('GM9501');
  orgB = await org('GM9502');
  reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  reporterB = await createUser(t, { memberships: [{ organisationId: orgB, role: 'reporter' }] });
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  handler = await createUser(t, { memberships: [{ organisationId: orgA, role: 'case_handler' }] });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

const report = (occurredOn: string, name: string) => ({
  intent: 'submit',
  reporterRelation: 'self',
  concernedRole: 'raadslid',
  occurredOn,
  recurrence: 'once',
  location: 'work',
  channel: 'in_person',
  forms: ['threat'],
  severity: 'serious',
  perpetratorKnown: 'known',
  perpetratorKind: 'individual',
  perpetratorName: name,
  description: 'Bedreiging aan de balie.',
});

async function submit(org: string, user: TestUser, occurredOn: string, name: string) {
  const res = await postForm(
    t.app,
    `/organisations/${org}/incidents/new`,
    report(occurredOn, name),
    user.cookie,
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 600));
  return String(res.headers.location).split('/')[2]!.split('?')[0]!;
}

test('the name is compared without case, accents or spacing; the key differs per organisation', () => {
  assert.equal(normaliseName('  José   de  Vries '), 'jose de vries');
  const config = t.app.deps.config;
  assert.equal(perpetratorKey(config, orgA, 'José de Vries'), perpetratorKey(config, orgA, 'JOSE DE VRIES'));
  assert.notEqual(
    perpetratorKey(config, orgA, 'José de Vries'),
    perpetratorKey(config, orgB, 'José de Vries'),
  );
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ minLength: 1, maxLength: 40 }),
      (a, b) => {
        const same = normaliseName(a) === normaliseName(b);
        assert.equal(perpetratorKey(config, orgA, a) === perpetratorKey(config, orgA, b), same);
        assert.equal(
          perpetratorKey(config, orgA, a).includes(normaliseName(a)) && normaliseName(a).length > 3,
          false,
        );
      },
    ),
    { numRuns: 200 },
  );
});

test('the coordinator sees earlier incidents by the same perpetrator; nobody else, never across organisations', async () => {
  const first = await submit(orgA, reporter, '2026-09-01', 'José de Vries');
  await postForm(
    t.app,
    `/incidents/${first}/measures`,
    { measureKind: 'warning_letter', decidedOn: '2026-09-03' },
    coordinator.cookie,
  );
  await submit(orgA, reporter, '2026-10-01', 'Piet Anders');
  await submit(orgB, reporterB, '2026-10-15', 'José de Vries');
  const latest = await submit(orgA, reporter, '2026-11-20', 'jose  DE vries');

  const page = await t.app.inject({ url: `/incidents/${latest}`, headers: { cookie: coordinator.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Andere meldingen over dezelfde dader/);
  assert.match(page.body, /Er is 1 andere melding met dezelfde naam van de dader/);
  assert.match(page.body, new RegExp(`href="/incidents/${first}"`));
  assert.match(page.body, /maatregelen: Waarschuwingsbrief/);
  const audited = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where resource_id = $1 and action = 'incident.view-linked'",
    [first],
  );
  assert.equal(audited[0]!.n, 1, 'the linked incident shown is audited as viewed');

  // The keys hold no names.
  const keys = await t.database.query<{ perpetrator_key: string }>(
    'select perpetrator_key from incident_perpetrator_names where perpetrator_key is not null',
  );
  assert.ok(keys.length >= 3);
  assert.doesNotMatch(JSON.stringify(keys), /vries|jose/i);

  // The reporter and a case handler do not see the section (nor the name).
  const own = await t.app.inject({ url: `/incidents/${latest}`, headers: { cookie: reporter.cookie } });
  assert.doesNotMatch(own.body, /Andere meldingen over dezelfde dader/);
  await postForm(t.app, `/incidents/${latest}/assignees`, { userId: handler.id }, coordinator.cookie);
  const handled = await t.app.inject({ url: `/incidents/${latest}`, headers: { cookie: handler.cookie } });
  assert.equal(handled.statusCode, 200);
  assert.doesNotMatch(handled.body, /Andere meldingen over dezelfde dader/);

  // Organisation B's coordinator sees B's incident without a link to A's.
  const [bIncident] = await t.database.query<{ id: string }>(
    'select id from incidents where organisation_id = $1',
    [orgB],
  );
  const b = await t.app.inject({
    url: `/incidents/${bIncident!.id}`,
    headers: { cookie: otherCoordinator.cookie },
  });
  assert.match(b.body, /Er zijn geen andere meldingen met dezelfde naam van de dader/);
});
