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
 * the first message. Many at once (invitations to a whole frame): `queueMails(tx, inputs)`, the same in a
 * few statements. Delivery (SMTP, or the embedded outbox without SMTP_HOST) happens in the job, with
 * throttling and retries; see docs/jobs-and-mail.md.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../db/database.js';
import { AppError, type Lang } from '../errors.js';
import { enqueueMany, sqlClientOf } from '../jobs/jobs.js';
import { mailSendJob } from './jobs.js';
import { mailAttachments, mailMessages } from './schema.js';
import { type MailParams, type MailTemplate, type RenderedMail, renderMail } from './templates.js';

export const mailStatuses = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled'] as const;
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
  /** Files sent with the message (stored with it, so every retry sends the same bytes). At most 10 MB in all. */
  attachments?: MailAttachmentInput[];
}

export interface MailAttachmentInput {
  /** A plain file name (no path), e.g. `brief-GM0363.pdf`. */
  filename: string;
  contentType: string;
  content: Buffer;
}

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export { REDACTED_BODY } from './schema.js';

export interface QueuedMail {
  id: string;
  /** false: a message with this idempotency key existed already; nothing new was queued. */
  created: boolean;
}

const addressSchema = z.string().trim().toLowerCase().pipe(z.email());

export async function queueMail(dbOrTx: DbOrTx, input: QueueMailInput): Promise<QueuedMail> {
  return (await queueMails(dbOrTx, [input]))[0]!;
}

/**
 * `queueMail` for many messages in a few statements (all message rows in one insert, all their jobs with
 * `enqueueMany`), in the caller's transaction: all are queued or none. Returns one result per input, in
 * order; an input whose idempotency key was used before (or earlier in `inputs`) queues nothing.
 */
export async function queueMails(dbOrTx: DbOrTx, inputs: QueueMailInput[]): Promise<QueuedMail[]> {
  const rows = inputs.map(messageRow);
  if (rows.length === 0) return [];
  return dbOrTx.transaction(async (tx) => {
    const client = sqlClientOf(tx);
    const firstOfKey = new Map<string, number>();
    rows.forEach((r, i) => {
      if (!firstOfKey.has(r.idempotency_key)) firstOfKey.set(r.idempotency_key, i);
    });
    const unique = [...firstOfKey.values()].map((i) => rows[i]!);
    const inserted = await client.query(
      `insert into mail_messages (idempotency_key, purpose, organisation_id, to_address, subject, text_body,
                                  html_body, redact_after_send, lang)
       select r.idempotency_key, r.purpose, r.organisation_id, r.to_address, r.subject, r.text_body,
              r.html_body, r.redact_after_send, r.lang
         from jsonb_to_recordset($1::jsonb) as r(idempotency_key text, purpose text, organisation_id uuid,
              to_address text, subject text, text_body text, html_body text, redact_after_send boolean, lang text)
       on conflict (idempotency_key) do nothing
       returning id, idempotency_key`,
      [JSON.stringify(unique)],
    );
    const created = new Map(inserted.rows.map((r) => [r.idempotency_key as string, r.id as string]));
    const old = unique.filter((r) => !created.has(r.idempotency_key)).map((r) => r.idempotency_key);
    const existing = new Map<string, string>();
    if (old.length > 0) {
      const found = await client.query(
        `select id, idempotency_key from mail_messages
          where idempotency_key in (select jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(old)],
      );
      for (const r of found.rows) existing.set(r.idempotency_key as string, r.id as string);
    }
    const fresh = unique.filter((r) => created.has(r.idempotency_key));
    const files = fresh.flatMap((r) =>
      r.attachments.map((a, i) => ({
        messageId: created.get(r.idempotency_key)!,
        position: i + 1,
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
        sha256: createHash('sha256').update(a.content).digest('hex'),
        content: a.content,
      })),
    );
    if (files.length > 0) await tx.insert(mailAttachments).values(files);
    await enqueueMany(
      tx,
      mailSendJob,
      fresh.map((r) => {
        const id = created.get(r.idempotency_key)!;
        return { data: { messageId: id }, options: { key: id, startAfter: r.sendAfter } };
      }),
    );
    return rows.map((r, i) => {
      const id = created.get(r.idempotency_key) ?? existing.get(r.idempotency_key)!;
      return { id, created: created.has(r.idempotency_key) && firstOfKey.get(r.idempotency_key) === i };
    });
  });
}

/** Validates and renders one input into the columns of its row (throws AppError('validation')). */
function messageRow(input: QueueMailInput) {
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
  return {
    idempotency_key: input.idempotencyKey,
    purpose: input.purpose,
    organisation_id: input.organisationId ?? null,
    to_address: to.data,
    subject: rendered.subject,
    text_body: rendered.text,
    html_body: rendered.html ?? null,
    redact_after_send: input.redactAfterSend ?? false,
    lang,
    sendAfter: input.sendAfter,
    attachments: checkedAttachments(input.attachments ?? []),
  };
}

function checkedAttachments(files: MailAttachmentInput[]): MailAttachmentInput[] {
  const bad = (detail: string) =>
    new AppError('validation', {
      detail,
      invalidParams: [{ name: 'attachments', code: 'invalid', reason: detail }],
    });
  let total = 0;
  for (const f of files) {
    const plain = f.filename.length > 0 && f.filename.length <= 200 && !/[/\\"]/.test(f.filename);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    if (!plain || /[\u0000-\u001f\u007f]/.test(f.filename))
      throw bad(`not a plain file name: ${JSON.stringify(f.filename)}`);
    if (!/^[a-z]+\/[a-z0-9.+-]+(;.*)?$/i.test(f.contentType))
      throw bad(`not a content type: ${f.contentType}`);
    total += f.content.length;
  }
  if (total > MAX_ATTACHMENT_BYTES)
    throw bad(`attachments of ${total} bytes: at most ${MAX_ATTACHMENT_BYTES}`);
  return files;
}

/** The files attached to a message, in order (the outbox and the delivery read them). */
export async function attachmentsOf(db: DbOrTx, messageId: string) {
  return db
    .select()
    .from(mailAttachments)
    .where(eq(mailAttachments.messageId, messageId))
    .orderBy(mailAttachments.position);
}

export type MailAttachment = typeof mailAttachments.$inferSelect;

/**
 * Cancels messages that are still waiting to be sent (status `queued`, also after a temporary failure), by
 * idempotency key: their jobs find them `cancelled` and send nothing. A message already being handed to
 * the SMTP server, sent or failed is left as it is. Returns how many were cancelled.
 */
export async function cancelQueuedMails(
  dbOrTx: DbOrTx,
  idempotencyKeys: string[],
  reason: string,
): Promise<number> {
  if (idempotencyKeys.length === 0) return 0;
  const rows = await dbOrTx
    .update(mailMessages)
    .set({ status: 'cancelled', lastError: reason.slice(0, 1000), leaseUntil: null })
    .where(and(inArray(mailMessages.idempotencyKey, idempotencyKeys), eq(mailMessages.status, 'queued')))
    .returning({ id: mailMessages.id });
  return rows.length;
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

export interface UndeliveredMail {
  id: string;
  idempotencyKey: string;
  toAddress: string;
  status: 'bounced' | 'failed';
  /** The bounce report or the SMTP server's refusal. */
  reason: string | null;
  at: Date | null;
}

/**
 * Messages of these purposes that did not arrive: bounced, or failed for good (a permanent refusal, or
 * retries exhausted). Few by nature; the domains match them to their people by idempotency key.
 */
export async function undeliveredMails(db: DbOrTx, purposes: string[]): Promise<UndeliveredMail[]> {
  if (purposes.length === 0) return [];
  const rows = await db
    .select({
      id: mailMessages.id,
      idempotencyKey: mailMessages.idempotencyKey,
      toAddress: mailMessages.toAddress,
      status: mailMessages.status,
      reason: mailMessages.lastError,
      at: sql<Date | null>`coalesce(${mailMessages.bouncedAt}, ${mailMessages.failedAt})`.mapWith(
        mailMessages.bouncedAt,
      ),
    })
    .from(mailMessages)
    .where(and(inArray(mailMessages.status, ['bounced', 'failed']), inArray(mailMessages.purpose, purposes)))
    .orderBy(mailMessages.createdAt);
  return rows as UndeliveredMail[];
}

export type MailMessage = typeof mailMessages.$inferSelect;

export interface MailFilter {
  q?: string;
  status?: MailStatus;
  limit?: number;
  offset?: number;
  /**
   * Only messages about these subjects: idempotency keys are `<purpose>:<subject id>[:…]` (e.g.
   * `reminder:<invitation id>:2`), so a domain lists the mail of its own things without the platform
   * knowing them.
   */
  subjects?: { purposes: string[]; ids: string[] };
}

export async function listMailMessages(database: Database, filter: MailFilter = {}): Promise<MailMessage[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailMessages.status, filter.status));
  if (filter.subjects) {
    conditions.push(inArray(mailMessages.purpose, filter.subjects.purposes));
    conditions.push(
      sql`split_part(${mailMessages.idempotencyKey}, ':', 2) = any(${`{${filter.subjects.ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`}::text[])`,
    );
  }
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
