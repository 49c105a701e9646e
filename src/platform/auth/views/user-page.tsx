import { organisationRoles, platformRoles } from '../../access/policy.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import type { OrganisationRef } from '../organisations.js';
import type { UserView } from '../users-service.js';
import {
  CheckboxesField,
  errorFor,
  type FieldErrors,
  formatDateTime,
  SelectField,
  TextField,
} from './fields.js';
import { statusLabel } from './users-list-page.js';

export type UserPageNotice = 'created' | 'saved' | 'passwordSet' | 'twoFactorReset';

export function userPage(
  ctx: PageContext,
  props: {
    user: UserView;
    /** May change name, platform roles, status and password (admin). */
    canEdit: boolean;
    /** Organisations in which the viewer may add or remove roles. */
    manageable: OrganisationRef[];
    notice?: UserPageNotice;
    /** Two-factor sign-in is on for this user (shown to admins, with a reset). */
    twoFactorOn?: boolean;
    errors?: FieldErrors;
    values?: { displayName?: string; platformRoles?: string[]; organisationId?: string; role?: string };
  },
) {
  const { user: u } = props;
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const manageableIds = new Set(props.manageable.map((o) => o.id));
  const roleLabel = (r: string) => ctx.t(`role.${r}` as MessageKey);
  return (
    <Layout ctx={ctx} title={u.displayName}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice && (
        <p class="success" role="status">
          {ctx.t(
            props.notice === 'created'
              ? 'users.created'
              : props.notice === 'saved'
                ? 'users.saved'
                : props.notice === 'twoFactorReset'
                  ? 'users.twoFactorResetDone'
                  : 'users.passwordSet',
          )}
        </p>
      )}
      <p>
        <a href="/users">{ctx.t('users.back')}</a>
      </p>
      <h1>{u.displayName}</h1>
      <dl class="facts">
        <dt>{ctx.t('users.email')}</dt>
        <dd>{u.email}</dd>
        <dt>{ctx.t('users.status')}</dt>
        <dd>
          {statusLabel(ctx, u)}
          {u.lockedUntil && !u.disabled ? ` (${formatDateTime(ctx.lang, u.lockedUntil)})` : ''}
        </dd>
        {!props.canEdit && (
          <>
            <dt>{ctx.t('users.platformRoles')}</dt>
            <dd>{u.platformRoles.map(roleLabel).join(', ') || '–'}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/users/${u.id}/api-tokens`}>{ctx.t('userTokens.link')}</a>
      </p>

      {props.canEdit && (
        <>
          <h2>{ctx.t('users.details')}</h2>
          <form method="post" action={`/users/${u.id}`} class="stack" novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              id="displayName"
              label={ctx.t('users.name')}
              value={v.displayName ?? u.displayName}
              autocomplete="off"
              required
              error={errorFor(errors, 'displayName')}
            />
            <CheckboxesField
              id="platformRoles"
              name="platformRoles"
              legend={ctx.t('users.platformRoles')}
              hint={ctx.t('users.platformRolesHint')}
              options={platformRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
              checked={v.platformRoles ?? u.platformRoles}
              error={errorFor(errors, 'platformRoles')}
            />
            <div>
              <button type="submit">{ctx.t('form.save')}</button>
            </div>
          </form>
        </>
      )}

      <h2>{ctx.t('users.memberships')}</h2>
      {u.memberships.length === 0 ? (
        <p>{ctx.t('users.membershipsNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t('users.organisation')}</th>
              <th scope="col">{ctx.t('users.role')}</th>
              <th scope="col">
                <span class="visually-hidden">{ctx.t('users.membershipRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {u.memberships.map((m) => (
              <tr>
                <td>
                  {m.organisationName} ({m.organisationCode})
                </td>
                <td>{roleLabel(m.role)}</td>
                <td>
                  {manageableIds.has(m.organisationId) && (
                    <form
                      method="post"
                      action={`/users/${u.id}/memberships/${m.organisationId}/${m.role}/remove`}
                      class="inline-form"
                    >
                      <CsrfField ctx={ctx} />
                      <button
                        type="submit"
                        class="link-button"
                        aria-label={ctx.t('users.membershipRemoveLabel', {
                          role: roleLabel(m.role),
                          organisation: m.organisationName,
                        })}
                      >
                        {ctx.t('users.membershipRemove')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.manageable.length > 0 && (
        <form method="post" action={`/users/${u.id}/memberships`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <h3>{ctx.t('users.membershipAdd')}</h3>
          <SelectField
            id="organisationId"
            label={ctx.t('users.organisation')}
            placeholder={ctx.t('users.chooseOrganisation')}
            options={props.manageable.map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }))}
            value={v.organisationId}
            required
            error={errorFor(errors, 'organisationId')}
          />
          <SelectField
            id="role"
            label={ctx.t('users.role')}
            placeholder={ctx.t('users.chooseRole')}
            options={organisationRoles.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={v.role}
            required
            error={errorFor(errors, 'role')}
          />
          <div>
            <button type="submit">{ctx.t('users.membershipAdd')}</button>
          </div>
        </form>
      )}

      {props.canEdit && (
        <>
          <h2>{ctx.t('users.account')}</h2>
          <form method="post" action={`/users/${u.id}/status`} class="stack">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="disabled" value={u.disabled ? '0' : '1'} />
            <p class="hint">{ctx.t('users.disableHint')}</p>
            {errorFor(errors, 'disabled') && <p class="field-error">{errorFor(errors, 'disabled')}</p>}
            <div>
              <button type="submit" id="disabled">
                {u.disabled ? ctx.t('users.enable') : ctx.t('users.disable')}
              </button>
            </div>
          </form>
          {u.lockedUntil && !u.disabled && (
            <form method="post" action={`/users/${u.id}/status`} class="stack">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="disabled" value="0" />
              <div>
                <button type="submit">{ctx.t('users.unlock')}</button>
              </div>
            </form>
          )}
          <h3>{ctx.t('account.twoFactor')}</h3>
          <p>{ctx.t(props.twoFactorOn ? 'account.twoFactorOn' : 'account.twoFactorOff')}</p>
          {props.twoFactorOn && (
            <form method="post" action={`/users/${u.id}/two-factor/reset`} class="stack">
              <CsrfField ctx={ctx} />
              <p class="hint">{ctx.t('users.twoFactorResetHint')}</p>
              <div>
                <button type="submit">{ctx.t('users.twoFactorReset')}</button>
              </div>
            </form>
          )}
          <h3>{ctx.t('users.resetPassword')}</h3>
          <form method="post" action={`/users/${u.id}/password`} class="stack" novalidate>
            <CsrfField ctx={ctx} />
            <input type="text" name="username" value={u.email} autocomplete="username" hidden readOnly />
            <TextField
              id="newPassword"
              type="password"
              label={ctx.t('users.newPassword')}
              hint={ctx.t('account.passwordHint')}
              autocomplete="new-password"
              required
              error={errorFor(errors, 'newPassword')}
            />
            <div>
              <button type="submit">{ctx.t('users.resetPassword')}</button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
