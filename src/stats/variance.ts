import { addCalibrationResiduals } from './calibration-residuals.js';
import type { Design } from './design.js';
import { designError } from './errors.js';

/**
 * Covariance matrix (k × k, row-major) of estimators with the given influence values, as R survey's
 * svyrecvar for a one-stage design: calibration residuals first (g-weights + residuals, R's postStrata),
 * then PSU totals centred within strata, scaled by f_h n_h / (n_h − 1), with R's lonely-PSU rules.
 *
 * `rows` lists the domain rows and `z[j][r]` the influence of column j at rows[r]; every other row has
 * influence 0 (R's domain estimation: the design keeps all its PSUs).
 */
export function domainCovariance(
  design: Design,
  rows: ArrayLike<number>,
  z: Float64Array[],
  /** Rows of R's subset design when it is wider than the domain (svyby): decides which strata count. */
  subsetRows?: ArrayLike<number>,
): Float64Array {
  const k = z.length;
  const sc = scratchFor(design, k);
  const { tot, touched, list, strataSeen } = sc;
  const psuOf = design.psuOf;
  const stratumOf = design.stratumOf;
  let nList = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const p = psuOf[i]!;
    if (!touched[p]) {
      touched[p] = 1;
      list[nList++] = p;
    }
    strataSeen[stratumOf[i]!] = 1;
    if (k === 1) tot[p]! += z[0]![r]!;
    else for (let j = 0; j < k; j++) tot[p * k + j]! += z[j]![r]!;
  }
  if (subsetRows) for (let r = 0; r < subsetRows.length; r++) strataSeen[stratumOf[subsetRows[r]!]!] = 1;
  const cal = design.calibration;
  if (cal) {
    // A calibrated design keeps every row (R sets prob = Inf outside the domain), so every PSU and
    // stratum takes part and calibration residuals spread the influence over all of them: visit every
    // PSU in its stratum's order (no list of touched ones to build).
    addCalibrationResiduals(cal, design, rows, z, tot);
    for (let q = 0; q < nList; q++) touched[list[q]!] = 0;
    try {
      return everyPsuCovariance(design, tot, k);
    } finally {
      tot.fill(0, 0, design.nPsu * k);
      strataSeen.fill(0);
    }
  }
  try {
    return stratifiedCovariance(design, sc, k, nList);
  } finally {
    // leave the scratch clean for the next domain: only what was touched
    for (let q = 0; q < nList; q++) {
      const p = list[q]!;
      touched[p] = 0;
      for (let j = 0; j < k; j++) tot[p * k + j] = 0;
    }
    strataSeen.fill(0);
  }
}

/** Per-design work arrays, reused across domains: allocating them per estimate cost more than the sums. */
interface Scratch {
  k: number;
  tot: Float64Array;
  touched: Uint8Array;
  list: Int32Array;
  strataSeen: Uint8Array;
  mean: Float64Array;
  count: Int32Array;
}

const scratches = new WeakMap<Design, Scratch>();

function scratchFor(design: Design, k: number): Scratch {
  let sc = scratches.get(design);
  if (!sc || sc.k < k) {
    sc = {
      k,
      tot: new Float64Array(design.nPsu * k),
      touched: new Uint8Array(design.nPsu),
      list: new Int32Array(design.nPsu),
      strataSeen: new Uint8Array(design.nStrata),
      mean: new Float64Array(design.nStrata * k),
      count: new Int32Array(design.nStrata),
    };
    scratches.set(design, sc);
  }
  return sc;
}

/**
 * Σ_h f_h n_h/(n_h − 1) Σ_PSU (t − t̄_h)(t − t̄_h)', visiting only PSUs with a non-zero total: the others
 * (total 0) add (n_h − touched_h) t̄_h t̄_h'. Lonely PSUs as R's survey.lonely.psu.
 */
function stratifiedCovariance(design: Design, sc: Scratch, k: number, nList: number): Float64Array {
  const { tot, list, strataSeen, mean, count } = sc;
  const v = new Float64Array(k * k);
  mean.fill(0, 0, design.nStrata * k);
  count.fill(0);
  for (let q = 0; q < nList; q++) {
    const p = list[q]!;
    const h = design.psuStratum[p]!;
    count[h]!++;
    for (let j = 0; j < k; j++) mean[h * k + j]! += tot[p * k + j]!;
  }
  let nStrata = 0;
  let okStrata = 0;
  const use = new Uint8Array(design.nStrata);
  const scale = new Float64Array(design.nStrata);
  for (let h = 0; h < design.nStrata; h++) {
    if (!strataSeen[h]) continue;
    nStrata++;
    const f = design.stratumFpc[h]!;
    const nh = design.stratumPsus[h]!;
    if (f < 1e-7) {
      okStrata++;
      continue;
    }
    if (nh === 1) {
      const lonely = design.lonelyPsu;
      if (lonely === 'fail') {
        throw designError(
          `stratum ${design.strataLabels[h]} has only one PSU; set design.lonely_psu (adjust, average, remove, certainty)`,
        );
      }
      if (lonely === 'average') continue;
      okStrata++;
      // remove and certainty: the PSU centred on itself contributes 0; adjust: centred on the grand mean
      if (lonely === 'adjust') {
        const m = mean.subarray(h * k, h * k + k);
        for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v[a * k + b]! += f * m[a]! * m[b]!;
      }
      continue;
    }
    okStrata++;
    use[h] = 1;
    scale[h] = (f * nh) / (nh - 1);
    for (let j = 0; j < k; j++) mean[h * k + j] = mean[h * k + j]! / nh;
    const untouched = nh - count[h]!;
    if (untouched > 0) {
      const c = untouched * scale[h]!;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) v[a * k + b]! += c * mean[h * k + a]! * mean[h * k + b]!;
    }
  }
  for (let q = 0; q < nList; q++) {
    const p = list[q]!;
    const h = design.psuStratum[p]!;
    if (!use[h]) continue;
    const sh = scale[h]!;
    if (k === 1) {
      const d = tot[p]! - mean[h]!;
      v[0]! += sh * d * d;
      continue;
    }
    for (let a = 0; a < k; a++) {
      const da = (tot[p * k + a]! - mean[h * k + a]!) * sh;
      for (let b = 0; b < k; b++) v[a * k + b]! += da * (tot[p * k + b]! - mean[h * k + b]!);
    }
  }
  // R: sum over strata with a variance × nstrat / nokstrat (NaN when every stratum was a lonely 'average')
  if (okStrata < nStrata) for (let j = 0; j < v.length; j++) v[j] = (v[j]! * nStrata) / okStrata;
  return v;
}

/**
 * stratifiedCovariance when every PSU takes part (a calibrated design): Σ_h f_h n_h/(n_h − 1)
 * Σ_{p ∈ h} (t_p − t̄_h)(t_p − t̄_h)', the PSUs of each stratum in order, with R's lonely-PSU rules.
 */
function everyPsuCovariance(design: Design, tot: Float64Array, k: number): Float64Array {
  const v = new Float64Array(k * k);
  const m = new Float64Array(k);
  let okStrata = 0;
  const nStrata = design.nStrata;
  for (let h = 0; h < nStrata; h++) {
    const f = design.stratumFpc[h]!;
    const nh = design.stratumPsus[h]!;
    const psus = design.psusOfStratum[h]!;
    if (f < 1e-7) {
      okStrata++;
      continue;
    }
    m.fill(0);
    for (let q = 0; q < psus.length; q++) {
      const o = psus[q]! * k;
      for (let j = 0; j < k; j++) m[j]! += tot[o + j]!;
    }
    if (nh === 1) {
      const lonely = design.lonelyPsu;
      if (lonely === 'fail') {
        throw designError(
          `stratum ${design.strataLabels[h]} has only one PSU; set design.lonely_psu (adjust, average, remove, certainty)`,
        );
      }
      if (lonely === 'average') continue;
      okStrata++;
      if (lonely === 'adjust')
        for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v[a * k + b]! += f * m[a]! * m[b]!;
      continue;
    }
    okStrata++;
    for (let j = 0; j < k; j++) m[j] = m[j]! / nh;
    const sh = (f * nh) / (nh - 1);
    if (k === 1) {
      const m0 = m[0]!;
      let ss = 0;
      for (let q = 0; q < psus.length; q++) {
        const d = tot[psus[q]!]! - m0;
        ss += d * d;
      }
      v[0]! += sh * ss;
      continue;
    }
    if (k === 2) {
      const m0 = m[0]!;
      const m1 = m[1]!;
      let s00 = 0;
      let s01 = 0;
      let s11 = 0;
      for (let q = 0; q < psus.length; q++) {
        const o = psus[q]! * 2;
        const d0 = tot[o]! - m0;
        const d1 = tot[o + 1]! - m1;
        s00 += d0 * d0;
        s01 += d0 * d1;
        s11 += d1 * d1;
      }
      v[0]! += sh * s00;
      v[1]! += sh * s01;
      v[2]! += sh * s01;
      v[3]! += sh * s11;
      continue;
    }
    // symmetric: the upper triangle, mirrored below
    const d = new Float64Array(k);
    for (let q = 0; q < psus.length; q++) {
      const o = psus[q]! * k;
      for (let a = 0; a < k; a++) d[a] = tot[o + a]! - m[a]!;
      for (let a = 0; a < k; a++) {
        const da = d[a]! * sh;
        if (da === 0) continue;
        const row = a * k;
        for (let b = a; b < k; b++) v[row + b]! += da * d[b]!;
      }
    }
  }
  // k > 2 summed the upper triangle only (lonely PSUs add symmetric terms to both)
  if (k > 2) for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) v[a * k + b] = v[b * k + a]!;
  if (okStrata < nStrata) for (let j = 0; j < v.length; j++) v[j] = (v[j]! * nStrata) / okStrata;
  return v;
}
