import type { Design } from './design.js';
import { KahanSum } from './summation.js';
import { domainCovariance } from './variance.js';

/** A design-based estimate of one domain. Numbers R cannot compute (0/0, x/0) are null. */
export interface DomainEstimate {
  estimate: number;
  variance: number;
  se: number;
  /** R's deff = TRUE: design variance over the variance of simple random sampling without replacement. */
  deff: number | null;
  /** Rows in the domain with a value. */
  n: number;
  /** Σ weights over those rows. */
  weightSum: number;
}

export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Weighted mean over `rows`; y[r] is the value at rows[r] (R `svymean(~y, subset(design, domain), deff = TRUE)`): the influence
 * (y − ȳ) w / Σw on the domain rows and 0 elsewhere, so all strata and PSUs keep counting.
 */
export function domainMean(
  design: Design,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  /** Another influence at `rows` whose variance is wanted too (one pass over the PSUs for both). */
  alongside?: Float64Array,
): DomainEstimate & { alongsideVariance?: number } {
  const w = design.weights;
  // Kahan sums inlined (branch-free; weights are positive): this loop runs once per domain and item
  let sw = 0;
  let cw = 0;
  let swy = 0;
  let cwy = 0;
  for (let r = 0; r < rows.length; r++) {
    const wi = w[rows[r]!]!;
    const a = wi - cw;
    const t = sw + a;
    cw = t - sw - a;
    sw = t;
    const b = wi * y[r]! - cwy;
    const u = swy + b;
    cwy = u - swy - b;
    swy = u;
  }
  const psum = sw;
  const mean = swy / psum;
  // one pass for the influence values and R's svyvar of the centred values (deff)
  const z = influenceScratch(rows.length);
  let nobs = 0;
  let swd = 0;
  let swd2 = 0;
  let cwd2 = 0;
  for (let r = 0; r < rows.length; r++) {
    const wi = w[rows[r]!]!;
    const d = y[r]! - mean;
    z[r] = (d * wi) / psum;
    if (wi !== 0) nobs++;
    swd += wi * d;
    const x = wi * d * d - cwd2;
    const t = swd2 + x;
    cwd2 = t - swd2 - x;
    swd2 = t;
  }
  const cov = domainCovariance(design, rows, alongside ? [z, alongside] : [z]);
  const variance = cov[0]!;
  // Σ w (d − d̄)² = Σ w d² − (Σ w d)² / Σ w, and Σ w d is rounding-level small here
  const s2 = (((swd2 - (swd * swd) / psum) / psum) * nobs) / (nobs - 1);
  const vsrs = psum < nobs ? Number.NaN : (s2 * (psum - nobs)) / (psum * nobs);
  return {
    estimate: mean,
    variance,
    se: Math.sqrt(variance),
    deff: finiteOrNull(variance / vsrs),
    n: rows.length,
    weightSum: psum,
    ...(alongside ? { alongsideVariance: cov[3]! } : {}),
  };
}

let zScratch = new Float64Array(1024);

/** A reused buffer for influence values: domainCovariance reads them and keeps nothing. */
function influenceScratch(n: number): Float64Array {
  if (zScratch.length < n) zScratch = new Float64Array(Math.max(n, 2 * zScratch.length));
  return zScratch.subarray(0, n);
}

/** Weighted total of y over `rows` (R `svytotal(~y, subset(design, domain), deff = TRUE)`). */
export function domainTotal(design: Design, rows: ArrayLike<number>, y: ArrayLike<number>): DomainEstimate {
  const w = design.weights;
  const sw = new KahanSum();
  const swy = new KahanSum();
  const z = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    sw.add(w[i]!);
    z[r] = w[i]! * y[r]!;
    swy.add(z[r]!);
  }
  const N = sw.value;
  const variance = domainCovariance(design, rows, [z])[0]!;
  const { s2, nobs } = weightedVariance(design, rows, y, swy.value / N);
  const vsrs = (s2 * N * N * (N - nobs)) / (N * nobs);
  return {
    estimate: swy.value,
    variance,
    se: Math.sqrt(variance),
    deff: finiteOrNull(variance / vsrs),
    n: rows.length,
    weightSum: N,
  };
}

/**
 * R svyvar of the (centred) variable in the domain: Σ w (x − x̄)² / Σ w · n / (n − 1), n = rows with a
 * non-zero weight. The input is centred at `center` first, exactly as svymean passes it to svyvar.
 */
function weightedVariance(
  design: Design,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  center: number,
): { s2: number; nobs: number } {
  const w = design.weights;
  let nobs = 0;
  let sw = 0;
  let cw = 0;
  let swx = 0;
  let cwx = 0;
  for (let r = 0; r < rows.length; r++) {
    const wi = w[rows[r]!]!;
    if (wi !== 0) nobs++;
    let t = sw + wi;
    cw += Math.abs(sw) >= Math.abs(wi) ? sw - t + wi : wi - t + sw;
    sw = t;
    const x = wi * (y[r]! - center);
    t = swx + x;
    cwx += Math.abs(swx) >= Math.abs(x) ? swx - t + x : x - t + swx;
    swx = t;
  }
  const wsum = sw + cw;
  const xbar = (swx + cwx) / wsum;
  let ss = 0;
  let cs = 0;
  for (let r = 0; r < rows.length; r++) {
    const d = y[r]! - center - xbar;
    const x = w[rows[r]!]! * d * d;
    const t = ss + x;
    cs += Math.abs(ss) >= Math.abs(x) ? ss - t + x : x - t + ss;
    ss = t;
  }
  return { s2: (((ss + cs) / wsum) * nobs) / (nobs - 1), nobs };
}
