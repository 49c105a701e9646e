import type { Calibration, LinearCalibration, PostStratification, Raking } from './calibration-types.js';
import { modelColumns } from './calibration-types.js';
import type { Design } from './design.js';

/**
 * R svyrecvar's calibration step: before PSU totals, an influence is replaced by its residual from the
 * calibration (postStrata). The domain part stays on the domain rows; what spreads over all rows is
 * added to the PSU totals `tot` (nPsu × k) from per-PSU sums precomputed at calibration time.
 */
export function addCalibrationResiduals(
  cal: Calibration,
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  tot: Float64Array,
): void {
  if (cal.kind === 'poststratify') postStratResiduals(cal, design, rows, z, tot);
  else if (cal.kind === 'raking') rakingResiduals(cal, design, rows, z, tot);
  else linearResiduals(cal, design, rows, z, tot);
}

/** R: x − psw · (Σ x oldw / psw) / Σ oldw within each post-stratum. */
function postStratResiduals(
  cal: PostStratification,
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  tot: Float64Array,
): void {
  const k = z.length;
  const K = cal.nCat;
  const means = new Float64Array(K * k);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const c = cal.cat[i]!;
    const psw = cal.psw[i] === 0 && cal.oldw[i] === 0 ? 1 : cal.psw[i]!;
    const f = cal.oldw[i]! / psw;
    for (let j = 0; j < k; j++) means[c * k + j]! += z[j]![r]! * f;
  }
  for (let c = 0; c < K; c++)
    for (let j = 0; j < k; j++) means[c * k + j] = means[c * k + j]! / cal.oldwSum[c]!;
  for (let p = 0; p < design.nPsu; p++) {
    for (let c = 0; c < K; c++) {
      const s = cal.psuPsw[p * K + c]!;
      if (s === 0) continue;
      for (let j = 0; j < k; j++) tot[p * k + j]! -= means[c * k + j]! * s;
    }
  }
}

/**
 * R's raking residuals: ten sweeps of x ← x − psw_m · ave(x / psw_m, margin m). The influence stays
 * "sparse domain part + Σ_m psw_m · c_m[category]", so each sweep only updates the small vectors c_m.
 */
function rakingResiduals(
  cal: Raking,
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  tot: Float64Array,
): void {
  const k = z.length;
  const M = cal.margins.length;
  const base = cal.margins.map((m) => new Float64Array(m.nCat * k));
  for (let j = 0; j < M; j++) {
    const m = cal.margins[j]!;
    const b = base[j]!;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const c = m.cat[i]!;
      const inv = 1 / m.psw[i]!;
      for (let q = 0; q < k; q++) b[c * k + q]! += z[q]![r]! * inv;
    }
  }
  const coef = cal.margins.map((m) => new Float64Array(m.nCat * k));
  for (let sweep = 0; sweep < 10; sweep++) {
    for (let j = 0; j < M; j++) {
      const mj = cal.margins[j]!;
      const Kj = mj.nCat;
      const avg = new Float64Array(base[j]!);
      for (let m = 0; m < M; m++) {
        const Km = cal.margins[m]!.nCat;
        const cross = cal.cross[j]![m]!;
        const cm = coef[m]!;
        for (let a = 0; a < Kj; a++) {
          for (let b = 0; b < Km; b++) {
            const s = cross[a * Km + b]!;
            if (s === 0) continue;
            for (let q = 0; q < k; q++) avg[a * k + q]! += s * cm[b * k + q]!;
          }
        }
      }
      const cj = coef[j]!;
      for (let a = 0; a < Kj; a++) {
        const n = mj.count[a]!;
        for (let q = 0; q < k; q++) cj[a * k + q]! -= avg[a * k + q]! / n;
      }
    }
  }
  for (let m = 0; m < M; m++) {
    const mm = cal.margins[m]!;
    const K = mm.nCat;
    const cm = coef[m]!;
    for (let p = 0; p < design.nPsu; p++) {
      for (let c = 0; c < K; c++) {
        const s = mm.psuPsw[p * K + c]!;
        if (s === 0) continue;
        for (let q = 0; q < k; q++) tot[p * k + q]! += s * cm[c * k + q]!;
      }
    }
  }
}

/** R's GREG residuals: x − g w0 m'β with β = (M'W0M)^-1 Σ m x / g. */
function linearResiduals(
  cal: LinearCalibration,
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  tot: Float64Array,
): void {
  const k = z.length;
  const p = cal.p;
  const xty = new Float64Array(p * k);
  const cols: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const nc = modelColumns(cal, i, cols);
    const inv = 1 / cal.g[i]!;
    for (let c = 0; c < nc; c++) {
      const col = cols[c]!;
      for (let q = 0; q < k; q++) xty[col * k + q]! += z[q]![r]! * inv;
    }
  }
  const beta = new Float64Array(p * k);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      const s = cal.inverse[a * p + b]!;
      for (let q = 0; q < k; q++) beta[a * k + q]! += s * xty[b * k + q]!;
    }
  }
  for (let ps = 0; ps < design.nPsu; ps++) {
    for (let a = 0; a < p; a++) {
      const s = cal.psuGwm[ps * p + a]!;
      if (s === 0) continue;
      for (let q = 0; q < k; q++) tot[ps * k + q]! -= s * beta[a * k + q]!;
    }
  }
}
