/**
 * How many cells each disclosure option suppresses on the demo waves (in memory, no database):
 * `npx tsx bench/results/disclosure-options.ts [option…]`. The numbers behind
 * docs/decisions/0006-literal-protection.md.
 */
import { templates } from '../../src/monitor/questionnaires/templates/index.js';
import { groupData } from '../../src/results/demo/inputs.js';
import { registryOrganisations } from '../../src/results/demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from '../../src/results/demo/waves.js';
import { discloseGroup } from '../../src/results/estimates/disclosure.js';
import { computeGroup, weightedGroups } from '../../src/results/pipeline.js';
import { loadSolver } from '../../src/stats/disclosure/attacker.js';
import { type DisclosureRules, defaultRules } from '../../src/stats/disclosure/model.js';

const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const highs = await loadSolver();
const options: Record<string, Partial<DisclosureRules>> = {
  primary: { protect: 'primary' },
  all: { protect: 'all' },
};
const wanted = process.argv.slice(2);
// RECODE=1: the structurally small roles published with their board
const merged: Record<string, string> = { cdk: 'gedeputeerde', dijkgraaf: 'lid_db' };
for (const truth of demoWaveTruths) {
  const wave = generateWave(truth, orgs, defs);
  const recode = <S extends Readonly<Record<string, string | null>>>(s: S): S =>
    process.env.RECODE && s.bg_role && merged[s.bg_role] ? { ...s, bg_role: merged[s.bg_role]! } : s;
  const groups = weightedGroups.map((targetGroup) => {
    const data = groupData(wave, orgs, targetGroup);
    const population = new Map<string, (typeof data.population)[number]>();
    for (const c of data.population) {
      const strata = recode(c.strata);
      const k = JSON.stringify(strata);
      const cell = population.get(k) ?? { ...c, strata, n: 0 };
      cell.n += c.n;
      population.set(k, cell);
    }
    return computeGroup({
      targetGroup,
      questionnaire: defs[targetGroup as keyof Questionnaires],
      respondents: data.respondents.map((r) => ({ ...r, strata: recode(r.strata) })),
      population: [...population.values()],
      waveYear: truth.year,
    });
  });
  for (const [name, option] of Object.entries(options)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const rules = { ...defaultRules, ...option };
    const counts = { cells: 0, primary: 0, complementary: 0, total: 0 };
    const t0 = process.hrtime.bigint();
    for (const g of groups) {
      const estimates = structuredClone(g.estimates);
      discloseGroup(
        highs,
        { respondents: g.ordered, weights: g.weighting.finalWeights, indicators: g.indicators, estimates },
        rules,
      );
      for (const c of estimates.cells) {
        counts.cells++;
        if (c.suppressed === 'complementary') counts.complementary++;
        else if (c.suppressed) counts.primary++;
        if (c.suppressed && Object.keys(c.by).length === 0) counts.total++;
      }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(
      `${truth.year} ${name}: ${counts.cells} cells, ${counts.primary} primary, ${counts.complementary} complementary, ${counts.total} grand totals suppressed (${ms.toFixed(0)} ms)`,
    );
  }
}
