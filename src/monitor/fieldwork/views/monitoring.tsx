/** Response monitoring: rates per breakdown, undelivered mail. */
import { formatDateTime } from '../../../platform/auth/views/fields.js';
import type { RenderedChart } from '../../../platform/charts/render.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import { layerLabel, provinceLabel, roleLabel } from '../labels.js';
import type { Wave } from '../model.js';
import type { Breakdown, RateRow, ResponseRates } from '../monitoring.js';
import type { UndeliveredPerson } from '../undelivered.js';
import { k, NumTh, nf, pct, tgLabel, WavePage } from './common.js';
import { ResponseDaysSection } from './response-days.js';

const breakdownOrder: Breakdown[] = ['total', 'target_group', 'layer_role', 'province', 'organisation'];

/** The columns of a rates table: header and value, in one list. */
const rateColumns: Array<[MessageKey, (ctx: PageContext, r: RateRow) => string]> = [
  ['wave.col.frame', (ctx, r) => nf(ctx).format(r.frame)],
  ['wave.col.invited', (ctx, r) => nf(ctx).format(r.invited)],
  ['wave.col.started', (ctx, r) => nf(ctx).format(r.started)],
  ['wave.col.completed', (ctx, r) => nf(ctx).format(r.completed)],
  ['wave.col.rate', (ctx, r) => pct(ctx, r.responseRate)],
  ['wave.col.reminders', (ctx, r) => nf(ctx).format(r.remindersSent)],
  ['wave.col.optedOut', (ctx, r) => nf(ctx).format(r.optedOut)],
];

function RatesTable(props: { ctx: PageContext; b: Breakdown; rows: RateRow[] }) {
  const { ctx, b, rows } = props;
  const t = ctx.t;
  return (
    <div class="table-scroll" {...scrollBox(ctx)}>
      <table class="rates">
        <caption>{t(k(`wave.monitoring.by.${b}`))}</caption>
        <thead>
          <tr>
            <th scope="col">{t(k(`wave.monitoring.stratum.${b}`))}</th>
            {rateColumns.map(([key]) => (
              <NumTh>{t(key)}</NumTh>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {b === 'total'
                  ? t('wave.monitoring.all')
                  : b === 'target_group'
                    ? tgLabel(ctx, r.label)
                    : b === 'province'
                      ? provinceLabel(ctx, r.stratum.province ?? null)
                      : b === 'layer_role'
                        ? `${layerLabel(ctx, r.stratum.layer ?? null)} · ${roleLabel(ctx, r.stratum.role ?? null)}`
                        : r.label}
              </th>
              {rateColumns.map(([, value]) => (
                <td class="num">{value(ctx, r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** At most this many rows on the page; the non-respondent export has them all. */
const UNDELIVERED_SHOWN = 200;

function UndeliveredTable(props: {
  ctx: PageContext;
  wave: Wave;
  rows: Array<UndeliveredPerson & { organisation: string }>;
}) {
  const { ctx, wave, rows } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="undelivered-title">
      <h2 id="undelivered-title">{t('wave.undelivered.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('wave.undelivered.none')}</p>
      ) : (
        <>
          <p>
            {t('wave.undelivered.intro')}{' '}
            <a href={`/api/v1/waves/${wave.id}/non-respondents?format=xlsx`}>
              {t('wave.overview.nonRespondentsXlsx')}
            </a>
          </p>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table>
              <caption>
                {rows.length > UNDELIVERED_SHOWN
                  ? t('wave.undelivered.captionFirst', { shown: UNDELIVERED_SHOWN, count: rows.length })
                  : t('wave.undelivered.caption', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('wave.undelivered.col.name')}</th>
                  <th scope="col">{t('wave.undelivered.col.email')}</th>
                  <th scope="col">{t('wave.monitoring.stratum.organisation')}</th>
                  <th scope="col">{t('wave.undelivered.col.mail')}</th>
                  <th scope="col">{t('wave.undelivered.col.status')}</th>
                  <th scope="col">{t('wave.undelivered.col.reason')}</th>
                  <th scope="col">{t('wave.undelivered.col.at')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, UNDELIVERED_SHOWN).map((p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td>{p.email}</td>
                    <td>{p.organisation}</td>
                    <td>
                      {p.reminder
                        ? t('wave.undelivered.mail.reminder', { n: p.reminder })
                        : t('wave.undelivered.mail.invitation')}
                    </td>
                    <td>{t(k(`wave.undelivered.status.${p.status}`))}</td>
                    <td>{p.reason ?? '—'}</td>
                    <td>{p.at ? formatDateTime(ctx.lang, p.at) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function monitoringPage(
  ctx: PageContext,
  wave: Wave,
  rates: ResponseRates,
  /** Persons whose mail did not arrive; shown only to those who may see them (undefined: not shown). */
  undelivered?: Array<UndeliveredPerson & { organisation: string }>,
  /** Response over time: the chart (undefined: nothing counted yet) and how its days were counted. */
  overTime?: { chart: RenderedChart | undefined; dayKind: 'recorded' | 'completed' },
) {
  const t = ctx.t;
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.monitoring.title')} path="/monitoring">
      <p>
        {t('wave.monitoring.intro')}{' '}
        {t('wave.monitoring.computedAt', { at: formatDateTime(ctx.lang, rates.computedAt) })}{' '}
        <a href={`/waves/${wave.id}/monitoring`}>{t('wave.monitoring.refresh')}</a>
      </p>
      {rates.pendingProgress > 0 && (
        <p class="notice" role="status">
          {t('wave.monitoring.pending', { n: String(rates.pendingProgress) })}
        </p>
      )}
      {overTime && <ResponseDaysSection ctx={ctx} chart={overTime.chart} dayKind={overTime.dayKind} />}
      {breakdownOrder.map((b) => (
        <section>
          <RatesTable ctx={ctx} b={b} rows={rates.breakdowns[b]} />
        </section>
      ))}
      {undelivered && <UndeliveredTable ctx={ctx} wave={wave} rows={undelivered} />}
    </WavePage>
  );
}
