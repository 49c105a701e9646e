import { can } from '../../access/policy.js';
import { formatDate as formatDate_, formatNumber as formatNumber_ } from '../../format.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { scrollBox } from '../../ui/table-scroll.js';
import type { Merger, Organisation } from '../model.js';

export const layerLabel = (ctx: PageContext, layer: string) => ctx.t(`orgs.layer.${layer}` as MessageKey);
export const sizeLabel = (ctx: PageContext, size: string | null) =>
  size ? ctx.t(`orgs.size.${size}` as MessageKey) : '';
export const mergerTypeLabel = (ctx: PageContext, type: string) =>
  ctx.t(`orgs.mergerType.${type}` as MessageKey);

export const formatNumber = (ctx: PageContext, n: number | null | undefined): string =>
  formatNumber_(ctx.lang, n);
/** A calendar day (`YYYY-MM-DD`), through the one formatter (src/platform/format.ts). */
export const formatDate = (ctx: PageContext, d: string | null | undefined): string =>
  formatDate_(ctx.lang, d);

/** Province code → name, from the provincie organisations. */
export type ProvinceNames = Map<string, string>;

export function provinceName(provinces: ProvinceNames, code: string | null): string {
  if (!code) return '';
  return provinces.get(code) ?? code;
}

export function OrgLink(props: { org: Pick<Organisation, 'id' | 'name'> }) {
  return <a href={`/organisations/${props.org.id}`}>{props.org.name}</a>;
}

/** Herindelingen as a table; codes link to the organisation when it is known and the person may open it. */
export function MergerTable(props: {
  ctx: PageContext;
  mergers: readonly Merger[];
  idByCode: Map<string, string>;
}) {
  const { ctx, idByCode } = props;
  const t = ctx.t;
  const codeLink = (code: string, label: string) => {
    const id = idByCode.get(code);
    // Link only what this person may open (no link that ends in 403).
    const mayRead =
      id !== undefined && ctx.principal !== undefined && can(ctx.principal, 'organisation.read', id);
    return mayRead ? <a href={`/organisations/${id}`}>{label}</a> : label;
  };
  return (
    <div class="table-scroll" {...scrollBox(ctx)}>
      <table>
        <caption class="visually-hidden">{t('orgs.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('orgs.history.date')}</th>
            <th scope="col">{t('orgs.history.type')}</th>
            <th scope="col">{t('orgs.history.successor')}</th>
            <th scope="col">{t('orgs.history.sources')}</th>
            <th scope="col">{t('orgs.history.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {props.mergers.map((m) => (
            <tr>
              <td>{formatDate(ctx, m.effectiveDate)}</td>
              <td>{mergerTypeLabel(ctx, m.type)}</td>
              <td>{codeLink(m.successorCode, m.successorCode)}</td>
              <td>
                <ul class="plain-list">
                  {m.sources.map((s) => (
                    <li>
                      {codeLink(s.code, `${s.name} (${s.code})`)}
                      {s.partial ? ` ${t('orgs.history.partial')}` : ''}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{m.notes ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
