import { can } from '../../access/policy.js';
import { SelectField, TextField } from '../../auth/views/fields.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { scrollBox } from '../../ui/table-scroll.js';
import { layers, type Organisation } from '../model.js';
import type { Page } from '../service.js';
import {
  formatDate,
  formatNumber,
  layerLabel,
  type ProvinceNames,
  provinceName,
  sizeLabel,
} from './common.js';

export interface ListFilter {
  layer?: string;
  province?: string;
  q?: string;
  includeEnded?: boolean;
  page: number;
  pageSize: number;
}

function pageUrl(filter: ListFilter, page: number): string {
  const u = new URLSearchParams();
  if (filter.q) u.set('q', filter.q);
  if (filter.layer) u.set('layer', filter.layer);
  if (filter.province) u.set('province', filter.province);
  if (filter.includeEnded) u.set('includeEnded', 'true');
  if (filter.pageSize !== 25) u.set('pageSize', String(filter.pageSize));
  u.set('page', String(page));
  return `/organisations?${u}`;
}

export function listPage(
  ctx: PageContext,
  filter: ListFilter,
  result: Page<Organisation>,
  provinces: ProvinceNames,
) {
  const t = ctx.t;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const admin = ctx.principal && can(ctx.principal, 'organisation.create');
  // The registry is visible to everyone signed in; details only to those the policy lets read them.
  const canRead = (id: string) => (ctx.principal ? can(ctx.principal, 'organisation.read', id) : false);
  return (
    <Layout ctx={ctx} title={t('orgs.title')} wide>
      <h1>{t('orgs.title')}</h1>
      <p>{t('orgs.intro')}</p>
      {admin && (
        <p class="actions">
          <a class="button" href="/organisations/new">
            {t('orgs.new')}
          </a>{' '}
          {ctx.principal && can(ctx.principal, 'organisation.import') && (
            <a class="button secondary" href="/organisations/import">
              {t('orgs.import')}
            </a>
          )}
        </p>
      )}
      <form method="get" action="/organisations" class="filters" aria-label={t('orgs.filters')}>
        <TextField id="q" label={t('orgs.search')} value={filter.q} />
        <SelectField
          id="layer"
          label={t('orgs.layer')}
          value={filter.layer}
          placeholder={t('orgs.layer.any')}
          options={layers.map((l) => ({ value: l, label: layerLabel(ctx, l) }))}
        />
        <SelectField
          id="province"
          label={t('orgs.province')}
          value={filter.province}
          placeholder={t('orgs.province.any')}
          options={[...provinces].map(([code, name]) => ({ value: code, label: name }))}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="includeEnded"
            name="includeEnded"
            value="true"
            checked={filter.includeEnded ?? false}
          />
          <label for="includeEnded">{t('orgs.includeEnded')}</label>
        </div>
        <div>
          <button type="submit">{t('orgs.apply')}</button>
        </div>
      </form>
      <p aria-live="polite">
        {t('orgs.count', { count: result.total })}
        {pages > 1 ? ` · ${t('orgs.pageOf', { page: result.page, pages })}` : ''}
      </p>
      {result.items.length === 0 ? (
        <p>{t('table.none')}</p>
      ) : (
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table>
            <caption class="visually-hidden">{t('orgs.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orgs.name')}</th>
                <th scope="col">{t('orgs.code')}</th>
                <th scope="col">{t('orgs.layer')}</th>
                <th scope="col">{t('orgs.province')}</th>
                <th scope="col" class="num">
                  {t('orgs.inhabitants')}
                </th>
                <th scope="col">{t('orgs.sizeClass')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((o) => (
                <tr>
                  <th scope="row">
                    {canRead(o.id) ? <a href={`/organisations/${o.id}`}>{o.name}</a> : o.name}
                    {o.validTo && (
                      <>
                        {' '}
                        <span class="badge">{t('orgs.ended', { date: formatDate(ctx, o.validTo) })}</span>
                      </>
                    )}
                  </th>
                  <td>{o.code}</td>
                  <td>{layerLabel(ctx, o.layer)}</td>
                  <td>{provinceName(provinces, o.provinceCode)}</td>
                  <td class="num">{formatNumber(ctx, o.inhabitants)}</td>
                  <td>{sizeLabel(ctx, o.sizeClass)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('pager.label')}>
          <ul class="pager">
            {result.page > 1 && (
              <li>
                <a href={pageUrl(filter, result.page - 1)} rel="prev">
                  {t('pager.previous')}
                </a>
              </li>
            )}
            <li>{t('orgs.pageOf', { page: result.page, pages })}</li>
            {result.page < pages && (
              <li>
                <a href={pageUrl(filter, result.page + 1)} rel="next">
                  {t('pager.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
      <p>
        <a href="/organisations/mergers">{t('orgs.mergers.link')}</a>
      </p>
      <p class="hint">{t('orgs.source')}</p>
    </Layout>
  );
}
