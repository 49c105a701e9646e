/**
 * An indicator's table in a publication: per breakdown its groups with percentage, 95% interval, n and
 * the change from the previous wave with its Holm verdict, and footnotes. Only the run's published
 * view is used (pages/table.ts): a suppressed cell shows a dash and a footnote, never a number or 0.
 * Every number shown is recorded as a figure; every row carries `data-cell` so the disclosure scan
 * can hold the row against the run's own decision.
 */
import type { VNode } from 'preact';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import { byBreakdown, type TableRow } from '../../pages/table.js';
import { cellKey } from '../../trends/trend.js';
import type { ProductBuilder } from './build.js';
import { DASH } from './build.js';
import type { PublicationData } from './data.js';
import { publishedTable } from './data.js';

type Note =
  | 'suppressed-few-respondents'
  | 'suppressed-wide-interval'
  | 'suppressed-complementary'
  | 'few-respondents'
  | 'no-estimate'
  | 'change';

export interface TableOptions {
  /** Breakdowns to show, in order ([] is all respondents); default: every breakdown of the run. */
  breakdowns?: string[][];
  /** Keep only rows for which this holds (e.g. a factsheet's own group). */
  rows?: (r: TableRow) => boolean;
  /** Where the figures are (default `table:<code>`). */
  where?: string;
  caption?: string;
}

/** Roles in the order of the layers (gemeente, provincie, waterschap), executives first. */
const roleOrder = [
  'burgemeester',
  'wethouder',
  'raadslid',
  'cdk',
  'gedeputeerde',
  'statenlid',
  'dijkgraaf',
  'lid_db',
  'lid_ab',
];
const sortRows = (rows: TableRow[]) =>
  rows.every((r) => r.breakdown.length === 1 && r.breakdown[0] === 'bg_role')
    ? [...rows].sort(
        (a, b) => (roleOrder.indexOf(a.by.bg_role!) + 1 || 99) - (roleOrder.indexOf(b.by.bg_role!) + 1 || 99),
      )
    : rows;

/** "2022" for the wave monitor-2022 (the year of its fieldwork), else the code. */
export const waveYear = (d: PublicationData, code: string) =>
  String(d.runs.find((r) => r.wave === code)?.year ?? code);

const sameBreakdown = (a: readonly string[], b: readonly string[]) => a.join('+') === [...b].sort().join('+');

/** Records the numbers of one row as figures (or the suppression) and returns the cells' texts. */
export function rowFigures(b: ProductBuilder, d: PublicationData, code: string, r: TableRow, where: string) {
  const suppressed = !!r.suppressed;
  b.figure({
    indicator: code,
    wave: d.wave.code,
    by: r.by,
    estimate: suppressed ? null : r.estimate,
    n: suppressed ? null : r.n,
    suppressed,
    where,
  });
  if (r.change && !suppressed)
    b.figure({
      indicator: code,
      // the change shown, tied to the earlier wave: both cells must be published (the scan checks)
      wave: r.change.previousWave,
      by: r.by,
      estimate: r.change.change,
      n: null,
      suppressed: false,
      where: `${where}:change`,
    });
}

export function changeText(b: ProductBuilder, r: TableRow): string {
  if (!r.change || r.suppressed) return DASH;
  return b.t(r.change.significant ? 'pub.report.change.significant' : 'pub.report.change.notSignificant', {
    points: b.points(r.change.change),
  });
}

/** The head of an estimates table: the first column, percentage, 95% interval, n and the change. */
export function EstimateHead(props: {
  b: ProductBuilder;
  d: PublicationData;
  first: string;
  previous: string | undefined;
}) {
  const { b, d, previous } = props;
  return (
    <thead>
      <tr>
        <th scope="col">{props.first}</th>
        <th scope="col" class="num">
          {b.t('pub.report.table.percentage')}
        </th>
        <th scope="col" class="num">
          {b.t('pub.report.table.ci')}
        </th>
        <th scope="col" class="num">
          {b.t('pub.report.table.n')}
        </th>
        <th scope="col" class="num">
          {previous
            ? b.t('pub.report.table.change', { wave: waveYear(d, previous) })
            : b.t('pub.report.table.changeNone')}
        </th>
      </tr>
    </thead>
  );
}

export function IndicatorTable(b: ProductBuilder, d: PublicationData, code: string, o: TableOptions = {}) {
  const table = publishedTable(d, code);
  const def = d.indicators.get(code);
  if (!table || !def) return null;
  const where = o.where ?? `table:${code}`;
  const groups = byBreakdown(table.rows)
    .filter((g) => !o.breakdowns || o.breakdowns.some((x) => sameBreakdown(g.breakdown, x)))
    .map((g) => ({ ...g, rows: sortRows(o.rows ? g.rows.filter(o.rows) : g.rows) }))
    .filter((g) => g.rows.length > 0);
  if (o.breakdowns)
    groups.sort(
      (x, y) =>
        o.breakdowns!.findIndex((k) => sameBreakdown(x.breakdown, k)) -
        o.breakdowns!.findIndex((k) => sameBreakdown(y.breakdown, k)),
    );
  const notes: Note[] = [];
  const note = (n: Note) => {
    if (!notes.includes(n)) notes.push(n);
    return notes.indexOf(n) + 1;
  };
  const previous = table.rows.find((r) => r.change)?.change?.previousWave;
  const rows: VNode[] = [];
  for (const g of groups) {
    if (g.breakdown.length > 0)
      rows.push(
        <tr>
          <th scope="colgroup" colSpan={5} class="breakdown">
            {b.t(`pub.report.table.by.${g.breakdown.join('-')}`)}
          </th>
        </tr>,
      );
    for (const r of g.rows) {
      rowFigures(b, d, code, r, where);
      const marks: number[] = [];
      if (r.suppressed) marks.push(note(`suppressed-${r.suppressed}`));
      else if (r.estimate === null) marks.push(note('no-estimate'));
      else if (r.footnotes.includes('few-respondents')) marks.push(note('few-respondents'));
      const dash = (
        <td class="num suppressed">
          {DASH}
          <span class="visually-hidden"> ({b.t('pub.report.suppressed')})</span>
        </td>
      );
      rows.push(
        <tr data-cell={cellKey(code, r.by)} data-suppressed={r.suppressed ? 'true' : undefined}>
          <th scope="row">
            {b.group(r.by)}
            {marks.map((m) => (
              <sup>{m}</sup>
            ))}
          </th>
          {r.suppressed ? (
            <>
              {dash}
              {dash}
              {dash}
              {dash}
            </>
          ) : (
            <>
              <td class="num">{b.pct(r.estimate)}</td>
              <td class="num">{b.ci(r.ci)}</td>
              <td class="num">{b.int(r.n)}</td>
              <td class="num">{changeText(b, r)}</td>
            </>
          )}
        </tr>,
      );
    }
  }
  if (previous) note('change');
  const rules = d.run?.estimates[def.targetGroup]?.disclosure?.rules;
  return (
    <div class="table-scroll" {...scrollBox({ t: (k, p) => b.t(k, p) })}>
      <table class="pub-table" data-indicator={code}>
        <caption>{o.caption ?? b.t('pub.report.table.caption', { indicator: def.label[b.lang] })}</caption>
        <EstimateHead b={b} d={d} first={b.t('pub.report.table.group')} previous={previous} />
        <tbody>{rows}</tbody>
      </table>
      {notes.length ? (
        <ol class="footnotes">
          {notes.map((n) => (
            <li>{b.t(`pub.report.footnote.${n}`, { n: rules?.minRespondents ?? 10 })}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
