/**
 * The computing part of a results run of the demo wave 2024 (weighting, estimates, pairs, disclosure),
 * in memory, for a CPU profile: `node --cpu-prof --import tsx bench/results/profile.ts [rounds]`.
 * Prints the CPU seconds of each part (the median of the rounds).
 */
import { templates } from '../../src/monitor/questionnaires/templates/index.js';
import { groupData } from '../../src/results/demo/inputs.js';
import { registryOrganisations } from '../../src/results/demo/registry.js';
import { demoWaveTruths, generateWave, type Questionnaires } from '../../src/results/demo/waves.js';
import { discloseGroup } from '../../src/results/estimates/disclosure.js';
import { computeGroup, weightedGroups } from '../../src/results/pipeline.js';
import { loadSolver } from '../../src/stats/disclosure/attacker.js';
import { defaultRules } from '../../src/stats/disclosure/model.js';

const defs = Object.fromEntries(templates.map((t) => [t.code, t])) as unknown as Questionnaires;
const orgs = registryOrganisations();
const highs = await loadSolver();
const truth = demoWaveTruths.find((t) => t.year === 2024)!;
const wave = generateWave(truth, orgs, defs);
const inputs = weightedGroups.map((targetGroup) => ({
  targetGroup,
  data: groupData(wave, orgs, targetGroup),
}));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rounds = Number(process.argv[2] ?? 3);
const times: Array<{ compute: number; disclose: number }> = [];
for (let r = 0; r < rounds; r++) {
  let compute = 0;
  let disclose = 0;
  for (const { targetGroup, data } of inputs) {
    const c0 = cpu();
    const g = computeGroup({
      targetGroup,
      questionnaire: defs[targetGroup as keyof Questionnaires],
      ...data,
      waveYear: truth.year,
    });
    const c1 = cpu();
    discloseGroup(
      highs,
      {
        respondents: g.ordered,
        weights: g.weighting.finalWeights,
        indicators: g.indicators,
        estimates: g.estimates,
      },
      defaultRules,
    );
    compute += c1 - c0;
    disclose += cpu() - c1;
  }
  times.push({ compute, disclose });
  console.log(`round ${r + 1}: compute ${compute.toFixed(2)} s, disclosure ${disclose.toFixed(2)} s (CPU)`);
}
