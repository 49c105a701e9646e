/**
 * From a closed wave's target group to its numbers (pure): canonical order → weighting (design from
 * the frame, raking to its margins) → every indicator of the group × every breakdown, with tests.
 */
import type { QuestionnaireDefinition } from '../monitor/questionnaires/model.js';
import { canonicalOrder } from './canonical.js';
import { estimateGroup, type GroupEstimates, type Respondent } from './estimates/compute.js';
import { builtinIndicators } from './indicators/builtin.js';
import { type CompiledIndicator, compileIndicator, type IndicatorInput } from './indicators/model.js';
import { schemes } from './weighting/scheme.js';
import {
  type PopulationCell,
  type WeightingOptions,
  type WeightingResult,
  weight,
} from './weighting/weighting.js';

export interface GroupResults<R extends Respondent = Respondent> {
  targetGroup: string;
  /** The respondents in the run's canonical order (the order of the weights). */
  ordered: R[];
  weighting: WeightingResult;
  /** The group's indicators as compiled for this run. */
  indicators: CompiledIndicator[];
  estimates: GroupEstimates;
}

/** A target group without a weighting scheme (organisation policy) is not computed here yet. */
export const weightedGroups = Object.keys(schemes);

export function computeGroup<R extends Respondent>(input: {
  targetGroup: string;
  questionnaire: QuestionnaireDefinition;
  respondents: readonly R[];
  population: readonly PopulationCell[];
  indicators?: readonly IndicatorInput[];
  weighting?: WeightingOptions;
  /** The wave's year (fieldwork start), for indicators such as "code updated within 4 years". */
  waveYear?: number;
}): GroupResults<R> {
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
    .map((i) =>
      compileIndicator(i, input.questionnaire, input.waveYear ? { wave_year: String(input.waveYear) } : {}),
    );
  return {
    targetGroup: input.targetGroup,
    ordered: rows,
    weighting,
    indicators,
    estimates: estimateGroup(rows, weighting, indicators),
  };
}
