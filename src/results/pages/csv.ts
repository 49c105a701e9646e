/**
 * An indicator table as CSV (src/platform/csv writes it): one line per cell, machine-readable column
 * names, proportions as decimals (not rounded), the Holm-corrected verdict and the footnote codes.
 */
import { formatCsv } from '../../platform/csv/csv.js';
import type { IndicatorTable } from './table.js';

export const csvColumns = [
  'indicator',
  'version',
  'breakdown',
  'group',
  'estimate',
  'ci_lower',
  'ci_upper',
  'se',
  'n',
  'previous_wave',
  'change',
  'p_holm',
  'significant',
  'test',
  'footnotes',
] as const;

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

export function indicatorCsv(table: IndicatorTable): string {
  const rows = table.rows.map((r) => {
    const keys = Object.keys(r.by).sort();
    return [
      table.indicator,
      String(table.version),
      r.breakdown.join('+'),
      keys.map((k) => `${k}=${r.by[k]}`).join('&'),
      num(r.estimate),
      num(r.ci[0]),
      num(r.ci[1]),
      num(r.se),
      num(r.n),
      r.change?.previousWave ?? '',
      num(r.change?.change),
      num(r.change?.pHolm),
      r.change ? String(r.change.significant) : '',
      r.change?.test ?? '',
      r.footnotes.join(' '),
    ];
  });
  return formatCsv([[...csvColumns], ...rows]);
}
