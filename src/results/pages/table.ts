/**
 * One indicator's table of a run (pure): every breakdown cell with its percentage, 95% interval, n,
 * the change from the previous wave run in Weerbaar with its Holm-corrected verdict, and footnotes;
 * and the indicator's group comparisons. The page, the CSV download and the API use the same rows, so
 * a number or a verdict is the same everywhere.
 */
import type { CellEstimate, ComparisonEstimate, GroupEstimates } from '../estimates/compute.js';
import { cellKey } from '../trends/trend.js';

/** Published cells from fewer respondents than this carry the footnote "few respondents: indicative". */
export const FEW_RESPONDENTS = 30;

export type Footnote =
  | 'no-estimate'
  | 'few-respondents'
  | 'suppressed-few-respondents'
  | 'suppressed-wide-interval'
  | 'suppressed-complementary'
  | 'internal';

/**
 * 'published': what may be published — a suppressed cell shows its footnote and no number (not even
 * n), a comparison involving one is withheld. 'internal' (researchers, on the page only): every number,
 * suppressed cells marked as not for publication.
 */
export type TableView = 'published' | 'internal';

export interface TableRow {
  /** The breakdown's variables ([] for all respondents). */
  breakdown: string[];
  by: Record<string, string>;
  estimate: number | null;
  ci: [number | null, number | null];
  se: number | null;
  n: number | null;
  /** Not published (disclosure control), and why. */
  suppressed?: CellEstimate['suppressed'];
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

export function indicatorTable(
  group: GroupEstimates,
  indicator: string,
  view: TableView = 'published',
): IndicatorTable | undefined {
  const cells = group.cells.filter((c) => c.indicator === indicator);
  if (cells.length === 0) return undefined;
  const trends = new Map((group.trends ?? []).map((t) => [cellKey(t.indicator, t.by), t]));
  const rows = cells.map((c): TableRow => {
    const t = trends.get(cellKey(c.indicator, c.by));
    const footnotes: Footnote[] = [];
    if (c.suppressed) {
      footnotes.push(`suppressed-${c.suppressed}`);
      if (view === 'published')
        return {
          breakdown: breakdownOf(c),
          by: c.by,
          estimate: null,
          ci: [null, null],
          se: null,
          n: null,
          suppressed: c.suppressed,
          footnotes,
        };
      footnotes.push('internal');
    } else if (c.estimate === null) footnotes.push('no-estimate');
    else if (c.n < FEW_RESPONDENTS) footnotes.push('few-respondents');
    return {
      breakdown: breakdownOf(c),
      by: c.by,
      estimate: c.estimate,
      ci: c.ci,
      se: c.se,
      n: c.n,
      ...(c.suppressed ? { suppressed: c.suppressed } : {}),
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
    comparisons: group.comparisons
      .filter((c) => c.indicator === indicator)
      .map((c) => (c.suppressed && view === 'published' ? withheld(c) : c)),
  };
}

/** A comparison involving a suppressed cell: named, with no number. */
export const withheld = (c: ComparisonEstimate): ComparisonEstimate => ({
  ...c,
  difference: null,
  se: null,
  ci: [null, null],
  p: null,
  pHolm: null,
  significant: false,
  n: null,
  suppressed: true,
});

/** A cell as it may be published: a suppressed one keeps its reason and loses its numbers. */
export const publicCell = (c: CellEstimate) =>
  c.suppressed
    ? {
        indicator: c.indicator,
        version: c.version,
        by: c.by,
        estimate: null,
        se: null,
        ci: [null, null] as [null, null],
        n: null,
        suppressed: c.suppressed,
      }
    : c;

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
