/**
 * Weighting of one target group of a wave (pure): a stratified design from the frame (strata from the
 * scheme, fpc = the frame count of the stratum, base weight N_h / n_h), raked with src/stats to the
 * frame's population margins, optionally with trimming of the adjustment factors and re-raking. The
 * same input gives the same weights to the last bit (no randomness, a fixed order of operations).
 */

import { AppError } from '../../platform/errors.js';
import { type Design, type Margin, makeDesign, rake } from '../../stats/index.js';
import { type WeightingReport, weightingReport } from './report.js';
import { categoryOf, lacksAny, type MarginSpec, type WeightingScheme } from './scheme.js';

export interface PopulationCell {
  strata: Readonly<Record<string, string | null>>;
  n: number;
}

export interface WeightingOptions {
  /** R rake() epsilon (relative to the sum of weights below 1); default 1e-10. */
  epsilon?: number;
  maxit?: number;
  /** Bounds on the adjustment factor g = final / base weight; trimmed and re-raked until they hold. */
  trim?: { lower: number; upper: number; maxRounds?: number };
}

export interface AppliedMargin {
  name: string;
  variables: string[];
  /** Population total per category, from the frame. */
  totals: Record<string, number>;
  /** The category of each respondent. */
  values: string[];
}

export interface WeightingResult {
  rows: number;
  stratum: string[];
  /** Population size of each respondent's stratum (the fpc). */
  fpc: Float64Array;
  baseWeights: Float64Array;
  /** The weights the final raking starts from: the base weights, or the trimmed weights of the last round. */
  startWeights: Float64Array;
  finalWeights: Float64Array;
  margins: AppliedMargin[];
  dropped: Array<{ name: string; reason: string }>;
  epsilon: number;
  maxit: number;
  report: WeightingReport;
}

function fail(nl: string, en: string): AppError {
  return new AppError('stats-calibration', { detail: { nl, en } });
}

function totalsOf(population: readonly PopulationCell[], vars: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of population) {
    const k = categoryOf(c.strata, vars);
    out[k] = (out[k] ?? 0) + c.n;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Which margins apply, with their totals and respondents' categories; clear errors for what cannot be met. */
export function applyMargins(
  respondents: ReadonlyArray<Readonly<Record<string, string>>>,
  population: readonly PopulationCell[],
  specs: readonly MarginSpec[],
): { margins: AppliedMargin[]; dropped: Array<{ name: string; reason: string }> } {
  const margins: AppliedMargin[] = [];
  const dropped: Array<{ name: string; reason: string }> = [];
  for (const spec of specs) {
    const unknown = population.filter((c) => lacksAny(c.strata, spec.variables)).reduce((a, c) => a + c.n, 0);
    if (spec.optional && unknown > 0) {
      dropped.push({ name: spec.name, reason: `${unknown} frame persons lack ${spec.variables.join(', ')}` });
      continue;
    }
    const totals = totalsOf(population, spec.variables);
    const values = respondents.map((r) => categoryOf(r, spec.variables));
    const seen = new Set(values);
    for (const [category, total] of Object.entries(totals))
      if (total > 0 && !seen.has(category))
        throw fail(
          `Weging kan niet: in marge ${spec.name} heeft categorie "${category}" ${total} personen in het kader maar geen respondenten. Voeg categorieën samen of laat de marge weg.`,
          `cannot weight: margin ${spec.name}, category "${category}" has ${total} frame persons but no respondents`,
        );
    for (const category of seen)
      if (!(category in totals))
        throw fail(
          `Weging kan niet: respondenten in categorie "${category}" van marge ${spec.name} staan niet in het kader.`,
          `cannot weight: respondents in category "${category}" of margin ${spec.name} are not in the frame`,
        );
    margins.push({ name: spec.name, variables: spec.variables, totals, values });
  }
  return { margins, dropped };
}

const statsMargins = (margins: AppliedMargin[]): Margin[] =>
  margins.map((m) => ({ name: m.name, values: m.values, totals: m.totals }));

/** The stratified design of the respondents with given weights (strata and fpc from the frame). */
export function designWith(
  result: Pick<WeightingResult, 'rows' | 'stratum' | 'fpc'>,
  weights: Float64Array,
): Design {
  return makeDesign({
    rows: result.rows,
    strata: result.stratum,
    fpc: result.fpc,
    weights,
    lonelyPsu: 'adjust',
  });
}

/** The calibrated design the estimates use: rake from the start weights, as R would from design.json. */
export function calibratedDesign(result: WeightingResult): Design {
  if (result.margins.length === 0) return designWith(result, result.startWeights);
  return rake(designWith(result, result.startWeights), statsMargins(result.margins), {
    epsilon: result.epsilon,
    maxit: result.maxit,
  });
}

export function weight(
  respondents: ReadonlyArray<Readonly<Record<string, string>>>,
  population: readonly PopulationCell[],
  scheme: WeightingScheme,
  options: WeightingOptions = {},
): WeightingResult {
  const rows = respondents.length;
  if (rows === 0) throw fail('Er zijn geen respondenten om te wegen.', 'no respondents to weight');
  const epsilon = options.epsilon ?? 1e-10;
  const maxit = options.maxit ?? 100;
  const stratum = respondents.map((r) => categoryOf(r, scheme.strata));
  const N = totalsOf(population, scheme.strata);
  const n = new Map<string, number>();
  for (const s of stratum) n.set(s, (n.get(s) ?? 0) + 1);
  const fpc = new Float64Array(rows);
  const baseWeights = new Float64Array(rows);
  stratum.forEach((s, i) => {
    const Nh = N[s];
    if (!Nh) throw fail(`Stratum ${s} staat niet in het kader.`, `stratum ${s} is not in the frame`);
    if (n.get(s)! > Nh)
      throw fail(
        `Stratum ${s} heeft meer respondenten dan het kader.`,
        `stratum ${s} has more respondents than frame persons`,
      );
    fpc[i] = Nh;
    baseWeights[i] = scheme.unweighted ? 1 : Nh / n.get(s)!;
  });
  const { margins, dropped } = applyMargins(respondents, population, scheme.margins);
  const partial = { rows, stratum, fpc };
  const raked = (start: Float64Array) =>
    margins.length === 0
      ? start
      : rake(designWith(partial, start), statsMargins(margins), { epsilon, maxit }).weights;
  let startWeights = baseWeights;
  let finalWeights = raked(startWeights);
  let rounds = 0;
  let boundsHold = true;
  if (options.trim && margins.length > 0) {
    const { lower, upper } = options.trim;
    if (!(lower > 0 && lower <= 1 && upper >= 1))
      throw fail(
        'Kies trimgrenzen met 0 < onder ≤ 1 ≤ boven.',
        'trimming bounds must satisfy 0 < lower ≤ 1 ≤ upper',
      );
    const maxRounds = options.trim.maxRounds ?? 50;
    const outside = (w: Float64Array) =>
      w.some((x, i) => x / baseWeights[i]! < lower * (1 - 1e-9) || x / baseWeights[i]! > upper * (1 + 1e-9));
    while (outside(finalWeights) && rounds < maxRounds) {
      rounds++;
      startWeights = finalWeights.map(
        (x, i) => Math.min(upper, Math.max(lower, x / baseWeights[i]!)) * baseWeights[i]!,
      );
      finalWeights = raked(startWeights);
    }
    boundsHold = !outside(finalWeights);
  }
  const report = weightingReport({
    stratum,
    baseWeights,
    finalWeights,
    margins,
    dropped,
    epsilon,
    maxit,
    trim: options.trim ? { ...options.trim, rounds, boundsHold } : undefined,
  });
  return {
    rows,
    stratum,
    fpc,
    baseWeights,
    startWeights,
    finalWeights,
    margins,
    dropped,
    epsilon,
    maxit,
    report,
  };
}
