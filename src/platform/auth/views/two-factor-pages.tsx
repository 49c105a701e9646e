import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import { groupSecret, type RequirableRole, requirableRoles, type TwoFactorStatus } from '../two-factor.js';
import { CheckboxesField, errorFor, type FieldErrors, TextField } from './fields.js';

/** Sign-in, second step: the code from the app, or a recovery code. */
export function twoFactorCodePage(ctx: PageContext, props: { errors?: FieldErrors }) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('twoFactor.codeTitle')}>
      <div class="narrow-block">
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{ctx.t('twoFactor.codeTitle')}</h1>
        <p>{ctx.t('twoFactor.codeIntro')}</p>
        <form method="post" action="/login/two-factor" class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            id="code"
            label={ctx.t('twoFactor.code')}
            hint={ctx.t('twoFactor.codeHint')}
            autocomplete="one-time-code"
            required
            error={errorFor(errors, 'code')}
          />
          <div>
            <button type="submit">{ctx.t('twoFactor.verify')}</button>
          </div>
        </form>
        <p>
          <a href="/login">{ctx.t('twoFactor.startOver')}</a>
        </p>
      </div>
    </Layout>
  );
}

/** Setting up: the secret as text and as an otpauth:// link, then a code to confirm. */
export function twoFactorSetupPage(
  ctx: PageContext,
  props: { secret: string; uri: string; action: string; required?: boolean; errors?: FieldErrors },
) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('twoFactor.setupTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('twoFactor.setupTitle')}</h1>
      {props.required && <p class="notice">{ctx.t('twoFactor.requiredNotice')}</p>}
      <ol>
        <li>{ctx.t('twoFactor.setupStep1')}</li>
        <li>
          {ctx.t('twoFactor.setupStep2')}
          <pre class="secret wrap">
            <code>{groupSecret(props.secret)}</code>
          </pre>
          <p>
            {ctx.t('twoFactor.setupLink')} <a href={props.uri}>{ctx.t('twoFactor.openInApp')}</a>
          </p>
          <details>
            <summary>{ctx.t('twoFactor.showUri')}</summary>
            <pre class="secret wrap">
              <code>{props.uri}</code>
            </pre>
          </details>
        </li>
        <li>{ctx.t('twoFactor.setupStep3')}</li>
      </ol>
      <form method="post" action={props.action} class="stack narrow-block" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="code"
          label={ctx.t('twoFactor.code')}
          autocomplete="one-time-code"
          required
          error={errorFor(errors, 'code')}
        />
        <div>
          <button type="submit">{ctx.t('twoFactor.confirm')}</button>
        </div>
      </form>
    </Layout>
  );
}

/** The recovery codes, shown once. */
export function recoveryCodesPage(ctx: PageContext, props: { codes: string[]; continueHref: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('twoFactor.codesTitle')}>
      <h1>{ctx.t('twoFactor.codesTitle')}</h1>
      <p class="success" role="status">
        {ctx.t('twoFactor.codesIntro')}
      </p>
      <p>{ctx.t('twoFactor.codesHint')}</p>
      <pre class="secret wrap">
        <code>{props.codes.join('\n')}</code>
      </pre>
      <p>
        <a class="button" href={props.continueHref}>
          {ctx.t('twoFactor.continue')}
        </a>
      </p>
    </Layout>
  );
}

/** /account/two-factor: on or off, and what you can do about it. */
export function twoFactorAccountPage(
  ctx: PageContext,
  props: {
    status: TwoFactorStatus;
    hasPassword: boolean;
    required: boolean;
    notice?: 'disabled';
    errors?: FieldErrors;
  },
) {
  const errors = props.errors ?? [];
  const p = ctx.principal!;
  return (
    <Layout ctx={ctx} title={ctx.t('twoFactor.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice === 'disabled' && (
        <p class="success" role="status">
          {ctx.t('twoFactor.disabledNotice')}
        </p>
      )}
      <h1>{ctx.t('twoFactor.title')}</h1>
      <p>{ctx.t('twoFactor.intro')}</p>
      {!props.hasPassword ? (
        <p>{ctx.t('twoFactor.noPassword')}</p>
      ) : props.status.enabled ? (
        <>
          <p>
            <span class="badge">{ctx.t('twoFactor.on')}</span>{' '}
            {ctx.t('twoFactor.codesLeft', { count: props.status.recoveryCodesLeft })}
          </p>
          <h2>{ctx.t('twoFactor.newCodes')}</h2>
          <p>{ctx.t('twoFactor.newCodesIntro')}</p>
          <form
            method="post"
            action="/account/two-factor/recovery-codes"
            class="stack narrow-block"
            novalidate
          >
            <CsrfField ctx={ctx} />
            <input type="text" name="username" value={p.email} autocomplete="username" hidden readOnly />
            <TextField
              id="codesPassword"
              name="password"
              type="password"
              label={ctx.t('account.currentPassword')}
              autocomplete="current-password"
              required
              error={errorFor(errors, 'codesPassword')}
            />
            <div>
              <button type="submit">{ctx.t('twoFactor.newCodes')}</button>
            </div>
          </form>
          <h2>{ctx.t('twoFactor.disable')}</h2>
          {props.required ? (
            <p>{ctx.t('twoFactor.cannotDisable')}</p>
          ) : (
            <form method="post" action="/account/two-factor/disable" class="stack narrow-block" novalidate>
              <CsrfField ctx={ctx} />
              <input type="text" name="username" value={p.email} autocomplete="username" hidden readOnly />
              <TextField
                id="disablePassword"
                name="password"
                type="password"
                label={ctx.t('account.currentPassword')}
                autocomplete="current-password"
                required
                error={errorFor(errors, 'disablePassword')}
              />
              <div>
                <button type="submit">{ctx.t('twoFactor.disable')}</button>
              </div>
            </form>
          )}
        </>
      ) : (
        <>
          <p>
            <span class="badge">{ctx.t('twoFactor.off')}</span>
          </p>
          {props.required && <p class="notice">{ctx.t('twoFactor.requiredNotice')}</p>}
          <p>
            <a class="button" href="/account/two-factor/setup">
              {ctx.t('twoFactor.setUp')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

/** /admin/security: which roles require two-factor sign-in. */
export function securityPage(
  ctx: PageContext,
  props: { required: RequirableRole[]; saved?: boolean; oidcProviders: Array<{ id: string; name: string }> },
) {
  return (
    <Layout ctx={ctx} title={ctx.t('security.title')}>
      {props.saved && (
        <p class="success" role="status">
          {ctx.t('users.saved')}
        </p>
      )}
      <h1>{ctx.t('security.title')}</h1>
      <h2>{ctx.t('security.twoFactor')}</h2>
      <p>{ctx.t('security.twoFactorIntro')}</p>
      <form method="post" action="/admin/security" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <CheckboxesField
          id="roles"
          name="roles"
          legend={ctx.t('security.rolesLegend')}
          hint={ctx.t('security.rolesHint')}
          options={requirableRoles.map((r) => ({ value: r, label: ctx.t(`role.${r}`) }))}
          checked={props.required}
        />
        <div>
          <button type="submit">{ctx.t('security.save')}</button>
        </div>
      </form>
      <h2>{ctx.t('security.oidc')}</h2>
      {props.oidcProviders.length === 0 ? (
        <p>{ctx.t('security.oidcNone')}</p>
      ) : (
        <ul>
          {props.oidcProviders.map((o) => (
            <li>
              {o.name} (<code>{o.id}</code>)
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
