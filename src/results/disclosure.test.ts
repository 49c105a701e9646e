import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templates } from '../monitor/questionnaires/templates/index.js';
import { loadSolver } from '../stats/disclosure/attacker.js';
import { defaultRules, primaryReason } from '../stats/disclosure/model.js';
import { auditTable } from '../stats/disclosure/protect.js';
import { groupData } from './demo/inputs.js';
import { registryOrganisations } from './demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from './demo/waves.js';
import { discloseGroup, indicatorDisclosureTable } from './estimates/disclosure.js';
import { computeGroup, weightedGroups } from './pipeline.js';
import { cellKey } from './trends/trend.js';

/**
 * Every indicator × breakdown of both demo waves (monitor-2022, monitor-2024; built in memory by the
 * demo's seeded generator, no database), under the default rules: no published cell breaks a
 * threshold, no published comparison involves a suppressed cell, and every suppressed cell's interval
 * derivable from everything published — recomputed here from the respondents, independently of the
 * decision's own audit — is at least ± the protection.
 */
const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const highs = await loadSolver();
const rules = defaultRules;

for (const truth of demoWaveTruths) {
  test(`demo wave ${truth.year}: every table keeps the disclosure rules`, () => {
    const wave = generateWave(truth, orgs, defs);
    let published = 0;
    let suppressed = 0;
    for (const targetGroup of weightedGroups) {
      const g = computeGroup({
        targetGroup,
        questionnaire: defs[targetGroup as keyof Questionnaires],
        ...groupData(wave, orgs, targetGroup),
        waveYear: truth.year,
      });
      const input = {
        respondents: g.ordered,
        weights: g.weighting.finalWeights,
        indicators: g.indicators,
        estimates: g.estimates,
      };
      discloseGroup(highs, input, rules);
      const cells = g.estimates.cells;
      for (const c of cells) {
        const reason = primaryReason(
          {
            id: '',
            atoms: [],
            n: c.n,
            intervalWidth: c.ci[0] === null || c.ci[1] === null ? null : c.ci[1] - c.ci[0],
          },
          rules,
        );
        if (reason) assert.equal(c.suppressed, reason, `${cellKey(c.indicator, c.by)} must be suppressed`);
        if (c.suppressed) suppressed++;
        else published++;
      }
      const hidden = new Set(cells.filter((c) => c.suppressed).map((c) => cellKey(c.indicator, c.by)));
      for (const cmp of g.estimates.comparisons)
        if (!cmp.suppressed)
          for (const v of [cmp.from, cmp.to])
            assert.ok(
              !hidden.has(cellKey(cmp.indicator, { [cmp.variable]: v })),
              `${cmp.indicator}: comparison`,
            );
      for (const ind of g.indicators) {
        const own = cells.filter((c) => c.indicator === ind.definition.code);
        const table = indicatorDisclosureTable(g.ordered, g.weighting.finalWeights, ind, own);
        const decision = Object.fromEntries(
          own.flatMap((c, i) => (c.suppressed ? [[table.cells[i]!.id, c.suppressed]] : [])),
        );
        for (const a of auditTable(highs, table, decision, rules)) {
          const width = 2 * rules.protection - 1e-6;
          assert.ok(a.ok && a.upper - a.lower >= width, `${a.id}: [${a.lower}, ${a.upper}] vs ${a.required}`);
        }
      }
    }
    assert.ok(suppressed > 0 && published > suppressed, `${published} published, ${suppressed} suppressed`);
  });
}
