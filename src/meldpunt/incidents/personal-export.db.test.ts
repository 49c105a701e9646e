import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let org: string;
let reporter: TestUser;
let other: TestUser;

before(async () => {
  t = await createTestApp();
  org = (
    await t.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9701', 'gemeente', 'Inzagedorp') returning id",
    )
  )[0]!.id;
  reporter = await createUser(t, { memberships: [{ organisationId: org, role: 'reporter' }] });
  other = await createUser(t, { memberships: [{ organisationId: org, role: 'reporter' }] });
});
after(() => t.close());

test('a person downloads their own Meldpunt data (AVG); not the perpetrator’s name, not others’ reports', async () => {
  const sent = await postForm(
    t.app,
    `/organisations/${org}/incidents/new`,
    {
      intent: 'submit',
      reporterRelation: 'self',
      concernedRole: 'raadslid',
      occurredOn: '2026-11-02',
      recurrence: 'once',
      location: 'online',
      channel: 'mail',
      forms: ['threat'],
      severity: 'serious',
      perpetratorKnown: 'known',
      perpetratorKind: 'individual',
      perpetratorName: 'Karel Dader',
      description: 'Een dreigende e-mail over mijn stem.',
    },
    reporter.cookie,
  );
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 400));
  const res = await t.app.inject({ url: '/meldpunt/my-data', headers: { cookie: reporter.cookie } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /^attachment/);
  const data = res.json() as {
    incidents: Array<{ description: string; yourRelation: string[]; history: unknown[] }>;
  };
  assert.equal(data.incidents.length, 1);
  assert.equal(data.incidents[0]!.description, 'Een dreigende e-mail over mijn stem.');
  assert.deepEqual(data.incidents[0]!.yourRelation, ['reporter', 'concerned'], 'reported about themself');
  assert.ok(data.incidents[0]!.history.length >= 1);
  assert.doesNotMatch(res.body, /Karel Dader/);

  const theirs = await t.app.inject({ url: '/meldpunt/my-data', headers: { cookie: other.cookie } });
  assert.equal((theirs.json() as { incidents: unknown[] }).incidents.length, 0);
  const anonymous = await t.app.inject({ url: '/meldpunt/my-data' });
  assert.equal(anonymous.statusCode, 303, 'to the sign-in page');
  assert.match(String(anonymous.headers.location), /^\/login/);
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'incident.personal-export'",
  );
  assert.equal(audits[0]!.n, 2);
});
