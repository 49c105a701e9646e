/**
 * One indicator's table of a run (pure): every breakdown cell with its percentage, 95% interval, n,
 * the change from the previous wave run in Weerbaar with its Holm-corrected verdict, and footnotes;
 * and the indicator's group comparisons. The page, the CSV download and the API use the same rows, so
 * a number or a verdict is the same everywhere.
 */
import type { CellEstimate, ComparisonEstimate, GroupEstimates } from '../estimates/compute.js';
import { cellKey } from '../trends/trend.js';

/** Cells from fewer respondents than this carry the footnote "few respondents" (disclosure control comes later). */
export const FEW_RESPONDENTS = 30;

export type Footnote = 'no-estimate' | 'few-respondents';

export interface TableRow {
  /** The breakdown's variables ([] for all respondents). */
  breakdown: string[];
  by: Record<string, string>;
  estimate: number | null;
  ci: [number | null, number | null];
  se: number | null;
  n: number;
  change?: {
    previousWave: string;
    change: number;
    pHolm: number | null;
    significant: boolean;
    test: string;
  };
  footnotes: Footnote[];
}

export interface IndicatorTable {
  indicator: string;
  version: number;
  rows: TableRow[];
  comparisons: ComparisonEstimate[];
}

const breakdownOf = (c: CellEstimate) => Object.keys(c.by).sort();

export function indicatorTable(group: GroupEstimates, indicator: string): IndicatorTable | undefined {
  const cells = group.cells.filter((c) => c.indicator === indicator);
  if (cells.length === 0) return undefined;
  const trends = new Map((group.trends ?? []).map((t) => [cellKey(t.indicator, t.by), t]));
  const rows = cells.map((c): TableRow => {
    const t = trends.get(cellKey(c.indicator, c.by));
    const footnotes: Footnote[] = [];
    if (c.estimate === null) footnotes.push('no-estimate');
    else if (c.n < FEW_RESPONDENTS) footnotes.push('few-respondents');
    return {
      breakdown: breakdownOf(c),
      by: c.by,
      estimate: c.estimate,
      ci: c.ci,
      se: c.se,
      n: c.n,
      ...(t
        ? {
            change: {
              previousWave: t.previousWave,
              change: t.change,
              pHolm: t.pHolm,
              significant: t.significant,
              test: t.test,
            },
          }
        : {}),
      footnotes,
    };
  });
  // all respondents first, then breakdowns by their number of variables and name (stable within)
  const order = (r: TableRow) => `${r.breakdown.length}|${r.breakdown.join('+')}`;
  rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return {
    indicator,
    version: cells[0]!.version,
    rows,
    comparisons: group.comparisons.filter((c) => c.indicator === indicator),
  };
}

/** The rows grouped by breakdown, in table order. */
export function byBreakdown(rows: readonly TableRow[]): Array<{ breakdown: string[]; rows: TableRow[] }> {
  const out: Array<{ breakdown: string[]; rows: TableRow[] }> = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.breakdown.join('+') === r.breakdown.join('+')) last.rows.push(r);
    else out.push({ breakdown: r.breakdown, rows: [r] });
  }
  return out;
}
