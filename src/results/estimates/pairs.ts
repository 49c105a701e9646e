/**
 * The group comparisons a run tests for one indicator (pure): the indicator's own comparisons (e.g.
 * vrouw − man) and every other pair of groups of each one-variable breakdown, so the comparison page
 * can show any two groups with the verdict stored in the run. All of them are one Holm family per
 * indicator (./compute.ts), so a difference is significant everywhere or nowhere.
 */
import type { Design } from '../../stats/design.js';
import { pnorm, qnorm } from '../../stats/distributions.js';
import { domainMean } from '../../stats/estimate.js';
import type { DataTable } from '../../stats/table.js';
import { domainCovariance } from '../../stats/variance.js';
import type { IndicatorDefinition } from '../indicators/model.js';

export interface Pair {
  variable: string;
  from: string;
  to: string;
}

const unordered = (p: Pair) =>
  `${p.variable}|${[p.from, p.to].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('|')}`;

/**
 * `levels(variable)`: the groups of a variable present among the respondents, in a stable order.
 * Defined comparisons come first and keep their direction; other pairs are `to − from` in level order.
 */
export function comparisonsOf(
  definition: IndicatorDefinition,
  levels: (variable: string) => string[],
): Pair[] {
  const out: Pair[] = [];
  const seen = new Set<string>();
  const add = (p: Pair) => {
    if (p.from === p.to || seen.has(unordered(p))) return;
    seen.add(unordered(p));
    out.push(p);
  };
  for (const c of definition.comparisons) add(c);
  for (const b of definition.breakdowns) {
    if (b.length !== 1) continue;
    const variable = b[0]!;
    const ls = levels(variable);
    for (let i = 0; i < ls.length; i++)
      for (let j = i + 1; j < ls.length; j++) add({ variable, from: ls[i]!, to: ls[j]! });
  }
  return out;
}

/** The stored comparison of two groups, oriented as `b − a` (negated when stored as `a − b`). */
export function orientComparison<
  C extends Pair & { difference: number | null; ci: [number | null, number | null] },
>(comparisons: readonly C[], variable: string, a: string, b: string): C | undefined {
  const same = comparisons.find((c) => c.variable === variable && c.from === a && c.to === b);
  if (same) return same;
  const flipped = comparisons.find((c) => c.variable === variable && c.from === b && c.to === a);
  if (!flipped) return undefined;
  const neg = (x: number | null) => (x === null ? null : -x);
  return {
    ...flipped,
    from: a,
    to: b,
    difference: neg(flipped.difference),
    ci: [neg(flipped.ci[1]), neg(flipped.ci[0])],
  };
}

export const PAIR_TEST =
  'svyby(~y, ~group, design, svymean, covmat = TRUE) + svycontrast; Wald z, Holm-corrected per indicator';

export interface PairTest extends Pair {
  estimate: number;
  se: number;
  ci: [number, number];
  p: number;
  n: number;
}

/**
 * Every pair's difference of one 0/1 variable between groups of `variable`, from one covariance
 * matrix of the groups' domain means (R `svyby(covmat = TRUE)` + `svycontrast`): with the influence
 * values z_g of each group's mean, Var(m_b − m_a) = V_aa + V_bb − 2 V_ab. On a calibrated design this
 * is, up to rounding, what `difference` in src/stats computes for each pair on its own (a calibrated
 * design keeps every row, so the subset to two groups changes nothing), at the cost of one
 * covariance for all pairs instead of one per pair. Uncalibrated designs return [] (the subset
 * decides which strata count there; use `difference`).
 */
export function pairTests(
  design: Design,
  table: DataTable,
  variable: string,
  valueColumn: string,
  pairs: readonly Pair[],
  confidence: number,
): PairTest[] {
  if (!design.calibration || pairs.length === 0) return [];
  const bf = table.factor(variable);
  const yf = table.factor(valueColumn);
  const one = yf.levels.indexOf('1');
  const wanted = [...new Set(pairs.flatMap((p) => [p.from, p.to]))];
  const groups = wanted
    .map((level) => {
      const code = bf.levels.indexOf(level);
      const rows: number[] = [];
      if (code >= 0)
        for (let i = 0; i < table.rows; i++) if (bf.codes[i] === code && yf.codes[i]! >= 0) rows.push(i);
      return { level, rows: Int32Array.from(rows) };
    })
    .filter((g) => g.rows.length > 0);
  const all = new Int32Array(groups.reduce((a, g) => a + g.rows.length, 0));
  const z: Float64Array[] = [];
  const means: number[] = [];
  let offset = 0;
  for (const g of groups) {
    const y = Float64Array.from(g.rows, (i) => (yf.codes[i] === one ? 1 : 0));
    const m = domainMean(design, g.rows, y);
    means.push(m.estimate);
    const zg = new Float64Array(all.length);
    g.rows.forEach((i, r) => {
      zg[offset + r] = ((y[r]! - m.estimate) * design.weights[i]!) / m.weightSum;
    });
    all.set(g.rows, offset);
    offset += g.rows.length;
    z.push(zg);
  }
  const k = groups.length;
  const v = domainCovariance(design, all, z);
  const index = new Map(groups.map((g, j) => [g.level, j]));
  const q = qnorm(1 - (1 - confidence) / 2);
  const out: PairTest[] = [];
  for (const p of pairs) {
    const a = index.get(p.from);
    const b = index.get(p.to);
    if (a === undefined || b === undefined) continue;
    const est = means[b]! - means[a]!;
    const se = Math.sqrt(Math.max(0, v[a * k + a]! + v[b * k + b]! - 2 * v[a * k + b]!));
    out.push({
      ...p,
      estimate: est,
      se,
      ci: [est - q * se, est + q * se],
      p: 2 * pnorm(-Math.abs(est / se)),
      n: groups[a]!.rows.length + groups[b]!.rows.length,
    });
  }
  return out;
}
