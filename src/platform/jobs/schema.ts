import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Idempotency ledger: one row per (queue, key) ever enqueued. pg-boss's own singleton keys only
 * deduplicate while a job is queued or active, and job rows are archived and deleted after their
 * retention, so this table is what makes "enqueued twice for the same key, runs once" hold forever.
 * The row is written in the same transaction as the job.
 */
export const jobKeys = pgTable(
  'job_keys',
  {
    queue: text('queue').notNull(),
    key: text('key').notNull(),
    jobId: uuid('job_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.queue, t.key] })],
);
