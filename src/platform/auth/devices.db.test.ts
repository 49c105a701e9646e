/**
 * Issue 13, row 10: wrong passwords no longer lock anyone out. A browser that signed in before (device
 * cookie) keeps signing in; unknown clients (all addresses together) wait longer after every failure
 * from LOGIN_MAX_ATTEMPTS on; the user gets one notice by e-mail. docs/accounts.md.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor } from '../../../test/support/principals.js';
import { unknownClientDelayMs } from './devices.js';

const PASSWORD = 'correct horse battery';
let t: TestApp;
before(async () => {
  t = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '10' });
});
after(() => t.close());

let ip = 1;
async function login(email: string, password: string, cookie?: string) {
  const csrf = await csrfFor(t.app);
  return t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: `10.1.${Math.floor(ip / 250)}.${ip++ % 250}`,
    headers: { cookie: cookies(cookie, csrf.cookie) },
    payload: { email, password, _csrf: csrf.token },
  });
}
const deviceCookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
  const c = res.cookies.find((x) => x.name === 'wb_device');
  return c ? `wb_device=${encodeURIComponent(c.value)}` : undefined;
};
const waitMs = async (userId: string) => {
  const [r] = await t.database.query<{ ms: number | null }>(
    'select (extract(epoch from locked_until - now()) * 1000)::int as ms from users where id = $1',
    [userId],
  );
  return r!.ms ?? 0;
};
const endWait = (userId: string) =>
  t.database.query("update users set locked_until = now() - interval '1 second' where id = $1", [userId]);

test('a browser that signed in before keeps signing in while others guess the password', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const first = await login(u.email, PASSWORD);
  assert.equal(first.statusCode, 303);
  const device = deviceCookieOf(first);
  assert.ok(device, 'a successful sign-in marks the browser as a known device');

  for (let i = 0; i < 8; i++) assert.equal((await login(u.email, `guess number ${i}`)).statusCode, 401);
  const unknown = await login(u.email, PASSWORD);
  assert.equal(unknown.statusCode, 401, 'an unknown client must wait, even with the right password');

  const known = await login(u.email, PASSWORD, device);
  assert.equal(known.statusCode, 303, 'the known device signs in at once');
  assert.ok(known.cookies.some((c) => c.name === 'wb_session' && c.value));
  assert.equal(await waitMs(u.id), 0, 'a successful sign-in ends the waiting for everyone');
});

test('unknown clients wait longer after every failure; failures on a known device do not count', async () => {
  const u = await createUser(t, { password: PASSWORD });
  const device = deviceCookieOf(await login(u.email, PASSWORD));
  for (let i = 0; i < 2; i++) await login(u.email, 'wrong password 1');
  assert.equal(await waitMs(u.id), 0, 'below LOGIN_MAX_ATTEMPTS nobody waits');
  const waits: number[] = [];
  for (let i = 0; i < 4; i++) {
    await endWait(u.id);
    await login(u.email, 'wrong password 2');
    waits.push(await waitMs(u.id));
  }
  for (let i = 1; i < waits.length; i++) assert.ok(waits[i]! > waits[i - 1]!, `increasing: ${waits}`);
  assert.ok(waits[0]! > 20_000 && waits[0]! <= 30_000, `first wait about 30 s: ${waits[0]}`);
  const [before] = await t.database.query<{ failed_logins: number }>(
    'select failed_logins from users where id = $1',
    [u.id],
  );
  assert.equal((await login(u.email, 'wrong on my own laptop', device)).statusCode, 401);
  const [afterKnown] = await t.database.query<{ failed_logins: number }>(
    'select failed_logins from users where id = $1',
    [u.id],
  );
  assert.equal(afterKnown!.failed_logins, before!.failed_logins);
  assert.equal(unknownClientDelayMs(100, 3, 10), 10 * 60_000, 'never more than LOGIN_LOCKOUT_MINUTES');
});

test("another account's device cookie does not help; the answer is the same as for an unknown account", async () => {
  const victim = await createUser(t, { password: PASSWORD });
  const attacker = await createUser(t, { password: PASSWORD });
  const attackerDevice = deviceCookieOf(await login(attacker.email, PASSWORD));
  for (let i = 0; i < 3; i++) await login(victim.email, 'wrong password 3', attackerDevice);
  assert.ok((await waitMs(victim.id)) > 0, 'counted as an unknown client');
  const waiting = await login(victim.email, PASSWORD, attackerDevice);
  assert.equal(waiting.statusCode, 401);
  const nobody = await login('nobody-at-all@weerbaar.test', PASSWORD);
  const message = (body: string) => /<p class="field-error" id="password-error">([^<]+)</.exec(body)?.[1];
  assert.equal(message(waiting.body), message(nobody.body));
});

test('the user gets one e-mail when unknown clients start to wait', async () => {
  const u = await createUser(t, { password: PASSWORD });
  for (let i = 0; i < 6; i++) {
    await endWait(u.id);
    await login(u.email, 'wrong password 4');
  }
  const mails = await t.database.query<{ subject: string; text_body: string }>(
    "select subject, text_body from mail_messages where purpose = 'login-notice' and to_address = $1",
    [u.email],
  );
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text_body, /apparaat waarmee u eerder bent aangemeld/);
  const audited = await t.database.query(
    "select 1 from audit_log where action = 'user.login-delay' and resource_id = $1",
    [u.id],
  );
  assert.equal(audited.length, 4);
});
