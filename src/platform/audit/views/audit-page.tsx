import { formatDateTime } from '../../format.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import type { auditLog } from '../schema.js';
import { changeLines, type Names, readableValue } from './readable.js';

type Entry = typeof auditLog.$inferSelect;
interface Filter {
  action?: string;
  actor?: string;
  resourceType?: string;
  from?: string;
  to?: string;
  limit: number;
  organisationId?: string;
}

function Field(props: { id: string; label: string; value?: string; type?: 'text' | 'date' }) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {props.type === 'date' ? (
        <input id={props.id} name={props.id} type="date" value={props.value ?? ''} />
      ) : (
        <input id={props.id} name={props.id} type="text" value={props.value ?? ''} />
      )}
    </div>
  );
}

/** A change as one line per field: "field: old → new" (or "field: value"). */
function Changes(props: { diff: unknown; names: Names }) {
  const lines = changeLines(props.diff, props.names);
  if (lines.length === 0) return null;
  return (
    <ul class="changes">
      {lines.map((l) => (
        <li>
          {l.field && <span class="field">{l.field}: </span>}
          {l.before !== undefined && (
            <>
              <del>{l.before}</del> →{' '}
            </>
          )}
          <ins>{l.after}</ins>
        </li>
      ))}
    </ul>
  );
}

export function auditPage(
  ctx: PageContext,
  filter: Filter,
  rows: Entry[],
  scopedOrg: string | undefined,
  names: Names = new Map(),
) {
  const t = ctx.t;
  const next = rows.length === filter.limit ? rows[rows.length - 1]!.seq : undefined;
  const nextUrl = () => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') u.set(k, String(v));
    u.set('before', String(next));
    return `/audit?${u}`;
  };
  return (
    <Layout ctx={ctx} title={t('audit.title')} wide>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {scopedOrg && !filter.organisationId && <p>{t('audit.scopeOrg')}</p>}
      <form method="get" action="/audit" class="filters">
        {filter.organisationId && <input type="hidden" name="organisationId" value={filter.organisationId} />}
        <Field id="action" label={t('audit.filter.action')} value={filter.action} />
        <Field id="actor" label={t('audit.filter.actor')} value={filter.actor} />
        <Field id="resourceType" label={t('audit.filter.resourceType')} value={filter.resourceType} />
        <Field id="from" label={t('audit.filter.from')} value={filter.from} type="date" />
        <Field id="to" label={t('audit.filter.to')} value={filter.to} type="date" />
        <div>
          <button type="submit">{t('audit.filter.submit')}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t('table.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={t('audit.title')}>
          <table>
            <caption class="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('audit.col.seq')}
                </th>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.resource')}</th>
                <th scope="col">{t('audit.col.diff')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr>
                  <td class="num">{e.seq}</td>
                  <td>{formatDateTime(ctx.lang, e.at)}</td>
                  <td>{e.actorLabel}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.resourceType}
                    {e.resourceId ? ` ${readableValue(e.resourceId, names)}` : ''}
                  </td>
                  <td>
                    <Changes diff={e.diff} names={names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {next && (
        <nav aria-label={t('pager.label')}>
          <a href={nextUrl()}>{t('audit.older')}</a>
        </nav>
      )}
    </Layout>
  );
}
