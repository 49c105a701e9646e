/**
 * Delivering one recorded message: what the `mail.send` job does. Three steps, the SMTP conversation
 * outside any database transaction:
 *  1. claim (one transaction): stop if already sent/bounced/cancelled; wait if another attempt holds the lease or the
 *     per-minute limit is reached; else status `sending`, attempts + 1, lease, fixed Message-ID.
 *  2. hand the message to the SMTP server (or, without SMTP_HOST, store it in the outbox).
 *  3. record the outcome, only if this attempt still owns the message (fencing on `attempts`).
 * A crash between the server's acceptance in 2 and the update in 3 is the one window in which a message can
 * be sent twice: the retry finds `sending` with an expired lease and sends again, with the same Message-ID.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { JobLogger } from '../jobs/jobs.js';
import { mailAttachments, mailMessages, REDACTED_BODY } from './schema.js';
import {
  classifySmtpError,
  fromAddress,
  mailMode,
  mailTimings,
  messageIdFor,
  smtpTransport,
} from './transport.js';

/** Serialises the throttle's count-and-claim across processes (pg advisory lock key 'MAIL'). */
const THROTTLE_LOCK = 0x4d41494c;

export type DeliveryOutcome =
  | { status: 'sent'; transport: 'smtp' | 'outbox'; messageId: string; recovered: boolean }
  | { status: 'already'; current: string }
  | { status: 'failed'; error: string }
  | { status: 'missing' };

/** Thrown for failures that should be retried by the job (temporary SMTP errors, throttling, a busy lease). */
export class TemporaryMailError extends Error {
  override name = 'TemporaryMailError';
}

type Claim =
  | { kind: 'missing' }
  | { kind: 'done'; status: string }
  | { kind: 'busy' }
  | { kind: 'throttled'; waitMs: number }
  | { kind: 'outbox'; messageId: string }
  | {
      kind: 'claimed';
      attempts: number;
      messageId: string;
      recovered: boolean;
      message: typeof mailMessages.$inferSelect;
    };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function deliverMessage(
  database: Database,
  config: Config,
  id: string,
  ctx: { lastAttempt: boolean; log: JobLogger },
): Promise<DeliveryOutcome> {
  const mode = mailMode(config);
  const timings = mailTimings(config);
  const waitUntil = Date.now() + timings.throttleWaitMs;
  let claim: Claim;
  for (;;) {
    claim = await claimMessage(database, config, id, mode);
    if (claim.kind !== 'throttled') break;
    if (Date.now() + claim.waitMs > waitUntil) {
      throw new TemporaryMailError(`throttled: MAIL_PER_MINUTE=${config.MAIL_PER_MINUTE} reached`);
    }
    await sleep(Math.max(50, claim.waitMs));
  }

  switch (claim.kind) {
    case 'missing':
      ctx.log.warn({ mailMessage: id }, 'mail message does not exist');
      return { status: 'missing' };
    case 'done':
      return { status: 'already', current: claim.status };
    case 'busy':
      throw new TemporaryMailError('another attempt is sending this message');
    case 'outbox':
      return { status: 'sent', transport: 'outbox', messageId: claim.messageId, recovered: false };
    case 'claimed':
      break;
  }

  const m = claim.message;
  if (claim.recovered) {
    ctx.log.warn(
      { mailMessage: id, messageId: claim.messageId },
      'an earlier attempt was interrupted while sending; sending again with the same Message-ID',
    );
  }
  const owned = and(
    eq(mailMessages.id, id),
    eq(mailMessages.status, 'sending'),
    eq(mailMessages.attempts, claim.attempts),
  );
  try {
    const files = await database.db
      .select()
      .from(mailAttachments)
      .where(eq(mailAttachments.messageId, id))
      .orderBy(mailAttachments.position);
    const info = await smtpTransport(config).sendMail({
      from: config.MAIL_FROM,
      to: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      html: m.htmlBody ?? undefined,
      messageId: claim.messageId,
      headers: { 'X-Weerbaar-Mail-Id': id, 'Auto-Submitted': 'auto-generated' },
      attachments: files.map((f) => ({
        filename: f.filename,
        contentType: f.contentType,
        content: f.content,
      })),
    });
    await database.db
      .update(mailMessages)
      .set({
        status: 'sent',
        transport: 'smtp',
        sentAt: sql`now()`,
        ...(m.redactAfterSend ? { textBody: REDACTED_BODY, htmlBody: null } : {}),
        smtpResponse: String(info.response ?? '').slice(0, 500),
        leaseUntil: null,
        lastError: null,
      })
      .where(owned);
    return { status: 'sent', transport: 'smtp', messageId: claim.messageId, recovered: claim.recovered };
  } catch (err) {
    const failure = classifySmtpError(err);
    if (failure.permanent || ctx.lastAttempt) {
      const error = failure.permanent
        ? failure.message
        : `gave up after ${claim.attempts} attempts: ${failure.message}`;
      await database.db
        .update(mailMessages)
        .set({ status: 'failed', failedAt: sql`now()`, lastError: error, leaseUntil: null })
        .where(owned);
      ctx.log.warn({ mailMessage: id, permanent: failure.permanent }, 'mail failed (details in the outbox)');
      if (failure.permanent) return { status: 'failed', error };
      throw new TemporaryMailError(error, { cause: err });
    }
    await database.db
      .update(mailMessages)
      .set({ status: 'queued', lastError: failure.message, leaseUntil: null })
      .where(owned);
    throw new TemporaryMailError(failure.message, { cause: err });
  }
}

async function claimMessage(
  database: Database,
  config: Config,
  id: string,
  mode: 'smtp' | 'outbox',
): Promise<Claim> {
  const { leaseSeconds } = mailTimings(config);
  return database.db.transaction(async (tx): Promise<Claim> => {
    if (mode === 'smtp') await tx.execute(sql`select pg_advisory_xact_lock(${THROTTLE_LOCK})`);
    const [m] = await tx
      .select({
        row: mailMessages,
        leased: sql<boolean>`coalesce(${mailMessages.leaseUntil} > now(), false)`,
      })
      .from(mailMessages)
      .where(eq(mailMessages.id, id))
      .for('update');
    if (!m) return { kind: 'missing' };
    const { row } = m;
    if (row.status === 'sent' || row.status === 'bounced' || row.status === 'cancelled')
      return { kind: 'done', status: row.status };
    if (row.status === 'sending' && m.leased) return { kind: 'busy' };
    const messageId = row.messageId ?? messageIdFor(row.id, config);

    if (mode === 'outbox') {
      await tx
        .update(mailMessages)
        .set({
          status: 'sent',
          transport: 'outbox',
          messageId,
          fromAddress: fromAddress(config),
          attempts: row.attempts + 1,
          lastAttemptAt: sql`now()`,
          sentAt: sql`now()`,
          lastError: null,
          leaseUntil: null,
        })
        .where(eq(mailMessages.id, id));
      return { kind: 'outbox', messageId };
    }

    const [window] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        waitMs: sql<number>`coalesce(ceil(extract(epoch from (min(${mailMessages.lastAttemptAt}) + interval '1 minute' - now())) * 1000), 0)::int`,
      })
      .from(mailMessages)
      .where(sql`${mailMessages.lastAttemptAt} > now() - interval '1 minute'`);
    if ((window?.n ?? 0) >= config.MAIL_PER_MINUTE)
      return { kind: 'throttled', waitMs: Number(window!.waitMs) };

    const attempts = row.attempts + 1;
    await tx
      .update(mailMessages)
      .set({
        status: 'sending',
        attempts,
        messageId,
        fromAddress: fromAddress(config),
        lastAttemptAt: sql`now()`,
        leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      })
      .where(eq(mailMessages.id, id));
    return { kind: 'claimed', attempts, messageId, recovered: row.status === 'sending', message: row };
  });
}

/** Embedded database after a restart: no other process can be sending, so no lease is still valid. */
export async function releaseLeasesAfterCrash(database: Database): Promise<void> {
  await database.db.update(mailMessages).set({ leaseUntil: null }).where(eq(mailMessages.status, 'sending'));
}

/**
 * Watchdog (cron, every 10 minutes): a message still `queued`/`sending` whose job is no longer waiting or
 * running — its last attempt was interrupted (the job expired) or the job was removed — gets the clear status
 * `failed`, instead of looking forever as if it were on its way. Retrying its job (/admin/jobs) sends it.
 */
export async function markOrphanedMessagesFailed(database: Database): Promise<number> {
  const rows = await database.query<{ id: string }>(
    `update mail_messages m
        set status = 'failed', failed_at = now(), lease_until = null,
            last_error = coalesce(m.last_error || '; ', '') ||
              'the last attempt was interrupted and no retry is left (retry the job under /admin/jobs)'
      where m.status in ('queued', 'sending')
        and (m.lease_until is null or m.lease_until < now())
        and m.created_at < now() - interval '10 minutes'
        and not exists (
          select 1 from job_keys k join pgboss.job j on j.name = k.queue and j.id = k.job_id
           where k.queue = 'mail.send' and k.key = m.id::text and j.state < 'completed')
      returning m.id`,
  );
  return rows.length;
}
