/**
 * Sending mail, for every domain:
 *
 *   await db.transaction(async (tx) => {
 *     …the change…
 *     await queueMail(tx, {
 *       to: 'someone@gemeente.nl', template: invitationTemplate, lang: 'nl', params: { name, link },
 *       idempotencyKey: `invitation:${waveId}:${contactId}`, purpose: 'invitation', organisationId,
 *     });
 *   });
 *
 * The message is recorded (mail_messages) and its `mail.send` job enqueued in the caller's transaction, so
 * it exists exactly when the change commits. One message per idempotency key, ever: queueing again returns
 * the first message. Delivery (SMTP, or the embedded outbox without SMTP_HOST) happens in the job, with
 * throttling and retries; see docs/jobs-and-mail.md.
 */
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../db/database.js';
import { AppError, type Lang } from '../errors.js';
import { enqueue } from '../jobs/jobs.js';
import { mailSendJob } from './jobs.js';
import { mailMessages } from './schema.js';
import { type MailParams, type MailTemplate, type RenderedMail, renderMail } from './templates.js';

export const mailStatuses = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export interface QueueMailInput {
  to: string;
  /** A template with params, or an already rendered message. */
  template?: MailTemplate;
  params?: MailParams;
  rendered?: RenderedMail;
  lang?: Lang;
  /** Required: the same key never produces a second message (e.g. `invitation:<wave>:<contact>`). */
  idempotencyKey: string;
  /** What the message is for: `invitation`, `reminder`, `test`, … */
  purpose: string;
  organisationId?: string | null;
  /** Not before this moment. */
  sendAfter?: Date;
  /**
   * The body carries a secret, such as a respondent's personal link: once an SMTP server has accepted
   * the message, the stored text and HTML are replaced by a note (see REDACTED_BODY), so the database
   * no longer holds the link. The outbox of a demo install keeps it, so the demo can be followed.
   */
  redactAfterSend?: boolean;
}

export { REDACTED_BODY } from './schema.js';

export interface QueuedMail {
  id: string;
  /** false: a message with this idempotency key existed already; nothing new was queued. */
  created: boolean;
}

const addressSchema = z.string().trim().toLowerCase().pipe(z.email());

export async function queueMail(dbOrTx: DbOrTx, input: QueueMailInput): Promise<QueuedMail> {
  const to = addressSchema.safeParse(input.to);
  if (!to.success) {
    throw new AppError('validation', {
      detail: `not an e-mail address: ${JSON.stringify(input.to)}`,
      invalidParams: [{ name: 'to', code: 'invalid_email', reason: 'not an e-mail address' }],
    });
  }
  if (!input.idempotencyKey) throw new AppError('validation', { detail: 'an idempotency key is required' });
  const lang = input.lang ?? 'nl';
  const rendered =
    input.rendered ?? (input.template ? renderMail(input.template, lang, input.params ?? {}) : undefined);
  if (!rendered)
    throw new AppError('validation', { detail: 'queueMail needs a template or a rendered message' });

  return dbOrTx.transaction(async (tx) => {
    const inserted = await tx
      .insert(mailMessages)
      .values({
        idempotencyKey: input.idempotencyKey,
        purpose: input.purpose,
        organisationId: input.organisationId ?? null,
        toAddress: to.data,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        redactAfterSend: input.redactAfterSend ?? false,
        lang,
      })
      .onConflictDoNothing({ target: mailMessages.idempotencyKey })
      .returning({ id: mailMessages.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(eq(mailMessages.idempotencyKey, input.idempotencyKey));
      return { id: existing!.id, created: false };
    }
    const id = inserted[0]!.id;
    await enqueue(tx, mailSendJob, { messageId: id }, { key: id, startAfter: input.sendAfter });
    return { id, created: true };
  });
}

/**
 * Records a bounce (a delivery status notification, or a report from the mail provider) for a message,
 * found by its id or its Message-ID.
 */
export async function recordBounce(
  db: DbOrTx,
  ref: { id?: string; messageId?: string },
  reason: string,
): Promise<boolean> {
  const where = ref.id
    ? eq(mailMessages.id, ref.id)
    : ref.messageId
      ? eq(mailMessages.messageId, ref.messageId)
      : undefined;
  if (!where) throw new AppError('validation', { detail: 'a bounce needs a message id or Message-ID' });
  const rows = await db
    .update(mailMessages)
    .set({ status: 'bounced', bouncedAt: sql`now()`, lastError: reason.slice(0, 1000) })
    .where(where)
    .returning({ id: mailMessages.id });
  return rows.length > 0;
}

export type MailMessage = typeof mailMessages.$inferSelect;

export interface MailFilter {
  q?: string;
  status?: MailStatus;
  limit?: number;
  offset?: number;
}

export async function listMailMessages(database: Database, filter: MailFilter = {}): Promise<MailMessage[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailMessages.status, filter.status));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(mailMessages.toAddress, like),
        ilike(mailMessages.subject, like),
        ilike(mailMessages.purpose, like),
        ilike(mailMessages.idempotencyKey, like),
      )!,
    );
  }
  return database.db
    .select()
    .from(mailMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(Math.min(Math.max(filter.limit ?? 50, 1), 500))
    .offset(Math.max(filter.offset ?? 0, 0));
}

export async function getMailMessage(database: Database, id: string): Promise<MailMessage | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const [m] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, id));
  return m;
}

export async function mailMessagesByStatus(
  database: Database,
  statuses: MailStatus[],
): Promise<MailMessage[]> {
  return database.db.select().from(mailMessages).where(inArray(mailMessages.status, statuses));
}
