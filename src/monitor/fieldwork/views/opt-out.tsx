/** The respondent's opt-out page. */
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, Layout } from '../../../platform/ui/layout.js';

export function optOutPage(
  ctx: PageContext,
  d: { token: string; state: 'confirm' | 'done' | 'unknown'; waveName?: string },
) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('optout.title')}>
      <h1>{t('optout.title')}</h1>
      {d.state === 'unknown' && <p>{t('optout.unknown')}</p>}
      {d.state === 'done' && (
        <p class="notice success" role="status">
          {t('optout.done')}
        </p>
      )}
      {d.state === 'confirm' && (
        <>
          <p>{t('optout.question', { wave: d.waveName ?? '' })}</p>
          <form method="post" action={`/r/${d.token}/afmelden`}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('optout.confirm')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
