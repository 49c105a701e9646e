/**
 * The principal cache must never outlive a change: every revocation, role change, membership change
 * or disabled account is seen on the very next lookup, also when the change came from elsewhere
 * (another process, plain SQL) — the database's auth epoch moves, not our own code.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../audit/audit.js';
import type { Database } from '../db/database.js';
import { addMembership, removeMembership } from './memberships.js';
import { principalCache } from './principal.js';
import { updateUser } from './users-service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const epoch = async () =>
  (
    (await database.db.execute(sql`select n::text as n from auth_epoch`)) as unknown as {
      rows: [{ n: string }];
    }
  ).rows[0].n;

async function someOrganisationId(): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    "insert into organisations (code, layer, name, province_code) values ('GM9901', 'gemeente', 'Cachedorp', 'PV26') returning id",
  );
  assert.ok(row);
  return row.id;
}

test('a cached principal is reused while nothing changes, and the epoch does not move on use', async () => {
  const user = await createUser(database, { platformRoles: ['researcher'] });
  const cache = principalCache(database);
  const e0 = await epoch();
  const a = await cache.fromApiToken(user.bearer);
  const b = await cache.fromApiToken(user.bearer);
  assert.ok(a);
  assert.equal(a, b, 'the second lookup is served from the cache');
  assert.equal(cache.size, 1);
  const s1 = await cache.fromSession(user.sessionToken);
  const s2 = await cache.fromSession(user.sessionToken);
  assert.equal(s1, s2);
  assert.equal(s1?.via, 'session');
  assert.equal(await epoch(), e0, 'lookups and last-seen touches do not move the epoch');
});

test('revoking a token or a session (even by plain SQL) ends the cached principal at once', async () => {
  const user: TestUser = await createUser(database);
  const cache = principalCache(database);
  assert.ok(await cache.fromApiToken(user.bearer));
  assert.ok(await cache.fromSession(user.sessionToken));
  await database.db.execute(sql`update api_tokens set revoked_at = now() where user_id = ${user.id}`);
  assert.equal(await cache.fromApiToken(user.bearer), undefined);
  await database.db.execute(sql`update sessions set revoked_at = now() where user_id = ${user.id}`);
  assert.equal(await cache.fromSession(user.sessionToken), undefined);
});

test('disabling a user, changing roles or memberships is seen on the next lookup', async () => {
  const user = await createUser(database, { platformRoles: ['researcher'] });
  const cache = principalCache(database);
  const before = await cache.fromApiToken(user.bearer);
  assert.deepEqual([...(before?.platformRoles ?? [])], ['researcher']);

  await updateUser(database.db, systemActor, user.id, { platformRoles: ['researcher', 'viewer'] });
  const roles = await cache.fromApiToken(user.bearer);
  assert.notEqual(roles, before);
  assert.deepEqual([...(roles?.platformRoles ?? [])].sort(), ['researcher', 'viewer']);

  const orgId = await someOrganisationId();
  await addMembership(database.db, systemActor, user.id, orgId, 'coordinator');
  assert.ok((await cache.fromApiToken(user.bearer))?.memberships.get(orgId)?.has('coordinator'));
  await removeMembership(database.db, systemActor, user.id, orgId, 'coordinator');
  assert.equal((await cache.fromApiToken(user.bearer))?.memberships.has(orgId), false);

  await updateUser(database.db, systemActor, user.id, { disabled: true });
  assert.equal(await cache.fromApiToken(user.bearer), undefined);
  assert.equal(await cache.fromSession(user.sessionToken), undefined);
});

test('an expired credential is not served from the cache, even while the epoch stands still', async () => {
  const user = await createUser(database);
  // The session must still be valid when the cache first serves it: a loaded machine can take longer
  // than a short lifetime for that, so the set-up starts again with a longer one when it did (the
  // assertions stay as they are).
  let cache = principalCache(database);
  const lifetimes = [400, 3_000, 20_000];
  for (const ms of lifetimes) {
    const started = Date.now();
    await database.db.execute(
      sql`update sessions set expires_at = now() + make_interval(secs => ${ms / 1000}) where user_id = ${user.id}`,
    );
    cache = principalCache(database);
    const served = await cache.fromSession(user.sessionToken);
    if (Date.now() - started < ms || ms === lifetimes.at(-1)) {
      assert.ok(served);
      break;
    }
  }
  const e = await epoch();
  // until the database's clock is past the expiry (a signal, not a guess of how long that takes)
  for (;;) {
    const [row] = await database.query<{ expired: boolean }>(
      'select expires_at < now() as expired from sessions where user_id = $1',
      [user.id],
    );
    if (row?.expired) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await epoch(), e);
  assert.equal(await cache.fromSession(user.sessionToken), undefined);
});

test('unknown tokens are not cached and the cache stays bounded', async () => {
  const users = await Promise.all([createUser(database), createUser(database), createUser(database)]);
  const cache = principalCache(database, 2);
  assert.equal(await cache.fromApiToken('wb_unknown-token'), undefined);
  assert.equal(cache.size, 0);
  for (const u of users) assert.ok(await cache.fromApiToken(u.bearer));
  assert.equal(cache.size, 2);
  // The dropped (oldest) one is looked up again, correctly.
  assert.equal((await cache.fromApiToken(users[0]!.bearer))?.userId, users[0]!.id);
});
