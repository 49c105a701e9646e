import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templates } from '../monitor/questionnaires/templates/index.js';
import { groupData } from './demo/inputs.js';
import { registryOrganisations } from './demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from './demo/waves.js';
import { computeGroup } from './pipeline.js';
import { coveredFigures, publishedFigures } from './published.js';

/**
 * Seeded generator → weighting → estimation: every 2022/2024 figure of published-figures.json that the
 * built-in questionnaires cover lies inside the 95% interval of the demo wave's weighted estimate.
 */
const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();

for (const truth of demoWaveTruths) {
  test(`demo wave ${truth.year} reproduces the published figures it covers`, () => {
    const wave = generateWave(truth, orgs, defs);
    const covered = coveredFigures(truth.year);
    const groups = [...new Set(covered.map((c) => c.targetGroup))];
    const results = new Map(
      groups.map((g) => [
        g,
        computeGroup({
          targetGroup: g,
          questionnaire: defs[g as keyof Questionnaires],
          ...groupData(wave, orgs, g),
        }),
      ]),
    );
    for (const c of covered) {
      const cell = results
        .get(c.targetGroup)!
        .estimates.cells.find(
          (x) =>
            x.indicator === c.indicator &&
            Object.keys(x.by).length === Object.keys(c.by).length &&
            Object.entries(c.by).every(([k, v]) => x.by[k] === v),
        );
      assert.ok(cell, `${c.figure.id}: no estimate`);
      const [lo, hi] = cell.ci as [number, number];
      const value = c.figure.value / 100;
      assert.ok(
        lo <= value && value <= hi,
        `${c.figure.id}: published ${c.figure.value}% outside [${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}] (estimate ${(cell.estimate! * 100).toFixed(1)}%)`,
      );
    }
    if (truth.year === 2024) {
      const diff = results
        .get('office_holders')!
        .estimates.comparisons.find((x) => x.indicator === 'agr_any_12m' && x.variable === 'bg_gender')!;
      assert.ok(diff.difference! > 0.1, 'women more often than men');
      assert.equal(diff.significant, true, `women − men significant after Holm (p ${diff.pHolm})`);
    }
  });
}

test('the covered figures are all the 2022/2024 percentages the built-in questionnaires measure', () => {
  const ids = [2022, 2024].flatMap((w) => coveredFigures(w).map((c) => c.figure.id)).sort();
  assert.deepEqual(ids, [
    'agr_any_12m_2022',
    'agr_any_12m_2024',
    'agr_any_12m_2024_man',
    'agr_any_12m_2024_vrouw',
    'emp_agr_any_12m_2022',
    'emp_agr_any_12m_2024',
    'int_obs_belangen_any_2022',
    'int_obs_belangen_any_2024',
  ]);
  // and nothing else of those waves is a percentage
  const others = publishedFigures().filter(
    (f) => (f.wave === 2022 || f.wave === 2024) && f.unit === 'percent' && !ids.includes(f.id),
  );
  assert.deepEqual(others, []);
});
