import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDemoTestDatabase } from '../../../test/support/database.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { defaultRules } from '../../stats/disclosure/model.js';
import { groupData } from '../demo/inputs.js';
import { registryOrganisations } from '../demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from '../demo/waves.js';
import { setDisclosureRules } from '../disclosure/settings.js';
import { builtinIndicators } from '../indicators/builtin.js';
import { computeGroup } from '../pipeline.js';
import { trendOf } from '../trends/service.js';
import { latestRun, runResults, weightingRun } from './service.js';

let database: Database;
const actor = cliActor('test');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
before(async () => {
  // The full demo (the demo template, test/support/template.ts) holds the 2024 demo wave, loaded by
  // loadDemoWave over the whole registry once per run instead of once per file.
  database = await createDemoTestDatabase();
});
after(() => database.close());

test('a wave still open cannot be weighted', async () => {
  const draft = await createWave(
    database.db,
    { code: 'nog-open', name: 'Nog open', anonymity: 'anonymous' },
    actor,
  );
  await assert.rejects(
    runResults(database, draft.id, actor),
    /wave nog-open is draft: close it before weighting/,
  );
});

test('a run of the demo wave stores weights and estimates equal, to the bit, to the pure pipeline', async () => {
  const run = await runResults(database, truth.code, actor);
  assert.equal(run.version, 1);
  const latest = await latestRun(database, run.waveId);
  assert.equal(latest?.id, run.id);
  // the same seeded wave computed without a database
  const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
  const orgs = registryOrganisations();
  const pure = computeGroup({
    targetGroup: 'office_holders',
    questionnaire: defs.office_holders,
    ...groupData(generateWave(truth, orgs, defs), orgs, 'office_holders'),
    indicators: builtinIndicators.filter((i) => i.code === 'agr_any_12m'),
  });
  const stored = latest!.estimates.office_holders!.cells.filter((c) => c.indicator === 'agr_any_12m');
  // the numbers are the pure pipeline's; disclosure control adds its decision to them
  assert.deepEqual(
    stored.map(({ suppressed: _, ...c }) => c),
    pure.estimates.cells,
  );
  const disclosure = latest!.estimates.office_holders!.disclosure!;
  assert.deepEqual(disclosure.rules, defaultRules);
  assert.ok(disclosure.audit.length > 0 && disclosure.audit.every((a) => a.ok));
  for (const c of stored)
    if (c.n < defaultRules.minRespondents) assert.equal(c.suppressed, 'few-respondents');
  const w = await weightingRun(database, run.weightingRuns.office_holders!);
  assert.deepEqual((w!.weights as { final: number[] }).final, [...pure.weighting.finalWeights]);
  assert.ok(run.estimates.employees!.cells.some((c) => c.indicator === 'emp_agr_any_12m'));
  // every indicator × breakdown has a cell; the women − men difference of any aggression is significant
  const diff = run.estimates.office_holders!.comparisons.find(
    (c) => c.indicator === 'agr_any_12m' && c.variable === 'bg_gender',
  )!;
  assert.equal(diff.significant, true);

  // the trend joins the published values since 2014 with this run
  const trend = await trendOf(database, 'agr_any_12m');
  assert.deepEqual(
    trend.points.map((p) => [p.year, p.source]),
    [2014, 2016, 2018, 2020, 2022].map((y) => [y, 'published']).concat([[2024, 'weerbaar']]),
  );
  assert.equal(trend.points.at(-1)!.estimate, stored.find((c) => Object.keys(c.by).length === 0)!.estimate);

  // the wave's own rules (audited) apply to the next run: a second run, version 2, the same weights
  // to the last bit
  await setDisclosureRules(database, truth.code, { minRespondents: 30 }, actor);
  await assert.rejects(
    setDisclosureRules(database, truth.code, { protection: 0.7 }, actor),
    /invalid disclosure rules/,
  );
  const again = await runResults(database, truth.code, actor);
  assert.equal(again.estimates.office_holders!.disclosure!.rules.minRespondents, 30);
  for (const c of again.estimates.office_holders!.cells)
    if (c.n < 30) assert.equal(c.suppressed, 'few-respondents', `${c.indicator} ${JSON.stringify(c.by)}`);
  assert.equal(again.version, 2);
  const w2 = await weightingRun(database, again.weightingRuns.office_holders!);
  assert.equal(w2!.version, 2);
  assert.deepEqual(w2!.weights, w!.weights);
  const [audits] = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.run'",
  );
  assert.equal(audits!.n, 2);
  const [ruled] = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.disclosure-rules'",
  );
  assert.equal(ruled!.n, 1);
});
