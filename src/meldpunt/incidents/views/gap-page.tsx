/**
 * The registration gap: per layer and role, office holders with a registered incident per 100 in the
 * monitor's frame, next to the monitor's weighted prevalence of aggression (with its 95% interval), as a
 * table and a chart of the shared chart code. A withheld number is a dash, never 0.
 */
import { ChartFigure } from '../../../platform/charts/figure.js';
import type { ChartInput } from '../../../platform/charts/model.js';
import type { RenderedChart } from '../../../platform/charts/render.js';
import { formatNumber, formatPercent } from '../../../platform/format.js';
import type { MessageKey, Translate } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import type { RegistrationGap } from '../gap.js';
import type { GapRow } from '../gap-model.js';
import { formatDay } from './common.js';

export function rowLabel(t: Translate, r: Pick<GapRow, 'layer' | 'role'>): string {
  const layer = t(`orgs.layer.${r.layer}` as MessageKey);
  return r.role === null
    ? t('incidents.gap.allOfLayer', { layer })
    : `${layer}: ${t(`frame.role.${r.role}` as MessageKey)}`;
}

/** Registered per 100 (a share) next to the monitor's prevalence, per row. */
export function gapChart(t: Translate, gap: RegistrationGap): ChartInput {
  const rows = gap.rows;
  const id = (r: GapRow) => `${r.layer}|${r.role ?? '*'}`;
  return {
    key: 'registration-gap',
    kind: 'grouped-bar',
    title: t('incidents.gap.chartTitle'),
    categoryTitle: t('incidents.gap.row'),
    valueTitle: t('incidents.gap.share'),
    unit: 'share',
    categories: rows.map((r) => ({ id: id(r), label: rowLabel(t, r) })),
    series: [
      { id: 'registered', label: t('incidents.gap.registeredSeries') },
      { id: 'monitor', label: t('incidents.gap.monitorSeries') },
    ],
    seriesTitle: t('incidents.gap.source'),
    values: rows.flatMap((r) => [
      {
        category: id(r),
        series: 'registered',
        value: r.rate,
        ...(r.rate === null ? { suppressed: true } : {}),
      },
      {
        category: id(r),
        series: 'monitor',
        value: r.prevalence?.estimate ?? null,
        ...(r.prevalence?.suppressed ? { suppressed: true } : {}),
      },
    ]),
    valueMax: 1,
  };
}

const Dash = (props: { ctx: PageContext }) => (
  <td class="num suppressed">
    –<span class="visually-hidden"> ({props.ctx.t('chart.suppressed')})</span>
  </td>
);

export function gapPage(
  ctx: PageContext,
  scope: { org?: { id: string; name: string } },
  gap: RegistrationGap | undefined,
  chart: RenderedChart | undefined,
) {
  const t = ctx.t;
  const title = scope.org
    ? t('incidents.gap.orgTitle', { org: scope.org.name })
    : t('incidents.gap.nationalTitle');
  return (
    <Layout ctx={ctx} title={title} wide>
      {scope.org && (
        <p>
          <a href={`/organisations/${scope.org.id}/incidents/overview`}>{t('incidents.overview.link')}</a>
        </p>
      )}
      <h1>{title}</h1>
      {!gap ? (
        <p class="notice" role="status">
          {t('incidents.gap.noWave')}
        </p>
      ) : (
        <>
          <p>
            {t('incidents.gap.intro', {
              wave: gap.monitor.wave.name,
              from: formatDay(ctx.lang, gap.period.from),
              to: formatDay(ctx.lang, gap.period.to),
            })}
          </p>
          {gap.monitor.releasedAt === null && (
            <p class="notice" role="status">
              {t('incidents.gap.embargo')}
            </p>
          )}
          <p class="hint">{t(scope.org ? 'incidents.gap.orgNote' : 'incidents.gap.nationalNote')}</p>
          <p class="hint">{t('incidents.gap.rules')}</p>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table>
              <caption>{t('incidents.gap.tableTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.gap.row')}</th>
                  <th scope="col" class="num">
                    {t('incidents.gap.frame')}
                  </th>
                  <th scope="col" class="num">
                    {t('incidents.gap.registered')}
                  </th>
                  <th scope="col" class="num">
                    {t('incidents.gap.per100')}
                  </th>
                  <th scope="col" class="num">
                    {t('incidents.gap.prevalence')}
                  </th>
                  <th scope="col">{t('incidents.gap.interval')}</th>
                </tr>
              </thead>
              <tbody>
                {gap.rows.map((r) => {
                  const p = r.prevalence;
                  return (
                    <tr>
                      <th scope="row">{rowLabel(t, r)}</th>
                      <td class="num">{formatNumber(ctx.lang, r.frame)}</td>
                      {r.registered === null ? (
                        <Dash ctx={ctx} />
                      ) : (
                        <td class="num">{formatNumber(ctx.lang, r.registered)}</td>
                      )}
                      {r.rate === null ? (
                        <Dash ctx={ctx} />
                      ) : (
                        <td class="num">{formatNumber(ctx.lang, Math.round(r.rate * 1000) / 10)}</td>
                      )}
                      {!p || p.suppressed || p.estimate === null ? (
                        <Dash ctx={ctx} />
                      ) : (
                        <td class="num">{formatPercent(ctx.lang, p.estimate)}</td>
                      )}
                      <td>
                        {p && !p.suppressed && p.ci[0] !== null && p.ci[1] !== null
                          ? t('incidents.gap.ci', {
                              lo: formatPercent(ctx.lang, p.ci[0]),
                              hi: formatPercent(ctx.lang, p.ci[1]),
                            })
                          : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {chart && <ChartFigure ctx={ctx} chart={chart} describe="hidden" />}
        </>
      )}
    </Layout>
  );
}
