/** One indicator of a wave (/results/:waveId/indicators/:indicatorId): every breakdown, comparisons, trend. */
import type { Wave } from '../../monitor/fieldwork/model.js';
import { ChartFigure } from '../../platform/charts/figure.js';
import type { RenderedChart } from '../../platform/charts/render.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import type { RunSummary } from '../runs/service.js';
import type { TrendPoint } from '../trends/trend.js';
import { breakdownLabel, cellLabel, groupLabel, k, pct, pValue, valueText } from './common.js';
import { byBreakdown, type IndicatorTable, type TableRow } from './table.js';
import { Downloads, RunStatus } from './wave-views.js';

export interface IndicatorView {
  wave: Wave;
  run: RunSummary;
  definition: IndicatorDefinition;
  table: IndicatorTable;
  trend: TrendPoint[];
  /** The trend chart (src/platform/charts), when there are trend points. */
  chart?: RenderedChart;
  /** Researchers only: whether the internal view (suppressed numbers shown, marked) is on. */
  internal?: boolean;
  /** Researchers: a link to the reproduction (analysis file, design.json, R script). */
  mayReproduce?: boolean;
}

/** The switch between the publication and the internal view (researchers only). */
function ViewSwitch(props: { ctx: PageContext; v: IndicatorView }) {
  const { ctx, v } = props;
  if (v.internal === undefined) return null;
  const href = `/results/${v.wave.id}/indicators/${v.definition.code}?lang=${ctx.lang}`;
  return v.internal ? (
    <>
      <p class="notice" role="note">
        {ctx.t('results.view.internalNotice')}
      </p>
      <p>
        <a href={href}>{ctx.t('results.view.published')}</a>
      </p>
    </>
  ) : (
    <p>
      <a href={`${href}&view=internal`}>{ctx.t('results.view.internal')}</a>
    </p>
  );
}

const ci = (ctx: PageContext, c: [number | null, number | null]) =>
  c[0] === null || c[1] === null ? '—' : `${pct(ctx, c[0])} – ${pct(ctx, c[1])}`;
const signedPp = (ctx: PageContext, x: number) => `${x > 0 ? '+' : ''}${pct(ctx, x)}`;

function changeText(ctx: PageContext, r: TableRow) {
  if (!r.change) return '—';
  const verdict = r.change.significant ? ` *` : '';
  return `${signedPp(ctx, r.change.change)}${verdict}`;
}

function BreakdownTable(props: { ctx: PageContext; label: string; breakdown: string[]; rows: TableRow[] }) {
  const { ctx, rows } = props;
  const t = ctx.t;
  const notes = [...new Set(rows.flatMap((r) => r.footnotes))];
  const previous = rows.find((r) => r.change)?.change?.previousWave;
  return (
    <div class="table-scroll">
      <table>
        <caption>
          {t('results.table.caption', {
            indicator: props.label,
            breakdown: breakdownLabel(ctx, props.breakdown),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('results.table.group')}</th>
            <th scope="col" class="num">
              {t('results.table.percentage')}
            </th>
            <th scope="col" class="num">
              {t('results.table.ci')}
            </th>
            <th scope="col" class="num">
              {t('results.table.n')}
            </th>
            <th scope="col" class="num">
              {previous ? t('results.table.change', { wave: previous }) : t('results.table.changeCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {cellLabel(ctx, r.by)}
                {r.footnotes.map((f) => (
                  <sup>{notes.indexOf(f) + 1}</sup>
                ))}
              </th>
              <td class="num">{pct(ctx, r.estimate)}</td>
              <td class="num">{ci(ctx, r.ci)}</td>
              <td class="num">{r.n === null ? '—' : r.n}</td>
              <td class="num">{changeText(ctx, r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length ? (
        <ol class="footnotes">
          {notes.map((f) => (
            <li>{t(k(`results.footnote.${f}`))}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Comparisons(props: { ctx: PageContext; label: string; table: IndicatorTable }) {
  const { ctx, table } = props;
  const t = ctx.t;
  if (table.comparisons.length === 0) return <p>{t('results.comparisons.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('results.comparisons.caption', { indicator: props.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.comparisons.pair')}</th>
            <th scope="col" class="num">
              {t('results.comparisons.difference')}
            </th>
            <th scope="col" class="num">
              {t('results.table.ci')}
            </th>
            <th scope="col" class="num">
              {t('results.comparisons.p')}
            </th>
            <th scope="col">{t('results.comparisons.verdict')}</th>
            <th scope="col">{t('results.comparisons.test')}</th>
          </tr>
        </thead>
        <tbody>
          {table.comparisons.map((c) => (
            <tr>
              <th scope="row">
                {breakdownLabel(ctx, [c.variable])}: {valueText(ctx, c.variable, c.to)} −{' '}
                {valueText(ctx, c.variable, c.from)}
              </th>
              <td class="num">{c.difference === null ? '—' : signedPp(ctx, c.difference)}</td>
              <td class="num">{ci(ctx, c.ci)}</td>
              <td class="num">{pValue(c.pHolm)}</td>
              <td>
                {c.suppressed
                  ? t('results.comparisons.withheld')
                  : c.significant
                    ? t('results.table.significant')
                    : t('results.table.notSignificant')}
              </td>
              <td>{c.test}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TrendTable(props: { ctx: PageContext; label: string; points: TrendPoint[] }) {
  const { ctx, points } = props;
  const t = ctx.t;
  if (points.length === 0) return <p>{t('results.trend.none')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('results.trend.caption', { indicator: props.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.trend.year')}</th>
            <th scope="col" class="num">
              {t('results.table.percentage')}
            </th>
            <th scope="col" class="num">
              {t('results.table.ci')}
            </th>
            <th scope="col">{t('results.trend.source')}</th>
            <th scope="col">{t('results.trend.changeCol')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr>
              <th scope="row">{p.year}</th>
              <td class="num">{pct(ctx, p.estimate)}</td>
              <td class="num">{p.ci ? ci(ctx, p.ci) : '—'}</td>
              <td>
                {p.source === 'published'
                  ? t('results.trend.published', { source: p.published?.source ?? '' })
                  : t('results.trend.weerbaar', { wave: p.wave ?? '' })}
                {p.published?.approx ? ` (${t('results.trend.approx')})` : ''}
              </td>
              <td>
                {!p.change
                  ? '—'
                  : p.change.tested
                    ? `${p.change.significant ? t('results.table.significant') : t('results.table.notSignificant')} (p ${pValue(p.change.p)})`
                    : t('results.trend.notTested')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function indicatorPage(ctx: PageContext, v: IndicatorView) {
  const t = ctx.t;
  const label = v.definition.label[ctx.lang];
  return (
    <Layout ctx={ctx} title={`${label} · ${v.wave.name}`} wide>
      <p>
        <a href={`/results/${v.wave.id}`}>{t('results.indicator.back', { wave: v.wave.name })}</a>
      </p>
      <h1>
        {label} <span class="subtitle">{v.wave.name}</span>
      </h1>
      <RunStatus ctx={ctx} run={v.run} />
      <p>
        {t('results.indicator.version', {
          version: v.table.version,
          group: groupLabel(ctx, v.definition.targetGroup),
        })}
      </p>
      <p>{t('results.table.method')}</p>
      <ViewSwitch ctx={ctx} v={v} />
      <Downloads ctx={ctx} base={`/results/${v.wave.id}/indicators/${v.definition.code}/table`} />
      <p>
        <a href={`/results/${v.wave.id}/indicators/${v.definition.code}/compare?lang=${ctx.lang}`}>
          {t('results.compare.link')}
        </a>
        {v.mayReproduce ? (
          <>
            {' · '}
            <a href={`/results/${v.wave.id}/indicators/${v.definition.code}/reproduce.zip`}>
              {t('results.table.reproduce')}
            </a>
          </>
        ) : null}
      </p>
      {byBreakdown(v.table.rows).map((b) => (
        <BreakdownTable ctx={ctx} label={label} breakdown={b.breakdown} rows={b.rows} />
      ))}
      <section aria-labelledby="comparisons-title">
        <h2 id="comparisons-title">{t('results.comparisons.title')}</h2>
        <Comparisons ctx={ctx} label={label} table={v.table} />
      </section>
      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t('results.trend.title')}</h2>
        {v.chart ? (
          // the figure holds the page's own trend table (sources and tests) as its data table
          <ChartFigure ctx={ctx} chart={v.chart} class="trend-chart">
            <TrendTable ctx={ctx} label={label} points={v.trend} />
          </ChartFigure>
        ) : (
          <TrendTable ctx={ctx} label={label} points={v.trend} />
        )}
        {v.trend.length ? (
          <Downloads ctx={ctx} base={`/results/${v.wave.id}/indicators/${v.definition.code}/trend`} />
        ) : null}
      </section>
    </Layout>
  );
}
