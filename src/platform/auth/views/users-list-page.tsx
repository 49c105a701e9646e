import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { scrollBox } from '../../ui/table-scroll.js';
import type { OrganisationRef } from '../organisations.js';
import type { UserView } from '../users-service.js';

export function roleLabels(ctx: PageContext, u: UserView): string[] {
  return [
    ...u.platformRoles.map((r) => ctx.t(`role.${r}` as MessageKey)),
    ...u.memberships.map((m) =>
      ctx.t('home.roleIn', { role: ctx.t(`role.${m.role}` as MessageKey), organisation: m.organisationName }),
    ),
  ];
}

export function statusLabel(ctx: PageContext, u: UserView): string {
  if (u.disabled) return ctx.t('users.disabled');
  if (u.lockedUntil) return ctx.t('users.locked');
  return ctx.t('users.active');
}

export function usersListPage(
  ctx: PageContext,
  props: {
    users: UserView[];
    total: number;
    q: string;
    /** The organisation the list is filtered by. */
    organisationId?: string;
    /** The organisations it can be filtered by. */
    organisations: OrganisationRef[];
    isAdmin: boolean;
    offset: number;
    limit: number;
    created?: boolean;
  },
) {
  const more = props.offset + props.users.length < props.total;
  const pageUrl = (offset: number) => {
    const p = new URLSearchParams();
    if (props.q) p.set('q', props.q);
    if (props.organisationId) p.set('organisationId', props.organisationId);
    p.set('offset', String(offset));
    return `/users?${p}`;
  };
  return (
    <Layout ctx={ctx} title={ctx.t('users.title')} wide>
      <h1>{ctx.t('users.title')}</h1>
      <p>{props.isAdmin ? ctx.t('users.introAdmin') : ctx.t('users.introCoordinator')}</p>
      {props.isAdmin && (
        <p>
          <a class="button" href="/users/new">
            {ctx.t('users.add')}
          </a>
        </p>
      )}
      <form method="get" action="/users" class="filters">
        {(props.organisations.length > 1 || props.organisationId) && (
          <div>
            <label for="organisationId">{ctx.t('users.organisation')}</label>
            <select id="organisationId" name="organisationId">
              <option value="">{ctx.t('users.allOrganisations')}</option>
              {props.organisations.map((o) => (
                <option value={o.id} selected={o.id === props.organisationId}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label for="q">{ctx.t('users.search')}</label>
          <input type="search" id="q" name="q" value={props.q} />
        </div>
        <div>
          <button type="submit">{ctx.t('form.search')}</button>
        </div>
      </form>
      <p role="status">{ctx.t('users.count', { count: props.total })}</p>
      {props.users.length === 0 ? (
        <p>{ctx.t('table.none')}</p>
      ) : (
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('users.name')}</th>
                <th scope="col">{ctx.t('users.email')}</th>
                <th scope="col">{ctx.t('users.roles')}</th>
                <th scope="col">{ctx.t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <tr>
                  <td>
                    <a href={`/users/${u.id}`}>{u.displayName}</a>
                  </td>
                  <td>{u.email}</td>
                  <td>{roleLabels(ctx, u).join(', ')}</td>
                  <td>{statusLabel(ctx, u)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(props.offset > 0 || more) && (
        <nav aria-label={ctx.t('pager.label')}>
          <ul class="pager">
            {props.offset > 0 && (
              <li>
                <a href={pageUrl(Math.max(0, props.offset - props.limit))}>{ctx.t('pager.previous')}</a>
              </li>
            )}
            {more && (
              <li>
                <a href={pageUrl(props.offset + props.limit)}>{ctx.t('pager.next')}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
