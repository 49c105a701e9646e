/**
 * The 2024 demo wave loaded from scratch: a closed wave with realistic frames and response rates.
 * Database passes: PGlite only (the wave's data are generated, seeded, in JavaScript; on PostgreSQL the
 * same load runs when the run builds the PostgreSQL demo template, which src/platform/auth/demo-step.db.test.ts
 * holds against a fresh load there, table by table).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { frameCounts, frameTotals } from '../../monitor/fieldwork/frame-service.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from './demo-step.js';
import { demoWaveTruths } from './waves.js';

let database: Database;
const actor = cliActor('test');
before(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
  });
});
after(() => database.close());

test('the 2024 demo wave is a closed wave with realistic frames and response rates', async () => {
  const truth = demoWaveTruths.find((w) => w.year === 2024)!;
  assert.equal(await database.db.transaction((tx) => loadDemoWave(tx, truth, actor)), true);
  // a second run finds the wave and leaves it alone
  assert.equal(await database.db.transaction((tx) => loadDemoWave(tx, truth, actor)), false);
  const wave = await findWave(database.db, truth.code);
  assert.equal(wave.status, 'closed');
  const counts = frameCounts(database.db, wave.id);
  const byRole = new Map(frameTotals(await counts, ['role']).map((r) => [r.role, r.n as number]));
  assert.ok(
    byRole.get('raadslid')! >= 8000 && byRole.get('raadslid')! <= 9000,
    `raadsleden ${byRole.get('raadslid')}`,
  );
  assert.ok(byRole.get('wethouder')! >= 1200 && byRole.get('wethouder')! <= 1400);
  assert.equal(byRole.get('burgemeester'), 342);
  assert.equal(byRole.get('cdk'), 12);
  assert.equal(byRole.get('dijkgraaf'), 21);
  assert.equal(byRole.get('statenlid'), 570);
  const rates = await database.query<{ role: string; invited: number; completed: number }>(
    `select f.role, count(*)::int as invited, count(*) filter (where i.status = 'completed')::int as completed
       from frame_persons f join invitations i on i.frame_person_id = f.id
      where f.wave_id = $1 group by f.role`,
    [wave.id],
  );
  for (const r of rates) {
    const rate = r.completed / r.invited;
    if (r.role === 'secretaris') assert.ok(rate > 0.5 && rate < 0.7, `${r.role} ${rate}`);
    else if (r.invited >= 300) assert.ok(rate >= 0.22 && rate <= 0.42, `${r.role} ${rate}`);
  }
  const raad = rates.find((r) => r.role === 'raadslid')!;
  const weth = rates.find((r) => r.role === 'wethouder')!;
  assert.ok(raad.completed / raad.invited < weth.completed / weth.invited, 'raadsleden respond least');
  // a confidential wave: responses know their organisation, never the person
  const [resp] = await database.query<{ n: number; with_org: number; with_person: number }>(
    `select count(*)::int as n,
            count(*) filter (where organisation_id is null)::int as with_org,
            count(*) filter (where frame_person_id is not null)::int as with_person
       from responses where wave_id = $1 and status = 'completed'`,
    [wave.id],
  );
  assert.equal(
    resp!.n,
    rates.reduce((a, r) => a + r.completed, 0),
  );
  assert.equal(resp!.with_org, 0);
  assert.equal(resp!.with_person, 0);
});
