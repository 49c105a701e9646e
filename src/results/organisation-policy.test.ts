import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templates } from '../monitor/questionnaires/templates/index.js';
import { groupData } from './demo/inputs.js';
import { registryOrganisations } from './demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from './demo/waves.js';
import { builtinIndicators } from './indicators/builtin.js';
import { compileIndicator } from './indicators/model.js';
import { computeGroup } from './pipeline.js';

const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
const data = groupData(generateWave(truth, orgs, defs), orgs, 'organisation_policy');
const result = computeGroup({
  targetGroup: 'organisation_policy',
  questionnaire: defs.organisation_policy,
  ...data,
  waveYear: 2024,
});

test('organisation policy is a census: about 60% respond, unweighted, strata layer × size class', () => {
  const frame = data.population.reduce((a, c) => a + c.n, 0);
  assert.equal(frame, 342 + 12 + 21);
  const rate = data.respondents.length / frame;
  assert.ok(rate > 0.5 && rate < 0.7, String(rate));
  assert.ok(result.weighting.finalWeights.every((w) => w === 1));
  assert.equal(result.weighting.report.kishDeff, 1);
  assert.deepEqual(
    new Set(result.weighting.stratum).size,
    6,
    'gemeente × 4 size classes, provincie, waterschap',
  );
});

test('the percentage is the unweighted share, with the stratified SE and its finite population correction', () => {
  const ind = compileIndicator(
    builtinIndicators.find((i) => i.code === 'org_protocol_aggression')!,
    defs.organisation_policy,
  );
  const rows = result.ordered;
  const y = rows.map((r) => ind.valueOf(r.strata, r.answers));
  const used = y
    .map((v, i) => ({ v, h: result.weighting.stratum[i]!, N: result.weighting.fpc[i]! }))
    .filter((x) => x.v !== null);
  const n = used.length;
  const p = used.reduce((a, x) => a + x.v!, 0) / n;
  const cell = result.estimates.cells.find(
    (c) => c.indicator === 'org_protocol_aggression' && Object.keys(c.by).length === 0,
  )!;
  assert.ok(Math.abs(cell.estimate! - p) < 1e-12);
  // textbook: V = Σ_h (1 − n_h/N_h) n_h/(n_h − 1) Σ_i (z_i − z̄_h)², z_i = (y_i − p)/n (all rows of the
  // stratum count, rows without a value have z = 0)
  const byStratum = new Map<string, { N: number; z: number[] }>();
  result.weighting.stratum.forEach((h, i) => {
    const s = byStratum.get(h) ?? { N: result.weighting.fpc[i]!, z: [] };
    s.z.push(y[i] === null ? 0 : (y[i]! - p) / n);
    byStratum.set(h, s);
  });
  let v = 0;
  let vNoFpc = 0;
  for (const { N, z } of byStratum.values()) {
    const m = z.length;
    if (m < 2) continue;
    const mean = z.reduce((a, b) => a + b, 0) / m;
    const ss = z.reduce((a, b) => a + (b - mean) ** 2, 0);
    v += (1 - m / N) * (m / (m - 1)) * ss;
    vNoFpc += (m / (m - 1)) * ss;
  }
  assert.ok(Math.abs(cell.se! - Math.sqrt(v)) < 1e-12, `${cell.se} vs ${Math.sqrt(v)}`);
  assert.ok(cell.se! < Math.sqrt(vNoFpc) * 0.75, 'with 60% of the population answering the fpc matters');
});

test('"code updated within four years" uses the wave year and only organisations with a code', () => {
  const cell = result.estimates.cells.find(
    (c) => c.indicator === 'org_code_age_4y' && Object.keys(c.by).length === 0,
  )!;
  assert.ok(cell.estimate! > 0.3 && cell.estimate! < 0.95, String(cell.estimate));
  assert.ok(cell.n < data.respondents.length);
});
