import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import type { Principal } from '../../platform/access/policy.js';
import { cliActor } from '../../platform/audit/audit.js';
import { getUserByEmail } from '../../platform/auth/users-service.js';
import type { Database } from '../../platform/db/database.js';
import { principalOf } from './fixtures.js';
import { listIncidents, viewIncident } from './service.js';
import { dutchDate } from './working-days.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  // Only what this step needs: the two organisations (not the whole registry), the meldpunt's demo users
  // (as the users step makes them, with a cheap hash), then the incidents (twice: the second adds nothing).
  await database.query(
    "insert into organisations (code, layer, name) values ('GM0344', 'gemeente', 'Utrecht'), ('PV29', 'provincie', 'Zeeland')",
  );
  const orgs = await database.query<{ id: string; code: string }>('select id, code from organisations');
  const org = (code: string) => orgs.find((o) => o.code === code)!.id;
  for (const [email, code, role] of [
    ['melder.utrecht@weerbaar.demo', 'GM0344', 'reporter'],
    ['coordinator.utrecht@weerbaar.demo', 'GM0344', 'coordinator'],
    ['casehandler.utrecht@weerbaar.demo', 'GM0344', 'case_handler'],
    ['coordinator.zeeland@weerbaar.demo', 'PV29', 'coordinator'],
  ] as const) {
    await createUser(database, { email, memberships: [{ organisationId: org(code), role }] });
  }
  const steps = [await import('./demo-step.js'), await import('./demo-step.js')];
  await database.db.transaction(async (tx) => {
    for (const s of steps) await s.default.run(tx, cliActor('demo'));
  });
});
after(() => database.close());

const principal = async (
  email: string,
  code: string,
  role: 'coordinator' | 'case_handler',
): Promise<Principal> => {
  const u = (await getUserByEmail(database.db, email))!;
  const org = u.memberships.find((m) => m.organisationCode === code)!;
  return principalOf(u, { [org.organisationId]: [role] });
};

test('a year of incidents for Utrecht and Zeeland in every state, with tasks due and overdue', async () => {
  const rows = await database.query<{ code: string; state: string; n: number }>(
    `select o.code, i.state, count(*)::int as n from incidents i join organisations o on o.id = i.organisation_id
      group by o.code, i.state order by 1, 2`,
  );
  for (const code of ['GM0344', 'PV29']) {
    const states = rows.filter((r) => r.code === code).map((r) => r.state);
    assert.deepEqual(states.sort(), ['afgesloten', 'gemeld', 'in_behandeling', 'maatregelen'], code);
  }
  const total = rows.reduce((s, r) => s + r.n, 0);
  assert.equal(total, 64 + 26, 'loading twice adds nothing');
  const today = dutchDate(new Date());
  const [tasks] = await database.query<{ overdue: number; due: number }>(
    `select count(*) filter (where done_at is null and due_on < $1)::int as overdue,
            count(*) filter (where done_at is null and due_on >= $1)::int as due from incident_tasks`,
    [today],
  );
  assert.ok(tasks!.overdue > 0 && tasks!.due > 0, JSON.stringify(tasks));
  const [span] = await database.query<{ first: string; last: string }>(
    'select min(submitted_at)::date::text as first, max(submitted_at)::date::text as last from incidents',
  );
  assert.ok(span!.first < span!.last && span!.last <= today);
});

test('the demo users see what their roles allow', async () => {
  const coordinator = await principal('coordinator.utrecht@weerbaar.demo', 'GM0344', 'coordinator');
  const handler = await principal('casehandler.utrecht@weerbaar.demo', 'GM0344', 'case_handler');
  const zeeland = await principal('coordinator.zeeland@weerbaar.demo', 'PV29', 'coordinator');
  const utrechtId = [...coordinator.memberships.keys()][0]!;
  const all = await listIncidents(database.db, coordinator, {
    organisationId: utrechtId,
    limit: 100,
    offset: 0,
  });
  assert.equal(all.total, 64);
  const mine = await listIncidents(database.db, handler, {
    organisationId: utrechtId,
    limit: 100,
    offset: 0,
  });
  assert.ok(mine.total > 0 && mine.total < all.total, `${mine.total} of ${all.total}`);
  const overdue = await listIncidents(database.db, coordinator, {
    organisationId: utrechtId,
    overdue: true,
    limit: 100,
    offset: 0,
  });
  assert.ok(overdue.total > 0);
  await assert.rejects(viewIncident(database.db, zeeland, all.items[0]!.id), /no such incident/);
});
