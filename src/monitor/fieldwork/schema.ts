/**
 * Fieldwork tables: waves, their questionnaires, the sample frame (the people to invite) and the
 * invitations. Personal data lives here and only here; responses (../responses/schema.ts) never
 * point back to a person in an anonymous wave. See docs/anonymity.md.
 */
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A measurement, e.g. "Monitor 2026". status: draft → open → closed → archived. */
export const waves = pgTable(
  'waves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    /** anonymous | confidential | named */
    anonymity: text('anonymity').notNull().default('anonymous'),
    fieldworkStart: date('fieldwork_start'),
    fieldworkEnd: date('fieldwork_end'),
    /** Days after the invitation on which reminders go out, e.g. [7, 14]. */
    reminderDays: integer('reminder_days').array().notNull().default(sql`'{}'::integer[]`),
    /** Mail templates per kind and language: { invitation: { nl: { subject, body }, en: … }, reminder: … } */
    mailTemplates: jsonb('mail_templates').notNull().default({}),
    /**
     * What the respondents' privacy page says about this wave (model.ts wavePrivacySchema): the
     * controller, the legal basis, the retention period and whom to contact. {} until set.
     */
    privacy: jsonb('privacy').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('waves_code_uq').on(t.code)],
);

/** Which questionnaire version a target group answers in a wave. */
export const waveQuestionnaires = pgTable(
  'wave_questionnaires',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    /** office_holders | organisation_policy | employees */
    targetGroup: text('target_group').notNull(),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull(),
  },
  (t) => [uniqueIndex('wave_questionnaires_uq').on(t.waveId, t.targetGroup)],
);

/** One import of a sample frame file, with its report. */
export const frameImports = pgTable('frame_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  waveId: uuid('wave_id')
    .notNull()
    .references(() => waves.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  rowsImported: integer('rows_imported').notNull(),
  rowsRejected: integer('rows_rejected').notNull(),
  report: jsonb('report').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person in the sample frame of a wave. Personal data: deleted with the wave's retention. */
export const framePersons = pgTable(
  'frame_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    importId: uuid('import_id').references(() => frameImports.id, { onDelete: 'set null' }),
    targetGroup: text('target_group').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** bg_role code, e.g. burgemeester, raadslid, lid_ab, secretaris, griffier, medewerker */
    role: text('role').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** Stratum variables copied from the organisation registry at import time. */
    layer: text('layer').notNull(),
    provinceCode: text('province_code'),
    sizeClass: text('size_class'),
    gender: text('gender'),
    ageGroup: text('age_group'),
    /** Free stratum fields from the frame file. */
    strata: jsonb('strata').notNull().default({}),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('frame_persons_email_uq').on(t.waveId, t.targetGroup, sql`lower(${t.email})`),
    index('frame_persons_wave_idx').on(t.waveId, t.targetGroup),
  ],
);

/**
 * The personal link of a frame person. Only the SHA-256 of the link token is stored. The row knows
 * whether the person started and completed — never which response is theirs (anonymous waves).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    framePersonId: uuid('frame_person_id')
      .notNull()
      .references(() => framePersons.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** not_started | started | completed */
    status: text('status').notNull().default('not_started'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    uniqueIndex('invitations_person_uq').on(t.framePersonId),
    index('invitations_wave_idx').on(t.waveId, t.status),
  ],
);

/**
 * Invitation progress not yet recorded (anonymous waves; docs/anonymity.md): when a respondent starts
 * or completes, the answering transaction adds a row here instead of updating the invitation, sealed
 * with a key derived from the server's RESPONSE_KEY (AES-256-GCM over the invitation id and the
 * status). A job records the marks on the invitations in shuffled batches of at least 10 per stratum
 * cell and deletes them (./progress.ts). No time stamp, no plain invitation id.
 */
export const invitationProgress = pgTable(
  'invitation_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('invitation_progress_wave_idx').on(t.waveId)],
);

/**
 * Completions per day and stratum cell, counts only (./response-days.ts; docs/anonymity.md): written by
 * the `fieldwork.progress` job when a batch records completions of an anonymous wave, so `day` is the
 * day the batch was recorded, not the day anyone answered, and every count is a whole batch of a cell
 * (at least 10; the close adds what is left of a cell to its last day). `cell` is the JSON of the
 * stratum cell (target group and the standard strata a response stores). No person, no response.
 */
export const completionDays = pgTable(
  'completion_days',
  {
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    cell: text('cell').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [uniqueIndex('completion_days_uq').on(t.waveId, t.cell, t.day)],
);

/**
 * Earlier links of an invitation that still work (anonymous waves; docs/anonymity.md, "Reminder
 * rounds"): a reminder round gives every non-respondent it reminds a new link, whether or not they
 * started, and keeps the link they had working, so that what the round writes does not tell who had
 * started. Only the hash of the token, as in `invitations.token_hash`. No foreign key to the invitation
 * (rewriting a closed wave's invitations must not drop them: a reopened wave keeps its links); deleted
 * with the wave.
 */
export const invitationLinks = pgTable(
  'invitation_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: uuid('invitation_id').notNull(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
  },
  (t) => [index('invitation_links_invitation_idx').on(t.invitationId)],
);
