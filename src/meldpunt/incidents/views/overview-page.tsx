/**
 * The organisation's overview: a period form, key figures, and charts (SVG with text alternative and
 * table, src/platform/charts) by month, state, form, channel, role, severity and overdue task.
 */
import { ChartFigure } from '../../../platform/charts/figure.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Overview } from '../overview.js';
import type { OverviewCharts } from '../overview-charts.js';
import type { Period } from '../period.js';
import { formatDay } from './common.js';
import { PeriodForm } from './period-form.js';

export function overviewPage(
  ctx: PageContext,
  org: { id: string; name: string },
  o: Overview,
  period: Period,
  charts: OverviewCharts,
) {
  const t = ctx.t;
  const title = t('incidents.overview.title', { org: org.name });
  const pct = o.total ? `${Math.round((100 * o.aangifteMade) / o.total)}%` : '—';
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href={`/organisations/${org.id}/incidents`}>{t('incidents.detail.back')}</a>
      </p>
      <h1>{title}</h1>
      <PeriodForm ctx={ctx} action={`/organisations/${org.id}/incidents/overview`} period={period} />
      <p>
        {t('incidents.overview.intro', { from: formatDay(ctx.lang, o.from), to: formatDay(ctx.lang, o.to) })}
      </p>
      <dl class="facts">
        <dt>{t('incidents.overview.total')}</dt>
        <dd>{o.total}</dd>
        <dt>{t('incidents.overview.openTasks')}</dt>
        <dd>{o.openTasks}</dd>
        <dt>{t('incidents.overview.overdueTasks')}</dt>
        <dd>{o.overdueTasks}</dd>
        <dt>{t('incidents.overview.firstContact')}</dt>
        <dd>
          {t('incidents.overview.firstContactValue', {
            onTime: o.firstContactOnTime,
            done: o.firstContactDone,
          })}
        </dd>
        <dt>{t('incidents.overview.medianDays')}</dt>
        <dd>{o.medianDaysToFirstContact === null ? '—' : String(o.medianDaysToFirstContact)}</dd>
        <dt>{t('incidents.overview.aangifte')}</dt>
        <dd>{t('incidents.overview.aangifteValue', { n: o.aangifteMade, total: o.total, pct })}</dd>
      </dl>
      <p>
        <a href={`/organisations/${org.id}/incidents/benchmark`}>{t('incidents.benchmark.link')}</a>
        {' · '}
        <a href={`/organisations/${org.id}/incidents/registration-gap`}>{t('incidents.gap.link')}</a>
      </p>
      {o.total === 0 ? (
        <p>{t('incidents.overview.none')}</p>
      ) : (
        <>
          {charts.month && (
            <section aria-labelledby="by-month-h">
              <h2 id="by-month-h">{t('incidents.overview.byMonth')}</h2>
              <ChartFigure ctx={ctx} chart={charts.month} describe="hidden" />
            </section>
          )}
          {charts.breakdowns.map(({ breakdown, chart }) => (
            <section aria-labelledby={`${breakdown.key}-h`}>
              <h2 id={`${breakdown.key}-h`}>{t(breakdown.title)}</h2>
              {breakdown.note && <p class="hint">{t(breakdown.note)}</p>}
              <ChartFigure ctx={ctx} chart={chart} describe="hidden" />
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
