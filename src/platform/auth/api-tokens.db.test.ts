import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, postForm } from '../../../test/support/principals.js';
import { hashSecret } from './tokens.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('a token is shown once, stored hashed, listed by prefix, and works until revoked', async () => {
  const u = await createUser(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: bearer(u.bearer),
    payload: { name: 'export script', scopes: ['read'] },
  });
  assert.equal(res.statusCode, 201);
  const created = res.json();
  assert.match(created.token, /^wb_[A-Za-z0-9_-]{43}$/);
  assert.equal(created.prefix, created.token.slice(0, 8));
  assert.deepEqual(created.scopes, ['read']);

  const rows = await t.database.query<{ token_hash: string }>(
    'select token_hash from api_tokens where id = $1',
    [created.id],
  );
  assert.equal(rows[0]!.token_hash, hashSecret(created.token));
  const everywhere = await t.database.query<{ n: number }>(
    'select count(*)::int as n from api_tokens where token_hash = $1 or prefix = $1 or name = $1',
    [created.token],
  );
  assert.equal(everywhere[0]!.n, 0);
  const audit = await t.database.query<{ diff: unknown }>(
    "select diff from audit_log where action = 'api-token.create' and resource_id = $1",
    [created.id],
  );
  assert.doesNotMatch(JSON.stringify(audit), new RegExp(created.token));

  const list = await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(created.token) });
  assert.equal(list.statusCode, 200);
  const listed = list.json().items.find((x: any) => x.id === created.id);
  assert.equal(listed.prefix, created.prefix);
  assert.equal(listed.token, undefined);
  assert.doesNotMatch(list.body, new RegExp(created.token));

  const del = await t.app.inject({
    method: 'DELETE',
    url: `/api/v1/api-tokens/${created.id}`,
    headers: bearer(u.bearer),
  });
  assert.equal(del.statusCode, 204);
  const after = await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(created.token) });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().type, 'urn:weerbaar:problem:unauthenticated');
});

test('a read-only token may read but not write (403)', async () => {
  const u = await createUser(t, { scopes: ['read'] });
  assert.equal(
    (await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(u.bearer) })).statusCode,
    200,
  );
  const write = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: bearer(u.bearer),
    payload: { name: 'escalate', scopes: ['read', 'write'] },
  });
  assert.equal(write.statusCode, 403);
});

test("someone else's token id is not found, and stays valid", async () => {
  const owner = await createUser(t);
  const other = await createUser(t);
  const [tk] = await t.database.query<{ id: string }>('select id from api_tokens where user_id = $1', [
    owner.id,
  ]);
  const res = await t.app.inject({
    method: 'DELETE',
    url: `/api/v1/api-tokens/${tk!.id}`,
    headers: bearer(other.bearer),
  });
  assert.equal(res.statusCode, 404);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(owner.bearer) })).statusCode,
    200,
  );
});

test('an expired token is refused', async () => {
  const u = await createUser(t);
  await t.database.query(
    "update api_tokens set expires_at = now() - interval '1 second' where user_id = $1",
    [u.id],
  );
  assert.equal(
    (await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(u.bearer) })).statusCode,
    401,
  );
});

test('API tokens do not open pages', async () => {
  const u = await createUser(t);
  assert.equal((await t.app.inject({ url: '/account/tokens', headers: bearer(u.bearer) })).statusCode, 403);
});

test('a cookie-authenticated API write needs the CSRF token', async () => {
  const u = await createUser(t);
  const payload = { name: 'x', scopes: ['read'] };
  const without = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: { cookie: u.cookie },
    payload,
  });
  assert.equal(without.statusCode, 403);
  const csrf = await csrfFor(t.app);
  const withToken = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: { cookie: cookies(u.cookie, csrf.cookie), 'x-csrf-token': csrf.token },
    payload,
  });
  assert.equal(withToken.statusCode, 201);
});

test('the tokens page creates a token, shows it once, and revokes it', async () => {
  const u = await createUser(t);
  const page = await t.app.inject({ url: '/account/tokens', headers: { cookie: u.cookie } });
  assert.equal(page.statusCode, 200);
  const res = await postForm(
    t.app,
    '/account/tokens',
    { name: 'Rapportage', scopes: ['read', 'write'], expires: '2099-12-31' },
    u.cookie,
  );
  assert.equal(res.statusCode, 200);
  const token = /<code>(wb_[^<]+)<\/code>/.exec(res.body)?.[1];
  assert.ok(token);
  const again = await t.app.inject({ url: '/account/tokens', headers: { cookie: u.cookie } });
  assert.ok(!again.body.includes(token!));
  assert.match(again.body, /Rapportage/);
  assert.equal((await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(token!) })).statusCode, 200);

  const [row] = await t.database.query<{ id: string; scopes: string[] }>(
    "select id, scopes from api_tokens where user_id = $1 and name = 'Rapportage'",
    [u.id],
  );
  assert.deepEqual(row!.scopes, ['read', 'write']);
  const revoked = await postForm(t.app, `/account/tokens/${row!.id}/revoke`, {}, u.cookie);
  assert.equal(revoked.statusCode, 303);
  assert.equal((await t.app.inject({ url: '/api/v1/api-tokens', headers: bearer(token!) })).statusCode, 401);
});

test('the tokens form explains what is wrong next to the field', async () => {
  const u = await createUser(t);
  const res = await postForm(t.app, '/account/tokens', { name: '', expires: '1999-01-01' }, u.cookie);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /id="name-error"/);
  assert.match(res.body, /aria-describedby="name-hint name-error"/);
});

test('the account page lists sessions; another session can be revoked', async () => {
  const u = await createUser(t);
  const second = await t.database.query<{ id: string }>(
    "insert into sessions (user_id, token_hash, expires_at) values ($1, 'x', now() + interval '1 hour') returning id",
    [u.id],
  );
  const page = await t.app.inject({ url: '/account', headers: { cookie: u.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`/account/sessions/${second[0]!.id}/revoke`));
  const res = await postForm(t.app, `/account/sessions/${second[0]!.id}/revoke`, {}, u.cookie);
  assert.equal(res.statusCode, 303);
  const [s] = await t.database.query<{ revoked: boolean }>(
    'select revoked_at is not null as revoked from sessions where id = $1',
    [second[0]!.id],
  );
  assert.equal(s!.revoked, true);
  // someone else's session: not found
  const other = await createUser(t);
  const [os] = await t.database.query<{ id: string }>('select id from sessions where user_id = $1', [
    other.id,
  ]);
  assert.equal((await postForm(t.app, `/account/sessions/${os!.id}/revoke`, {}, u.cookie)).statusCode, 404);
});

test('changing your own password checks the current one and keeps the hash out of the audit log', async () => {
  const u = await createUser(t, { password: 'first password 123' });
  const wrong = await postForm(
    t.app,
    '/account/password',
    { currentPassword: 'nope', newPassword: 'second password 456' },
    u.cookie,
  );
  assert.equal(wrong.statusCode, 400);
  const short = await postForm(
    t.app,
    '/account/password',
    { currentPassword: 'first password 123', newPassword: 'short' },
    u.cookie,
  );
  assert.equal(short.statusCode, 400);
  assert.match(short.body, /id="newPassword-error"/);
  const ok = await postForm(
    t.app,
    '/account/password',
    { currentPassword: 'first password 123', newPassword: 'second password 456' },
    u.cookie,
  );
  assert.equal(ok.statusCode, 303);
  const [row] = await t.database.query<{ password_hash: string }>(
    'select password_hash from users where id = $1',
    [u.id],
  );
  const log = await t.database.query<{ diff: unknown }>('select diff from audit_log where resource_id = $1', [
    u.id,
  ]);
  const text = JSON.stringify(log);
  assert.ok(!text.includes(row!.password_hash));
  assert.ok(!text.includes('argon2'));
  assert.ok(!text.includes('second password'));
  // the current session survives the change
  assert.equal((await t.app.inject({ url: '/account', headers: { cookie: u.cookie } })).statusCode, 200);
});

test('a name with a NUL character is a clear 400 problem, not a 500, and stores nothing', async () => {
  const u = await createUser(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    headers: { ...bearer(u.bearer), 'accept-language': 'en' },
    payload: { name: 'a\u0000b', scopes: ['read'] },
  });
  assert.equal(res.statusCode, 400, res.body);
  // Refused when the request is read (src/platform/http/control-characters.ts), naming the field.
  assert.equal(res.json().type, 'urn:weerbaar:problem:validation');
  assert.deepEqual(
    res.json().invalidParams.map((p: { name: string }) => p.name),
    ['body.name'],
  );
  const rows = await t.database.query('select id from api_tokens where user_id = $1', [u.id]);
  assert.equal(rows.length, 1, 'only the token the test user was made with');
});
