import type { Calibration } from './calibration-types.js';
import { designError } from './errors.js';
import { type CategoricalInput, type NumericInput, toFactor, toNumeric } from './factor.js';

/** R's options(survey.lonely.psu): what a stratum with a single PSU contributes to the variance. */
export type LonelyPsu = 'fail' | 'adjust' | 'average' | 'remove' | 'certainty';

export interface DesignInput {
  /** Number of rows (respondents). */
  rows: number;
  strata?: CategoricalInput;
  /** Primary sampling units; without them every row is its own PSU. */
  cluster?: CategoricalInput;
  /** Sampling weights; without them 1, or N_h / n_h when fpc is given (as R svydesign). */
  weights?: NumericInput;
  /** Population size of the stratum (≥ 1), or the sampling fraction (all ≤ 1), per row. */
  fpc?: NumericInput;
  lonelyPsu?: LonelyPsu;
  /** PSU labels repeat across strata (PSU 1, 2, … in every stratum): R's nest = TRUE. */
  nest?: boolean;
}

/**
 * A one-stage stratified cluster design, indexed for fast domain estimation: rows map to PSUs, PSUs to
 * strata. `calibrated` mirrors R: a calibrated design keeps every row when subset (weight 0), which
 * changes a few counts R derives from the subset (see docs/stats.md).
 */
export interface Design {
  rows: number;
  weights: Float64Array;
  stratumOf: Int32Array;
  psuOf: Int32Array;
  psuStratum: Int32Array;
  nPsu: number;
  nStrata: number;
  strataLabels: string[];
  /** PSUs per stratum in the whole sample (R's fpc$sampsize). */
  stratumPsus: Int32Array;
  /** PSU ids of each stratum. */
  psusOfStratum: Int32Array[];
  /** Finite population factor (N_h − n_h) / N_h, 1 without fpc. */
  stratumFpc: Float64Array;
  lonelyPsu: LonelyPsu;
  calibration?: Calibration;
}

/** Builds a design like R `svydesign(ids, strata, weights, fpc, nest = FALSE)`, with R's input checks. */
export function makeDesign(input: DesignInput): Design {
  const n = input.rows;
  const strata = input.strata ? toFactor(input.strata) : undefined;
  const cluster = input.cluster ? toFactor(input.cluster) : undefined;
  const stratumOf = new Int32Array(n);
  let strataLabels = ['1'];
  if (strata) {
    checkLength(strata.codes.length, n, 'strata');
    for (let i = 0; i < n; i++) {
      const c = strata.codes[i]!;
      if (c < 0) throw designError(`missing value in strata (row ${i + 1})`);
      stratumOf[i] = c;
    }
    strataLabels = strata.levels;
  }
  const nStrata = strataLabels.length;
  const psuOf = new Int32Array(n);
  let nPsu: number;
  if (cluster) {
    checkLength(cluster.codes.length, n, 'cluster');
    for (let i = 0; i < n; i++) {
      const c = cluster.codes[i]!;
      if (c < 0) throw designError(`missing value in cluster (row ${i + 1})`);
      psuOf[i] = c;
    }
    nPsu = cluster.levels.length;
    if (nPsu <= 1 && !(input.nest && strata)) throw designError('design has only one primary sampling unit');
    if (input.nest) nPsu = nestInStrata(psuOf, stratumOf, cluster.levels.length);
  } else {
    for (let i = 0; i < n; i++) psuOf[i] = i;
    nPsu = n;
  }
  if (nPsu <= 1) throw designError('design has only one primary sampling unit');
  const psuStratum = new Int32Array(nPsu).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = psuOf[i]!;
    const h = stratumOf[i]!;
    if (psuStratum[p] === -1) psuStratum[p] = h;
    else if (psuStratum[p] !== h) {
      throw designError(
        `clusters are not nested in strata: PSU ${cluster?.levels[p] ?? p + 1} occurs in several strata (set design.nest when PSU labels repeat across strata)`,
      );
    }
  }
  const stratumPsus = new Int32Array(nStrata);
  for (let p = 0; p < nPsu; p++) if (psuStratum[p]! >= 0) stratumPsus[psuStratum[p]!]!++;
  const psusOfStratum = Array.from({ length: nStrata }, (_, h) => new Int32Array(stratumPsus[h]!));
  const fill = new Int32Array(nStrata);
  for (let p = 0; p < nPsu; p++) {
    const h = psuStratum[p]!;
    if (h >= 0) psusOfStratum[h]![fill[h]!++] = p;
  }
  const stratumFpc = new Float64Array(nStrata).fill(1);
  let popSize: Float64Array | undefined;
  if (input.fpc) {
    popSize = stratumPopulation(toNumeric(input.fpc), stratumOf, stratumPsus, n, nStrata);
    for (let h = 0; h < nStrata; h++) {
      const N = popSize[h]!;
      stratumFpc[h] = N === Number.POSITIVE_INFINITY ? 1 : (N - stratumPsus[h]!) / N;
    }
  }
  const weights = new Float64Array(n);
  if (input.weights) {
    const w = toNumeric(input.weights);
    checkLength(w.length, n, 'weights');
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(w[i]!)) throw designError(`missing value in weights (row ${i + 1})`);
      weights[i] = w[i]!;
    }
  } else if (popSize) {
    for (let i = 0; i < n; i++) weights[i] = popSize[stratumOf[i]!]! / stratumPsus[stratumOf[i]!]!;
  } else weights.fill(1);
  return {
    rows: n,
    weights,
    stratumOf,
    psuOf,
    psuStratum,
    nPsu,
    nStrata,
    strataLabels,
    stratumPsus,
    psusOfStratum,
    stratumFpc,
    lonelyPsu: input.lonelyPsu ?? 'fail',
  };
}

/** Renumbers PSUs as (stratum, label) pairs; returns their count. */
function nestInStrata(psuOf: Int32Array, stratumOf: Int32Array, nLabels: number): number {
  const ids = new Map<number, number>();
  for (let i = 0; i < psuOf.length; i++) {
    const key = stratumOf[i]! * nLabels + psuOf[i]!;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    psuOf[i] = id;
  }
  return ids.size;
}

function checkLength(actual: number, expected: number, what: string): void {
  if (actual !== expected) throw designError(`${what} has ${actual} values for ${expected} rows`);
}

/** Population size per stratum from per-row fpc values: sizes when any is > 1, else sampling fractions. */
function stratumPopulation(
  fpc: Float64Array,
  stratumOf: Int32Array,
  stratumPsus: Int32Array,
  n: number,
  nStrata: number,
): Float64Array {
  checkLength(fpc.length, n, 'fpc');
  let anyBig = false;
  let allAtLeastOne = true;
  for (let i = 0; i < n; i++) {
    const v = fpc[i]!;
    if (Number.isNaN(v)) throw designError(`missing value in fpc (row ${i + 1})`);
    if (v > 1) anyBig = true;
    if (v < 1) allAtLeastOne = false;
  }
  if (anyBig !== allAtLeastOne)
    throw designError('fpc must be all population sizes (≥ 1) or all sampling fractions (≤ 1)');
  const pop = new Float64Array(nStrata).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const h = stratumOf[i]!;
    if (Number.isNaN(pop[h]!)) pop[h] = anyBig ? fpc[i]! : stratumPsus[h]! / fpc[i]!;
  }
  for (let h = 0; h < nStrata; h++) {
    if (pop[h]! < stratumPsus[h]!)
      throw designError(`fpc implies more than 100% sampling in stratum ${h + 1}`);
  }
  return pop;
}

/** Design degrees of freedom of a domain (R degf): PSUs with weight minus strata with weight. */
export function domainDegf(design: Design, rows: ArrayLike<number>): number {
  const psuSeen = new Uint8Array(design.nPsu);
  const stratumSeen = new Uint8Array(design.nStrata);
  let psus = 0;
  let strata = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    if (design.weights[i] === 0) continue;
    const p = design.psuOf[i]!;
    if (!psuSeen[p]) {
      psuSeen[p] = 1;
      psus++;
    }
    const h = design.stratumOf[i]!;
    if (!stratumSeen[h]) {
      stratumSeen[h] = 1;
      strata++;
    }
  }
  return psus - strata;
}
