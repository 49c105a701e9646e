/**
 * Issue 13, row 8: an admin's password reset and disabling an account revoke the user's API tokens and
 * sessions (re-enabling brings none back); admins, and coordinators for the users of their
 * organisations, list and revoke another user's tokens, audited, through the API and the pages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let admin: TestUser;
let orgId: string;
let otherOrgId: string;

before(async () => {
  t = await createTestApp();
  const org = async (code: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name, province_code) values ($1, 'gemeente', $1, 'PV26') returning id",
        [code],
      )
    )[0]!.id;
  orgId = await org('GM9101');
  otherOrgId = await org('GM9102');
  admin = await createUser(t, { platformRoles: ['admin'], password: 'een lang wachtwoord 1' });
});
after(() => t.close());

const api = (user: TestUser, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${user.bearer}` },
    ...(payload === undefined ? {} : { payload: payload as any }),
  });
/** Whether the user's token and session still sign in. */
const works = async (u: TestUser) => ({
  token: (await api(u, 'GET', '/api/v1/api-tokens')).statusCode === 200,
  session: (await t.app.inject({ url: '/account', headers: { cookie: u.cookie } })).statusCode === 200,
});
const auditActions = async (id: string) =>
  (
    await t.database.query<{ action: string; diff: Record<string, unknown> }>(
      'select action, diff from audit_log where resource_id = $1 order by seq',
      [id],
    )
  ).map((r) => r.action);

test("an admin's password reset revokes the user's API tokens and sessions", async () => {
  const u = await createUser(t, { memberships: [{ organisationId: orgId, role: 'reporter' }] });
  assert.deepEqual(await works(u), { token: true, session: true });
  const res = await api(admin, 'PATCH', `/api/v1/users/${u.id}`, { password: 'een heel nieuw wachtwoord' });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(await works(u), { token: false, session: false });
  const [entry] = await t.database.query<{ diff: Record<string, unknown> }>(
    "select diff from audit_log where action = 'user.password-set' and resource_id = $1",
    [u.id],
  );
  assert.equal(entry!.diff.apiTokensRevoked, 1);
});

test('a password reset on the page does the same', async () => {
  const u = await createUser(t, {});
  const res = await postForm(
    t.app,
    `/users/${u.id}/password`,
    { newPassword: 'een heel nieuw wachtwoord' },
    admin.cookie,
  );
  assert.equal(res.statusCode, 303);
  assert.deepEqual(await works(u), { token: false, session: false });
});

test('disabling revokes tokens and sessions; re-enabling brings none back', async () => {
  const u = await createUser(t, {});
  assert.equal((await api(admin, 'PATCH', `/api/v1/users/${u.id}`, { disabled: true })).statusCode, 200);
  assert.equal((await api(admin, 'PATCH', `/api/v1/users/${u.id}`, { disabled: false })).statusCode, 200);
  assert.deepEqual(await works(u), { token: false, session: false });
});

test('changing your own password keeps your tokens (you see and revoke them yourself)', async () => {
  const u = await createUser(t, { password: 'een lang wachtwoord 2' });
  const res = await postForm(
    t.app,
    '/account/password',
    {
      currentPassword: 'een lang wachtwoord 2',
      newPassword: 'een heel nieuw wachtwoord',
      confirmPassword: 'een heel nieuw wachtwoord',
    },
    u.cookie,
  );
  assert.ok(res.statusCode < 400, `${res.statusCode}`);
  assert.equal((await works(u)).token, true);
});

test("admins and the user's coordinator list and revoke another user's tokens, audited; others may not", async () => {
  const u = await createUser(t, { memberships: [{ organisationId: orgId, role: 'reporter' }] });
  const coordinator = await createUser(t, { memberships: [{ organisationId: orgId, role: 'coordinator' }] });
  const stranger = await createUser(t, {
    memberships: [{ organisationId: otherOrgId, role: 'coordinator' }],
  });

  const list = await api(coordinator, 'GET', `/api/v1/users/${u.id}/api-tokens`);
  assert.equal(list.statusCode, 200, list.body);
  const [token] = list.json().items;
  assert.ok(token?.id && !('token' in token), 'names and prefixes, never the secret');
  assert.equal((await api(stranger, 'GET', `/api/v1/users/${u.id}/api-tokens`)).statusCode, 403);
  assert.equal((await api(u, 'GET', `/api/v1/users/${coordinator.id}/api-tokens`)).statusCode, 403);
  assert.equal(
    (await api(stranger, 'DELETE', `/api/v1/users/${u.id}/api-tokens/${token.id}`)).statusCode,
    403,
  );
  assert.equal((await works(u)).token, true);

  const revoked = await api(coordinator, 'DELETE', `/api/v1/users/${u.id}/api-tokens/${token.id}`);
  assert.equal(revoked.statusCode, 204, revoked.body);
  assert.equal((await works(u)).token, false);
  assert.deepEqual((await auditActions(token.id)).at(-1), 'api-token.revoke');
  assert.equal((await api(coordinator, 'GET', `/api/v1/users/${u.id}/api-tokens`)).json().items.length, 0);
  // Another user's token id under this user: not found.
  const other = await createUser(t, {});
  const [otherToken] = (await api(admin, 'GET', `/api/v1/users/${other.id}/api-tokens`)).json().items;
  assert.equal(
    (await api(admin, 'DELETE', `/api/v1/users/${u.id}/api-tokens/${otherToken.id}`)).statusCode,
    404,
  );
});

test('the page lists the tokens and revokes one without JavaScript', async () => {
  const u = await createUser(t, { memberships: [{ organisationId: orgId, role: 'reporter' }] });
  const userPage = await t.app.inject({ url: `/users/${u.id}`, headers: { cookie: admin.cookie } });
  assert.match(userPage.body, new RegExp(`href="/users/${u.id}/api-tokens"`));
  const page = await t.app.inject({ url: `/users/${u.id}/api-tokens`, headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  const action = new RegExp(`action="(/users/${u.id}/api-tokens/[0-9a-f-]+/revoke)"`).exec(page.body)?.[1];
  assert.ok(action, 'a revoke form per token');
  const res = await postForm(t.app, action, {}, admin.cookie);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/users/${u.id}/api-tokens?done=revoked`);
  assert.equal((await works(u)).token, false);
  const after = await t.app.inject({ url: res.headers.location, headers: { cookie: admin.cookie } });
  assert.match(after.body, /ingetrokken/);
});
