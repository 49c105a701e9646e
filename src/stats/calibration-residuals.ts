import type {
  Calibration,
  LinearCalibration,
  PostStratification,
  Raking,
  RakingMargin,
} from './calibration-types.js';
import { modelColumns } from './calibration-types.js';
import type { Design } from './design.js';

/**
 * R svyrecvar's calibration step: before PSU totals, an influence is replaced by its residual from the
 * calibration (postStrata). The domain part stays on the domain rows; what spreads over all rows is
 * added to the PSU totals from per-PSU sums precomputed at calibration time. Two steps, so a batch of
 * domains can collect its sums in one pass over the rows: accumulate (per row, into a few sums per
 * category or model column), then spread (per domain, into the PSU totals).
 */
export function addCalibrationResiduals(
  cal: Calibration,
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  tot: Float64Array,
): void {
  const k = z.length;
  const acc = new Float64Array(accumulatorSize(cal) * k);
  const cols: number[] = [];
  for (let r = 0; r < rows.length; r++) accumulateRow(cal, rows[r]!, z, r, k, acc, 0, cols);
  spreadResiduals(cal, design, acc, k, tot, 0);
}

/** Sums per column of z: post-strata, margin categories, or model columns. */
export function accumulatorSize(cal: Calibration): number {
  if (cal.kind === 'poststratify') return cal.nCat;
  if (cal.kind === 'raking') return cal.margins.reduce((s, m) => s + m.nCat, 0);
  return cal.p;
}

/** Adds row i (influence z[q][r], q < k) to the sums at acc[off …]. */
export function accumulateRow(
  cal: Calibration,
  i: number,
  z: Float64Array[],
  r: number,
  k: number,
  acc: Float64Array,
  off: number,
  cols: number[],
): void {
  if (cal.kind === 'poststratify') {
    const psw = cal.psw[i] === 0 && cal.oldw[i] === 0 ? 1 : cal.psw[i]!;
    const f = cal.oldw[i]! / psw;
    const base = off + cal.cat[i]! * k;
    for (let q = 0; q < k; q++) acc[base + q]! += z[q]![r]! * f;
  } else if (cal.kind === 'raking') {
    let start = off;
    for (const m of cal.margins) {
      const base = start + m.cat[i]! * k;
      const inv = 1 / m.psw[i]!;
      for (let q = 0; q < k; q++) acc[base + q]! += z[q]![r]! * inv;
      start += m.nCat * k;
    }
  } else {
    const nc = modelColumns(cal, i, cols);
    const inv = 1 / cal.g[i]!;
    for (let c = 0; c < nc; c++) {
      const base = off + cols[c]! * k;
      for (let q = 0; q < k; q++) acc[base + q]! += z[q]![r]! * inv;
    }
  }
}

/** Adds the spread part of the residuals to the PSU totals tot[totOff + p * k + q]. */
export function spreadResiduals(
  cal: Calibration,
  design: Design,
  acc: Float64Array,
  k: number,
  tot: Float64Array,
  totOff: number,
): void {
  if (cal.kind === 'poststratify') postStratSpread(cal, design, acc, k, tot, totOff);
  else if (cal.kind === 'raking') rakingSpread(cal, design, acc, k, tot, totOff);
  else linearSpread(cal, design, acc, k, tot, totOff);
}

/** R: x − psw · (Σ x oldw / psw) / Σ oldw within each post-stratum. */
function postStratSpread(
  cal: PostStratification,
  design: Design,
  acc: Float64Array,
  k: number,
  tot: Float64Array,
  off: number,
): void {
  const K = cal.nCat;
  const means = new Float64Array(K * k);
  for (let c = 0; c < K; c++)
    for (let j = 0; j < k; j++) means[c * k + j] = acc[c * k + j]! / cal.oldwSum[c]!;
  for (let p = 0; p < design.nPsu; p++) {
    for (let c = 0; c < K; c++) {
      const s = cal.psuPsw[p * K + c]!;
      if (s === 0) continue;
      for (let j = 0; j < k; j++) tot[off + p * k + j]! -= means[c * k + j]! * s;
    }
  }
}

/**
 * R's raking residuals: ten sweeps of x ← x − psw_m · ave(x / psw_m, margin m). The influence stays
 * "sparse domain part + Σ_m psw_m · c_m[category]", so each sweep only updates the small vectors c_m.
 */
function rakingSpread(
  cal: Raking,
  design: Design,
  acc: Float64Array,
  k: number,
  tot: Float64Array,
  off: number,
): void {
  const M = cal.margins.length;
  // the ten sweeps are linear in the sums: apply their matrix, made once per calibration
  const { matrix, size } = rakingOperator(cal);
  const all = new Float64Array(size * k);
  for (let g = 0; g < size; g++) {
    const row = g * size;
    for (let h = 0; h < size; h++) {
      const s = matrix[row + h]!;
      if (s === 0) continue;
      for (let q = 0; q < k; q++) all[g * k + q]! += s * acc[h * k + q]!;
    }
  }
  const coef: Float64Array[] = [];
  let start = 0;
  for (const m of cal.margins) {
    coef.push(all.subarray(start, start + m.nCat * k));
    start += m.nCat * k;
  }
  for (let m = 0; m < M; m++) {
    const cm = coef[m]!;
    // the same sums as over every PSU × category, visiting only the non-zero ones (usually one per PSU)
    const { start: ps, cat, psw, onePerPsu } = sparsePsuPsw(cal.margins[m]!, design.nPsu);
    if (k <= 2 && onePerPsu) {
      // one entry per PSU (one-stage designs): entry p is PSU p
      if (k === 1) for (let p = 0; p < design.nPsu; p++) tot[off + p]! += psw[p]! * cm[cat[p]!]!;
      else
        for (let p = 0; p < design.nPsu; p++) {
          const s = psw[p]!;
          const c = cat[p]! * 2;
          const o = off + p * 2;
          tot[o]! += s * cm[c]!;
          tot[o + 1]! += s * cm[c + 1]!;
        }
      continue;
    }
    for (let p = 0; p < design.nPsu; p++) {
      for (let e = ps[p]!; e < ps[p + 1]!; e++) {
        const s = psw[e]!;
        const c = cat[e]!;
        for (let q = 0; q < k; q++) tot[off + p * k + q]! += s * cm[c * k + q]!;
      }
    }
  }
}

const operators = new WeakMap<Raking, { matrix: Float64Array; size: number }>();

/**
 * R's raking residuals as a matrix over all margin categories (size Σ nCat): ten sweeps of
 * c_j ← c_j − (b_j + Σ_m cross_jm c_m) / count_j, starting from c = 0, applied to each unit vector b.
 * The sweeps are linear in b, so coef = matrix · b for any sums b.
 */
function rakingOperator(cal: Raking): { matrix: Float64Array; size: number } {
  const known = operators.get(cal);
  if (known) return known;
  const M = cal.margins.length;
  const offsets: number[] = [];
  let size = 0;
  for (const m of cal.margins) {
    offsets.push(size);
    size += m.nCat;
  }
  const matrix = new Float64Array(size * size);
  const coef = new Float64Array(size);
  const avg = new Float64Array(size);
  for (let unit = 0; unit < size; unit++) {
    coef.fill(0);
    for (let sweep = 0; sweep < 10; sweep++) {
      for (let j = 0; j < M; j++) {
        const mj = cal.margins[j]!;
        const Kj = mj.nCat;
        const oj = offsets[j]!;
        for (let a = 0; a < Kj; a++) avg[oj + a] = oj + a === unit ? 1 : 0;
        for (let m = 0; m < M; m++) {
          const Km = cal.margins[m]!.nCat;
          const om = offsets[m]!;
          const cross = cal.cross[j]![m]!;
          for (let a = 0; a < Kj; a++)
            for (let b = 0; b < Km; b++) {
              const s = cross[a * Km + b]!;
              if (s !== 0) avg[oj + a]! += s * coef[om + b]!;
            }
        }
        for (let a = 0; a < Kj; a++) coef[oj + a]! -= avg[oj + a]! / mj.count[a]!;
      }
    }
    for (let g = 0; g < size; g++) matrix[g * size + unit] = coef[g]!;
  }
  const out = { matrix, size };
  operators.set(cal, out);
  return out;
}

interface SparsePsuPsw {
  /** Entries of PSU p: start[p] … start[p + 1] − 1. */
  start: Int32Array;
  cat: Int32Array;
  psw: Float64Array;
  /** Every PSU has exactly one entry (one-stage designs): entry p belongs to PSU p. */
  onePerPsu: boolean;
}
const sparseCache = new WeakMap<RakingMargin, SparsePsuPsw>();

/** The non-zero entries of a margin's PSU × category sums in PSU order (made once per calibration). */
function sparsePsuPsw(margin: RakingMargin, nPsu: number): SparsePsuPsw {
  const cached = sparseCache.get(margin);
  if (cached) return cached;
  const K = margin.nCat;
  const start = new Int32Array(nPsu + 1);
  let n = 0;
  for (let i = 0; i < nPsu * K; i++) if (margin.psuPsw[i] !== 0) n++;
  const cat = new Int32Array(n);
  const psw = new Float64Array(n);
  let e = 0;
  for (let p = 0; p < nPsu; p++) {
    start[p] = e;
    for (let c = 0; c < K; c++) {
      const s = margin.psuPsw[p * K + c]!;
      if (s === 0) continue;
      cat[e] = c;
      psw[e++] = s;
    }
  }
  start[nPsu] = e;
  let onePerPsu = true;
  for (let p = 0; p < nPsu && onePerPsu; p++) onePerPsu = start[p + 1]! - start[p]! === 1;
  const out = { start, cat, psw, onePerPsu };
  sparseCache.set(margin, out);
  return out;
}

/** R's GREG residuals: x − g w0 m'β with β = (M'W0M)^-1 Σ m x / g. */
function linearSpread(
  cal: LinearCalibration,
  design: Design,
  acc: Float64Array,
  k: number,
  tot: Float64Array,
  off: number,
): void {
  const p = cal.p;
  const beta = new Float64Array(p * k);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      const s = cal.inverse[a * p + b]!;
      for (let q = 0; q < k; q++) beta[a * k + q]! += s * acc[b * k + q]!;
    }
  }
  for (let ps = 0; ps < design.nPsu; ps++) {
    for (let a = 0; a < p; a++) {
      const s = cal.psuGwm[ps * p + a]!;
      if (s === 0) continue;
      for (let q = 0; q < k; q++) tot[off + ps * k + q]! -= s * beta[a * k + q]!;
    }
  }
}
