/**
 * Users, their platform roles and their roles per organisation. Every change writes its audit record
 * in the same transaction; password hashes never appear in a diff.
 * Access is decided by the caller (routes ask the policy); this module only keeps the data consistent.
 */
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type OrganisationRole,
  organisationRoles,
  type PlatformRole,
  platformRoles,
} from '../access/policy.js';
import { type Actor, audit, diffOf } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError, type InvalidParam } from '../errors.js';
import { revokeAllApiTokens } from './api-tokens.js';
import { insertMembership } from './memberships.js';
import { organisationsByIds } from './organisations.js';
import { hashPassword } from './passwords.js';
import { memberships, sessions, users } from './schema.js';
import {
  assertPasswordAcceptable,
  checkDisplayName,
  checkOrganisations,
  checkPassword,
  emailSchema,
  invalid,
  normaliseEmail,
  oneOf,
} from './user-rules.js';

export { assertPasswordAcceptable, normaliseEmail };

export interface MembershipView {
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  role: OrganisationRole;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  platformRoles: PlatformRole[];
  memberships: MembershipView[];
  locale: string;
  hasPassword: boolean;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  email: string;
  displayName: string;
  /** Omit (or null) for an account without a local password (OpenID Connect only, or set later). */
  password?: string | null;
  platformRoles?: PlatformRole[];
  memberships?: Array<{ organisationId: string; role: OrganisationRole }>;
  locale?: 'nl' | 'en';
}

export interface UserPatch {
  displayName?: string;
  platformRoles?: PlatformRole[];
  disabled?: boolean;
  locale?: 'nl' | 'en';
}

/** Creates a user with roles. Throws validation (bad fields) or conflict (e-mail in use). */
export async function createUser(db: DbOrTx, actor: Actor, input: NewUser): Promise<UserView> {
  const email = normaliseEmail(input.email);
  const problems: InvalidParam[] = [];
  if (!emailSchema.safeParse(email).success || email.length > 254) {
    problems.push({
      name: 'email',
      code: 'email_invalid',
      reason: { nl: 'een e-mailadres', en: 'an e-mail address' },
    });
  }
  checkDisplayName(input.displayName, problems);
  if (input.password) checkPassword(input.password, email, problems);
  const roles = [...new Set(input.platformRoles ?? [])];
  if (roles.some((r) => !platformRoles.includes(r))) {
    problems.push({ name: 'platformRoles', code: 'role_invalid', reason: oneOf(platformRoles) });
  }
  const ms = input.memberships ?? [];
  if (ms.some((m) => !organisationRoles.includes(m.role))) {
    problems.push({ name: 'role', code: 'role_invalid', reason: oneOf(organisationRoles) });
  }
  await checkOrganisations(
    db,
    ms.map((m) => m.organisationId),
    problems,
  );
  if (problems.length) throw invalid(problems);
  const passwordHash = input.password ? await hashPassword(input.password) : null;

  const id = await db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) throw emailTaken(email);
      const [row] = await tx
        .insert(users)
        .values({
          email,
          displayName: input.displayName.trim(),
          passwordHash,
          platformRoles: roles,
          locale: input.locale ?? 'nl',
        })
        .returning({ id: users.id });
      const userId = row!.id;
      await audit(tx, actor, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: userId,
        diff: {
          email,
          displayName: input.displayName.trim(),
          platformRoles: roles,
          password: passwordHash ? 'set' : 'none',
        },
      });
      for (const m of dedupe(ms)) await insertMembership(tx, actor, userId, m.organisationId, m.role);
      return userId;
    })
    // Two requests for one address at once: the unique index decides, the loser gets the same conflict.
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? emailTaken(email) : err;
    });
  return (await getUser(db, id))!;
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: any = err; e; e = e.cause) if (e.code === '23505') return true;
  return false;
}

function emailTaken(email: string) {
  return new AppError('conflict', {
    detail: {
      nl: `Er is al een gebruiker met e-mailadres ${email}.`,
      en: `a user with e-mail ${email} exists already`,
    },
    invalidParams: [
      { name: 'email', code: 'email_taken', reason: { nl: 'al in gebruik', en: 'already in use' } },
    ],
  });
}

function dedupe<T extends { organisationId: string; role: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = `${m.organisationId}/${m.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function getUser(db: DbOrTx, id: string): Promise<UserView | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return undefined;
  return (await withMemberships(db, [row]))[0];
}

export async function getUserByEmail(db: DbOrTx, email: string): Promise<UserView | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  if (!row) return undefined;
  return (await withMemberships(db, [row]))[0];
}

/** The organisations a user holds any role in (for the policy's user-visibility check). */
export async function userOrganisationIds(db: DbOrTx, userId: string): Promise<string[]> {
  if (!z.uuid().safeParse(userId).success) return [];
  const rows = await db
    .selectDistinct({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.organisationId);
}

async function withMemberships(db: DbOrTx, rows: Array<typeof users.$inferSelect>): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ms = await db
    .select()
    .from(memberships)
    .where(
      inArray(
        memberships.userId,
        rows.map((r) => r.id),
      ),
    );
  const orgs = await organisationsByIds(
    db,
    ms.map((m) => m.organisationId),
  );
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    platformRoles: r.platformRoles as PlatformRole[],
    memberships: ms
      .filter((m) => m.userId === r.id)
      .map((m) => ({
        organisationId: m.organisationId,
        organisationCode: orgs.get(m.organisationId)?.code ?? '',
        organisationName: orgs.get(m.organisationId)?.name ?? '',
        role: m.role as OrganisationRole,
      }))
      .sort(
        (a, b) =>
          a.organisationName.localeCompare(b.organisationName, 'nl') ||
          organisationRoles.indexOf(a.role) - organisationRoles.indexOf(b.role),
      ),
    locale: r.locale,
    hasPassword: r.passwordHash !== null,
    disabled: r.disabledAt !== null,
    lockedUntil: r.lockedUntil && r.lockedUntil.getTime() > now ? r.lockedUntil : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export interface UserQuery {
  /** Only users with a role in one of these organisations; undefined = everyone. */
  organisationIds?: ReadonlySet<string>;
  /** Part of the name or e-mail address. */
  q?: string;
  limit: number;
  offset: number;
}

export async function listUsers(db: DbOrTx, query: UserQuery): Promise<{ items: UserView[]; total: number }> {
  const where: SQL[] = [];
  if (query.organisationIds) {
    const orgs = [...query.organisationIds];
    if (orgs.length === 0) return { items: [], total: 0 };
    where.push(
      inArray(
        users.id,
        db
          .select({ id: memberships.userId })
          .from(memberships)
          .where(inArray(memberships.organisationId, orgs)),
      ),
    );
  }
  if (query.q?.trim()) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, like), ilike(users.displayName, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users).where(cond);
  const rows = await db
    .select()
    .from(users)
    .where(cond)
    .orderBy(asc(sql`lower(${users.displayName})`), asc(users.email))
    .limit(query.limit)
    .offset(query.offset);
  return { items: await withMemberships(db, rows), total: Number(n) };
}

/** Changes name, platform roles, locale or disabled state. Disabling ends the user's sessions and API tokens. */
export async function updateUser(db: DbOrTx, actor: Actor, id: string, patch: UserPatch): Promise<UserView> {
  const problems: InvalidParam[] = [];
  checkDisplayName(patch.displayName, problems);
  if (patch.platformRoles?.some((r) => !platformRoles.includes(r))) {
    problems.push({ name: 'platformRoles', code: 'role_invalid', reason: oneOf(platformRoles) });
  }
  if (actor.id === id && patch.disabled === true) {
    problems.push({
      name: 'disabled',
      code: 'self_lockout',
      reason: { nl: 'u kunt uw eigen account niet uitzetten', en: 'you cannot disable your own account' },
    });
  }
  if (actor.id === id && patch.platformRoles && !patch.platformRoles.includes('admin')) {
    const me = await getUser(db, id);
    if (me?.platformRoles.includes('admin')) {
      problems.push({
        name: 'platformRoles',
        code: 'self_lockout',
        reason: {
          nl: 'u kunt uw eigen beheerdersrol niet weghalen',
          en: 'you cannot remove your own admin role',
        },
      });
    }
  }
  if (problems.length) throw invalid(problems);

  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before)
      throw new AppError('not-found', { detail: { nl: `Er is geen gebruiker ${id}.`, en: `no user ${id}` } });
    const next: Partial<typeof users.$inferInsert> = {};
    if (patch.displayName !== undefined) next.displayName = patch.displayName.trim();
    if (patch.platformRoles !== undefined) next.platformRoles = [...new Set(patch.platformRoles)].sort();
    if (patch.locale !== undefined) next.locale = patch.locale;
    const diff: Record<string, [unknown, unknown]> = diffOf(
      {
        displayName: before.displayName,
        platformRoles: [...before.platformRoles].sort(),
        locale: before.locale,
      },
      { displayName: next.displayName, platformRoles: next.platformRoles, locale: next.locale },
    );
    if (patch.disabled !== undefined && patch.disabled !== (before.disabledAt !== null)) {
      next.disabledAt = patch.disabled ? new Date() : null;
      diff.disabled = [!patch.disabled, patch.disabled];
    }
    // `disabled: false` also lifts a lockout: an admin has looked at the account.
    if (patch.disabled === false && before.lockedUntil && before.lockedUntil.getTime() > Date.now()) {
      next.failedLogins = 0;
      next.lockedUntil = null;
      diff.lockedUntil = [before.lockedUntil.toISOString(), null];
    }
    if (Object.keys(diff).length === 0) return;
    await tx
      .update(users)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    // Disabling ends everything the user signed in with: sessions and API tokens. Re-enabling brings
    // none of them back (issue 13, row 8).
    if (patch.disabled) {
      await revokeAllSessions(tx, id);
      const tokens = await revokeAllApiTokens(tx, id);
      if (tokens) diff.apiTokensRevoked = [0, tokens];
    }
    await audit(tx, actor, { action: 'user.update', resourceType: 'user', resourceId: id, diff });
  });
  return (await getUser(db, id))!;
}

/**
 * Sets a new password (admin reset or the user's own change) and ends the user's sessions; an admin's
 * reset also revokes the user's API tokens.
 */
export async function setPassword(
  db: DbOrTx,
  actor: Actor,
  id: string,
  password: string,
  options: { keepSessionId?: string } = {},
): Promise<void> {
  const user = await getUser(db, id);
  if (!user)
    throw new AppError('not-found', { detail: { nl: `Er is geen gebruiker ${id}.`, en: `no user ${id}` } });
  const problems: InvalidParam[] = [];
  checkPassword(password, user.email, problems);
  if (problems.length) throw invalid(problems);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    await revokeAllSessions(tx, id, options.keepSessionId);
    // A reset by someone else (an admin) also revokes the user's API tokens: whoever knew the old
    // password may have made one. Changing your own password keeps your tokens (you see and revoke them).
    const tokens = actor.id !== id ? await revokeAllApiTokens(tx, id) : 0;
    await audit(tx, actor, {
      action: 'user.password-set',
      resourceType: 'user',
      resourceId: id,
      diff: tokens ? { password: 'changed', apiTokensRevoked: tokens } : { password: 'changed' },
    });
  });
}

async function revokeAllSessions(tx: DbOrTx, userId: string, except?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        except ? sql`${sessions.id} <> ${except}` : undefined,
      ),
    );
}
