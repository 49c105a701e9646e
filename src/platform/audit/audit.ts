/**
 * Writing the audit log. Call `audit(tx, actor, event)` inside the transaction that makes the
 * change, so the record exists exactly when the change does.
 */
import { desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { auditLog } from './schema.js';

export interface Actor {
  type: 'user' | 'token' | 'system' | 'cli';
  id: string | null;
  /** Human-readable: the user's e-mail, "system", "cli:orgs import". */
  label: string;
}

export const systemActor: Actor = { type: 'system', id: null, label: 'system' };
export const cliActor = (command: string): Actor => ({ type: 'cli', id: null, label: `cli:${command}` });

export interface AuditEvent {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  organisationId?: string | null;
  /** What changed: `{ field: [before, after] }`, or the created/deleted values. Never secrets. */
  diff?: unknown;
}

/** Serialises writers on the chain head; released at commit or rollback. */
const CHAIN_LOCK_KEY = 0x57454552; // 'WEER'

export async function audit(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Microsecond precision is what PostgreSQL stores; hash what comes back out.
  const at = new Date().toISOString();
  const fields = {
    seq,
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    organisationId: event.organisationId ?? null,
    diff: event.diff ?? null,
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

/** `{ field: [before, after] }` for the fields that differ. */
export function diffOf<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k] ?? null, v];
  }
  return out;
}
