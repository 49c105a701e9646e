import { and, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { auditLog } from './schema.js';

export interface AuditFilter {
  /** Only these organisations (undefined = all; empty = none). */
  organisationIds?: Set<string>;
  organisationId?: string;
  action?: string;
  resourceType?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** Keyset paging: entries with seq below this. */
  before?: number;
  limit: number;
}

export async function listAudit(db: DbOrTx, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.organisationIds) {
    if (f.organisationIds.size === 0) return [];
    where.push(inArray(auditLog.organisationId, [...f.organisationIds]));
  }
  if (f.organisationId) where.push(eq(auditLog.organisationId, f.organisationId));
  if (f.action) where.push(ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.resourceType) where.push(eq(auditLog.resourceType, f.resourceType));
  if (f.actor) {
    const like = `%${f.actor.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(or(ilike(auditLog.actorLabel, like))!);
  }
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, sql`(${f.to}::date + 1)::text`));
  if (f.before) where.push(lt(auditLog.seq, f.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
}

/**
 * Per day (in the Netherlands) the entries of one action on one resource, with the sum of a number in
 * their `diff` (e.g. the days of a wave's reminder rounds and how many were reminded).
 */
export async function auditDays(
  db: DbOrTx,
  f: { action: string; resourceType: string; resourceId: string; sumOf: string },
): Promise<{ day: string; entries: number; total: number }[]> {
  const day = sql<string>`to_char(${auditLog.at}::timestamptz at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      entries: sql<number>`count(*)::int`,
      total: sql<number>`coalesce(sum((${auditLog.diff}->>${f.sumOf})::numeric), 0)::int`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, f.action),
        eq(auditLog.resourceType, f.resourceType),
        eq(auditLog.resourceId, f.resourceId),
      ),
    )
    .groupBy(day)
    .orderBy(day);
}
