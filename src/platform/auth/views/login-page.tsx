import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import { errorFor, type FieldErrors, TextField } from './fields.js';

export function loginPage(
  ctx: PageContext,
  props: {
    next: string;
    email?: string;
    errors?: FieldErrors;
    signedOut?: boolean;
    /** OpenID Connect providers: one button each. */
    providers?: Array<{ id: string; name: string }>;
  },
) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('login.title')}>
      <div class="narrow-block">
        {props.signedOut && <p class="success">{ctx.t('login.signedOut')}</p>}
        <ErrorSummary ctx={ctx} errors={errors} />
        <h1>{ctx.t('login.title')}</h1>
        <p>{ctx.t('login.intro')}</p>
        <form method="post" action="/login" class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={props.next} />
          <TextField
            id="email"
            type="email"
            label={ctx.t('login.email')}
            value={props.email}
            autocomplete="username"
            required
            error={errorFor(errors, 'email')}
          />
          <TextField
            id="password"
            type="password"
            label={ctx.t('login.password')}
            autocomplete="current-password"
            required
            error={errorFor(errors, 'password')}
          />
          <div>
            <button type="submit">{ctx.t('login.submit')}</button>
          </div>
        </form>
        {(props.providers ?? []).length > 0 && (
          <section aria-labelledby="oidc-title" class="check-section">
            <h2 id="oidc-title">{ctx.t('oidc.title')}</h2>
            <p>{ctx.t('oidc.intro')}</p>
            <ul class="plain-list stack">
              {(props.providers ?? []).map((o) => (
                <li>
                  <form method="post" action={`/auth/oidc/${encodeURIComponent(o.id)}`}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="next" value={props.next} />
                    <button type="submit" class="secondary">
                      {ctx.t('oidc.signInWith', { name: o.name })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
