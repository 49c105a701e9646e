/**
 * Turns a session cookie or an API token into a Principal (who, with which roles), or nothing.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { OrganisationRole, PlatformRole, Principal } from '../access/policy.js';
import type { DbOrTx } from '../db/database.js';
import { apiTokens, memberships, sessions, users } from './schema.js';
import { hashSecret } from './tokens.js';

async function principalForUser(
  db: DbOrTx,
  userId: string,
  extra: Pick<Principal, 'via' | 'scopes' | 'sessionId' | 'tokenId'>,
): Promise<Principal | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return undefined;
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const byOrg = new Map<string, Set<OrganisationRole>>();
  for (const r of rows) {
    const set = byOrg.get(r.organisationId) ?? new Set();
    set.add(r.role as OrganisationRole);
    byOrg.set(r.organisationId, set);
  }
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    platformRoles: new Set(user.platformRoles as PlatformRole[]),
    memberships: byOrg,
    ...extra,
  };
}

/** A valid, unexpired, unrevoked session; touches last_seen_at at most once a minute. */
export async function principalFromSession(db: DbOrTx, token: string): Promise<Principal | undefined> {
  const [s] = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    );
  if (!s) return undefined;
  if (Date.now() - s.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, s.id));
  }
  return principalForUser(db, s.userId, {
    via: 'session',
    scopes: new Set(['read', 'write']),
    sessionId: s.id,
  });
}

export async function principalFromApiToken(db: DbOrTx, token: string): Promise<Principal | undefined> {
  const [tk] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  if (!tk) return undefined;
  if (!tk.lastUsedAt || Date.now() - tk.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tk.id));
  }
  return principalForUser(db, tk.userId, {
    via: 'token',
    scopes: new Set(tk.scopes as Array<'read' | 'write'>),
    tokenId: tk.id,
  });
}
