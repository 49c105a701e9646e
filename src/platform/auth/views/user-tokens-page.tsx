import type { PageContext } from '../../ui/context.js';
import { CsrfField, Layout } from '../../ui/layout.js';
import type { ApiTokenView } from '../api-tokens.js';
import type { UserView } from '../users-service.js';
import { formatDateTime } from './fields.js';

/** Another user's API tokens, for an admin or their coordinator: names and prefixes, and a revoke button. */
export function userTokensPage(
  ctx: PageContext,
  props: { user: UserView; tokens: ApiTokenView[]; revoked?: boolean },
) {
  const { user: u } = props;
  const date = (d: Date | null) => formatDateTime(ctx.lang, d);
  const now = Date.now();
  return (
    <Layout ctx={ctx} title={ctx.t('userTokens.title', { name: u.displayName })}>
      {props.revoked && (
        <p class="success" role="status">
          {ctx.t('userTokens.revoked')}
        </p>
      )}
      <p>
        <a href={`/users/${u.id}`}>{ctx.t('userTokens.back', { name: u.displayName })}</a>
      </p>
      <h1>{ctx.t('userTokens.title', { name: u.displayName })}</h1>
      <p>{ctx.t('userTokens.intro')}</p>
      {props.tokens.length === 0 ? (
        <p>{ctx.t('userTokens.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('tokens.name')}</th>
                <th scope="col">{ctx.t('tokens.prefix')}</th>
                <th scope="col">{ctx.t('tokens.scopes')}</th>
                <th scope="col">{ctx.t('tokens.createdAt')}</th>
                <th scope="col">{ctx.t('tokens.lastUsed')}</th>
                <th scope="col">{ctx.t('tokens.expiresAt')}</th>
                <th scope="col">
                  <span class="visually-hidden">{ctx.t('tokens.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((tk) => (
                <tr>
                  <td>{tk.name}</td>
                  <td>
                    <code>{tk.prefix}…</code>
                  </td>
                  <td>{ctx.t(tk.scopes.includes('write') ? 'tokens.scope.write' : 'tokens.scope.read')}</td>
                  <td>{date(tk.createdAt)}</td>
                  <td>{tk.lastUsedAt ? date(tk.lastUsedAt) : ctx.t('tokens.never')}</td>
                  <td>
                    {!tk.expiresAt
                      ? ctx.t('tokens.noExpiry')
                      : tk.expiresAt.getTime() <= now
                        ? `${ctx.t('tokens.expired')} (${date(tk.expiresAt)})`
                        : date(tk.expiresAt)}
                  </td>
                  <td>
                    <form
                      method="post"
                      action={`/users/${u.id}/api-tokens/${tk.id}/revoke`}
                      class="inline-form"
                    >
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="link-button"
                        aria-label={ctx.t('tokens.revokeLabel', { name: tk.name })}
                      >
                        {ctx.t('tokens.revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
