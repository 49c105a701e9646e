import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { PageContext } from '../../ui/context.js';
import { Layout } from '../../ui/layout.js';
import { type MailMessage, type MailStatus, mailStatuses } from '../mail.js';

const fmt = (ctx: PageContext, d: Date | null | undefined) => formatDateTime(ctx.lang, d);

const statusText = (ctx: PageContext, s: string) => ctx.t(`outbox.status.${s}` as MessageKey);
/**
 * A message's status as one text: "sent" through the outbox transport (no SMTP server) means stored,
 * not sent, so it never reads "verstuurd" beside "bewaard in de outbox".
 */
export const mailStatusText = (ctx: PageContext, m: Pick<MailMessage, 'status' | 'transport'>) =>
  m.status === 'sent' && m.transport === 'outbox' ? ctx.t('outbox.status.stored') : statusText(ctx, m.status);

export interface OutboxFilter {
  q?: string;
  status?: MailStatus;
  offset: number;
  limit: number;
}

export function outboxPage(
  ctx: PageContext,
  smtpHost: string | undefined,
  filter: OutboxFilter,
  rows: MailMessage[],
) {
  const t = ctx.t;
  const more = rows.length === filter.limit;
  const nextUrl = () => {
    const u = new URLSearchParams();
    if (filter.q) u.set('q', filter.q);
    if (filter.status) u.set('status', filter.status);
    u.set('offset', String(filter.offset + filter.limit));
    return `/admin/outbox?${u}`;
  };
  return (
    <Layout ctx={ctx} title={t('outbox.title')} wide>
      <h1>{t('outbox.title')}</h1>
      <p>{smtpHost ? t('outbox.introSmtp', { host: smtpHost }) : t('outbox.introOutbox')}</p>
      <form method="get" action="/admin/outbox" class="filters">
        <div>
          <label for="q">{t('outbox.search')}</label>
          <input id="q" name="q" type="search" value={filter.q ?? ''} />
        </div>
        <div>
          <label for="status">{t('outbox.status')}</label>
          <select id="status" name="status">
            <option value="">{t('outbox.statusAny')}</option>
            {mailStatuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {statusText(ctx, s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('outbox.filter')}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{t('table.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={t('outbox.title')}>
          <table>
            <caption class="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.col.created')}</th>
                <th scope="col">{t('outbox.col.to')}</th>
                <th scope="col">{t('outbox.col.subject')}</th>
                <th scope="col">{t('outbox.col.purpose')}</th>
                <th scope="col">{t('outbox.col.status')}</th>
                <th scope="col" class="num">
                  {t('outbox.col.attempts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>{fmt(ctx, m.createdAt)}</td>
                  <td>{m.toAddress}</td>
                  <td>
                    <a href={`/admin/outbox/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>{m.purpose}</td>
                  <td>
                    <span class="badge">{mailStatusText(ctx, m)}</span>
                  </td>
                  <td class="num">{m.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {more && (
        <nav aria-label={t('pager.label')}>
          <a href={nextUrl()}>{t('outbox.more')}</a>
        </nav>
      )}
    </Layout>
  );
}

/**
 * One message. The HTML part is shown as escaped source, not rendered: rendering mail HTML inside the
 * application (even in a sandboxed iframe) is not worth the risk; the text part is what the recipient reads.
 */
/** What the outbox shows of an attachment (not its content). */
export interface AttachmentRow {
  position: number;
  filename: string;
  contentType: string;
  size: number;
}

export function messagePage(ctx: PageContext, m: MailMessage, files: readonly AttachmentRow[] = []) {
  const t = ctx.t;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <Layout ctx={ctx} title={t('outbox.message.title', { to: m.toAddress })} wide>
      <p>
        <a href="/admin/outbox">{t('outbox.message.back')}</a>
      </p>
      <h1>{m.subject}</h1>
      <dl>
        {row(t('outbox.message.from'), m.fromAddress)}
        {row(t('outbox.message.to'), m.toAddress)}
        {row(t('outbox.col.status'), mailStatusText(ctx, m))}
        {row(t('outbox.col.purpose'), m.purpose)}
        {row(t('outbox.message.created'), fmt(ctx, m.createdAt))}
        {row(t('outbox.message.sent'), fmt(ctx, m.sentAt))}
        {row(t('outbox.col.attempts'), String(m.attempts))}
        {row(t('outbox.message.messageId'), m.messageId)}
        {row(t('outbox.message.key'), m.idempotencyKey)}
        {row(t('outbox.message.error'), m.lastError)}
        {row(t('outbox.message.response'), m.smtpResponse)}
      </dl>
      <h2>{t('outbox.message.text')}</h2>
      <pre class="mail-body">{m.textBody}</pre>
      {m.htmlBody && (
        <details>
          <summary>{t('outbox.message.html')}</summary>
          <pre class="mail-body">{m.htmlBody}</pre>
        </details>
      )}
      {files.length > 0 && (
        <>
          <h2>{t('outbox.message.attachments')}</h2>
          <ul>
            {files.map((f) => (
              <li key={f.position}>
                <a href={`/admin/outbox/${m.id}/attachments/${f.position}`}>
                  {t('outbox.message.attachment', { name: f.filename, type: f.contentType, size: f.size })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
