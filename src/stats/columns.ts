import type { ColumnKind } from './csv.js';
import type { Spec } from './spec.js';

/**
 * Which columns a spec reads and how, so the CSV reader materialises only those: numbers for weights,
 * fpc and mean/total variables, codes for everything grouped or counted. A column used both ways is read
 * as categorical and converted to numbers from its (few) labels.
 */
export function columnsOfSpec(spec: Spec): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  const factor = (n: string | undefined) => {
    if (n) kinds[n] = 'factor';
  };
  const numeric = (n: string | undefined) => {
    if (n && kinds[n] === undefined) kinds[n] = 'numeric';
  };
  const d = spec.design;
  factor(d.strata);
  factor(d.cluster);
  for (const m of spec.calibrate?.margins ?? []) factor(m.variable);
  for (const e of spec.estimates) {
    for (const b of e.by) factor(b);
    if (e.statistic === 'chisq') e.variables.forEach(factor);
    else if (e.statistic === 'proportion') factor(e.variable);
    else if (e.statistic === 'difference') {
      factor(e.between.variable);
      if (e.level !== undefined) factor(e.variable);
    }
  }
  numeric(d.weights);
  numeric(d.fpc);
  for (const e of spec.estimates) {
    if (e.statistic === 'mean' || e.statistic === 'total') numeric(e.variable);
    if (e.statistic === 'difference' && e.level === undefined) numeric(e.variable);
  }
  return kinds;
}
