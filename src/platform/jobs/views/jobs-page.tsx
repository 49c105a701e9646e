import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { CsrfField, Layout } from '../../ui/layout.js';
import { type JobRow, type JobState, jobStates } from '../admin.js';

export function jobsPage(ctx: PageContext, state: JobState | undefined, rows: JobRow[], notice?: string) {
  const t = ctx.t;
  const fmt = (d: string | null) => formatDateTime(ctx.lang, d);
  const stateText = (s: string) => t(`jobs.state.${s}` as MessageKey);
  return (
    <Layout ctx={ctx} title={t('jobs.title')} wide>
      <h1>{t('jobs.title')}</h1>
      <p>{t('jobs.intro')}</p>
      {notice && (
        <div class="success" role="status">
          {notice}
        </div>
      )}
      <form method="get" action="/admin/jobs" class="filters">
        <div>
          <label for="state">{t('jobs.state')}</label>
          <select id="state" name="state">
            <option value="">{t('jobs.stateOpen')}</option>
            {jobStates.map((s) => (
              <option value={s} selected={state === s}>
                {stateText(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('outbox.filter')}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t('table.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={t('jobs.title')}>
          <table>
            <caption class="visually-hidden">{t('jobs.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('jobs.col.queue')}</th>
                <th scope="col">{t('jobs.col.state')}</th>
                <th scope="col" class="num">
                  {t('jobs.col.attempts')}
                </th>
                <th scope="col">{t('jobs.col.created')}</th>
                <th scope="col">{t('jobs.col.next')}</th>
                <th scope="col">{t('jobs.col.error')}</th>
                <th scope="col">{t('jobs.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((j) => (
                <tr>
                  <td>
                    <code>{j.name}</code>
                  </td>
                  <td>
                    <span class="badge">{stateText(j.state)}</span>
                  </td>
                  <td class="num">
                    {j.attempts} / {j.retryLimit + 1}
                  </td>
                  <td>{fmt(j.createdOn)}</td>
                  <td>{j.state === 'created' || j.state === 'retry' ? fmt(j.startAfter) : ''}</td>
                  <td>{j.lastError ?? ''}</td>
                  <td>
                    {['failed', 'cancelled', 'retry', 'created'].includes(j.state) && (
                      <form method="post" action={`/admin/jobs/${j.id}/retry`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit" aria-label={t('jobs.retryLabel', { id: j.id })}>
                          {t('jobs.retry')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
