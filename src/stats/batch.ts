import { accumulateRow, accumulatorSize, spreadResiduals } from './calibration-residuals.js';
import type { Design } from './design.js';
import { designError } from './errors.js';
import { type DomainEstimate, finiteOrNull } from './estimate.js';

/**
 * Means of one variable in every domain of a breakdown at once: two sequential passes over the rows
 * instead of one scattered gather per domain, with a PSU-total table per domain (domains × PSUs) and,
 * for a calibrated design, the calibration sums per domain. Same formulas and summation order as
 * domainMean, so the same numbers; the caller falls back to domainMean when the table would be large
 * (designs without clusters).
 */
export function batchedDomainMeans(
  design: Design,
  domainOf: Int32Array,
  nDomains: number,
  y: Float64Array,
): (DomainEstimate | undefined)[] {
  const n = design.rows;
  const w = design.weights;
  const psuOf = design.psuOf;
  const stratumOf = design.stratumOf;
  const nPsu = design.nPsu;
  const nStrata = design.nStrata;
  const sw = new Float64Array(nDomains);
  const cw = new Float64Array(nDomains);
  const swy = new Float64Array(nDomains);
  const cwy = new Float64Array(nDomains);
  const count = new Int32Array(nDomains);
  for (let i = 0; i < n; i++) {
    const d = domainOf[i]!;
    const yi = y[i]!;
    if (d < 0 || Number.isNaN(yi)) continue;
    const wi = w[i]!;
    const a = wi - cw[d]!;
    const t = sw[d]! + a;
    cw[d] = t - sw[d]! - a;
    sw[d] = t;
    const b = wi * yi - cwy[d]!;
    const u = swy[d]! + b;
    cwy[d] = u - swy[d]! - b;
    swy[d] = u;
    count[d]!++;
  }
  const mean = new Float64Array(nDomains);
  for (let d = 0; d < nDomains; d++) mean[d] = swy[d]! / sw[d]!;
  const tot = new Float64Array(nDomains * nPsu);
  const seen = new Uint8Array(nDomains * nStrata);
  const nobs = new Int32Array(nDomains);
  const swd = new Float64Array(nDomains);
  const swd2 = new Float64Array(nDomains);
  const cwd2 = new Float64Array(nDomains);
  const cal = design.calibration;
  const accSize = cal ? accumulatorSize(cal) : 0;
  const acc = new Float64Array(nDomains * accSize);
  const zOne = [new Float64Array(1)];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = domainOf[i]!;
    const yi = y[i]!;
    if (d < 0 || Number.isNaN(yi)) continue;
    const wi = w[i]!;
    const dd = yi - mean[d]!;
    const zi = (dd * wi) / sw[d]!;
    tot[d * nPsu + psuOf[i]!]! += zi;
    if (cal) {
      zOne[0]![0] = zi;
      accumulateRow(cal, i, zOne, 0, 1, acc, d * accSize, cols);
    }
    seen[d * nStrata + stratumOf[i]!] = 1;
    if (wi !== 0) nobs[d]!++;
    swd[d]! += wi * dd;
    const x = wi * dd * dd - cwd2[d]!;
    const t = swd2[d]! + x;
    cwd2[d] = t - swd2[d]! - x;
    swd2[d] = t;
  }
  const out: (DomainEstimate | undefined)[] = [];
  for (let d = 0; d < nDomains; d++) {
    if (count[d] === 0) {
      out.push(undefined);
      continue;
    }
    const psum = sw[d]!;
    const domainSeen = seen.subarray(d * nStrata, (d + 1) * nStrata);
    if (cal) {
      // a calibrated design keeps every row: all strata count, residuals spread over all PSUs
      spreadResiduals(cal, design, acc.subarray(d * accSize, (d + 1) * accSize), 1, tot, d * nPsu);
      domainSeen.fill(1);
    }
    const variance = stratifiedVariance(design, tot, d * nPsu, domainSeen);
    const s2 = (((swd2[d]! - (swd[d]! * swd[d]!) / psum) / psum) * nobs[d]!) / (nobs[d]! - 1);
    const vsrs = psum < nobs[d]! ? Number.NaN : (s2 * (psum - nobs[d]!)) / (psum * nobs[d]!);
    out.push({
      estimate: mean[d]!,
      variance,
      se: Math.sqrt(variance),
      deff: finiteOrNull(variance / vsrs),
      n: count[d]!,
      weightSum: psum,
    });
  }
  return out;
}

/** variance.ts's stratified sum for one column, over every PSU of the strata the domain reaches. */
function stratifiedVariance(design: Design, tot: Float64Array, offset: number, seen: Uint8Array): number {
  let v = 0;
  let nStrata = 0;
  let okStrata = 0;
  for (let h = 0; h < design.nStrata; h++) {
    if (!seen[h]) continue;
    nStrata++;
    const f = design.stratumFpc[h]!;
    const nh = design.stratumPsus[h]!;
    if (f < 1e-7) {
      okStrata++;
      continue;
    }
    const psus = design.psusOfStratum[h]!;
    if (nh === 1) {
      const lonely = design.lonelyPsu;
      if (lonely === 'fail') {
        throw designError(
          `stratum ${design.strataLabels[h]} has only one PSU; set design.lonely_psu (adjust, average, remove, certainty)`,
        );
      }
      if (lonely === 'average') continue;
      okStrata++;
      if (lonely === 'adjust') {
        const t = tot[offset + psus[0]!]!;
        v += f * t * t;
      }
      continue;
    }
    okStrata++;
    let m = 0;
    for (let q = 0; q < psus.length; q++) m += tot[offset + psus[q]!]!;
    m /= nh;
    let ss = 0;
    for (let q = 0; q < psus.length; q++) {
      const dev = tot[offset + psus[q]!]! - m;
      ss += dev * dev;
    }
    v += ((f * nh) / (nh - 1)) * ss;
  }
  return okStrata < nStrata ? (v * nStrata) / okStrata : v;
}
