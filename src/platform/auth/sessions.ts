/**
 * Server-side sessions: the cookie carries a random token, the table its SHA-256, so a copy of the
 * table gives no working session. Sessions expire after SESSION_TTL_HOURS and can be revoked.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Actor, audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { sessions } from './schema.js';
import { hashSecret, newSecret } from './tokens.js';

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Starts a session; returns the token for the cookie (never stored) and when it expires. */
export async function createSession(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  ttlHours: number,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  const [row] = await tx
    .insert(sessions)
    .values({ tokenHash: hashSecret(token), userId, expiresAt })
    .returning({ id: sessions.id });
  await audit(tx, actor, {
    action: 'session.create',
    resourceType: 'session',
    resourceId: row!.id,
    diff: { userId, expiresAt: expiresAt.toISOString() },
  });
  return { id: row!.id, token, expiresAt };
}

/** The user's sessions that still work, newest first. */
export async function listActiveSessions(db: DbOrTx, userId: string): Promise<SessionView[]> {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.createdAt));
}

/**
 * Revokes one of the user's own sessions. Someone else's session id is "not found": ownership is
 * part of the lookup, so ids cannot be probed.
 */
export async function revokeSession(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  sessionId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (done.length === 0)
      throw new AppError('not-found', { detail: { nl: 'Deze sessie bestaat niet.', en: 'no such session' } });
    await audit(tx, actor, { action: 'session.revoke', resourceType: 'session', resourceId: sessionId });
  });
}
