import type { Design } from './design.js';
import { pnorm, qnorm } from './distributions.js';
import { allRows, type Domain, filterRows } from './domains.js';
import { domainMean } from './estimate.js';
import type { Factor } from './factor.js';
import { byKey, need, nn, type OutputRow } from './output.js';
import type { EstimateSpec } from './spec.js';
import type { DataTable } from './table.js';
import { domainCovariance } from './variance.js';

/** R: svyby(~y, ~between + by, subset(design, ...), svymean, covmat = TRUE) + svycontrast(to − from). */
export function difference(
  design: Design,
  table: DataTable,
  e: Extract<EstimateSpec, { statistic: 'difference' }>,
  domains: Domain[],
  byFactors: Factor[],
  conf: number,
  path: string,
): OutputRow[] {
  const bf = table.factor(need(table, e.between.variable, `${path}.between.variable`));
  const from = bf.levels.indexOf(e.between.from);
  const to = bf.levels.indexOf(e.between.to);
  let value: (i: number) => number;
  if (e.level !== undefined) {
    const f = table.factor(e.variable);
    const code = f.levels.indexOf(e.level);
    value = (i) => (f.codes[i]! < 0 ? Number.NaN : f.codes[i] === code ? 1 : 0);
  } else {
    const y = table.numeric(e.variable);
    value = (i) => y[i]!;
  }
  const z = qnorm(1 - (1 - conf) / 2);
  const keep = (i: number) =>
    (bf.codes[i] === from || bf.codes[i] === to) &&
    !Number.isNaN(value(i)) &&
    byFactors.every((f) => f.codes[i]! >= 0);
  const subset = filterRows(allRows(table.rows), keep);
  const out: OutputRow[] = [];
  for (const d of domains) {
    const rFrom = filterRows(d.rows, (i) => bf.codes[i] === from && !Number.isNaN(value(i)));
    const rTo = filterRows(d.rows, (i) => bf.codes[i] === to && !Number.isNaN(value(i)));
    if (rFrom.length === 0 || rTo.length === 0 || from < 0 || to < 0) continue;
    const mFrom = domainMean(design, rFrom, Float64Array.from(rFrom, value));
    const mTo = domainMean(design, rTo, Float64Array.from(rTo, value));
    const est = mTo.estimate - mFrom.estimate;
    // svycontrast on svyby(covmat = TRUE): the two means share PSUs, so combine their influence functions
    const rows = new Int32Array(rFrom.length + rTo.length);
    rows.set(rFrom);
    rows.set(rTo, rFrom.length);
    const infl = new Float64Array(rows.length);
    rFrom.forEach((i, r) => {
      infl[r] = (-(value(i) - mFrom.estimate) * design.weights[i]!) / mFrom.weightSum;
    });
    rTo.forEach((i, r) => {
      infl[rFrom.length + r] = ((value(i) - mTo.estimate) * design.weights[i]!) / mTo.weightSum;
    });
    const se = Math.sqrt(domainCovariance(design, rows, [infl], subset)[0]!);
    out.push({
      by: byKey(d.key),
      ...(e.level !== undefined ? { level: e.level } : {}),
      estimate: nn(est),
      se: nn(se),
      ci: [nn(est - z * se), nn(est + z * se)],
      p: nn(2 * pnorm(-Math.abs(est / se))),
      n: rFrom.length + rTo.length,
    });
  }
  return out;
}
