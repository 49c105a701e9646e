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
export function domainMean(design: Design, rows: ArrayLike<number>, y: ArrayLike<number>): DomainEstimate {
  const w = design.weights;
  const sw = new KahanSum();
  const swy = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    sw.add(w[i]!);
    swy.add(w[i]! * y[r]!);
  }
  const psum = sw.value;
  const mean = swy.value / psum;
  const z = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    z[r] = ((y[r]! - mean) * w[i]!) / psum;
  }
  const variance = domainCovariance(design, rows, [z])[0]!;
  const { s2, nobs } = weightedVariance(design, rows, y, mean);
  const vsrs = psum < nobs ? Number.NaN : (s2 * (psum - nobs)) / (psum * nobs);
  return {
    estimate: mean,
    variance,
    se: Math.sqrt(variance),
    deff: finiteOrNull(variance / vsrs),
    n: rows.length,
    weightSum: psum,
  };
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
  const sw = new KahanSum();
  const swx = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    if (w[i] !== 0) nobs++;
    sw.add(w[i]!);
    swx.add(w[i]! * (y[r]! - center));
  }
  const xbar = swx.value / sw.value;
  const ss = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const d = y[r]! - center - xbar;
    ss.add(w[i]! * d * d);
  }
  return { s2: ((ss.value / sw.value) * nobs) / (nobs - 1), nobs };
}
