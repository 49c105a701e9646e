import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, postForm } from '../../../test/support/principals.js';
import { open, seal } from './secret-box.js';
import { totpStep } from './two-factor.js';

const PASSWORD = 'correct horse battery';
let t: TestApp;
before(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '10' });
});
after(() => t.close());

let ipCounter = 1;
const freshIp = () => `10.1.0.${ipCounter++}`;

type Res = { cookies: Array<{ name: string; value: string }> };
const cookieOf = (res: Res, name: string) => {
  const c = res.cookies.find((x) => x.name === name && x.value);
  return c ? `${name}=${encodeURIComponent(c.value)}` : undefined;
};
const count = async (sql: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(sql, params))[0]!.n;

/** A code for the next 30-second step (the current one may have been used a moment ago). */
const codeFor = (secret: string, offsetSteps = 1) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });

/** Signs in with a password; returns the response and the cookies a browser would now hold. */
async function passwordStep(email: string, password = PASSWORD) {
  const csrf = await csrfFor(t.app);
  const ip = freshIp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: ip,
    headers: { cookie: csrf.cookie },
    payload: { email, password, _csrf: csrf.token, next: '/account' },
  });
  return { res, ip, csrf, pending: cookieOf(res, 'wb_2fa') };
}

async function codeStep(step: Awaited<ReturnType<typeof passwordStep>>, code: string) {
  return t.app.inject({
    method: 'POST',
    url: '/login/two-factor',
    remoteAddress: step.ip,
    headers: { cookie: cookies(step.csrf.cookie, step.pending) },
    payload: { code, _csrf: step.csrf.token },
  });
}

/** Enrols through /account/two-factor/setup; returns the base32 secret and the recovery codes. */
async function enrol(cookie: string) {
  const page = await t.app.inject({ url: '/account/two-factor/setup', headers: { cookie } });
  assert.equal(page.statusCode, 200);
  const uri = /otpauth:\/\/totp\/[^"<]+/.exec(page.body)![0].replace(/&amp;/g, '&');
  const secret = new URL(uri).searchParams.get('secret')!;
  const grouped = secret.replace(/(.{4})/g, '$1 ').trim();
  assert.ok(page.body.includes(grouped), 'the secret is shown as grouped base32 text');
  const wrong = await postForm(t.app, '/account/two-factor/setup', { code: '000000' }, cookie);
  assert.equal(wrong.statusCode, 400);
  const res = await postForm(t.app, '/account/two-factor/setup', { code: codeFor(secret, 0) }, cookie);
  assert.equal(res.statusCode, 200);
  const codes = [...res.body.matchAll(/\b([a-z2-9]{5}-[a-z2-9]{5})\b/g)].map((m) => m[1]!);
  assert.equal(new Set(codes).size, 10, 'ten recovery codes are shown');
  return { secret, codes };
}

test('RFC 6238 test vectors (SHA-1) and the step a 6-digit code belongs to', () => {
  const secret = Secret.fromLatin1('12345678901234567890');
  const vectors: Array<[number, string]> = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) {
    assert.equal(TOTP.generate({ secret, digits: 8, period: 30, timestamp: seconds * 1000 }), code);
  }
  // The same vector truncated to 6 digits, through our own check (one step of drift either way).
  assert.equal(totpStep(secret.base32, '287082', 59_000), 1);
  assert.equal(totpStep(secret.base32, '287082', 59_000 + 30_000), 1);
  assert.equal(totpStep(secret.base32, '287082', 59_000 + 60_000), undefined);
  assert.equal(totpStep(secret.base32, 'abcdef', 59_000), undefined);
});

test('secrets are sealed with AES-256-GCM; a changed byte or another key does not open', () => {
  const key = Buffer.alloc(32, 7);
  const sealed = seal(key, 'totp-secret', 'JBSWY3DPEHPK3PXP');
  assert.match(sealed, /^v1:/);
  assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
  assert.equal(open(key, 'totp-secret', sealed), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => open(Buffer.alloc(32, 8), 'totp-secret', sealed));
  assert.throws(() => open(key, 'other-purpose', sealed));
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => open(key, 'totp-secret', `v1:${raw.toString('base64url')}`));
});

test('after enrolment, sign-in needs the code: no session before it, wrong codes are counted', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const { secret } = await enrol(u.cookie);
  const stored = await t.database.query<{ secret_enc: string }>(
    'select secret_enc from two_factor where user_id = $1',
    [u.id],
  );
  assert.ok(!stored[0]!.secret_enc.includes(secret), 'the secret is not stored in plain text');

  const step = await passwordStep(u.email);
  assert.equal(step.res.statusCode, 303);
  assert.equal(step.res.headers.location, '/login/two-factor');
  assert.equal(cookieOf(step.res, 'wb_session'), undefined, 'no session after the password alone');
  assert.ok(step.pending);
  // The half-signed-in cookie is no session: protected pages still send the browser to /login.
  const home = await t.app.inject({ url: '/account', headers: { cookie: step.pending } });
  assert.equal(home.statusCode, 303);
  assert.match(String(home.headers.location), /^\/login/);
  const form = await t.app.inject({ url: '/login/two-factor', headers: { cookie: step.pending } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /autocomplete="one-time-code"/);

  const wrong = await codeStep(step, '000000');
  assert.equal(wrong.statusCode, 401);
  assert.equal(cookieOf(wrong, 'wb_session'), undefined);
  assert.equal(await count('select failed_logins as n from users where id = $1', [u.id]), 1);
  assert.equal(
    await count(
      `select count(*)::int as n from audit_log where action = 'user.login-failed' and resource_id = $1 and diff->>'step' = 'two-factor'`,
      [u.id],
    ),
    1,
  );

  const code = codeFor(secret);
  const ok = await codeStep(step, code);
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/account');
  const session = cookieOf(ok, 'wb_session');
  assert.ok(session);
  assert.equal(await count('select failed_logins as n from users where id = $1', [u.id]), 0);
  const me = await t.app.inject({ url: '/account', headers: { cookie: session } });
  assert.equal(me.statusCode, 200);
  const audited = await t.database.query<{ diff: { method: string; secondFactor: string } }>(
    `select diff from audit_log where action = 'user.login' and resource_id = $1 order by seq desc limit 1`,
    [u.id],
  );
  assert.deepEqual(audited[0]!.diff, { method: 'password', secondFactor: 'totp' });

  // The same code does not work twice (the very same string: a fresh codeFor() may be the next step's).
  const again = await passwordStep(u.email);
  assert.equal((await codeStep(again, code)).statusCode, 401);
});

test('too many wrong codes lock the account like wrong passwords; then even the right code is refused', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const { secret } = await enrol(u.cookie);
  const step = await passwordStep(u.email);
  for (let i = 0; i < 2; i++) assert.equal((await codeStep(step, '111111')).statusCode, 401);
  const third = await codeStep(step, '111111');
  assert.equal(third.statusCode, 401);
  assert.match(third.body, /name="password"/, 'back on the sign-in page');
  const locked = await t.database.query<{ locked_until: Date | null }>(
    'select locked_until from users where id = $1',
    [u.id],
  );
  assert.ok(locked[0]!.locked_until && new Date(locked[0]!.locked_until).getTime() > Date.now());
  const late = await codeStep(step, codeFor(secret));
  assert.equal(late.statusCode, 303);
  assert.equal(late.headers.location, '/login');
  assert.equal(cookieOf(late, 'wb_session'), undefined);
  assert.equal((await passwordStep(u.email)).res.statusCode, 401, 'the password is refused while locked');
});

test('a recovery code signs in once', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const { codes } = await enrol(u.cookie);
  const first = await passwordStep(u.email);
  const ok = await codeStep(first, codes[3]!.toUpperCase().replace('-', ' '));
  assert.equal(ok.statusCode, 303);
  assert.ok(cookieOf(ok, 'wb_session'));
  const status = await t.app.inject({ url: '/account/two-factor', headers: { cookie: u.cookie } });
  assert.match(status.body, /9/);
  const second = await passwordStep(u.email);
  assert.equal((await codeStep(second, codes[3]!)).statusCode, 401, 'a used recovery code is refused');
  assert.equal((await codeStep(second, codes[4]!)).statusCode, 303, 'another one works');
  const stored = await t.database.query<{ code_hash: string }>(
    'select code_hash from two_factor_recovery_codes where user_id = $1',
    [u.id],
  );
  assert.equal(stored.length, 10);
  assert.ok(stored.every((r) => !codes.some((c) => r.code_hash.includes(c.replace('-', '')))));
});

test('turning two-factor off needs the password; then sign-in is one step again', async () => {
  const u = await createUser(t, { password: PASSWORD });
  await enrol(u.cookie);
  const wrong = await postForm(
    t.app,
    '/account/two-factor/disable',
    { password: 'not my password!' },
    u.cookie,
  );
  assert.equal(wrong.statusCode, 400);
  const ok = await postForm(t.app, '/account/two-factor/disable', { password: PASSWORD }, u.cookie);
  assert.equal(ok.statusCode, 303);
  assert.equal(await count('select count(*)::int as n from two_factor where user_id = $1', [u.id]), 0);
  assert.equal(
    await count('select count(*)::int as n from two_factor_recovery_codes where user_id = $1', [u.id]),
    0,
  );
  const step = await passwordStep(u.email);
  assert.equal(step.res.statusCode, 303);
  assert.ok(cookieOf(step.res, 'wb_session'));
});

test('a role that requires two-factor forces enrolment right after the password, before any session', async () => {
  const admin = await createUser(t, { platformRoles: ['admin'] });
  const researcher = await createUser(t, { password: PASSWORD, platformRoles: ['researcher'] });
  const other = await createUser(t, { password: PASSWORD, platformRoles: ['viewer'] });

  const page = await t.app.inject({ url: '/admin/security', headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  const refused = await postForm(t.app, '/admin/security', { roles: ['researcher'] }, researcher.cookie);
  assert.equal(refused.statusCode, 403, 'only admins set requirements');
  const saved = await postForm(
    t.app,
    '/admin/security',
    { roles: ['researcher', 'coordinator'] },
    admin.cookie,
  );
  assert.equal(saved.statusCode, 303);
  assert.deepEqual(
    (await t.database.query<{ role: string }>('select role from two_factor_requirements order by role')).map(
      (r) => r.role,
    ),
    ['coordinator', 'researcher'],
  );

  // A viewer is not affected.
  assert.ok(cookieOf((await passwordStep(other.email)).res, 'wb_session'));

  const step = await passwordStep(researcher.email);
  assert.equal(step.res.statusCode, 303);
  assert.equal(step.res.headers.location, '/login/two-factor/setup');
  assert.equal(cookieOf(step.res, 'wb_session'), undefined, 'nothing else is possible: there is no session');
  const setup = await t.app.inject({ url: '/login/two-factor/setup', headers: { cookie: step.pending } });
  assert.equal(setup.statusCode, 200);
  const secret = new URL(
    /otpauth:\/\/totp\/[^"<]+/.exec(setup.body)![0].replace(/&amp;/g, '&'),
  ).searchParams.get('secret')!;
  // The code page of an enrolment-pending sign-in is not reachable (wrong stage): back to /login.
  const skip = await codeStep(step, codeFor(secret));
  assert.equal(skip.statusCode, 303);
  assert.equal(skip.headers.location, '/login');
  const done = await t.app.inject({
    method: 'POST',
    url: '/login/two-factor/setup',
    remoteAddress: step.ip,
    headers: { cookie: cookies(step.csrf.cookie, step.pending) },
    payload: { code: codeFor(secret, 0), _csrf: step.csrf.token },
  });
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /[a-z2-9]{5}-[a-z2-9]{5}/);
  const session = cookieOf(done, 'wb_session');
  assert.ok(session, 'signed in once enrolled');
  assert.equal((await t.app.inject({ url: '/account', headers: { cookie: session } })).statusCode, 200);

  // Required: cannot be turned off.
  const off = await postForm(t.app, '/account/two-factor/disable', { password: PASSWORD }, researcher.cookie);
  assert.equal(off.statusCode, 403);
  // Next sign-in asks the code.
  assert.equal((await passwordStep(researcher.email)).res.headers.location, '/login/two-factor');
  // An admin sees it on the user page and can reset it for someone who lost phone and codes.
  const userPage = await t.app.inject({ url: `/users/${researcher.id}`, headers: { cookie: admin.cookie } });
  assert.match(userPage.body, new RegExp(`action="/users/${researcher.id}/two-factor/reset"`));
  const reset = await postForm(t.app, `/users/${researcher.id}/two-factor/reset`, {}, admin.cookie);
  assert.equal(reset.statusCode, 303);
  assert.equal((await passwordStep(researcher.email)).res.headers.location, '/login/two-factor/setup');
  await postForm(t.app, '/admin/security', {}, admin.cookie);
});
