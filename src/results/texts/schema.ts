/**
 * Narrative texts of the publications (issue #15): per product kind, section and language, either for
 * one wave or as the default for every wave (wave_id null). Every save is a new version; the latest
 * version is the text. Built-in defaults (texts/defaults/) apply when nothing is stored.
 */
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { waves } from '../../monitor/fieldwork/schema.js';

export const resultsTexts = pgTable(
  'results_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The wave the text is for; null: the default of every wave. */
    waveId: uuid('wave_id').references(() => waves.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    section: text('section').notNull(),
    lang: text('lang').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    /** Who saved it (the audit log has the rest). */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('results_texts_version_uq').on(t.waveId, t.kind, t.section, t.lang, t.version).nullsNotDistinct(),
    index('results_texts_lookup_idx').on(t.kind, t.section, t.lang),
  ],
);
