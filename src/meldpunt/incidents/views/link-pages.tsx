/** The magic-link pages (no account needed): ask for a link, the same answer always, confirm, refused. */
import { type FieldErrors, TextField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';

export function linkRequestPage(ctx: PageContext, email = '', errors: FieldErrors = []) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('incidents.link.title')}>
      <h1>{t('incidents.link.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('incidents.link.intro')}</p>
      <form method="post" action="/meldpunt/aanmelden" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="email"
          type="email"
          label={t('incidents.link.email')}
          value={email}
          autocomplete="email"
          error={errors.find((e) => e.field === 'email')?.message}
        />
        <button type="submit">{t('incidents.link.submit')}</button>
      </form>
    </Layout>
  );
}

export function linkSentPage(ctx: PageContext, minutes: number) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('incidents.link.sent.title')}>
      <h1>{t('incidents.link.sent.title')}</h1>
      <p role="status">{t('incidents.link.sent', { minutes })}</p>
    </Layout>
  );
}

/** Using the link takes a press of the button: a mail scanner that fetches the link does not use it up. */
export function linkConfirmPage(ctx: PageContext, action: string) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('incidents.link.confirm.title')}>
      <h1>{t('incidents.link.confirm.title')}</h1>
      <p>{t('incidents.link.confirm.intro')}</p>
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('incidents.link.confirm.submit')}</button>
      </form>
    </Layout>
  );
}

export function linkRefusedPage(ctx: PageContext, reason: 'invalid' | 'ordinary-sign-in') {
  const t = ctx.t;
  const ordinary = reason === 'ordinary-sign-in';
  const title = ordinary ? t('incidents.link.ordinary.title') : t('incidents.link.invalid.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{ordinary ? t('incidents.link.ordinary') : t('incidents.link.invalid')}</p>
      <p>
        {ordinary ? (
          <a href="/login">{t('incidents.link.toLogin')}</a>
        ) : (
          <a href="/meldpunt/aanmelden">{t('incidents.link.again')}</a>
        )}
      </p>
    </Layout>
  );
}
