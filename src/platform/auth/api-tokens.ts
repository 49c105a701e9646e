/**
 * Personal API tokens for scripts: `wb_` + 256 random bits, shown once, stored as SHA-256, scoped
 * (read, write), optionally expiring, revocable. Their owner sees and revokes them; an admin (or the
 * coordinator of an organisation the user belongs to) may list and revoke them too (user-tokens-routes).
 * An admin's password reset and disabling an account revoke all of the user's tokens (users-service).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { apiTokens } from './schema.js';
import { hashSecret, newSecret } from './tokens.js';

export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export interface NewApiToken {
  name: string;
  /** Write implies read: a token that may change data may also read it. */
  scopes: TokenScope[];
  expiresAt?: Date | null;
}

const view = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** Creates a token; the returned `token` is the only time it exists in readable form. */
export async function createApiToken(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  input: NewApiToken,
): Promise<ApiTokenView & { token: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) {
    throw new AppError('validation', {
      detail: { nl: 'name: 1 tot 100 tekens', en: 'name: 1 to 100 characters' },
      invalidParams: [
        {
          name: 'name',
          code: 'name_required',
          reason: { nl: '1 tot 100 tekens', en: '1 to 100 characters' },
        },
      ],
    });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError('validation', {
      detail: { nl: 'expiresAt: moet in de toekomst liggen', en: 'expiresAt: must lie in the future' },
      invalidParams: [
        {
          name: 'expiresAt',
          code: 'expiry_past',
          reason: { nl: 'moet in de toekomst liggen', en: 'must lie in the future' },
        },
      ],
    });
  }
  const scopes = new Set<TokenScope>(input.scopes);
  if (scopes.has('write')) scopes.add('read');
  if (scopes.size === 0) {
    throw new AppError('validation', {
      detail: { nl: 'scopes: minstens een van read, write', en: 'scopes: at least one of read, write' },
      invalidParams: [
        {
          name: 'scopes',
          code: 'scope_required',
          reason: { nl: 'read en/of write', en: 'read and/or write' },
        },
      ],
    });
  }
  const token = `wb_${newSecret()}`;
  const prefix = token.slice(0, 8);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId,
        name,
        prefix,
        tokenHash: hashSecret(token),
        scopes: tokenScopes.filter((s) => scopes.has(s)),
        expiresAt: input.expiresAt ?? null,
      })
      .returning(view);
    await audit(tx, actor, {
      action: 'api-token.create',
      resourceType: 'api-token',
      resourceId: row!.id,
      diff: { name, prefix, scopes: row!.scopes, expiresAt: row!.expiresAt?.toISOString() ?? null },
    });
    return { ...(row as ApiTokenView), token };
  });
}

/** The user's tokens that have not been revoked (expired ones included, marked by expiresAt). */
export async function listApiTokens(db: DbOrTx, userId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select(view)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows as ApiTokenView[];
}

/** Revokes every token of the user that is still active; returns how many (for the caller's audit record). */
export async function revokeAllApiTokens(tx: DbOrTx, userId: string): Promise<number> {
  const done = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return done.length;
}

/** Revokes one of the user's tokens; another user's token id is "not found". */
export async function revokeApiToken(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  tokenId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, prefix: apiTokens.prefix });
    if (done.length === 0)
      throw new AppError('not-found', {
        detail: { nl: 'Deze API-sleutel bestaat niet.', en: 'no such API token' },
      });
    await audit(tx, actor, {
      action: 'api-token.revoke',
      resourceType: 'api-token',
      resourceId: tokenId,
      diff: actor.id === userId ? { prefix: done[0]!.prefix } : { prefix: done[0]!.prefix, userId },
    });
  });
}
