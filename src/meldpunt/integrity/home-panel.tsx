/**
 * The integrity panel on the home page (listed as `home` in ../module.ts): for integrity officers the
 * reports with a deadline to meet, overdue first (./home.ts; plain-text register only, nothing decrypted).
 */
import { organisationsByIds } from '../../platform/auth/organisations.js';
import { formatDateTime } from '../../platform/format.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { HomeContext, HomePanelView } from '../../platform/modules.js';
import { integrityHome } from './home.js';
import { CountdownCell } from './views/parts.js';

export async function integrityPanel(ctx: HomeContext): Promise<HomePanelView | null> {
  const { t, lang } = ctx.page;
  const home = await integrityHome(ctx.db, ctx.principal);
  if (home.length === 0) return null;
  const names = await organisationsByIds(
    ctx.db,
    home.map((h) => h.organisationId),
  );
  const many = home.length > 1;
  return {
    title: t('home.integrity.title'),
    body: (
      <>
        {home.map((h) => (
          <>
            {many && <h3>{names.get(h.organisationId)?.name ?? h.organisationId}</h3>}
            {h.pendingCount === 0 ? (
              <p>{t('home.integrity.nonePending')}</p>
            ) : (
              <>
                <p>
                  {h.overdueCount > 0 ? (
                    <strong>{t('integrity.overdueCount', { count: h.overdueCount })}</strong>
                  ) : (
                    t('home.integrity.noneOverdue')
                  )}
                </p>
                <ul class="plain-list home-items">
                  {h.pending.map((r) => (
                    <li>
                      <a href={`/integrity/${h.organisationId}/reports/${r.reportId}`}>
                        {t('home.integrity.received', {
                          category: t(`integrity.category.${r.category}` as MessageKey),
                          at: formatDateTime(lang, r.receivedAt),
                        })}
                      </a>
                      <br />
                      {t('integrity.ackDeadline')}: <CountdownCell ctx={ctx.page} c={r.acknowledgement} />
                      <br />
                      {t('integrity.feedbackDeadline')}: <CountdownCell ctx={ctx.page} c={r.feedback} />
                    </li>
                  ))}
                </ul>
                {h.pendingCount > h.pending.length && (
                  <p>{t('home.integrity.more', { count: h.pendingCount - h.pending.length })}</p>
                )}
              </>
            )}
            <p>
              <a href={`/integrity/${h.organisationId}`}>{t('home.integrity.register')}</a>
            </p>
          </>
        ))}
      </>
    ),
  };
}
