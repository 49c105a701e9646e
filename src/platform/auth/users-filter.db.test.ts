/**
 * The users list filtered by organisation (`?organisationId=`, as the organisation page links to it), on
 * the page and the API, within what the access policy lets the principal list.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let orgA: string;
let orgB: string;
let orgC: string;
let admin: TestUser;
let coordAC: TestUser;
let onlyA: TestUser;
let onlyB: TestUser;
let onlyC: TestUser;

async function org(code: string, name: string, validTo: string | null = null) {
  const rows = await t.database.query<{ id: string }>(
    "insert into organisations (code, layer, name, province_code, valid_to) values ($1, 'gemeente', $2, 'PV26', $3) returning id",
    [code, name, validTo],
  );
  return rows[0]!.id;
}

before(async () => {
  t = await createTestApp();
  orgA = await org('GM9201', 'Gemeente Filter Alfa');
  orgB = await org('GM9202', 'Gemeente Filter Beta');
  orgC = await org('GM9203', 'Gemeente Filter Gamma (opgeheven)', '2020-01-01');
  admin = await createUser(t, { platformRoles: ['admin'] });
  coordAC = await createUser(t, {
    memberships: [
      { organisationId: orgA, role: 'coordinator' },
      { organisationId: orgC, role: 'coordinator' },
    ],
  });
  onlyA = await createUser(t, {
    displayName: 'Filter Alleen Alfa',
    memberships: [{ organisationId: orgA, role: 'reporter' }],
  });
  onlyB = await createUser(t, {
    displayName: 'Filter Alleen Beta',
    memberships: [{ organisationId: orgB, role: 'reporter' }],
  });
  onlyC = await createUser(t, {
    displayName: 'Filter Alleen Gamma',
    memberships: [{ organisationId: orgC, role: 'reporter' }],
  });
});
after(() => t.close());

const page = (u: TestUser, query: string) =>
  t.app.inject({ url: `/users${query}`, headers: { cookie: u.cookie } });
const api = (u: TestUser, query: string) =>
  t.app.inject({ url: `/api/v1/users${query}`, headers: { authorization: `Bearer ${u.bearer}` } });
const shown = (html: string) =>
  [onlyA, onlyB, onlyC].filter((u) => html.includes(u.email)).map((u) => u.email);

test('an admin sees only the users of the chosen organisation, on the page and through the API', async () => {
  const all = await page(admin, '?q=Filter');
  assert.equal(all.statusCode, 200);
  assert.deepEqual(shown(all.body), [onlyA.email, onlyB.email, onlyC.email]);

  const a = await page(admin, `?organisationId=${orgA}&q=Filter`);
  assert.equal(a.statusCode, 200);
  assert.deepEqual(shown(a.body), [onlyA.email]);
  // the choice shows as selected, and the list can be reset to all organisations
  assert.match(a.body, new RegExp(`<option value="${orgA}" selected`));
  assert.match(a.body, /<option value(="")?>Alle organisaties<\/option>/);

  const viaApi = (await api(admin, `?organisationId=${orgB}&q=Filter`)).json();
  assert.deepEqual(
    viaApi.items.map((u: any) => u.email),
    [onlyB.email],
  );
  assert.equal(viaApi.total, 1);
});

test('the filter form, its "all" choice and the pager links keep working without JavaScript', async () => {
  const everyone = await page(admin, '?organisationId=&q=Filter');
  assert.equal(everyone.statusCode, 200);
  assert.deepEqual(shown(everyone.body), [onlyA.email, onlyB.email, onlyC.email]);
  // an ended organisation (linked from its own page) can still be chosen
  const ended = await page(admin, `?organisationId=${orgC}`);
  assert.equal(ended.statusCode, 200);
  assert.deepEqual(shown(ended.body), [onlyC.email]);
  assert.match(ended.body, new RegExp(`<option value="${orgC}" selected`));
});

test('a coordinator filters within their own organisations and is refused elsewhere', async () => {
  const a = await page(coordAC, `?organisationId=${orgA}`);
  assert.equal(a.statusCode, 200);
  assert.deepEqual(shown(a.body), [onlyA.email]);
  const both = await page(coordAC, '');
  assert.deepEqual(shown(both.body), [onlyA.email, onlyC.email]);
  // the choice lists only their organisations
  assert.ok(both.body.includes(`<option value="${orgA}"`) && both.body.includes(`<option value="${orgC}"`));
  assert.ok(!both.body.includes(`<option value="${orgB}"`));

  const other = await page(coordAC, `?organisationId=${orgB}`);
  assert.equal(other.statusCode, 403);
  assert.ok(!other.body.includes(onlyB.email));
  assert.equal((await api(coordAC, `?organisationId=${orgB}`)).statusCode, 403);
});

test('an organisationId that is not an id is a 400, never a 500', async () => {
  assert.equal((await page(admin, '?organisationId=GM9201')).statusCode, 400);
  const res = await api(admin, '?organisationId=GM9201');
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().invalidParams[0].name, 'querystring.organisationId');
});
