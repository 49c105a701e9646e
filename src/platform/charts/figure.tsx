/**
 * A chart on a page: a `<figure>` with the title (its caption), the SVG named by that title and
 * described by the text alternative (`role="img"`, `aria-labelledby`, `aria-describedby`), and the
 * data table beside it in its own scroll box. Without the drawing (vega failed) the words and the
 * table still say everything.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../ui/context.js';
import { scrollBox } from '../ui/table-scroll.js';
import type { RenderedChart } from './render.js';

export function ChartFigure(props: {
  ctx: Pick<PageContext, 't'>;
  chart: RenderedChart;
  /** An extra class on the figure (e.g. `trend-chart`). */
  class?: string;
  /** `hidden`: the text alternative is read by screen readers only (the table beside it shows the same). */
  describe?: 'visible' | 'hidden';
  /** Shown under the drawing, e.g. how the numbers were counted. */
  note?: ComponentChildren;
  /** Replaces the generated data table (a page that already has a richer table of the same numbers). */
  children?: ComponentChildren;
}) {
  const { ctx, chart } = props;
  const key = chart.key;
  return (
    <figure class={props.class ? `chart ${props.class}` : 'chart'} id={key}>
      <figcaption>
        <span id={`${key}-title`} class="chart-title">
          {chart.title}
        </span>{' '}
        <span id={`${key}-desc`} class={props.describe === 'hidden' ? 'visually-hidden' : 'chart-text'}>
          {chart.text}
        </span>
      </figcaption>
      {chart.svg ? (
        // made on the server by vega from our own numbers and labels; vega escapes every text
        <div class="chart-drawing" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      ) : null}
      {props.note ? <p class="chart-note">{props.note}</p> : null}
      {props.children ?? <ChartDataTable ctx={ctx} chart={chart} />}
    </figure>
  );
}

export function ChartDataTable(props: { ctx: Pick<PageContext, 't'>; chart: RenderedChart }) {
  const { ctx, chart } = props;
  const table = chart.table;
  return (
    <>
      <div class="table-scroll" {...scrollBox(ctx)}>
        <table class="chart-data">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.head.map((h, i) => (
                <th scope="col" class={i > 0 && table.rows[0]?.cells[i - 1]?.numeric ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr>
                <th scope="row">{r.label}</th>
                {r.cells.map((c) =>
                  c.suppressed ? (
                    <td class="num suppressed">
                      –<span class="visually-hidden"> ({ctx.t('chart.suppressed')})</span>
                    </td>
                  ) : (
                    <td class={c.numeric ? 'num' : undefined}>{c.text}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note ? (
        <p class="chart-note" id={`${chart.key}-note`}>
          {table.note}
        </p>
      ) : null}
    </>
  );
}
