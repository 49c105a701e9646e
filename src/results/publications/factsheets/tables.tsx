/**
 * The factsheets' tables: the key figures (indicators × the factsheet's groups and all office holders)
 * and a small table of chosen cells with interval, n and change. Only published cells of the run; a
 * suppressed cell is a dash with a note. Rows carry `data-cell` for the disclosure scan.
 */
import type { VNode } from 'preact';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import type { TableRow } from '../../pages/table.js';
import { cellKey } from '../../trends/trend.js';
import { DASH, type ProductBuilder } from '../report/build.js';
import { type PublicationData, publishedTable, rulesOf } from '../report/data.js';
import { changeText, EstimateHead, rowFigures } from '../report/tables.js';

export interface Column {
  label: string;
  by: Record<string, string>;
}

const rowOf = (d: PublicationData, code: string, by: Record<string, string>): TableRow | undefined => {
  const key = cellKey(code, by);
  return publishedTable(d, code)?.rows.find((r) => cellKey(code, r.by) === key);
};

function Dash(props: { b: ProductBuilder }) {
  return (
    <td class="num suppressed">
      {DASH}
      <span class="visually-hidden"> ({props.b.t('pub.report.suppressed')})</span>
    </td>
  );
}

function Notes(props: { b: ProductBuilder; d: PublicationData; any: boolean }) {
  return props.any ? (
    <p class="footnotes">
      {props.b.t('pub.report.footnote.suppressed', { n: rulesOf(props.d).minRespondents })}
    </p>
  ) : null;
}

/** Indicators (rows) × groups (columns): the percentage of each published cell. */
export function KeyFigures(
  b: ProductBuilder,
  d: PublicationData,
  codes: string[],
  columns: Column[],
  caption: string,
): VNode {
  let hidden = false;
  const rows = codes.map((code) => {
    const cells = columns.map((c) => {
      const r = rowOf(d, code, c.by);
      if (!r) return <td class="num">{DASH}</td>;
      rowFigures(b, d, code, { ...r, change: undefined } as TableRow, 'table:key-figures');
      if (r.suppressed) {
        hidden = true;
        return <Dash b={b} />;
      }
      return <td class="num">{b.pct(r.estimate)}</td>;
    });
    return (
      <tr data-cells={columns.map((c) => cellKey(code, c.by)).join(' ')}>
        <th scope="row">{d.indicators.get(code)?.label[b.lang] ?? code}</th>
        {cells}
      </tr>
    );
  });
  return (
    <div class="table-scroll" {...scrollBox({ t: (k, p) => b.t(k, p) })}>
      <table class="pub-table key-figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{b.t('pub.fs.keyNumbers.indicator')}</th>
            {columns.map((c) => (
              <th scope="col" class="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      <Notes b={b} d={d} any={hidden} />
    </div>
  );
}

/** Chosen cells with percentage, interval, n and the change from the previous wave. */
export function CellsTable(
  b: ProductBuilder,
  d: PublicationData,
  items: Array<{ code: string; by: Record<string, string>; label: string }>,
  caption: string,
): VNode | null {
  let hidden = false;
  let previous: string | undefined;
  const rows: VNode[] = [];
  for (const item of items) {
    const r = rowOf(d, item.code, item.by);
    if (!r) continue;
    rowFigures(b, d, item.code, r, 'table:cells');
    previous ??= r.change?.previousWave;
    if (r.suppressed) hidden = true;
    rows.push(
      <tr data-cell={cellKey(item.code, item.by)} data-suppressed={r.suppressed ? 'true' : undefined}>
        <th scope="row">{item.label}</th>
        {r.suppressed ? (
          <>
            <Dash b={b} />
            <Dash b={b} />
            <Dash b={b} />
            <Dash b={b} />
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
  if (rows.length === 0) return null;
  return (
    <div class="table-scroll" {...scrollBox({ t: (k, p) => b.t(k, p) })}>
      <table class="pub-table">
        <caption>{caption}</caption>
        <EstimateHead b={b} d={d} first={b.t('pub.fs.keyNumbers.indicator')} previous={previous} />
        <tbody>{rows}</tbody>
      </table>
      <Notes b={b} d={d} any={hidden} />
      {previous ? <p class="footnotes">{b.t('pub.report.footnote.change')}</p> : null}
    </div>
  );
}
