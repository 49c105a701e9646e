import type { LinearCalibration, RakingMargin } from './calibration-types.js';
import { modelColumns } from './calibration-types.js';
import type { Design } from './design.js';
import { calibrationError } from './errors.js';
import { type CategoricalInput, toFactor } from './factor.js';
import { invert } from './linalg.js';
import { SumArray } from './summation.js';

/** A population margin: a categorical column and the population total of each of its categories. */
export interface Margin {
  name: string;
  values: CategoricalInput;
  totals: Record<string, number>;
}

interface CodedMargin {
  name: string;
  cat: Int32Array;
  labels: string[];
  totals: Float64Array;
}

/** Maps each row to the index of its category in `totals`, with clear errors for what cannot be met. */
function codeMargin(design: Design, margin: Margin): CodedMargin {
  const f = toFactor(margin.values);
  const labels = Object.keys(margin.totals);
  const totals = Float64Array.from(labels.map((l) => margin.totals[l]!));
  const pos = new Map(labels.map((l, i) => [l, i]));
  const levelToCat = f.levels.map((l) => pos.get(l) ?? -1);
  const cat = new Int32Array(design.rows);
  for (let i = 0; i < design.rows; i++) {
    const c = f.codes[i]!;
    if (c < 0)
      throw calibrationError(
        `margin ${margin.name}: missing value in row ${i + 1}; every row needs a category`,
      );
    const k = levelToCat[c]!;
    if (k < 0) {
      throw calibrationError(
        `margin ${margin.name}: category "${f.levels[c]}" occurs in the data but has no population total`,
      );
    }
    cat[i] = k;
  }
  return { name: margin.name, cat, labels, totals };
}

function weightedTotals(cat: Int32Array, w: Float64Array, nCat: number): Float64Array {
  const s = new SumArray(nCat);
  for (let i = 0; i < cat.length; i++) s.add(cat[i]!, w[i]!);
  return s.values();
}

/** One post-stratification step (R postStratify): new weights, or an error for an impossible category. */
function postStratifyWeights(
  m: CodedMargin,
  w: Float64Array,
): { weights: Float64Array; sample: Float64Array } {
  const K = m.labels.length;
  const sample = weightedTotals(m.cat, w, K);
  const factor = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    const pop = m.totals[c]!;
    const smp = sample[c]!;
    if (smp === 0 && pop !== 0) {
      throw calibrationError(
        `margin ${m.name}: category "${m.labels[c]}" has population total ${pop} but no respondents`,
      );
    }
    if (pop === 0 && smp !== 0)
      throw calibrationError(
        `margin ${m.name}: category "${m.labels[c]}" has respondents but population total 0`,
      );
    factor[c] = smp === 0 ? 1 : pop / smp;
  }
  const weights = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) weights[i] = 1 / (1 / w[i]! / factor[m.cat[i]!]!);
  return { weights, sample };
}

function psuCategorySums(design: Design, cat: Int32Array, nCat: number, w: Float64Array): Float64Array {
  const out = new Float64Array(design.nPsu * nCat);
  for (let i = 0; i < design.rows; i++) out[design.psuOf[i]! * nCat + cat[i]!]! += w[i]!;
  return out;
}

/** R `postStratify(design, ~v, population)`. */
export function postStratify(design: Design, margin: Margin): Design {
  if (design.calibration) throw calibrationError('the design is already calibrated');
  const m = codeMargin(design, margin);
  const { weights } = postStratifyWeights(m, design.weights);
  const K = m.labels.length;
  return {
    ...design,
    weights,
    calibration: {
      kind: 'poststratify',
      cat: m.cat,
      nCat: K,
      oldw: design.weights,
      psw: weights,
      oldwSum: weightedTotals(m.cat, design.weights, K),
      psuPsw: psuCategorySums(design, m.cat, K, weights),
    },
  };
}

function checkConsistentTotals(margins: CodedMargin[]): void {
  const sums = margins.map((m) => m.totals.reduce((a, b) => a + b, 0));
  for (let j = 1; j < sums.length; j++) {
    if (Math.abs(sums[j]! - sums[0]!) > 1e-8 * Math.abs(sums[0]!)) {
      throw calibrationError(
        `margin totals disagree: ${margins[0]!.name} sums to ${sums[0]}, ${margins[j]!.name} to ${sums[j]}`,
      );
    }
  }
}

export interface RakeOptions {
  /** Below 1: relative to the sum of the weights (as R). Default 1e-10. */
  epsilon?: number;
  maxit?: number;
}

/**
 * R `rake()`: post-stratify to each margin in turn until the joint weighted table of all margin
 * variables changes by less than epsilon; same stopping rule as R so the weights agree to the last digits.
 */
export function rake(design: Design, margins: Margin[], options: RakeOptions = {}): Design {
  if (design.calibration) throw calibrationError('the design is already calibrated');
  const coded = margins.map((m) => codeMargin(design, m));
  checkConsistentTotals(coded);
  const eps0 = options.epsilon ?? 1e-10;
  const maxit = options.maxit ?? 200;
  let w = design.weights;
  let wsum = 0;
  for (let i = 0; i < w.length; i++) wsum += w[i]!;
  const epsilon = eps0 < 1 ? eps0 * wsum : eps0;
  const joint = jointCells(coded, design.rows);
  let oldTable = weightedTotals(joint.cell, w, joint.nCells);
  let snapshots: Float64Array[] = [];
  let converged = false;
  let iter = 0;
  while (iter < maxit) {
    snapshots = [];
    for (const m of coded) {
      w = postStratifyWeights(m, w).weights;
      snapshots.push(w);
    }
    const table = weightedTotals(joint.cell, w, joint.nCells);
    let delta = 0;
    for (let c = 0; c < table.length; c++) delta = Math.max(delta, Math.abs(table[c]! - oldTable[c]!));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    oldTable = table;
    iter++;
  }
  if (!converged) throw calibrationError(`raking did not converge in ${maxit} iterations (epsilon ${eps0})`);
  // IPF on margins that no weights can meet settles into a cycle whose table stops changing: check
  for (const m of coded) {
    const got = weightedTotals(m.cat, w, m.labels.length);
    m.totals.forEach((t, c) => {
      if (Math.abs(got[c]! - t) > 1e-6 * Math.max(1, Math.abs(t))) {
        throw calibrationError(
          `raking cannot meet the margins: ${m.name} "${m.labels[c]}" ends at ${got[c]} instead of ${t} (categories of different margins coincide in the sample)`,
        );
      }
    });
  }
  const rm: RakingMargin[] = coded.map((m, j) => {
    const K = m.labels.length;
    const count = new Float64Array(K);
    for (let i = 0; i < design.rows; i++) count[m.cat[i]!]!++;
    return {
      cat: m.cat,
      nCat: K,
      psw: snapshots[j]!,
      count,
      psuPsw: psuCategorySums(design, m.cat, K, snapshots[j]!),
    };
  });
  const cross = rm.map((mj) =>
    rm.map((mm) => {
      const out = new Float64Array(mj.nCat * mm.nCat);
      for (let i = 0; i < design.rows; i++)
        out[mj.cat[i]! * mm.nCat + mm.cat[i]!]! += mm.psw[i]! / mj.psw[i]!;
      return out;
    }),
  );
  return { ...design, weights: w, calibration: { kind: 'raking', margins: rm, cross } };
}

/** Compact ids of the combinations of margin categories present (R compares the full cross table). */
function jointCells(margins: CodedMargin[], rows: number): { cell: Int32Array; nCells: number } {
  const cell = new Int32Array(rows);
  const ids = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    let key = 0;
    for (const m of margins) key = key * m.labels.length + m.cat[i]!;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    cell[i] = id;
  }
  return { cell, nCells: ids.size };
}

/**
 * R `calibrate(design, ~a + b, population, calfun = "linear")` (GREG): g = 1 + m'λ with
 * λ = (M'WM)^-1 (population − sample totals). The model matrix spans the same space as R's intercept +
 * treatment dummies, so weights and residuals are the same.
 */
export function calibrateLinear(design: Design, margins: Margin[]): Design {
  if (design.calibration) throw calibrationError('the design is already calibrated');
  const coded = margins.map((m) => codeMargin(design, m));
  checkConsistentTotals(coded);
  const offsets: number[] = [];
  let p = 0;
  for (let m = 0; m < coded.length; m++) {
    offsets.push(p);
    p += m === 0 ? coded[m]!.labels.length : coded[m]!.labels.length - 1;
  }
  const pop = new Float64Array(p);
  coded.forEach((m, j) => {
    for (let c = j === 0 ? 0 : 1; c < m.labels.length; c++)
      pop[offsets[j]! + (j === 0 ? c : c - 1)] = m.totals[c]!;
  });
  const shell: LinearCalibration = {
    kind: 'linear',
    cats: coded.map((m) => m.cat),
    offsets,
    p,
    g: new Float64Array(design.rows),
    w0: design.weights,
    inverse: new Float64Array(0),
    psuGwm: new Float64Array(0),
  };
  const t = new Float64Array(p * p);
  const sample = new SumArray(p);
  const cols: number[] = [];
  for (let i = 0; i < design.rows; i++) {
    const w = design.weights[i]!;
    const nc = modelColumns(shell, i, cols);
    for (let a = 0; a < nc; a++) {
      sample.add(cols[a]!, w);
      for (let b = 0; b < nc; b++) t[cols[a]! * p + cols[b]!]! += w;
    }
  }
  coded.forEach((m) => {
    const present = weightedTotals(m.cat, design.weights, m.labels.length);
    present.forEach((s, c) => {
      if (s === 0) throw calibrationError(`margin ${m.name}: category "${m.labels[c]}" has no respondents`);
    });
  });
  const inverse = invert(t, p);
  if (!inverse) throw calibrationError('the calibration margins are collinear (singular calibration system)');
  const diff = new Float64Array(p);
  for (let a = 0; a < p; a++) diff[a] = pop[a]! - sample.get(a);
  const lambda = new Float64Array(p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) lambda[a]! += inverse[a * p + b]! * diff[b]!;
  const weights = new Float64Array(design.rows);
  const psuGwm = new Float64Array(design.nPsu * p);
  for (let i = 0; i < design.rows; i++) {
    const nc = modelColumns(shell, i, cols);
    let g = 1;
    for (let a = 0; a < nc; a++) g += lambda[cols[a]!]!;
    shell.g[i] = g;
    weights[i] = 1 / (1 / design.weights[i]! / g);
    const gw = g * design.weights[i]!;
    for (let a = 0; a < nc; a++) psuGwm[design.psuOf[i]! * p + cols[a]!]! += gw;
  }
  return { ...design, weights, calibration: { ...shell, inverse, psuGwm } };
}
