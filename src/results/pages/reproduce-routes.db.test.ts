import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { parseCsv } from '../../platform/csv/csv.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { releaseRun } from '../release/service.js';
import { compareResults, readResults } from '../reproduce/compare.js';
import { runResults } from '../runs/service.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;
let coordinator: TestUser;
let runId: string;
const actor = cliActor('test');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
const url = `/results/${truth.code}/indicators/agr_any_12m/reproduce.zip`;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
  runId = (await runResults(t.database, truth.code, actor)).id;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  const [org] = await t.database.query<{ id: string }>('select id from organisations limit 1');
  coordinator = await createUser(t, { memberships: [{ organisationId: org!.id, role: 'coordinator' }] });
});
after(() => t.close());

const get = (path: string, user: TestUser) => t.app.inject({ url: path, headers: { cookie: user.cookie } });

test('viewers and coordinators never get the analysis file, not even after release', async () => {
  await releaseRun(
    t.database,
    (
      await t.database.query<{ id: string }>('select wave_id as id from results_runs where id = $1', [runId])
    )[0]!.id,
    runId,
    actor,
  );
  const page = `/results/${truth.code}/indicators/agr_any_12m`;
  assert.match((await get(page, researcher)).body, /reproduce\.zip/);
  const viewed = await get(page, viewer);
  assert.equal(viewed.statusCode, 200);
  assert.doesNotMatch(viewed.body, /reproduce\.zip/);
  for (const user of [viewer, coordinator]) {
    assert.equal((await get(url, user)).statusCode, 403);
    assert.equal((await get(`/results/${truth.code}/reproduce.zip`, user)).statusCode, 403);
  }
});

test('an unknown indicator or a wave without a run is a clear 404', async () => {
  const res = await get(`/results/${truth.code}/indicators/no_such_indicator/reproduce.zip`, researcher);
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /no_such_indicator/);
});

test("a researcher's reproduce download holds the files; R gets the stored run's numbers", async (tc) => {
  const res = await get(url, researcher);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/zip');
  const archive = await JSZip.loadAsync(res.rawPayload);
  const names = Object.keys(archive.files).sort();
  for (const f of [
    'analysis.csv',
    'analyse.json',
    'design.json',
    'reproduce.R',
    'weerbaar.csv',
    'README.txt',
  ])
    assert.ok(names.includes(`office_holders/${f}`), f);
  const text = (f: string) => archive.file(`office_holders/${f}`)!.async('string');
  const app = parseCsv(await text('weerbaar.csv'));
  assert.ok(app.length > 30 && app.slice(1).every((r) => r.values[1] === 'agr_any_12m'));
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.reproduce.export' and resource_id = $1",
    [runId],
  );
  assert.equal(audits[0]!.n, 1, 'the export is audited');
  const design = JSON.parse(await text('design.json'));
  assert.equal(design.run.id, runId);
  assert.equal(design.strata, 'stratum');

  const r = spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))']);
  if (r.status !== 0) return tc.skip('Rscript with the survey package is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-zip-'));
  try {
    for (const name of names) writeFileSync(join(dir, name.split('/')[1]!), await text(name.split('/')[1]!));
    const run = spawnSync('Rscript', [join(dir, 'reproduce.R')], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(run.status, 0, run.stderr);
    const m = /(\d+) of (\d+) rows matched, largest difference (\S+)/.exec(run.stdout);
    assert.ok(m && m[1] === m[2] && Number(m[3]) <= 1e-9, run.stdout.slice(-300));
    const reproduced = readResults(readFileSync(join(dir, 'reproduced.csv'), 'utf8'));
    assert.deepEqual(compareResults(readResults(await text('weerbaar.csv')), reproduced).problems, []);
    assert.equal(reproduced.length, app.length - 1);
    assert.ok(readFileSync(join(dir, 'reproduced.csv'), 'utf8').includes('agr_any_12m'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
