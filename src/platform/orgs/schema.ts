import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The tenant. Gemeenten, provincies and waterschappen, plus ministries and other bodies. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable public code: CBS code (GM0363, PV27), TOOI waterschap code (ws0155), or an own code. */
    code: text('code').notNull(),
    /** Bestuurslaag: gemeente | provincie | waterschap | rijk | overig */
    layer: text('layer').notNull(),
    name: text('name').notNull(),
    /** Province (CBS code PV20…PV31) the organisation lies in; a provincie points to itself. */
    provinceCode: text('province_code'),
    inhabitants: integer('inhabitants'),
    inhabitantsDate: date('inhabitants_date'),
    /** Size class by inhabitants, derived when inhabitants is written: lt20k | 20k-50k | 50k-100k | ge100k */
    sizeClass: text('size_class'),
    validFrom: date('valid_from'),
    /** Set when the organisation ceased to exist (merged away). */
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_code_uq').on(t.code),
    index('organisations_layer_idx').on(t.layer),
    // The registry's list order (see repository.ts): an index scan gives a page without sorting.
    index('organisations_name_idx').on(sql`lower(${t.name})`, t.code),
  ],
);

/** A municipal reorganisation (herindeling): old organisations mapped onto a successor on a date. */
export const organisationMergers = pgTable('organisation_mergers', {
  id: uuid('id').primaryKey().defaultRandom(),
  effectiveDate: date('effective_date').notNull(),
  /** samenvoeging | uitbreiding | opsplitsing */
  type: text('type').notNull(),
  successorCode: text('successor_code').notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisationMergerSources = pgTable(
  'organisation_merger_sources',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => organisationMergers.id, { onDelete: 'cascade' }),
    sourceCode: text('source_code').notNull(),
    sourceName: text('source_name').notNull(),
    /** Only part of the source went to the successor (a split). */
    partial: boolean('partial').notNull().default(false),
  },
  (t) => [uniqueIndex('org_merger_sources_uq').on(t.mergerId, t.sourceCode)],
);
