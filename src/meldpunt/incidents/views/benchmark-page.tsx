/**
 * The benchmark pages: BZK's national figures (groups of comparable organisations, layers, the
 * country) and an organisation's own figures next to the other organisations of its group. Aggregates
 * only; a withheld figure shows as a dash with "suppressed" for screen readers, never as 0.
 */
import type { ComponentChildren } from 'preact';
import { ChartFigure } from '../../../platform/charts/figure.js';
import type { RenderedChart } from '../../../platform/charts/render.js';
import { formatNumber, formatPercent } from '../../../platform/format.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import { unitLabel } from '../benchmark-charts.js';
import {
  type BenchmarkUnit,
  type OrganisationBenchmark,
  perOrganisation,
  shareOf,
} from '../benchmark-model.js';
import type { Period } from '../period.js';
import { formatDay } from './common.js';
import { PeriodForm } from './period-form.js';

function Cell(props: { ctx: PageContext; value: number | null; share?: boolean; decimals?: boolean }) {
  const { ctx, value } = props;
  if (value === null)
    return (
      <td class="num suppressed">
        –<span class="visually-hidden"> ({ctx.t('chart.suppressed')})</span>
      </td>
    );
  const text = props.share
    ? formatPercent(ctx.lang, value)
    : formatNumber(ctx.lang, props.decimals ? Math.round(value * 10) / 10 : value);
  return <td class="num">{text}</td>;
}

function RulesNote(props: { ctx: PageContext; children?: ComponentChildren }) {
  return (
    <p class="hint">
      {props.ctx.t('incidents.benchmark.rules')} {props.children}
    </p>
  );
}

export function nationalBenchmarkPage(
  ctx: PageContext,
  period: Period,
  units: readonly BenchmarkUnit[],
  charts: { perOrganisation: RenderedChart; forms: RenderedChart },
) {
  const t = ctx.t;
  const title = t('incidents.benchmark.nationalTitle');
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <PeriodForm ctx={ctx} action="/meldpunt/benchmark" period={period} />
      <p>
        {t('incidents.benchmark.nationalIntro', {
          from: formatDay(ctx.lang, period.from),
          to: formatDay(ctx.lang, period.to),
        })}
      </p>
      <RulesNote ctx={ctx} />
      <p>
        <a href="/meldpunt/registration-gap">{t('incidents.gap.link')}</a>
      </p>
      <h2 id="units-h">{t('incidents.benchmark.tableTitle')}</h2>
      <div class="table-scroll" {...scrollBox(ctx)}>
        <table aria-labelledby="units-h">
          <thead>
            <tr>
              <th scope="col">{t('incidents.benchmark.unit')}</th>
              <th scope="col" class="num">
                {t('incidents.benchmark.organisations')}
              </th>
              <th scope="col" class="num">
                {t('incidents.overview.total')}
              </th>
              <th scope="col" class="num">
                {t('incidents.benchmark.perOrganisationValue')}
              </th>
              <th scope="col" class="num">
                {t('incidents.overview.aangifte')}
              </th>
              <th scope="col" class="num">
                {t('incidents.overview.firstContact')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr>
                <th scope="row">{unitLabel(t, u)}</th>
                <Cell ctx={ctx} value={u.organisations} />
                <Cell ctx={ctx} value={u.organisations === null ? null : u.figures.total.count} />
                <Cell ctx={ctx} value={perOrganisation(u)} decimals />
                <Cell ctx={ctx} value={shareOf(u.figures.aangifte, u.figures.total)} share />
                <Cell
                  ctx={ctx}
                  value={shareOf(u.figures.firstContactOnTime, u.figures.firstContactDone)}
                  share
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('incidents.benchmark.perOrganisation')}</h2>
      <ChartFigure ctx={ctx} chart={charts.perOrganisation} describe="hidden" />
      <h2>{t('incidents.benchmark.formsByLayer')}</h2>
      <ChartFigure ctx={ctx} chart={charts.forms} describe="hidden" />
    </Layout>
  );
}

export function organisationBenchmarkPage(
  ctx: PageContext,
  org: { id: string; name: string },
  period: Period,
  b: OrganisationBenchmark,
  charts: { forms: RenderedChart; severity: RenderedChart },
) {
  const t = ctx.t;
  const title = t('incidents.benchmark.orgTitle', { org: org.name });
  const others = b.others;
  const shown = others.organisations !== null;
  const ownShare = (n: number, d: number) => (d ? n / d : null);
  const group = unitLabel(t, {
    id: `${b.group.layer}|x`,
    layer: b.group.layer,
    sizeClass: b.group.sizeClass,
  });
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href={`/organisations/${org.id}/incidents/overview`}>{t('incidents.overview.link')}</a>
      </p>
      <h1>{title}</h1>
      <PeriodForm ctx={ctx} action={`/organisations/${org.id}/incidents/benchmark`} period={period} />
      <p>
        {t('incidents.benchmark.orgIntro', {
          group,
          from: formatDay(ctx.lang, period.from),
          to: formatDay(ctx.lang, period.to),
        })}
      </p>
      {shown ? (
        <p>{t('incidents.benchmark.othersCount', { n: others.organisations ?? 0 })}</p>
      ) : (
        <p class="notice" role="status">
          {t('incidents.benchmark.tooFewOthers')}
        </p>
      )}
      <RulesNote ctx={ctx} />
      <div class="table-scroll" {...scrollBox(ctx)}>
        <table>
          <caption>{t('incidents.benchmark.keyFigures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.overview.category')}</th>
              <th scope="col" class="num">
                {t('incidents.benchmark.own')}
              </th>
              <th scope="col" class="num">
                {t('incidents.benchmark.others')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('incidents.benchmark.incidentsPerOrganisation')}</th>
              <Cell ctx={ctx} value={b.own.total} />
              <Cell ctx={ctx} value={shown ? perOrganisation(others) : null} decimals />
            </tr>
            <tr>
              <th scope="row">{t('incidents.overview.aangifte')}</th>
              <Cell ctx={ctx} value={ownShare(b.own.aangifte, b.own.total)} share />
              <Cell
                ctx={ctx}
                value={shown ? shareOf(others.figures.aangifte, others.figures.total) : null}
                share
              />
            </tr>
            <tr>
              <th scope="row">{t('incidents.overview.firstContact')}</th>
              <Cell ctx={ctx} value={ownShare(b.own.firstContactOnTime, b.own.firstContactDone)} share />
              <Cell
                ctx={ctx}
                value={
                  shown ? shareOf(others.figures.firstContactOnTime, others.figures.firstContactDone) : null
                }
                share
              />
            </tr>
          </tbody>
        </table>
      </div>
      <h2>{t('incidents.benchmark.ownForms')}</h2>
      <ChartFigure ctx={ctx} chart={charts.forms} describe="hidden" />
      <h2>{t('incidents.benchmark.ownSeverity')}</h2>
      <ChartFigure ctx={ctx} chart={charts.severity} describe="hidden" />
    </Layout>
  );
}
