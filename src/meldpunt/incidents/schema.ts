/**
 * Incident registration (issue 16): incidents, the perpetrator's name (kept apart: coordinator only),
 * the append-only state history (a trigger refuses UPDATE and DELETE, see the migration), assignments
 * to case handlers, tasks with due dates, measures, and per-organisation settings. Personal data lives
 * in these tables only; the audit log holds ids and field names, never values.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/orgs/schema.js';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    /** draft | gemeld | in_behandeling | maatregelen | afgesloten (./model.ts) */
    state: text('state').notNull().default('draft'),
    /** Who filled in the report (a signed-in user). */
    reporterUserId: uuid('reporter_user_id').notNull(),
    /** The person concerned, when they have an account (they see the incident). */
    concernedUserId: uuid('concerned_user_id'),
    reporterRelation: text('reporter_relation'),
    concernedName: text('concerned_name'),
    concernedRole: text('concerned_role'),
    occurredOn: date('occurred_on'),
    occurredTime: text('occurred_time'),
    recurrence: text('recurrence'),
    location: text('location'),
    channel: text('channel'),
    channelDetail: text('channel_detail'),
    forms: textArray('forms'),
    traits: textArray('traits'),
    perpetratorKnown: text('perpetrator_known'),
    perpetratorKind: text('perpetrator_kind'),
    perpetratorDescription: text('perpetrator_description'),
    severity: text('severity'),
    consequences: textArray('consequences'),
    description: text('description'),
    policeContacted: boolean('police_contacted').notNull().default(false),
    aangifteMade: boolean('aangifte_made').notNull().default(false),
    aangifteWanted: boolean('aangifte_wanted').notNull().default(false),
    wantsContact: boolean('wants_contact').notNull().default(false),
    wantsSupport: boolean('wants_support').notNull().default(false),
    wantsAftercare: boolean('wants_aftercare').notNull().default(false),
    /** Referral to the Ondersteuningsteam Weerbaar Bestuur: the person's consent (and its date) and the referral date. */
    referralConsentOn: date('referral_consent_on'),
    referredOn: date('referred_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
    closedAt: ts('closed_at'),
    /** When retention removed the personal data (./retention.ts); the counted record stays. */
    purgedAt: ts('purged_at'),
  },
  (t) => [
    index('incidents_org_state_idx').on(t.organisationId, t.state, t.submittedAt),
    index('incidents_reporter_idx').on(t.reporterUserId),
  ],
);

/** The perpetrator's name, apart from the incident so that only the coordinator's queries read it. */
export const incidentPerpetratorNames = pgTable(
  'incident_perpetrator_names',
  {
    incidentId: uuid('incident_id')
      .primaryKey()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /**
     * The pseudonymous key of the name (./perpetrator-links.ts: HMAC under the organisation's key), to
     * link incidents by the same perpetrator without comparing names; null until computed (again).
     */
    perpetratorKey: text('perpetrator_key'),
  },
  (t) => [index('incident_perpetrator_names_key_idx').on(t.perpetratorKey)],
);

/** Append-only: every state an incident entered, by whom and when. */
export const incidentStateChanges = pgTable(
  'incident_state_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    note: text('note'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('incident_state_changes_incident_idx').on(t.incidentId, t.seq)],
);

/** Case handlers assigned to an incident (they, and the coordinator, handle it). */
export const incidentAssignments = pgTable(
  'incident_assignments',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.userId] }),
    index('incident_assignments_user_idx').on(t.userId),
  ],
);

export const incidentTasks = pgTable(
  'incident_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** first_contact | police_report | aftercare_1w | aftercare_4w | aftercare_3m | other */
    kind: text('kind').notNull(),
    /** For `other`: what to do. */
    title: text('title'),
    dueOn: date('due_on').notNull(),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    /** When the reminder mail was queued (once per task). */
    remindedAt: ts('reminded_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('incident_tasks_incident_idx').on(t.incidentId),
    index('incident_tasks_open_due_idx').on(t.dueOn).where(sql`done_at is null`),
  ],
);

export const incidentMeasures = pgTable(
  'incident_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** talk | warning_letter | building_ban | police_report | damages | home_security | other */
    kind: text('kind').notNull(),
    decidedOn: date('decided_on').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('incident_measures_incident_idx').on(t.incidentId)],
);

/** Per organisation: the follow-up terms (defaults when there is no row). */
export const incidentSettings = pgTable('incident_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  firstContactWorkingDays: integer('first_contact_working_days').notNull().default(1),
  policeReportWorkingDays: integer('police_report_working_days').notNull().default(2),
  /** Personal data is removed this many years after closure (./retention.ts). */
  retentionYears: integer('retention_years').notNull().default(5),
  /**
   * A draft never sent is removed this many days after its last change (./retention.ts). Neither the
   * issue nor the domain notes name a period: 90 days is an assumption, configurable per organisation.
   */
  draftRetentionDays: integer('draft_retention_days').notNull().default(90),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * The organisation's contact list (issue 16, item 1): office holders and employees who may report and
 * follow their own incidents through a magic sign-in link, without an account beforehand. Maintained by
 * the coordinator (imported from CSV/XLSX); never taken from the monitor's sample frame.
 */
export const incidentContacts = pgTable(
  'incident_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** A role of ./model.ts `roles`, when known. */
    role: text('role'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('incident_contacts_org_email_uq').on(t.organisationId, t.email),
    index('incident_contacts_email_idx').on(t.email),
  ],
);

/** Magic sign-in links: single use, short expiry; only the SHA-256 of the token is stored. */
export const incidentContactLinks = pgTable(
  'incident_contact_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => incidentContacts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [
    uniqueIndex('incident_contact_links_token_uq').on(t.tokenHash),
    index('incident_contact_links_contact_idx').on(t.contactId, t.createdAt),
  ],
);

/**
 * The person concerned as a contact of the list (set by the coordinator): when that contact signs in
 * through a magic link, the incident becomes theirs to see (incidents.concerned_user_id).
 */
export const incidentConcernedContacts = pgTable('incident_concerned_contacts', {
  incidentId: uuid('incident_id')
    .primaryKey()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  contactId: uuid('contact_id')
    .notNull()
    .references(() => incidentContacts.id, { onDelete: 'cascade' }),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Evidence of an incident (screenshots, photos, letters, recordings), encrypted at rest
 * (./evidence-crypto.ts): the content under a random key of its own, that key wrapped with the
 * organisation's evidence key derived from ENCRYPTION_KEY. The type is the sniffed one, never the
 * browser's claim. Removed with the incident (retention).
 */
export const incidentEvidence = pgTable(
  'incident_evidence',
  {
    id: uuid('id').primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** The file's key, sealed with the organisation's evidence key (secret-box format). */
    wrappedKey: text('wrapped_key').notNull(),
    /** iv ‖ tag ‖ ciphertext (AES-256-GCM, bound to the evidence and incident ids). */
    sealed: bytea('sealed').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('incident_evidence_incident_idx').on(t.incidentId, t.createdAt)],
);

/**
 * The deletion log of retention (issue 16, item 3): which incident lost its personal data when, and
 * which kinds of data went. Ids and names of fields only, never values.
 */
export const incidentDeletionLog = pgTable(
  'incident_deletion_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    closedAt: ts('closed_at'),
    purgedAt: ts('purged_at').notNull().defaultNow(),
    removed: textArray('removed'),
  },
  (t) => [index('incident_deletion_log_org_idx').on(t.organisationId, t.purgedAt)],
);
