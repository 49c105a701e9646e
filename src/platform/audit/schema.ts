import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE, see the migration) and hash-chained:
 * hash = sha256(prevHash + canonical JSON of the entry), so any edit is detectable.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    /** user | token | system | cli */
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    organisationId: uuid('organisation_id'),
    diff: jsonb('diff'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_org_idx').on(t.organisationId, t.seq),
    index('audit_log_resource_idx').on(t.resourceType, t.resourceId),
  ],
);
