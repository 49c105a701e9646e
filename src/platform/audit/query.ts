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
