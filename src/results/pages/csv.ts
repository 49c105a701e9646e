/**
 * An indicator table as CSV (src/platform/csv writes it): one line per cell, machine-readable column
 * names, proportions as decimals (not rounded), the Holm-corrected verdict and the footnote codes.
 */
import { formatCsv } from '../../platform/csv/csv.js';
import type { Lang } from '../../platform/errors.js';
import { groupText } from '../labels.js';
import type { IndicatorTable } from './table.js';

export const csvColumns = [
  'indicator',
  'version',
  'breakdown',
  'group',
  'group_label',
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

/** `all` is the label of the row of all respondents in `lang` (the language of the labels). */
export function indicatorCsv(table: IndicatorTable, lang: Lang = 'nl', all = 'Alle respondenten'): string {
  const rows = table.rows.map((r) => {
    const keys = Object.keys(r.by).sort();
    return [
      table.indicator,
      String(table.version),
      r.breakdown.join('+'),
      keys.map((k) => `${k}=${r.by[k]}`).join('&'),
      groupText(lang, r.by, all),
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
