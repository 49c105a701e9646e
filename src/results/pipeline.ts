/**
 * From a closed wave's target group to its numbers (pure): canonical order → weighting (design from
 * the frame, raking to its margins) → every indicator of the group × every breakdown, with tests.
 */
import type { QuestionnaireDefinition } from '../monitor/questionnaires/model.js';
import { canonicalOrder } from './canonical.js';
import { estimateGroup, type GroupEstimates, type Respondent } from './estimates/compute.js';
import { builtinIndicators } from './indicators/builtin.js';
import { compileIndicator, type IndicatorInput } from './indicators/model.js';
import { schemes } from './weighting/scheme.js';
import {
  type PopulationCell,
  type WeightingOptions,
  type WeightingResult,
  weight,
} from './weighting/weighting.js';

export interface GroupResults {
  targetGroup: string;
  weighting: WeightingResult;
  estimates: GroupEstimates;
}

export function computeGroup(input: {
  targetGroup: string;
  questionnaire: QuestionnaireDefinition;
  respondents: readonly Respondent[];
  population: readonly PopulationCell[];
  indicators?: readonly IndicatorInput[];
  weighting?: WeightingOptions;
}): GroupResults {
  const scheme = schemes[input.targetGroup];
  if (!scheme) throw new Error(`no weighting scheme for ${input.targetGroup}`);
  const rows = canonicalOrder(input.respondents);
  const weighting = weight(
    rows.map((r) => r.strata),
    input.population,
    scheme,
    input.weighting,
  );
  const indicators = (input.indicators ?? builtinIndicators)
    .filter((i) => i.targetGroup === input.targetGroup)
    .map((i) => compileIndicator(i, input.questionnaire));
  return { targetGroup: input.targetGroup, weighting, estimates: estimateGroup(rows, weighting, indicators) };
}
