/** The organisation's overview: a period form, key figures and tables by state, form, channel, role, severity. */
import { errorFor, type FieldErrors, TextField } from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { channels, followUpStates, forms, roles, severities } from '../model.js';
import type { Overview } from '../overview.js';
import { formatDay, labelOf } from './common.js';

function CountTable(props: {
  ctx: PageContext;
  id: string;
  title: MessageKey;
  list: string;
  codes: readonly string[];
  counts: Record<string, number>;
  note?: MessageKey;
}) {
  const t = props.ctx.t;
  const rows = props.codes.filter((c) => (props.counts[c] ?? 0) > 0);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.title)}</h2>
      {props.note && <p class="hint">{t(props.note)}</p>}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('incidents.overview.category')}</th>
              <th scope="col" class="num">
                {t('incidents.overview.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr>
                <th scope="row">{labelOf(t, props.list, c)}</th>
                <td class="num">{props.counts[c]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function overviewPage(
  ctx: PageContext,
  org: { id: string; name: string },
  o: Overview,
  errors: FieldErrors,
  values: { from: string; to: string },
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
      {errors.length > 0 && (
        <p class="notice" role="status">
          {t('incidents.overview.badPeriod')}
        </p>
      )}
      <form method="get" action={`/organisations/${org.id}/incidents/overview`} class="filters">
        <TextField
          id="from"
          type="date"
          label={t('incidents.overview.from')}
          value={values.from}
          error={errorFor(errors, 'from')}
        />
        <TextField
          id="to"
          type="date"
          label={t('incidents.overview.to')}
          value={values.to}
          error={errorFor(errors, 'to')}
        />
        <div>
          <button type="submit">{t('incidents.overview.show')}</button>
        </div>
      </form>
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
      {o.total === 0 ? (
        <p>{t('incidents.overview.none')}</p>
      ) : (
        <>
          <CountTable
            ctx={ctx}
            id="by-state"
            title="incidents.overview.byState"
            list="state"
            codes={followUpStates}
            counts={o.byState}
          />
          <CountTable
            ctx={ctx}
            id="by-form"
            title="incidents.overview.byForm"
            list="forms"
            codes={forms}
            counts={o.byForm}
            note="incidents.overview.byFormNote"
          />
          <CountTable
            ctx={ctx}
            id="by-channel"
            title="incidents.overview.byChannel"
            list="channel"
            codes={channels}
            counts={o.byChannel}
          />
          <CountTable
            ctx={ctx}
            id="by-role"
            title="incidents.overview.byRole"
            list="role"
            codes={roles}
            counts={o.byRole}
          />
          <CountTable
            ctx={ctx}
            id="by-severity"
            title="incidents.overview.bySeverity"
            list="severity"
            codes={severities}
            counts={o.bySeverity}
          />
        </>
      )}
    </Layout>
  );
}
