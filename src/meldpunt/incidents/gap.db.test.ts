import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../../results/demo/demo-step.js';
import { smallDemoOrganisations } from '../../results/demo/small.js';
import { demoWaveTruths } from '../../results/demo/waves.js';
import { releaseRun } from '../../results/release/service.js';
import { runResults } from '../../results/runs/service.js';
import { registrationGap, yearBefore } from './gap.js';

let t: TestApp;
let viewer: TestUser;
let researcher: TestUser;
let coordinator: TestUser;
const org: Record<string, string> = {};
let waveId: string;
let runId: string;
const actor = cliActor('test');

/**
 * The small 2024 demo wave (Flevoland and Drenthe, the provinces, a few waterschappen) with a run, and
 * incidents in Flevoland: two wethouders each in Almere, Dronten and Lelystad (one of them twice), one
 * burgemeester in Urk, one wethouder after the fieldwork started, and a draft.
 */
before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, demoWaveTruths.find((w) => w.year === 2024)!, actor, smallDemoOrganisations());
  });
  const run = await runResults(t.database, 'monitor-2024', actor);
  waveId = run.waveId;
  runId = run.id;
  for (const code of ['GM0034', 'GM0303', 'GM0995', 'GM0184'])
    org[code] = (
      await t.database.query<{ id: string }>('select id from organisations where code = $1', [code])
    )[0]!.id;
  const incident = (code: string, role: string, name: string, on: string, state = 'gemeld') =>
    t.database.query(
      `insert into incidents (organisation_id, state, reporter_user_id, concerned_role, concerned_name, occurred_on, submitted_at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [org[code], state, randomUUID(), role, name, on, state === 'draft' ? null : `${on}T12:00:00Z`],
    );
  for (const code of ['GM0034', 'GM0303', 'GM0995']) {
    await incident(code, 'wethouder', `Wethouder A ${code}`, '2023-05-01');
    await incident(code, 'wethouder', `Wethouder B ${code}`, '2023-09-01');
  }
  await incident('GM0034', 'wethouder', ' wethouder a gm0034 ', '2023-11-01'); // the same person again
  await incident('GM0184', 'burgemeester', 'Burgemeester', '2023-06-01');
  await incident('GM0303', 'wethouder', 'Wethouder C', '2024-02-01'); // after the fieldwork started
  await incident('GM0995', 'wethouder', 'Wethouder D', '2023-06-01', 'draft');
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  coordinator = await createUser(t, { memberships: [{ organisationId: org.GM0034!, role: 'coordinator' }] });
});
after(() => t.close());

test('the 12 months before the fieldwork', () => {
  assert.deepEqual(yearBefore('2024-01-15'), { from: '2023-01-15', to: '2024-01-14' });
  assert.deepEqual(yearBefore('2024-03-01'), { from: '2023-03-01', to: '2024-02-29' });
});

test('nationally: registered office holders per 100 next to the monitor, small cells withheld', async () => {
  assert.equal(await registrationGap(t.database, 'released'), undefined, 'nothing released yet');
  const gap = (await registrationGap(t.database, 'embargoed'))!;
  assert.equal(gap.monitor.wave.code, 'monitor-2024');
  assert.equal(gap.monitor.releasedAt, null);
  assert.deepEqual(gap.period, { from: '2023-01-15', to: '2024-01-14' });
  const row = (layer: string, role: string | null) =>
    gap.rows.find((r) => r.layer === layer && r.role === role)!;
  const wethouder = row('gemeente', 'wethouder');
  assert.equal(wethouder.registered, 6, 'six persons in three organisations');
  assert.equal(wethouder.rate, 6 / wethouder.frame);
  // the monitor's cells as the results layer publishes them: in this small wave the wethouders are withheld
  assert.deepEqual(wethouder.prevalence, { estimate: null, ci: [null, null], suppressed: true });
  const raadslid = row('gemeente', 'raadslid').prevalence!;
  assert.ok(
    raadslid.estimate! > 0.2 && raadslid.ci[0]! < raadslid.estimate! && raadslid.ci[1]! > raadslid.estimate!,
  );
  const burgemeester = row('gemeente', 'burgemeester');
  assert.equal(burgemeester.registered, null, 'one burgemeester is never shown');
  assert.equal(burgemeester.reason, 'few-units');
  assert.equal(row('gemeente', null).registered, null, 'the layer total would give the burgemeester away');
  assert.equal(row('provincie', null).registered, 0);

  const page = await t.app.inject({
    url: '/meldpunt/registration-gap',
    headers: { cookie: researcher.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /embargo/);
  assert.match(page.body, /<svg id="registration-gap-svg"/);
  const before = await t.app.inject({
    url: '/meldpunt/registration-gap',
    headers: { cookie: viewer.cookie },
  });
  assert.match(before.body, /nog geen vrijgegeven resultaten/);
  await releaseRun(t.database, waveId, runId, actor);
  const released = await t.app.inject({
    url: '/meldpunt/registration-gap?lang=en',
    headers: { cookie: viewer.cookie },
  });
  assert.match(released.body, /Municipality: wethouder|Municipality: alderman/);
  assert.doesNotMatch(released.body, /embargo\)/);
  const coordinatorNational = await t.app.inject({
    url: '/meldpunt/registration-gap',
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(coordinatorNational.statusCode, 403);
});

test('a municipality sees its own figures, withheld where small', async () => {
  const gap = (await registrationGap(t.database, 'released', org.GM0034))!;
  const wethouder = gap.rows.find((r) => r.role === 'wethouder')!;
  assert.equal(wethouder.registered, null, 'two wethouders of Almere: too few to show');
  const all = gap.rows.find((r) => r.role === null)!;
  assert.equal(all.registered, null, 'the total would give the wethouders away (everyone else has 0)');
  assert.ok(gap.rows.every((r) => r.layer === 'gemeente'));
  const page = await t.app.inject({
    url: `/organisations/${org.GM0034}/incidents/registration-gap`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /De monitor heeft geen cijfers per organisatie/);
  const other = await t.app.inject({
    url: `/organisations/${org.GM0303}/incidents/registration-gap`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(other.statusCode, 403);
});
