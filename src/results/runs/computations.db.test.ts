/**
 * Results computed as a job (./computations.ts, ./jobs.ts): requested in a transaction, run by the job
 * runtime in order (the earlier wave first), progress recorded, the run and `done` committed together
 * (a retry stores nothing twice), bad input recorded as a failure naming what is wrong.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { type JobRuntime, startJobs } from '../../platform/jobs/runtime.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave, requestDemoComputations } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { indicators } from '../schema.js';
import { getComputation, latestComputation, performComputation, requestComputation } from './computations.js';
import { latestRun } from './service.js';

let database: Database;
let runtime: JobRuntime | undefined;
const actor = cliActor('test');
const waveId: Record<string, string> = {};

before(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    for (const truth of demoWaveTruths) await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
    // as the demo step does: computations requested in the loading transaction, nothing computed yet
    await requestDemoComputations(tx, demoWaveTruths, actor);
  });
  for (const r of await database.query<{ id: string; code: string }>('select id, code from waves'))
    waveId[r.code] = r.id;
});
after(async () => {
  await runtime?.stop();
  await database.close();
});

async function waitFor(what: string, fn: () => Promise<boolean>, ms = 120_000) {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('the demo requests its computations as jobs; the runtime computes the earlier wave first, with progress', async () => {
  const c2022 = (await latestComputation(database, waveId['monitor-2022']!))!;
  const c2024 = (await latestComputation(database, waveId['monitor-2024']!))!;
  assert.equal(c2022.state, 'queued');
  assert.equal(c2024.state, 'queued');
  assert.equal(await latestRun(database, waveId['monitor-2024']!), undefined, 'nothing computed at load');
  // asking again while one is queued returns that one
  const again = await requestComputation(database.db, 'monitor-2024', actor);
  assert.equal(again.created, false);
  assert.equal(again.computation.id, c2024.id);

  runtime = await startJobs(database, loadConfig({ NODE_ENV: 'test', JOBS_POLL_INTERVAL_SECONDS: '0.5' }), {
    modules,
    queues: ['results.compute'],
    log: { info() {}, warn() {}, error() {} },
  });
  const seen = new Set<string>();
  await waitFor('both computations', async () => {
    const c = await getComputation(database, c2024.id);
    if (c?.state === 'running') seen.add(`${c.done}/${c.total}`);
    return c?.state === 'done' || c?.state === 'failed';
  });
  const done2022 = (await getComputation(database, c2022.id))!;
  const done2024 = (await getComputation(database, c2024.id))!;
  assert.equal(done2022.state, 'done', JSON.stringify(done2022.error));
  assert.equal(done2024.state, 'done', JSON.stringify(done2024.error));
  assert.equal(done2024.done, done2024.total);
  assert.ok(done2024.total >= 3);
  const run2024 = (await latestRun(database, waveId['monitor-2024']!))!;
  assert.equal(done2024.runId, run2024.id);
  assert.equal((await latestRun(database, waveId['monitor-2022']!))!.id, done2022.runId);
  // 2022 ran first: the 2024 run carries tested changes from it
  assert.ok(run2024.estimates.office_holders!.trends?.length, 'trend tests from monitor-2022');
  assert.ok(done2022.updatedAt <= done2024.updatedAt);
  const [audits] = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.compute.request'",
  );
  assert.equal(audits!.n, 2);

  // a retry of a computation already done (a crash after the commit) stores nothing twice
  assert.equal(await performComputation(database, c2024.id), undefined);
  assert.equal((await latestRun(database, waveId['monitor-2024']!))!.id, run2024.id);
});

test('a wave still open cannot be computed: the request is refused with a clear message', async () => {
  const open = await createWave(database.db, { code: 'open-c', name: 'Nog open' }, actor);
  await assert.rejects(requestComputation(database.db, open.id, actor), (err: Error) => {
    assert.match(err.message, /open-c is draft: close it before weighting/);
    return true;
  });
  assert.equal(await latestComputation(database, open.id), undefined);
});

test('an indicator naming an unknown item makes the computation fail with that name, not retry', async () => {
  await runtime?.stop();
  runtime = undefined;
  const [builtin] = await database.db.select().from(indicators).limit(1);
  const def = builtin!.definition as Record<string, unknown>;
  await database.db.insert(indicators).values({
    code: builtin!.code,
    version: builtin!.version + 1,
    targetGroup: builtin!.targetGroup,
    theme: builtin!.theme,
    definition: { ...def, version: builtin!.version + 1, numerator: "${agr_nope_12m} = 'ja'" },
  });
  const { computation } = await requestComputation(database.db, 'monitor-2024', actor);
  const before = (await latestRun(database, waveId['monitor-2024']!))!;
  assert.equal(await performComputation(database, computation.id), undefined);
  const failed = (await getComputation(database, computation.id))!;
  assert.equal(failed.state, 'failed');
  assert.match(failed.error!.en, /unknown item code agr_nope_12m/);
  assert.match(failed.error!.nl, /agr_nope_12m/);
  assert.equal((await latestRun(database, waveId['monitor-2024']!))!.id, before.id, 'no half run');
});
