import type { Design } from './design.js';
import { pchisq, pf } from './distributions.js';
import { type Factor, sortedLevelCodes, usedLevels } from './factor.js';
import { invert, matmul, transpose } from './linalg.js';
import { KahanSum } from './summation.js';
import { domainCovariance } from './variance.js';

export type ChisqStatistic = 'F' | 'Chisq';

export type ChisqResult =
  | { statistic: number; ndf: number; ddf: number; p: number }
  | { statistic: number; df: number; p: number };

/**
 * Rao–Scott adjusted Pearson test of independence in a two-way table, as R `svychisq(~a + b, design,
 * statistic = "F" | "Chisq")`: Pearson's X² of the weighted table scaled to the sample size, with the
 * design effect matrix Δ of the interaction contrasts; "F" divides by tr(Δ) and uses d0 = tr(Δ)²/tr(Δ²)
 * and d0 × design df, "Chisq" divides by the mean eigenvalue.
 */
export function svychisq(design: Design, a: Factor, b: Factor, statistic: ChisqStatistic): ChisqResult {
  const ra = sortedLevelCodes(a, usedLevels(a));
  const cb = sortedLevelCodes(b, usedLevels(b));
  const nr = ra.length;
  const nc = cb.length;
  const rowIndex = new Int32Array(a.levels.length).fill(-1);
  ra.forEach((code, i) => {
    rowIndex[code] = i;
  });
  const colIndex = new Int32Array(b.levels.length).fill(-1);
  cb.forEach((code, j) => {
    colIndex[code] = j;
  });
  const rows: number[] = [];
  const cellOf: number[] = [];
  for (let i = 0; i < design.rows; i++) {
    const x = a.codes[i]!;
    const y = b.codes[i]!;
    if (x < 0 || y < 0) continue;
    rows.push(i);
    cellOf.push(rowIndex[x]! + nr * colIndex[y]!);
  }
  const k = nr * nc;
  const N = design.rows;
  const w = design.weights;
  const cellW = Array.from({ length: k }, () => new KahanSum());
  const total = new KahanSum();
  rows.forEach((i, r) => {
    cellW[cellOf[r]!]!.add(w[i]!);
    total.add(w[i]!);
  });
  const psum = total.value;
  const prop = cellW.map((s) => s.value / psum);
  const z = Array.from({ length: k }, () => new Float64Array(rows.length));
  rows.forEach((i, r) => {
    for (let c = 0; c < k; c++) z[c]![r] = (((cellOf[r] === c ? 1 : 0) - prop[c]!) * w[i]!) / psum;
  });
  const V = domainCovariance(design, rows, z);
  const pearson = pearsonX2(
    cellW.map((s) => (s.value * N) / psum),
    nr,
    nc,
  );
  const q = (nr - 1) * (nc - 1);
  const C = new Float64Array(k * q);
  for (let i = 1; i < nr; i++) {
    for (let j = 1; j < nc; j++) {
      const col = i - 1 + (nr - 1) * (j - 1);
      for (let r = 0; r < nr; r++) {
        for (let c = 0; c < nc; c++)
          C[(r + nr * c) * q + col] = ((r === i ? 1 : 0) - 1 / nr) * ((c === j ? 1 : 0) - 1 / nc);
      }
    }
  }
  const iD = prop.map((p) => (p === 0 ? 0 : 1 / p));
  const Ct = transpose(C, k, q);
  const scaledC = new Float64Array(k * q);
  for (let r = 0; r < k; r++) for (let c = 0; c < q; c++) scaledC[r * q + c] = C[r * q + c]! * iD[r]!;
  const denom = matmul(Ct, scaledC, q, k, q).map((x) => x / N);
  const numr = matmul(transpose(scaledC, k, q), matmul(V, scaledC, k, k, q), q, k, q);
  const inv = invert(denom, q);
  const delta = inv ? matmul(inv, numr, q, q, q) : new Float64Array(q * q).fill(Number.NaN);
  let tr = 0;
  for (let i = 0; i < q; i++) tr += delta[i * q + i]!;
  const d2 = matmul(delta, delta, q, q, q);
  let tr2 = 0;
  for (let i = 0; i < q; i++) tr2 += d2[i * q + i]!;
  const nu = designDf(design);
  if (statistic === 'F') {
    const f = pearson / tr;
    const d0 = (tr * tr) / tr2;
    return { statistic: f, ndf: d0, ddf: d0 * nu, p: pf(f, d0, d0 * nu, false) };
  }
  return { statistic: pearson, df: q, p: pchisq(pearson / (tr / q), q, false) };
}

/** Pearson's X² of an nr × nc table (cells ordered with rows fastest), as chisq.test(correct = FALSE). */
function pearsonX2(cells: number[], nr: number, nc: number): number {
  const rs = new Array<number>(nr).fill(0);
  const cs = new Array<number>(nc).fill(0);
  let n = 0;
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      rs[r]! += cells[r + nr * c]!;
      cs[c]! += cells[r + nr * c]!;
      n += cells[r + nr * c]!;
    }
  }
  let x2 = 0;
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const e = (rs[r]! * cs[c]!) / n;
      x2 += (cells[r + nr * c]! - e) ** 2 / e;
    }
  }
  return x2;
}

/** Design df of the whole design (R: PSUs − strata over every row). */
function designDf(design: Design): number {
  const psus = new Uint8Array(design.nPsu);
  const strata = new Uint8Array(design.nStrata);
  let np = 0;
  let ns = 0;
  for (let i = 0; i < design.rows; i++) {
    if (!psus[design.psuOf[i]!]) {
      psus[design.psuOf[i]!] = 1;
      np++;
    }
    if (!strata[design.stratumOf[i]!]) {
      strata[design.stratumOf[i]!] = 1;
      ns++;
    }
  }
  return np - ns;
}
