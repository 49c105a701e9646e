/**
 * The group comparisons a run tests for one indicator (pure): the indicator's own comparisons (e.g.
 * vrouw − man) and every other pair of groups of each one-variable breakdown, so the comparison page
 * can show any two groups with the verdict stored in the run. All of them are one Holm family per
 * indicator (./compute.ts), so a difference is significant everywhere or nowhere.
 */
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
export function comparisonsOf(definition: IndicatorDefinition, levels: (variable: string) => string[]): Pair[] {
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
