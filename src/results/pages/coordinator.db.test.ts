import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { releaseRun } from '../release/service.js';
import { runResults } from '../runs/service.js';
import { publicCell } from './table.js';

/**
 * An organisation's coordinator (not a researcher, no platform role) sees the national results once a
 * researcher has released them, in the publication view only (issue #14 item 6): nothing under
 * embargo, no internal view with suppressed numbers, no analysis file, nothing to compute, release or
 * configure. Other organisation roles see no results at all.
 */
let t: TestApp;
let coordinator: TestUser;
let reporter: TestUser;
let otherCoordinator: TestUser;
let waveId: string;
let runId: string;
const actor = cliActor('test');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
const indicator = `/results/${truth.code}/indicators/agr_any_12m`;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
  runId = (await runResults(t.database, truth.code, actor)).id;
  const [w] = await t.database.query<{ id: string }>('select wave_id as id from results_runs where id = $1', [
    runId,
  ]);
  waveId = w!.id;
  const orgs = await t.database.query<{ id: string }>('select id from organisations order by code limit 2');
  coordinator = await createUser(t, { memberships: [{ organisationId: orgs[0]!.id, role: 'coordinator' }] });
  otherCoordinator = await createUser(t, {
    memberships: [{ organisationId: orgs[1]!.id, role: 'coordinator' }],
  });
  reporter = await createUser(t, { memberships: [{ organisationId: orgs[0]!.id, role: 'reporter' }] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });
const api = (url: string, user: TestUser) =>
  t.app.inject({ url, headers: { authorization: `Bearer ${user.bearer}` } });

test('under embargo a coordinator sees no numbers: not on the pages, not in the API, not in the trend', async () => {
  const page = await get(`/results/${waveId}`, coordinator);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Kish|Agressie en geweld/);
  assert.equal((await api(`/api/v1/waves/${waveId}/results`, coordinator)).json().run, null);
  assert.equal((await get(indicator, coordinator)).statusCode, 404);
  assert.equal((await get(`${indicator}/table.csv`, coordinator)).statusCode, 404);
  const trend = (await api('/api/v1/indicators/agr_any_12m/trend', coordinator)).json();
  assert.ok(trend.points.every((p: { source: string }) => p.source === 'published'));
});

test('a coordinator may not compute, release or set the disclosure rules', async () => {
  assert.equal((await postForm(t.app, `/results/${waveId}/runs`, {}, coordinator.cookie)).statusCode, 403);
  assert.equal(
    (await postForm(t.app, `/results/${waveId}/release`, { runId }, coordinator.cookie)).statusCode,
    403,
  );
  const rules = { minRespondents: '5', maxIntervalWidth: '0.5', protection: '0.1', protect: 'primary' };
  assert.equal(
    (await postForm(t.app, `/results/${waveId}/disclosure`, rules, coordinator.cookie)).statusCode,
    403,
  );
});

test('after release: the national results in the publication view, the same for every coordinator', async () => {
  await releaseRun(t.database, waveId, runId, actor);
  const run = (await api(`/api/v1/waves/${waveId}/results`, coordinator)).json().run;
  assert.equal(run.id, runId);
  const other = (await api(`/api/v1/waves/${waveId}/results`, otherCoordinator)).json().run;
  assert.deepEqual(other, run, 'national figures: the same whichever organisation one coordinates');
  const [stored] = await t.database.query<{ estimates: Record<string, { cells: never[] }> }>(
    'select estimates from results_runs where id = $1',
    [runId],
  );
  const cells = stored!.estimates.office_holders!.cells;
  assert.deepEqual(
    run.groups.office_holders.cells.map(({ label: _, ...c }: { label: string }) => c),
    JSON.parse(JSON.stringify(cells.map(publicCell))),
  );
  const hidden = run.groups.office_holders.cells.filter((c: { suppressed?: string }) => c.suppressed);
  assert.ok(hidden.length > 0, 'the small demo wave has suppressed cells');
  for (const c of hidden) assert.deepEqual([c.estimate, c.se, c.ci, c.n], [null, null, [null, null], null]);

  const page = await get(indicator, coordinator);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /view=internal/, 'no switch to the internal view');
  assert.doesNotMatch(page.body, /reproduce\.zip/);
  // asking for the internal view anyway gives the publication view: the same page
  const internal = await get(`${indicator}?view=internal`, coordinator);
  assert.equal(internal.statusCode, 200);
  const tables = (body: string) => body.match(/<table>.*?<\/table>/gs)?.join('\n');
  assert.ok(tables(page.body));
  assert.equal(tables(internal.body), tables(page.body));
  assert.doesNotMatch(internal.body, /alleen voor intern gebruik/i);
  assert.equal((await get(`${indicator}/table.csv`, coordinator)).statusCode, 200);
  // never the analysis file
  assert.equal((await get(`${indicator}/reproduce.zip`, coordinator)).statusCode, 403);
  assert.equal((await get(`/results/${waveId}/reproduce.zip`, coordinator)).statusCode, 403);
  // the menu offers the results
  assert.match((await get('/', coordinator)).body, /href="\/results"/);
});

test('the API answers with codes and, beside them, labels in the asked language', async () => {
  const url = `/api/v1/waves/${waveId}/results`;
  const nl = (await api(url, coordinator)).json();
  assert.equal(nl.lang, 'nl');
  const en = (await api(`${url}?lang=en`, coordinator)).json();
  assert.equal(en.lang, 'en');
  const header = await t.app.inject({
    url,
    headers: { authorization: `Bearer ${coordinator.bearer}`, 'accept-language': 'en-GB,en;q=0.8' },
  });
  assert.deepEqual(header.json(), en, 'Accept-Language: en gives the same answer as ?lang=en');
  const cell = (body: any, by: Record<string, string>) =>
    body.run.groups.office_holders.cells.find(
      (c: any) => c.indicator === 'agr_any_12m' && JSON.stringify(c.by) === JSON.stringify(by),
    );
  assert.equal(cell(nl, {}).label, 'Alle respondenten');
  assert.equal(cell(en, {}).label, 'All respondents');
  assert.equal(cell(nl, { bg_gender: 'vrouw' }).label, 'vrouw');
  assert.equal(cell(en, { bg_gender: 'vrouw' }).label, 'woman');
  assert.equal(cell(en, { bg_role: 'lid_ab' }).by.bg_role, 'lid_ab', 'the codes stay');
  const gender = (body: any) =>
    body.run.groups.office_holders.comparisons.find(
      (c: any) => c.indicator === 'agr_any_12m' && c.variable === 'bg_gender' && c.from === 'man',
    );
  assert.deepEqual(
    [gender(nl).variableLabel, gender(nl).fromLabel, gender(nl).toLabel],
    ['geslacht', 'man', 'vrouw'],
  );
  assert.deepEqual(
    [gender(en).variableLabel, gender(en).fromLabel, gender(en).toLabel],
    ['gender', 'man', 'woman'],
  );
  assert.equal(
    nl.run.indicatorLabels.agr_any_12m,
    'Agressie en intimidatie ervaren in de afgelopen 12 maanden',
  );
  assert.notEqual(en.run.indicatorLabels.agr_any_12m, nl.run.indicatorLabels.agr_any_12m);
  // the numbers are the same in both languages
  const numbers = (body: any) =>
    body.run.groups.office_holders.cells.map((c: any) => [c.estimate, c.n, c.suppressed ?? null]);
  assert.deepEqual(numbers(en), numbers(nl));
  // an unknown language is a clear 400, not a silent default
  const bad = await api(`${url}?lang=de`, coordinator);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
});

test('other organisation roles see no results', async () => {
  assert.equal((await get('/results', reporter)).statusCode, 403);
  assert.equal((await get(`/results/${waveId}`, reporter)).statusCode, 403);
  assert.equal((await api(`/api/v1/waves/${waveId}/results`, reporter)).statusCode, 403);
  assert.doesNotMatch((await get('/', reporter)).body, /href="\/results"/);
});
