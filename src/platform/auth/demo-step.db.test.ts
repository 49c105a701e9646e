import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createDemoTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import { csrfFor } from '../../../test/support/principals.js';
import type { Database } from '../db/database.js';
import { demoLogins, loadDemoData } from '../demo/demo.js';

// The one test that loads the full demo from scratch (the others that need all of it start from the demo
// template of test/support/template.ts, which this test holds against a fresh load).
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** Rows per table, for every table. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = (await database.query<{ n: number }>(`select count(*)::int as n from "${name}"`))[0]!.n;
  return out;
}

test('the demo logins work and carry their roles; the demo template holds what a fresh load gives', async () => {
  const printed = await loadDemoData(t.database, modules);
  const fresh = await rowCounts(t.database);
  assert.ok(fresh.frame_persons! > 10_000, `${fresh.frame_persons} frame persons`);
  const template = await createDemoTestDatabase();
  try {
    assert.deepEqual(await rowCounts(template), fresh);
  } finally {
    await template.close();
  }
  const logins = await demoLogins(modules);
  assert.ok(logins.length >= 8);
  assert.deepEqual(
    printed.map((l) => l.email),
    logins.map((l) => l.email),
  );
  const roles = await t.database.query<{
    email: string;
    platform_roles: string[];
    code: string | null;
    role: string | null;
  }>(
    `select u.email, u.platform_roles, o.code, m.role from users u
       left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
      where u.email like '%@weerbaar.demo'`,
  );
  const of = (email: string) => roles.filter((r) => r.email === email);
  assert.deepEqual(of('admin@weerbaar.demo')[0]!.platform_roles, ['admin']);
  assert.deepEqual(
    of('coordinator.utrecht@weerbaar.demo').map((r) => [r.code, r.role]),
    [['GM0344', 'coordinator']],
  );
  assert.deepEqual(
    of('coordinator.zeeland@weerbaar.demo').map((r) => [r.code, r.role]),
    [['PV29', 'coordinator']],
  );

  const admin = logins.find((l) => l.email === 'admin@weerbaar.demo')!;
  const csrf = await csrfFor(t.app);
  const res = await t.app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: csrf.cookie },
    payload: { email: admin.email, password: admin.password, _csrf: csrf.token },
  });
  assert.equal(res.statusCode, 303);
});
