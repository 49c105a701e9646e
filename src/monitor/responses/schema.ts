/**
 * Responses. Anonymity by construction (docs/anonymity.md): a response row holds the stratum
 * variables copied from the frame, the answers, and the hash of a resume key derived from the
 * respondent's link token with a server key. It has no column that refers to a person, a frame row
 * or an invitation in an anonymous wave; dates are kept to the day.
 */
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
import { waves } from '../fieldwork/schema.js';

export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    targetGroup: text('target_group').notNull(),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull(),
    /** sha256(HMAC(server key, link token)): only the holder of the link can find this row. */
    resumeKeyHash: text('resume_key_hash').notNull(),
    /** Stratum variables: layer, role, role_group, province, size class (+ organisation unless anonymous). */
    strata: jsonb('strata').notNull(),
    /** Set only in confidential and named waves, and for organisation-policy questionnaires. */
    organisationId: uuid('organisation_id'),
    /** Set only in named waves. */
    framePersonId: uuid('frame_person_id'),
    /** item code → answer (string, string[], number); skipped by routing = absent. */
    answers: jsonb('answers').notNull().default({}),
    /** in_progress | completed */
    status: text('status').notNull().default('in_progress'),
    /** Index of the section the respondent is on. */
    currentSection: integer('current_section').notNull().default(0),
    /** Coarsened to the day, so time stamps cannot be matched to invitation events. */
    startedOn: date('started_on').notNull(),
    completedOn: date('completed_on'),
    /** Optimistic concurrency for saves from two devices. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    uniqueIndex('responses_resume_uq').on(t.resumeKeyHash),
    index('responses_wave_idx').on(t.waveId, t.status),
  ],
);

/** Recoding of open "anders, namelijk" answers: the original answer stays; this is the log. */
export const responseRecodes = pgTable(
  'response_recodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    originalText: text('original_text').notNull(),
    /** The option code the text was recoded into (existing or new). */
    recodedTo: text('recoded_to').notNull(),
    recodedBy: uuid('recoded_by'),
    recodedAt: timestamp('recoded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('response_recodes_resp_idx').on(t.responseId, t.itemCode)],
);
