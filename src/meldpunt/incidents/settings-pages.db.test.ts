import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let org: string;
let coordinator: TestUser;
let handler: TestUser;

before(async () => {
  t = await createTestApp();
  org = (
    await t.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9801', 'gemeente', 'Instelstad') returning id",
    )
  )[0]!.id;
  coordinator = await createUser(t, { memberships: [{ organisationId: org, role: 'coordinator' }] });
  handler = await createUser(t, { memberships: [{ organisationId: org, role: 'case_handler' }] });
});
after(() => t.close());

const url = () => `/organisations/${org}/incidents/settings`;
const stored = async () =>
  (
    await t.database.query<{
      first_contact_working_days: number;
      retention_years: number;
      draft_retention_days: number;
    }>(
      'select first_contact_working_days, retention_years, draft_retention_days from incident_settings where organisation_id = $1',
      [org],
    )
  )[0];

test('the coordinator sees the defaults, saves new ones (audited) and gets clear errors for bad ones', async () => {
  const page = await t.app.inject({ url: url(), headers: { cookie: coordinator.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="retentionYears" name="retentionYears" type="number"[^>]*value="5"/);

  const bad = await postForm(
    t.app,
    url(),
    { firstContactWorkingDays: '0', retentionYears: 'vijf', draftRetentionDays: '30' },
    coordinator.cookie,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /id="firstContactWorkingDays-error">Vul een heel getal in van 1 tot en met 10\./);
  assert.match(bad.body, /id="retentionYears-error">Vul een heel getal in van 1 tot en met 10\./);
  assert.match(bad.body, /value="vijf"/, 'what was typed stays');
  assert.equal(await stored(), undefined, 'nothing saved when one field is wrong');

  const ok = await postForm(
    t.app,
    url(),
    { firstContactWorkingDays: '2', retentionYears: '7', draftRetentionDays: '30' },
    coordinator.cookie,
  );
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `${url()}?done=saved`);
  assert.deepEqual(await stored(), {
    first_contact_working_days: 2,
    retention_years: 7,
    draft_retention_days: 30,
  });
  const [a] = await t.database.query<{ diff: Record<string, unknown> }>(
    "select diff from audit_log where action = 'incident.settings' and resource_id = $1",
    [org],
  );
  assert.deepEqual(a?.diff, {
    firstContactWorkingDays: { from: 1, to: 2 },
    retentionYears: { from: 5, to: 7 },
    draftRetentionDays: { from: 90, to: 30 },
  });
  const saved = await t.app.inject({
    url: `${url()}?done=saved&lang=en`,
    headers: { cookie: coordinator.cookie },
  });
  assert.match(saved.body, /The settings have been saved/);
});

test('only the coordinator reaches the settings', async () => {
  assert.equal((await t.app.inject({ url: url(), headers: { cookie: handler.cookie } })).statusCode, 403);
  const post = await postForm(t.app, url(), { retentionYears: '1' }, handler.cookie);
  assert.equal(post.statusCode, 403);
});
