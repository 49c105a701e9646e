import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import { scrollBox } from '../../ui/table-scroll.js';
import type { SessionView } from '../sessions.js';
import { errorFor, type FieldErrors, formatDateTime, TextField } from './fields.js';

export function accountPage(
  ctx: PageContext,
  props: {
    sessions: SessionView[];
    hasPassword: boolean;
    twoFactorOn?: boolean;
    notice?: 'sessionRevoked' | 'passwordChanged';
    errors?: FieldErrors;
  },
) {
  const p = ctx.principal!;
  const errors = props.errors ?? [];
  const date = (d: Date) => formatDateTime(ctx.lang, d);
  return (
    <Layout ctx={ctx} title={ctx.t('account.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice === 'sessionRevoked' && (
        <p class="success" role="status">
          {ctx.t('account.sessionRevoked')}
        </p>
      )}
      {props.notice === 'passwordChanged' && (
        <p class="success" role="status">
          {ctx.t('account.passwordChanged')}
        </p>
      )}
      <h1>{ctx.t('account.title')}</h1>
      <h2>{ctx.t('account.details')}</h2>
      <dl class="facts">
        <dt>{ctx.t('users.name')}</dt>
        <dd>{p.displayName}</dd>
        <dt>{ctx.t('users.email')}</dt>
        <dd>{p.email}</dd>
      </dl>

      <h2>{ctx.t('account.sessions')}</h2>
      <p>{ctx.t('account.sessionsIntro')}</p>
      <div class="table-scroll" {...scrollBox(ctx)}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t('account.sessionCreated')}</th>
              <th scope="col">{ctx.t('account.sessionLastSeen')}</th>
              <th scope="col">{ctx.t('account.sessionExpires')}</th>
              <th scope="col">
                <span class="visually-hidden">{ctx.t('account.sessionRevoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <td>{date(s.createdAt)}</td>
                <td>{date(s.lastSeenAt)}</td>
                <td>{date(s.expiresAt)}</td>
                <td>
                  {s.id === p.sessionId ? (
                    <span class="badge">{ctx.t('account.sessionCurrent')}</span>
                  ) : (
                    <form method="post" action={`/account/sessions/${s.id}/revoke`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="link-button"
                        aria-label={ctx.t('account.sessionRevokeLabel', { date: date(s.createdAt) })}
                      >
                        {ctx.t('account.sessionRevoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {props.hasPassword && (
        <>
          <h2>{ctx.t('account.twoFactor')}</h2>
          <p>{ctx.t(props.twoFactorOn ? 'account.twoFactorOn' : 'account.twoFactorOff')}</p>
          <p>
            <a href="/account/two-factor">{ctx.t('account.twoFactorManage')}</a>
          </p>
        </>
      )}

      <h2>{ctx.t('account.changePassword')}</h2>
      {props.hasPassword ? (
        <form method="post" action="/account/password" class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <input type="text" name="username" value={p.email} autocomplete="username" hidden readOnly />
          <TextField
            id="currentPassword"
            type="password"
            label={ctx.t('account.currentPassword')}
            autocomplete="current-password"
            required
            error={errorFor(errors, 'currentPassword')}
          />
          <TextField
            id="newPassword"
            type="password"
            label={ctx.t('account.newPassword')}
            hint={ctx.t('account.passwordHint')}
            autocomplete="new-password"
            required
            error={errorFor(errors, 'newPassword')}
          />
          <div>
            <button type="submit">{ctx.t('account.changePassword')}</button>
          </div>
        </form>
      ) : (
        <p>{ctx.t('account.noPassword')}</p>
      )}
    </Layout>
  );
}
