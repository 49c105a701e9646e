/**
 * Questionnaire tables. A questionnaire (platform-wide, not per organisation) has numbered versions;
 * a version is a draft until published, and a published version never changes (the service refuses,
 * and a trigger in the migration refuses UPDATE of a published definition and DELETE of a published
 * version). `item_codes` remembers what every item code meant when it was first published, so that a
 * code is never reused with another meaning.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code, e.g. `office_holders`; the definition's `code`. */
    code: text('code').notNull(),
    /** From the latest version. */
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('questionnaires_code_uq').on(t.code)],
);

export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'restrict' }),
    /** 1, 2, 3, … per questionnaire. */
    version: integer('version').notNull(),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    /** The QuestionnaireDefinition (./model.ts), validated before it is written. */
    definition: jsonb('definition').notNull(),
    /** Where it came from: json | xlsform | template, with the file name. */
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
  },
  (t) => [
    uniqueIndex('questionnaire_versions_uq').on(t.questionnaireId, t.version),
    index('questionnaire_versions_status_idx').on(t.status),
  ],
);

/**
 * The item-code registry: what a code means (type and option codes; the Dutch label is kept for
 * reference but may be reworded) and where it was first published.
 */
export const itemCodes = pgTable('item_codes', {
  code: text('code').primaryKey(),
  /** single_choice | multiple_choice | matrix | matrix_row | number | date | text */
  kind: text('kind').notNull(),
  /** sha256 of kind + sorted option codes: equal fingerprints = same meaning. */
  fingerprint: text('fingerprint').notNull(),
  /** { kind, options: [codes], labelNl } as first published. */
  meaning: jsonb('meaning').notNull(),
  firstQuestionnaireId: uuid('first_questionnaire_id')
    .notNull()
    .references(() => questionnaires.id, { onDelete: 'restrict' }),
  firstQuestionnaireCode: text('first_questionnaire_code').notNull(),
  firstVersion: integer('first_version').notNull(),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
});
