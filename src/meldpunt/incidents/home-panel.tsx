/**
 * The incidents panel on the home page (listed as `home` in ../module.ts): for coordinators and case
 * handlers the open incidents of their organisation by state, the overdue tasks and the next tasks due
 * (only the incidents they may see: ./home.ts); for a reporter how many of their reports are still open.
 */
import { organisationsByIds } from '../../platform/auth/organisations.js';
import { formatDate, formatNumber } from '../../platform/format.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { HomeContext, HomePanelView } from '../../platform/modules.js';
import { incidentsHome, openStates } from './home.js';

export async function incidentsPanel(ctx: HomeContext): Promise<HomePanelView> {
  const { t, lang } = ctx.page;
  const home = await incidentsHome(ctx.db, ctx.principal);
  const names = await organisationsByIds(
    ctx.db,
    home.followUp.map((f) => f.organisationId),
  );
  const many = home.followUp.length > 1;
  return {
    title: t('home.incidents.title'),
    body: (
      <>
        {home.followUp.map((f) => {
          const open = openStates.reduce((s, st) => s + f.byState[st], 0);
          return (
            <>
              {many && <h3>{names.get(f.organisationId)?.name ?? f.organisationId}</h3>}
              {open === 0 ? (
                <p>{t('home.incidents.noneOpen')}</p>
              ) : (
                <ul class="plain-list">
                  {openStates.map((st) => (
                    <li>
                      {t(`incidents.state.${st}` as MessageKey)}: {formatNumber(lang, f.byState[st])}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                {f.overdueTasks > 0 ? (
                  <strong>{t('home.incidents.overdueTasks', { count: f.overdueTasks })}</strong>
                ) : (
                  t('home.incidents.noOverdueTasks')
                )}
              </p>
              {f.nextTasks.length > 0 && (
                <>
                  <h3>{t('home.incidents.nextTasks')}</h3>
                  <ul class="plain-list home-items">
                    {f.nextTasks.map((task) => (
                      <li>
                        <a href={`/incidents/${task.incidentId}`}>
                          {t(`incidents.task.${task.kind}` as MessageKey)}
                        </a>
                        <br />
                        {t('home.incidents.due', { date: formatDate(lang, task.dueOn) })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p>
                <a href={`/organisations/${f.organisationId}/incidents`}>{t('home.incidents.list')}</a>
              </p>
            </>
          );
        })}
        {home.ownOpenReports > 0 ? (
          <p>{t('home.incidents.ownOpen', { count: home.ownOpenReports })}</p>
        ) : (
          home.followUp.length === 0 && <p>{t('home.incidents.noOwnOpen')}</p>
        )}
        <p>
          <a href="/meldpunt">{t('home.incidents.toMeldpunt')}</a>
        </p>
      </>
    ),
  };
}
