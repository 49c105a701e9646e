import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, postForm } from '../../../test/support/principals.js';
import { safeNext } from './login.js';

const PASSWORD = 'correct horse battery';
let t: TestApp;
before(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '10' });
});
after(() => t.close());

let ipCounter = 1;
/** Each test signs in from its own address, so the per-address rate limit does not couple tests. */
const freshIp = () => `10.0.0.${ipCounter++}`;

async function login(
  email: string,
  password: string,
  opts: { next?: string; ip?: string; cookie?: string } = {},
) {
  const csrf = await csrfFor(t.app);
  return t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: opts.ip ?? freshIp(),
    headers: { cookie: cookies(opts.cookie, csrf.cookie) },
    payload: { email, password, _csrf: csrf.token, ...(opts.next ? { next: opts.next } : {}) },
  });
}

const sessionCookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
  const c = res.cookies.find((x) => x.name === 'wb_session' && x.value);
  return c ? `wb_session=${encodeURIComponent(c.value)}` : undefined;
};

const countRows = async (sql: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(sql, params))[0]!.n;

test('the sign-in page has labelled fields with autocomplete and a CSRF field', async () => {
  const res = await t.app.inject({ url: '/login' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<label for="email">/);
  assert.match(res.body, /autocomplete="username"/);
  assert.match(res.body, /autocomplete="current-password"/);
  assert.match(res.body, /name="_csrf" value="[^"]+"/);
});

test('anonymous home page redirects to /login', async () => {
  const res = await t.app.inject({ url: '/' });
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/login/);
});

test('a correct password signs in with a secure session cookie; the home page greets the user', async () => {
  const u = await createUser(t, { password: PASSWORD, displayName: 'Anna de Vries' });
  const res = await login(u.email.toUpperCase(), PASSWORD, { next: '/account/tokens' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/account/tokens');
  const set = res.cookies.find((c) => c.name === 'wb_session')!;
  assert.ok(set.httpOnly);
  assert.equal(String(set.sameSite).toLowerCase(), 'lax');
  assert.equal(set.path, '/');
  assert.ok(set.expires && set.expires.getTime() > Date.now() + 11 * 3_600_000);
  // stored hashed: the raw token is nowhere in the table
  const raw = t.app.unsignCookie(set.value).value!;
  assert.equal(await countRows('select count(*)::int as n from sessions where token_hash = $1', [raw]), 0);
  const home = await t.app.inject({ url: '/', headers: { cookie: sessionCookieOf(res)! } });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Welkom, Anna de Vries/);
});

test('a wrong password and an unknown account get the same answer', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const wrong = await login(u.email, 'not the right one!!');
  const unknown = await login('nobody@weerbaar.test', 'not the right one!!');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  const message = (body: string) => /<p class="field-error" id="password-error">([^<]+)</.exec(body)?.[1];
  assert.ok(message(wrong.body));
  assert.equal(message(wrong.body), message(unknown.body));
  assert.equal(sessionCookieOf(wrong), undefined);
  // the e-mail address is kept, the password is not echoed
  assert.doesNotMatch(wrong.body, /not the right one/);
});

test('after LOGIN_MAX_ATTEMPTS failures an unknown client must wait, even with the right password', async () => {
  const u = await createUser(t, { password: PASSWORD });
  for (let i = 0; i < 3; i++) assert.equal((await login(u.email, 'wrong password 123')).statusCode, 401);
  const refused = await login(u.email, PASSWORD);
  assert.equal(refused.statusCode, 401);
  assert.equal(sessionCookieOf(refused), undefined);
  assert.equal(
    await countRows(
      "select count(*)::int as n from audit_log where action = 'user.login-delay' and resource_id = $1",
      [u.id],
    ),
    1,
  );
  // the wait ends
  await t.database.query("update users set locked_until = now() - interval '1 second' where id = $1", [u.id]);
  const ok = await login(u.email, PASSWORD);
  assert.equal(ok.statusCode, 303);
  assert.ok(sessionCookieOf(ok));
});

test('sign-in rotates the session: the old session of this browser stops working', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const res = await login(u.email, PASSWORD, { cookie: u.cookie });
  assert.equal(res.statusCode, 303);
  const fresh = sessionCookieOf(res)!;
  assert.notEqual(fresh, u.cookie);
  assert.equal((await t.app.inject({ url: '/', headers: { cookie: u.cookie } })).statusCode, 303);
  assert.equal((await t.app.inject({ url: '/', headers: { cookie: fresh } })).statusCode, 200);
});

test('POST /login without or with a wrong CSRF token is refused and signs no one in', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const sessionsBefore = await countRows('select count(*)::int as n from sessions where user_id = $1', [
    u.id,
  ]);
  const none = await t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: freshIp(),
    payload: { email: u.email, password: PASSWORD },
  });
  assert.equal(none.statusCode, 403);
  const csrf = await csrfFor(t.app);
  const wrong = await t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: freshIp(),
    headers: { cookie: csrf.cookie },
    payload: { email: u.email, password: PASSWORD, _csrf: `${csrf.token}x` },
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal(sessionCookieOf(none), undefined);
  assert.equal(sessionCookieOf(wrong), undefined);
  assert.equal(
    await countRows('select count(*)::int as n from sessions where user_id = $1', [u.id]),
    sessionsBefore,
  );
});

test('POST /logout without a CSRF token changes nothing; with one it revokes the session', async () => {
  const u = await createUser(t);
  const refused = await t.app.inject({ method: 'POST', url: '/logout', headers: { cookie: u.cookie } });
  assert.equal(refused.statusCode, 403);
  const csrf = await csrfFor(t.app);
  const wrong = await t.app.inject({
    method: 'POST',
    url: '/logout',
    headers: { cookie: cookies(u.cookie, csrf.cookie) },
    payload: { _csrf: 'not-the-token' },
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal((await t.app.inject({ url: '/', headers: { cookie: u.cookie } })).statusCode, 200);
  const res = await postForm(t.app, '/logout', {}, u.cookie);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/login?signedOut=1');
  assert.equal(
    await countRows('select count(*)::int as n from sessions where user_id = $1 and revoked_at is null', [
      u.id,
    ]),
    0,
  );
  const after = await t.app.inject({ url: '/', headers: { cookie: u.cookie } });
  assert.equal(after.statusCode, 303);
  const api = await t.app.inject({ url: '/api/v1/api-tokens', headers: { cookie: u.cookie } });
  assert.equal(api.statusCode, 401);
  assert.match(String(api.headers['content-type']), /problem\+json/);
});

test('an expired session is anonymous: pages redirect to /login, the API answers 401', async () => {
  const u = await createUser(t);
  await t.database.query("update sessions set expires_at = now() - interval '1 minute' where user_id = $1", [
    u.id,
  ]);
  const page = await t.app.inject({ url: '/account', headers: { cookie: u.cookie } });
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/login?next=%2Faccount');
  const api = await t.app.inject({ url: '/api/v1/api-tokens', headers: { cookie: u.cookie } });
  assert.equal(api.statusCode, 401);
});

test('next= only leads to a path on this site', async () => {
  for (const evil of [
    'https://evil.example',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/\t/evil.example',
    'evil',
  ]) {
    assert.equal(safeNext(evil), '/', evil);
  }
  assert.equal(safeNext('/users?q=a'), '/users?q=a');
  const u = await createUser(t, { password: PASSWORD });
  const res = await login(u.email, PASSWORD, { next: '//evil.example/steal' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  // Bypass forms that normalise to `//evil.example` (issue 13, row 2); more in same-site-path.test.ts.
  for (const next of ['/.//evil.example/phish', '/a/..//evil.example', '/%2e//evil.example']) {
    const r = await login(u.email, PASSWORD, { next });
    assert.equal(r.headers.location, '/', next);
  }
  // The 404 page's language link is built from the request URL: it must not become `//evil.example`.
  const notFound = await t.app.inject({ url: '/.//evil.example/phish' });
  assert.equal(notFound.statusCode, 404);
  assert.doesNotMatch(notFound.body, /href="\/\/|href="\/\\/);
});

test('sign-in attempts per address are rate-limited', async () => {
  const ip = freshIp();
  let last = 0;
  for (let i = 0; i < 21; i++)
    last = (await login('nobody@weerbaar.test', 'x'.repeat(12), { ip })).statusCode;
  assert.equal(last, 429);
});

test('sign-in attempts per account are rate-limited, whatever the address', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await login(u.email, 'wrong password 123')).statusCode);
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.equal(statuses[10], 429);
});
