import { can } from '../../access/policy.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import type { Merger, Organisation } from '../model.js';
import {
  formatDate,
  formatNumber,
  layerLabel,
  MergerTable,
  type ProvinceNames,
  provinceName,
  sizeLabel,
} from './common.js';

export function detailPage(
  ctx: PageContext,
  org: Organisation,
  mergers: readonly Merger[],
  idByCode: Map<string, string>,
  provinces: ProvinceNames,
  notice?: string,
) {
  const t = ctx.t;
  const p = ctx.principal;
  const unknown = <span class="hint">{t('orgs.unknown')}</span>;
  const fact = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value || unknown}</dd>
    </>
  );
  return (
    <Layout ctx={ctx} title={org.name}>
      {notice && (
        <div class="success" role="status">
          {notice}
        </div>
      )}
      <p>
        <a href="/organisations">{t('orgs.title')}</a>
      </p>
      <h1>{org.name}</h1>
      {org.validTo && <p class="notice">{t('orgs.ended', { date: formatDate(ctx, org.validTo) })}</p>}
      <h2>{t('orgs.facts')}</h2>
      <dl class="facts">
        {fact(t('orgs.code'), org.code)}
        {fact(t('orgs.layer'), layerLabel(ctx, org.layer))}
        {fact(t('orgs.province'), provinceName(provinces, org.provinceCode))}
        {fact(t('orgs.inhabitants'), formatNumber(ctx, org.inhabitants))}
        {fact(t('orgs.inhabitantsDate'), formatDate(ctx, org.inhabitantsDate))}
        {fact(t('orgs.sizeClass'), sizeLabel(ctx, org.sizeClass))}
        {org.validFrom && fact(t('orgs.validFrom'), formatDate(ctx, org.validFrom))}
        {org.validTo && fact(t('orgs.validTo'), formatDate(ctx, org.validTo))}
      </dl>
      <ul class="actions-list">
        {p && (can(p, 'user.list') || can(p, 'user.list', org.id)) && (
          <li>
            <a href={`/users?organisationId=${org.id}`}>{t('orgs.users')}</a>
          </li>
        )}
        {p && can(p, 'organisation.update', org.id) && (
          <li>
            <a href={`/organisations/${org.id}/edit`}>{t('orgs.edit')}</a>
          </li>
        )}
        {p && can(p, 'organisation.merge', org.id) && !org.validTo && (
          <li>
            <a href={`/organisations/${org.id}/merge`}>{t('orgs.merge')}</a>
          </li>
        )}
      </ul>
      <h2>{t('orgs.history')}</h2>
      {mergers.length === 0 ? (
        <p>{t('orgs.history.none')}</p>
      ) : (
        <MergerTable ctx={ctx} mergers={mergers} idByCode={idByCode} />
      )}
    </Layout>
  );
}

export function mergersPage(
  ctx: PageContext,
  mergers: readonly Merger[],
  idByCode: Map<string, string>,
  paging: { page: number; pages: number },
) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('orgs.mergers.title')} wide>
      <p>
        <a href="/organisations">{t('orgs.title')}</a>
      </p>
      <h1>{t('orgs.mergers.title')}</h1>
      <p>{t('orgs.mergers.intro')}</p>
      {mergers.length === 0 ? (
        <p>{t('table.none')}</p>
      ) : (
        <MergerTable ctx={ctx} mergers={mergers} idByCode={idByCode} />
      )}
      {paging.pages > 1 && (
        <nav aria-label={t('pager.label')}>
          <ul class="pager">
            {paging.page > 1 && (
              <li>
                <a href={`/organisations/mergers?page=${paging.page - 1}`} rel="prev">
                  {t('pager.previous')}
                </a>
              </li>
            )}
            <li>{t('orgs.pageOf', { page: paging.page, pages: paging.pages })}</li>
            {paging.page < paging.pages && (
              <li>
                <a href={`/organisations/mergers?page=${paging.page + 1}`} rel="next">
                  {t('pager.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
