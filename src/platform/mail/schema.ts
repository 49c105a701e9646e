import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Every outgoing mail, recorded when it is queued (in the business transaction) and updated by the
 * `mail.send` job. Status: queued → sending → sent | failed | bounced (queued again after a temporary failure);
 * queued → cancelled (e.g. the recipient opted out before it was sent).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** One message per key, ever: queueing again with the same key returns the first message. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** What it is for, e.g. `invitation`, `reminder`, `test`. */
    purpose: text('purpose').notNull(),
    organisationId: uuid('organisation_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** The body holds a secret (a respondent's personal link): replaced by a note once SMTP accepted it. */
    redactAfterSend: boolean('redact_after_send').notNull().default(false),
    lang: text('lang').notNull().default('nl'),
    /** queued | sending | sent | failed | bounced | cancelled */
    status: text('status').notNull().default('queued'),
    /** smtp | outbox (demo mode: stored, not sent); set when sent. */
    transport: text('transport'),
    /** RFC 5322 Message-ID, fixed at the first attempt and reused on every retry (duplicates are detectable). */
    messageId: text('message_id'),
    fromAddress: text('from_address'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The SMTP server's reply on acceptance. */
    smtpResponse: text('smtp_response'),
    /** While status is `sending`: the attempt is considered in flight until then (crash detection). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** Start of the last attempt (throttling counts these). */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_messages_idempotency_key_uq').on(t.idempotencyKey),
    index('mail_messages_status_idx').on(t.status, t.createdAt),
    index('mail_messages_created_idx').on(t.createdAt),
    index('mail_messages_last_attempt_idx').on(t.lastAttemptAt),
    index('mail_messages_to_idx').on(sql`lower(${t.toAddress})`),
    index('mail_messages_org_idx').on(t.organisationId),
  ],
);

/** What a redacted message's stored body says instead of the original. */
export const REDACTED_BODY = '[Removed after delivery: this message contained a personal link.]';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Files attached to a message (e.g. a letter as PDF), stored with it when it is queued so every retry
 * sends the same bytes; removed with the message. `position` orders them (1, 2, …).
 */
export const mailAttachments = pgTable(
  'mail_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the content. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [uniqueIndex('mail_attachments_uq').on(t.messageId, t.position)],
);
