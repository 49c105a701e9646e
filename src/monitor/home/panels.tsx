/**
 * The monitor's panels on the home page (listed as `home` in ../module.ts): a researcher sees the open
 * waves with their response and the next reminder; a viewer (BZK) the latest results, which come with
 * the results module, and meanwhile the response of the waves.
 */
import { and, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { formatDate, formatDateTime, formatPercent } from '../../platform/format.js';
import type { HomeContext, HomePanelView } from '../../platform/modules.js';
import { framePersons, invitations, waves } from '../fieldwork/schema.js';
import { listWaves, type WaveSummary } from '../fieldwork/waves-service.js';

/**
 * When each wave's next scheduled reminder falls due: the earliest (invitation + reminderDays[n]) over
 * the invited persons who have not completed, have not opted out and have a reminder left. The hourly
 * job sends what is due, so the mail leaves within the hour after this moment.
 */
export async function nextReminders(db: DbOrTx, waveIds: string[]): Promise<Map<string, Date>> {
  if (waveIds.length === 0) return new Map();
  const due = sql<string>`min(${invitations.invitedAt} + make_interval(days => (${waves.reminderDays})[${invitations.remindersSent} + 1]))`;
  const rows = await db
    .select({ waveId: invitations.waveId, due })
    .from(invitations)
    .innerJoin(waves, sql`${waves.id} = ${invitations.waveId}`)
    .innerJoin(framePersons, sql`${framePersons.id} = ${invitations.framePersonId}`)
    .where(
      and(
        inArray(invitations.waveId, waveIds),
        ne(invitations.status, 'completed'),
        isNotNull(invitations.invitedAt),
        isNull(framePersons.optedOutAt),
        lt(invitations.remindersSent, sql`cardinality(${waves.reminderDays})`),
      ),
    )
    .groupBy(invitations.waveId);
  return new Map(rows.filter((r) => r.due).map((r) => [r.waveId, new Date(r.due)]));
}

function WaveResponse(props: { ctx: HomeContext; wave: WaveSummary }) {
  const { t, lang } = props.ctx.page;
  const w = props.wave;
  return (
    <>
      {w.invited > 0
        ? t('home.monitor.response', {
            completed: w.completed,
            invited: w.invited,
            rate: formatPercent(lang, w.completed / w.invited),
          })
        : t('home.monitor.notInvited')}
    </>
  );
}

export async function openWavesPanel(ctx: HomeContext): Promise<HomePanelView> {
  const { t, lang } = ctx.page;
  const open = (await listWaves(ctx.db)).filter((w) => w.status === 'open');
  const reminders = await nextReminders(
    ctx.db,
    open.map((w) => w.id),
  );
  return {
    title: t('home.monitor.openWaves'),
    body: (
      <>
        {open.length === 0 ? (
          <p>{t('home.monitor.noOpenWaves')}</p>
        ) : (
          <ul class="plain-list home-items">
            {open.map((w) => {
              const next = reminders.get(w.id);
              return (
                <li>
                  <a href={`/waves/${w.id}/monitoring`}>{w.name}</a>
                  <br />
                  <WaveResponse ctx={ctx} wave={w} />
                  <br />
                  {next
                    ? t('home.monitor.nextReminder', { at: formatDateTime(lang, next) })
                    : t('home.monitor.noReminder')}
                  {w.fieldworkEnd && (
                    <>
                      <br />
                      {t('home.monitor.ends', { date: formatDate(lang, w.fieldworkEnd) })}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <a href="/waves">{t('home.monitor.allWaves')}</a>
        </p>
      </>
    ),
  };
}

/** For a viewer (and only then: researchers have the open waves). */
export async function resultsPanel(ctx: HomeContext): Promise<HomePanelView | null> {
  const p = ctx.principal;
  if (!p.platformRoles.has('viewer') || p.platformRoles.has('researcher') || p.platformRoles.has('admin'))
    return null;
  const { t } = ctx.page;
  const latest = (await listWaves(ctx.db))
    .filter((w) => w.status === 'open' || w.status === 'closed')
    .slice(0, 3);
  return {
    title: t('home.monitor.results'),
    body: (
      <>
        <p>{t('home.monitor.resultsComing')}</p>
        {latest.length > 0 && (
          <ul class="plain-list home-items">
            {latest.map((w) => (
              <li>
                <a href={`/waves/${w.id}/monitoring`}>{t('home.monitor.responseOf', { name: w.name })}</a>
                <br />
                <WaveResponse ctx={ctx} wave={w} />
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  };
}
