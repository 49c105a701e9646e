import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { parseCsv } from '../../platform/csv/csv.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { runResults } from '../runs/service.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;
let waveId: string;
const actor = cliActor('test');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
  await runResults(t.database, truth.code, actor);
  const [w] = await t.database.query<{ id: string }>('select id from waves where code = $1', [truth.code]);
  waveId = w!.id;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });

test('researchers download exports from the results page; viewers get neither the form nor the file', async () => {
  const page = await get(`/results/${waveId}`, researcher);
  assert.match(page.body, /Gegevens exporteren/);
  assert.match(page.body, new RegExp(`action="/results/${waveId}/export"`));
  assert.doesNotMatch((await get(`/results/${waveId}`, viewer)).body, /Gegevens exporteren/);
  assert.equal((await get(`/results/${waveId}/export?format=csv`, viewer)).statusCode, 403);

  const csv = await get(`/results/${waveId}/export?format=csv&group=office_holders`, researcher);
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(
    String(csv.headers['content-disposition']),
    /attachment; filename="monitor-2024-office_holders\.csv"/,
  );
  const header = parseCsv(csv.body)[0]!.values;
  assert.ok(header.includes('weight'));
  assert.ok(!header.some((h) => h.endsWith('_tekst')));
  const sav = await get(`/results/${waveId}/export?format=sav&lang=en`, researcher);
  assert.equal(sav.statusCode, 200);
  assert.equal(sav.rawPayload.subarray(0, 4).toString(), '$FL2');
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.export' and resource_id = $1",
    [waveId],
  );
  assert.equal(audits[0]!.n, 2);
});

test('a bad export request is a clear problem, never a 500', async () => {
  const bad = await get(`/results/${waveId}/export?format=pdf`, researcher);
  assert.equal(bad.statusCode, 400);
  // a browser page: the error page in HTML (the API answers problem+json)
  assert.match(String(bad.headers['content-type']), /text\/html/);
  const group = await get(`/results/${waveId}/export?format=csv&group=nobody`, researcher);
  assert.equal(group.statusCode, 400);
  assert.match(group.body, /nobody/);
});
