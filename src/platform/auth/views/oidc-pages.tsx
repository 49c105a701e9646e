import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';

export type OidcProblem =
  | 'unknown'
  | 'disabled'
  | 'expired'
  | 'provider-error'
  | 'checks-failed'
  | 'no-claim'
  | 'email-unverified'
  | 'unavailable';

/** Why signing in through the organisation did not work, and what to do. */
export function oidcProblemPage(ctx: PageContext, props: { problem: OidcProblem; provider: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('oidc.problemTitle')}>
      <div class="narrow-block">
        <h1>{ctx.t('oidc.problemTitle')}</h1>
        <p>{ctx.t(`oidc.problem.${props.problem}` as MessageKey, { provider: props.provider })}</p>
        <p>
          <a href="/login">{ctx.t('oidc.backToLogin')}</a>
        </p>
      </div>
    </Layout>
  );
}
