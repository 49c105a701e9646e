/**
 * Results tables: indicator definitions (named, versioned), weighting runs (the weights of one target
 * group of a closed wave, with the report and the design that reproduces them) and results runs (every
 * estimate of a wave, written in one transaction). Nothing here points to a person: weights are keyed
 * by response id, and responses hold no person in anonymous or confidential waves.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { waves } from '../monitor/fieldwork/schema.js';

/** One version of an indicator. A change is a new version; earlier runs keep theirs. */
export const indicators = pgTable(
  'results_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    targetGroup: text('target_group').notNull(),
    theme: text('theme').notNull(),
    /** The whole definition (src/results/indicators/model.ts), as validated. */
    definition: jsonb('definition').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('results_indicators_code_version_uq').on(t.code, t.version)],
);

/** The weights of one target group of a wave; versions count up per wave and group. */
export const weightingRuns = pgTable(
  'results_weighting_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    targetGroup: text('target_group').notNull(),
    version: integer('version').notNull(),
    /** Options asked for (trimming bounds, epsilon, maxit). */
    options: jsonb('options').notNull(),
    /** Strata, fpc, margins with their population totals: what R needs to redo the calibration. */
    design: jsonb('design').notNull(),
    report: jsonb('report').notNull(),
    /** { responseIds, stratum, base, start, final }, in the canonical order of the run. */
    weights: jsonb('weights').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('results_weighting_runs_uq').on(t.waveId, t.targetGroup, t.version)],
);

/** Every estimate of a wave: written in one transaction, shown only when complete. */
export const resultsRuns = pgTable(
  'results_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** target group → weighting run id. */
    weightingRuns: jsonb('weighting_runs').notNull(),
    /** Indicator code → version used. */
    indicators: jsonb('indicators').notNull(),
    /** { cells: CellEstimate[], comparisons: ComparisonEstimate[] } per target group. */
    estimates: jsonb('estimates').notNull(),
    /** Under embargo until a researcher releases the run. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('results_runs_uq').on(t.waveId, t.version),
    index('results_runs_wave_idx').on(t.waveId, t.createdAt),
  ],
);

/** A wave's disclosure rules (docs/results.md, "Disclosure control"); absent: the defaults. */
export const disclosureSettings = pgTable('results_disclosure_settings', {
  waveId: uuid('wave_id')
    .primaryKey()
    .references(() => waves.id, { onDelete: 'cascade' }),
  /** DisclosureRules of src/stats/disclosure/model.ts. */
  rules: jsonb('rules').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A results computation asked for on the page, the CLI or the demo: the job `results.compute` weights
 * and estimates the wave and records its progress here. The run itself is written in one transaction
 * together with `run_id` and state `done`, so a retried job never writes a second run.
 */
export const resultsComputations = pgTable(
  'results_computations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    waveId: uuid('wave_id')
      .notNull()
      .references(() => waves.id, { onDelete: 'cascade' }),
    /** queued → running → done | failed. */
    state: text('state').notNull().default('queued'),
    /** Steps done of `total` (per target group: read, weight, estimate; then store). */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** The step under way: { group, phase }. */
    step: jsonb('step'),
    /** Weighting options (trimming bounds). */
    options: jsonb('options').notNull(),
    runId: uuid('run_id').references(() => resultsRuns.id, { onDelete: 'set null' }),
    /** Why it failed, in both languages: { nl, en }. */
    error: jsonb('error'),
    requestedBy: text('requested_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('results_computations_wave_idx').on(t.waveId, t.createdAt)],
);
