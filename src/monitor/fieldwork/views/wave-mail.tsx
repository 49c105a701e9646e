/**
 * The mail of the waves, for researchers: who got which invitation or reminder and what became of it
 * (subject, recipient, status), filtered by wave and status. The bodies hold personal links and stay
 * with the administrators (/admin/outbox).
 */
import { formatDateTime } from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { MailMessage, MailStatus } from '../../../platform/mail/mail.js';
import { mailStatusText } from '../../../platform/mail/views/outbox-pages.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Wave } from '../model.js';
import { WaveNav } from './common.js';

export interface WaveMailRow {
  message: MailMessage;
  wave: Pick<Wave, 'id' | 'name'>;
}

export function waveMailPage(
  ctx: PageContext,
  d: {
    waves: Array<Pick<Wave, 'id' | 'name'>>;
    wave?: Wave;
    status?: MailStatus;
    statuses: readonly MailStatus[];
    rows: WaveMailRow[];
  },
) {
  const t = ctx.t;
  const title = t('wave.mail.log.title');
  return (
    <Layout ctx={ctx} title={d.wave ? `${title} · ${d.wave.name}` : title} wide>
      <h1>
        {title} {d.wave && <span class="subtitle">{d.wave.name}</span>}
      </h1>
      {d.wave && <WaveNav ctx={ctx} wave={d.wave} current="/waves/outbox" />}
      <p>{t('wave.mail.log.intro')}</p>
      <form method="get" action="/waves/outbox" class="filters">
        <div>
          <label for="wave">{t('wave.mail.log.wave')}</label>
          <select id="wave" name="wave">
            <option value="">{t('wave.mail.log.allWaves')}</option>
            {d.waves.map((w) => (
              <option value={w.id} selected={w.id === d.wave?.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">{t('outbox.status')}</label>
          <select id="status" name="status">
            <option value="">{t('outbox.statusAny')}</option>
            {d.statuses.map((s) => (
              <option value={s} selected={d.status === s}>
                {t(`outbox.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('outbox.filter')}</button>
        </div>
      </form>
      {d.rows.length === 0 ? (
        <p>{t('wave.mail.log.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={title}>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.col.created')}</th>
                <th scope="col">{t('wave.mail.log.wave')}</th>
                <th scope="col">{t('outbox.col.subject')}</th>
                <th scope="col">{t('outbox.col.to')}</th>
                <th scope="col">{t('outbox.col.purpose')}</th>
                <th scope="col">{t('outbox.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map(({ message: m, wave }) => (
                <tr>
                  <td>{formatDateTime(ctx.lang, m.createdAt)}</td>
                  <td>{wave.name}</td>
                  <td>{m.subject}</td>
                  <td>{m.toAddress}</td>
                  <td>{t(`wave.mail.log.purpose.${m.purpose}` as MessageKey)}</td>
                  <td>
                    <span class="badge">{mailStatusText(ctx, m)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
