import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import { scrollBox } from '../../ui/table-scroll.js';
import type { ApiTokenView } from '../api-tokens.js';
import { CheckboxesField, errorFor, type FieldErrors, formatDateTime, TextField } from './fields.js';

export function tokensPage(
  ctx: PageContext,
  props: {
    tokens: ApiTokenView[];
    created?: { name: string; token: string };
    revoked?: boolean;
    errors?: FieldErrors;
    values?: { name?: string; scopes?: string[]; expires?: string };
  },
) {
  const errors = props.errors ?? [];
  const values = props.values ?? {};
  const date = (d: Date | null) => formatDateTime(ctx.lang, d);
  const now = Date.now();
  return (
    <Layout ctx={ctx} title={ctx.t('tokens.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.revoked && (
        <p class="success" role="status">
          {ctx.t('tokens.revoked')}
        </p>
      )}
      {props.created && (
        <section class="success" aria-labelledby="new-token-title">
          <h2 id="new-token-title">{ctx.t('tokens.created')}</h2>
          <p>{ctx.t('tokens.createdHint')}</p>
          <pre class="secret">
            <code>{props.created.token}</code>
          </pre>
        </section>
      )}
      <h1>{ctx.t('tokens.title')}</h1>
      <p>{ctx.t('tokens.intro')}</p>

      <h2>{ctx.t('tokens.list')}</h2>
      {props.tokens.length === 0 ? (
        <p>{ctx.t('tokens.none')}</p>
      ) : (
        <div class="table-scroll" {...scrollBox(ctx)}>
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
                    <form method="post" action={`/account/tokens/${tk.id}/revoke`} class="inline-form">
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

      <h2>{ctx.t('tokens.new')}</h2>
      <form method="post" action="/account/tokens" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="name"
          label={ctx.t('tokens.name')}
          hint={ctx.t('tokens.nameHint')}
          value={values.name}
          autocomplete="off"
          required
          error={errorFor(errors, 'name')}
        />
        <CheckboxesField
          id="scopes"
          name="scopes"
          legend={ctx.t('tokens.scopes')}
          options={[
            { value: 'read', label: ctx.t('tokens.scope.read') },
            { value: 'write', label: ctx.t('tokens.scope.write') },
          ]}
          checked={values.scopes ?? ['read']}
          error={errorFor(errors, 'scopes')}
        />
        <TextField
          id="expires"
          type="date"
          label={ctx.t('tokens.expires')}
          hint={ctx.t('tokens.expiresHint')}
          value={values.expires}
          error={errorFor(errors, 'expires')}
        />
        <div>
          <button type="submit">{ctx.t('tokens.create')}</button>
        </div>
      </form>
    </Layout>
  );
}
