/** The Meldpunt start page: report for one's organisations, follow up, and one's own reports. */
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import { formatDay, labelOf, labelsOf } from './common.js';

export interface HomeData {
  reportFor: Array<{ id: string; name: string }>;
  followUp: Array<{ id: string; name: string }>;
  /** Organisations whose contact list one keeps (coordinators). */
  contactsFor: Array<{ id: string; name: string }>;
  mine: Array<{ id: string; state: string; occurredOn: string | null; forms: string[]; createdAt: Date }>;
}

export function homePage(ctx: PageContext, data: HomeData) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('incidents.home.title')}>
      <h1>{t('incidents.home.title')}</h1>
      <p>{t('incidents.home.intro')}</p>
      {data.reportFor.length + data.followUp.length === 0 && (
        <p class="notice">{t('incidents.home.noOrg')}</p>
      )}
      {(data.reportFor.length > 0 || data.followUp.length > 0) && (
        <ul class="link-list">
          {data.reportFor.map((o) => (
            <li>
              <a href={`/organisations/${o.id}/incidents/new`}>
                {t('incidents.home.report', { org: o.name })}
              </a>
            </li>
          ))}
          {data.followUp.map((o) => (
            <li>
              <a href={`/organisations/${o.id}/incidents`}>{t('incidents.home.followUp', { org: o.name })}</a>
            </li>
          ))}
          {data.contactsFor.map((o) => (
            <li>
              <a href={`/organisations/${o.id}/incidents/contacts`}>
                {t('incidents.home.contacts', { org: o.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('incidents.home.mine')}</h2>
      {data.mine.length === 0 ? (
        <p>{t('incidents.home.none')}</p>
      ) : (
        <ul class="plain-list">
          {data.mine.map((i) => (
            <li>
              <a href={i.state === 'draft' ? `/incidents/${i.id}/edit` : `/incidents/${i.id}`}>
                {formatDay(ctx.lang, i.occurredOn)} · {labelsOf(t, 'forms', i.forms)}
              </a>{' '}
              <span class="badge">{labelOf(t, 'state', i.state)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/meldpunt/my-data" download>
          {t('incidents.home.myData')}
        </a>
      </p>
    </Layout>
  );
}
