/** The follow-up list of an organisation's incidents, with filters (a GET form) and paging. */
import { SelectField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { followUpStates, forms, severities } from '../model.js';
import type { IncidentSummary } from '../service.js';
import { formatDay, labelOf, labelsOf } from './common.js';
import { CheckField } from './fields.js';

export interface ListPageFilter {
  state?: string;
  form?: string;
  severity?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

function pageUrl(orgId: string, f: ListPageFilter, page: number) {
  const u = new URLSearchParams();
  if (f.state) u.set('state', f.state);
  if (f.form) u.set('form', f.form);
  if (f.severity) u.set('severity', f.severity);
  if (f.overdue) u.set('overdue', 'true');
  u.set('page', String(page));
  return `/organisations/${orgId}/incidents?${u}`;
}

export function listPage(
  ctx: PageContext,
  org: { id: string; name: string },
  filter: ListPageFilter,
  result: { items: IncidentSummary[]; total: number },
  coordinator: boolean,
) {
  const t = ctx.t;
  const title = t('incidents.list.title', { org: org.name });
  const pages = Math.max(1, Math.ceil(result.total / filter.pageSize));
  const opts = (list: readonly string[], prefix: string) =>
    list.map((v) => ({ value: v, label: labelOf(t, prefix, v) }));
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      {!coordinator && <p class="notice">{t('incidents.list.handlerNote')}</p>}
      {coordinator && (
        <p>
          <a href={`/organisations/${org.id}/incidents/overview`}>{t('incidents.overview.link')}</a>
          {' · '}
          <a href={`/organisations/${org.id}/incidents/settings`}>{t('incidents.settings.link')}</a>
        </p>
      )}
      <form method="get" action={`/organisations/${org.id}/incidents`} class="filters">
        <SelectField
          id="state"
          label={t('incidents.list.state')}
          options={opts(followUpStates, 'state')}
          placeholder={t('incidents.list.anyState')}
          value={filter.state}
        />
        <SelectField
          id="form"
          label={t('incidents.list.form')}
          options={opts(forms, 'forms')}
          placeholder={t('incidents.list.anyForm')}
          value={filter.form}
        />
        <SelectField
          id="severity"
          label={t('incidents.list.severity')}
          options={opts(severities, 'severity')}
          placeholder={t('incidents.list.anySeverity')}
          value={filter.severity}
        />
        <CheckField id="overdue" label={t('incidents.list.overdue')} checked={!!filter.overdue} />
        <div>
          <button type="submit">{t('incidents.list.apply')}</button>
        </div>
      </form>
      <p role="status">{t('incidents.list.count', { count: result.total })}</p>
      {result.items.length === 0 ? (
        <p>{t('incidents.list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('incidents.list.submittedAt')}</th>
                <th scope="col">{t('incidents.list.occurredOn')}</th>
                <th scope="col">{t('incidents.list.forms')}</th>
                <th scope="col">{t('incidents.list.role')}</th>
                <th scope="col">{t('incidents.list.state')}</th>
                <th scope="col">{t('incidents.list.tasks')}</th>
                <th scope="col">{t('incidents.list.nextDue')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((i) => (
                <tr>
                  <td>
                    <a href={`/incidents/${i.id}`}>
                      {formatDay(ctx.lang, i.submittedAt?.toISOString().slice(0, 10))}
                    </a>
                  </td>
                  <td>{formatDay(ctx.lang, i.occurredOn)}</td>
                  <td>{labelsOf(t, 'forms', i.forms)}</td>
                  <td>{labelOf(t, 'role', i.concernedRole)}</td>
                  <td>{labelOf(t, 'state', i.state)}</td>
                  <td>
                    {i.openTasks}
                    {i.overdueTasks > 0 && (
                      <>
                        {' '}
                        <span class="badge">
                          {t('incidents.list.overdueCount', { count: i.overdueTasks })}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{formatDay(ctx.lang, i.nextDueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={t('incidents.list.count', { count: result.total })}>
          {filter.page > 1 && (
            <a href={pageUrl(org.id, filter, filter.page - 1)}>{t('incidents.list.previous')}</a>
          )}{' '}
          {filter.page < pages && (
            <a href={pageUrl(org.id, filter, filter.page + 1)}>{t('incidents.list.next')}</a>
          )}
        </nav>
      )}
    </Layout>
  );
}
