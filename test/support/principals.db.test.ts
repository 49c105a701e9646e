/**
 * The test helper createUser stores a cheap argon2id hash (see FIXTURE_ARGON2); these tests keep that
 * honest: such a user signs in through the real form (real argon2 verification) and a wrong password is
 * refused, while a password set by the application itself is hashed at full cost.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../src/platform/audit/audit.js';
import { createUser as createUserRow } from '../../src/platform/auth/users-service.js';
import { createTestApp, type TestApp } from './app.js';
import { createUser, postForm } from './principals.js';

const PASSWORD = 'a test password of some length';
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** The argon2 variant and its cost parameters, from a PHC string like `$argon2id$v=19$m=1024,p=1,t=1$…`. */
function argon2Params(hash: string): { variant: string; m: number; t: number; p: number } {
  const [, variant, , params] = hash.split('$');
  const get = (k: string) => Number(new RegExp(`(?:^|,)${k}=(\\d+)`).exec(params ?? '')?.[1]);
  return { variant: variant!, m: get('m'), t: get('t'), p: get('p') };
}

const hashOf = async (id: string) =>
  (
    await t.database.query<{ password_hash: string }>('select password_hash from users where id = $1', [id])
  )[0]!.password_hash;

test('a test user has a low-cost argon2id hash that signs in through the form; a wrong password is refused', async () => {
  const u = await createUser(t, { password: PASSWORD });
  assert.deepEqual(argon2Params(await hashOf(u.id)), { variant: 'argon2id', m: 1024, t: 1, p: 1 });
  const ok = await postForm(t.app, '/login', { email: u.email, password: PASSWORD });
  assert.equal(ok.statusCode, 303);
  assert.ok(ok.cookies.some((c) => c.name === 'wb_session' && c.value));
  const wrong = await postForm(t.app, '/login', { email: u.email, password: `${PASSWORD}!` });
  assert.equal(wrong.statusCode, 401);
  await assert.rejects(createUser(t, { password: 'short' }), /refused by the application \(tooShort\)/);
});

test('a password set by the application is hashed with argon2id at full cost', async () => {
  const user = await createUserRow(t.database.db, systemActor, {
    email: 'full-cost@weerbaar.test',
    displayName: 'Full cost',
    password: PASSWORD,
  });
  const { variant, m, t: iterations } = argon2Params(await hashOf(user.id));
  assert.equal(variant, 'argon2id');
  // At least OWASP's minimum for argon2id (19 MiB, 2 iterations).
  assert.ok(m >= 19_456, `memory cost ${m} KiB`);
  assert.ok(iterations >= 2, `time cost ${iterations}`);
  const ok = await postForm(t.app, '/login', { email: user.email, password: PASSWORD });
  assert.equal(ok.statusCode, 303);
});
