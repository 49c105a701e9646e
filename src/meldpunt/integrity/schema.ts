/**
 * The integrity channel's tables (issue 17). Two kinds of data, kept apart:
 * - encrypted: report content, the reporter's identity, messages, and the wrapped copies of each
 *   report key (see docs/integrity-encryption.md); nothing in these columns is readable from a dump;
 * - the register (`integrity_register`), in plain text on purpose: what the Wet bescherming
 *   klokkenluiders requires to be recorded (date, category, state, deadlines, outcome).
 * Nothing here refers to the incidents tables, nor they to these.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sessions, users } from '../../platform/auth/schema.js';
import { organisations } from '../../platform/orgs/schema.js';

/** An organisation's channel: exists once its first handler has set up keys (and the recovery key). */
export const integrityChannels = pgTable('integrity_channels', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  /** base64url, 16 random bytes: the argon2id salt of this organisation's receipt codes. */
  receiptSalt: text('receipt_salt').notNull(),
  /** argon2id parameters of the receipt codes ({ memoryCost, timeCost, parallelism }). */
  receiptKdf: jsonb('receipt_kdf').notNull(),
  /** Public halves of the recovery key (base64url); the secret is shown once and kept offline. */
  recoveryEncryptionPublic: text('recovery_encryption_public').notNull(),
  recoverySigningPublic: text('recovery_signing_public').notNull(),
  /** Months after closure (archiving) after which a report's content is destroyed (retention.ts). */
  retentionMonths: integer('retention_months').notNull().default(12),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A handler's key pair: public halves, their certification, and the private halves sealed. */
export const integrityHandlerKeys = pgTable(
  'integrity_handler_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    encryptionPublic: text('encryption_public').notNull(),
    signingPublic: text('signing_public').notNull(),
    /** 'recovery' or the id of the handler key that signed this one; null while waiting for a signature. */
    signedBy: text('signed_by'),
    signature: text('signature'),
    /** Private halves under the key passphrase: { salt, params, sealed }. */
    passphraseSealed: jsonb('passphrase_sealed').notNull(),
    /** Private halves wrapped for the organisation's recovery key. */
    recoveryWrapped: text('recovery_wrapped').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('integrity_handler_keys_active_uq')
      .on(t.organisationId, t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** A handler's private keys while signed in: sealed under a key derived from the session token. */
export const integritySessionKeys = pgTable(
  'integrity_session_keys',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    handlerKeyId: uuid('handler_key_id')
      .notNull()
      .references(() => integrityHandlerKeys.id, { onDelete: 'cascade' }),
    sealed: text('sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.handlerKeyId] })],
);

/** A report: only ciphertext, plus what is needed to find it again with the receipt code. */
export const integrityReports = pgTable(
  'integrity_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** HKDF(argon2id(receipt code, channel salt), 'receipt:verifier'), base64url. */
    receiptVerifier: text('receipt_verifier').notNull(),
    /** The report key sealed under the key derived from the receipt code; null once the content is destroyed. */
    receiptWrappedKey: text('receipt_wrapped_key'),
    /** JSON { what, involved, when } sealed under the report key; null once the content is destroyed. */
    contentSealed: text('content_sealed'),
    /** JSON { name, contact } sealed under the report key's identity sub-key; null when anonymous. */
    identitySealed: text('identity_sealed'),
    /** Oral reports: when the reporter signed the written record (directive 2019/1937 art. 18). */
    oralSignedAt: timestamp('oral_signed_at', { withTimezone: true }),
    /** The name the reporter signed with, sealed under the report key. */
    oralSignatureSealed: text('oral_signature_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('integrity_reports_receipt_uq').on(t.organisationId, t.receiptVerifier)],
);

/** The report key wrapped for one handler key (no row: that handler cannot open the report). */
export const integrityReportKeys = pgTable(
  'integrity_report_keys',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id, { onDelete: 'cascade' }),
    handlerKeyId: uuid('handler_key_id')
      .notNull()
      .references(() => integrityHandlerKeys.id, { onDelete: 'cascade' }),
    wrapped: text('wrapped').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.handlerKeyId] }),
    index('integrity_report_keys_key_idx').on(t.handlerKeyId),
  ],
);

/**
 * Who is recused from a report (named in it, excluded by the reporter, a declared conflict of interest),
 * as keyed tags: HMAC under a sub-key of the report key of the user's id (recusals.ts). Only a holder
 * of the report key can test whether someone is recused, so certifying a new key or escalating to the
 * chair never gives a recused person the report back; a dump shows how many are recused, not who.
 */
export const integrityRecusals = pgTable(
  'integrity_recusals',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.tag] })],
);

/** The conversation between the reporter and the handlers; each text sealed under the report key. */
export const integrityMessages = pgTable(
  'integrity_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of the conversation (several messages can share a timestamp). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id, { onDelete: 'cascade' }),
    /** reporter | handler */
    author: text('author').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null once the content is destroyed (the message's existence and time remain). */
    sealed: text('sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('integrity_messages_report_idx').on(t.reportId, t.seq)],
);

/**
 * Attachments of a report or of a message: the bytes (metadata stripped, padded) and the description
 * ({ name, kind, size }) each sealed under the report key; nothing else about the file is stored.
 * `data_sealed` and `meta_sealed` are emptied when the content is destroyed.
 */
export const integrityAttachments = pgTable(
  'integrity_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => integrityMessages.id, { onDelete: 'cascade' }),
    /** reporter | handler */
    author: text('author').notNull(),
    metaSealed: text('meta_sealed'),
    dataSealed: text('data_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('integrity_attachments_report_idx').on(t.reportId, t.createdAt)],
);

/**
 * The register the law requires, in plain text, apart from the content: one line per report, kept
 * (anonymised) when the content is destroyed. Due dates are stored so overdue reports can be listed.
 */
export const integrityRegister = pgTable(
  'integrity_register',
  {
    /** Content is cleared by emptying the report's sealed columns; the report row and this line remain. */
    reportId: uuid('report_id')
      .primaryKey()
      .references(() => integrityReports.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** web | oral */
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    /** anonymous | confidential | open */
    identityMode: text('identity_mode').notNull(),
    /** ontvangen | intake | … (the handreiking's steps) */
    state: text('state').notNull().default('ontvangen'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgementDueAt: timestamp('acknowledgement_due_at', { withTimezone: true }).notNull(),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    feedbackDueAt: timestamp('feedback_due_at', { withTimezone: true }).notNull(),
    outcome: text('outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the content was destroyed (retention, or cleared by a handler); the line itself stays. */
    contentDestroyedAt: timestamp('content_destroyed_at', { withTimezone: true }),
  },
  (t) => [index('integrity_register_org_idx').on(t.organisationId, t.receivedAt)],
);

/**
 * The report's history: every step of the handreiking, note, decision and recusal, append-only (a
 * trigger refuses updates and deletes; the one exception is emptying `note_sealed` when content is
 * destroyed). Notes are sealed under the report key; the steps and outcomes are plain, like the register.
 */
export const integrityHistory = pgTable(
  'integrity_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** transition | note | recusal */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    outcome: text('outcome'),
    noteSealed: text('note_sealed'),
  },
  (t) => [index('integrity_history_report_idx').on(t.reportId, t.seq)],
);

/**
 * An external investigator's access to one report for one period (issue 17 item 4): the grant wraps
 * that report's key for the investigator's certified key (a row in `integrity_report_keys`); when the
 * period ends the copy is deleted and `ended_at` is set (investigators.ts). The rows stay as a record.
 */
export const integrityInvestigatorGrants = pgTable(
  'integrity_investigator_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => integrityReports.id, { onDelete: 'cascade' }),
    investigatorKeyId: uuid('investigator_key_id')
      .notNull()
      .references(() => integrityHandlerKeys.id, { onDelete: 'cascade' }),
    investigatorUserId: uuid('investigator_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When the key copy was deleted (expiry, or withdrawn); null while the grant runs. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('integrity_investigator_grants_user_idx').on(t.organisationId, t.investigatorUserId),
    index('integrity_investigator_grants_open_idx').on(t.expiresAt).where(sql`${t.endedAt} is null`),
  ],
);
