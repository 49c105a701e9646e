import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { modules } from '../../../test/support/modules.js';
import { csrfFor } from '../../../test/support/principals.js';
import { demoLogins, loadDemoData } from '../demo/demo.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo logins work and carry their roles', async () => {
  const printed = await loadDemoData(t.database, modules);
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
