/**
 * Roles of users in organisations. Every change is audited with the organisation it concerns, so an
 * organisation's coordinator finds it in their part of the audit log.
 */
import { and, eq } from 'drizzle-orm';
import { type OrganisationRole, organisationRoles } from '../access/policy.js';
import { type Actor, audit } from '../audit/audit.js';
import type { DbOrTx } from '../db/database.js';
import { AppError, type InvalidParam } from '../errors.js';
import { memberships, users } from './schema.js';
import { checkOrganisations, invalid, oneOf } from './user-rules.js';

export async function insertMembership(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  organisationId: string,
  role: OrganisationRole,
): Promise<boolean> {
  const inserted = await tx
    .insert(memberships)
    .values({ userId, organisationId, role })
    .onConflictDoNothing()
    .returning({ role: memberships.role });
  if (inserted.length === 0) return false;
  await audit(tx, actor, {
    action: 'membership.add',
    resourceType: 'user',
    resourceId: userId,
    organisationId,
    diff: { role },
  });
  return true;
}

export async function addMembership(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  organisationId: string,
  role: OrganisationRole,
): Promise<void> {
  const problems: InvalidParam[] = [];
  if (!organisationRoles.includes(role)) {
    problems.push({ name: 'role', code: 'role_invalid', reason: oneOf(organisationRoles) });
  }
  await checkOrganisations(db, [organisationId], problems);
  if (problems.length) throw invalid(problems);
  await db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!u)
      throw new AppError('not-found', {
        detail: { nl: `Er is geen gebruiker ${userId}.`, en: `no user ${userId}` },
      });
    await insertMembership(tx, actor, userId, organisationId, role);
  });
}

export async function removeMembership(
  db: DbOrTx,
  actor: Actor,
  userId: string,
  organisationId: string,
  role: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organisationId, organisationId),
          eq(memberships.role, role),
        ),
      )
      .returning({ role: memberships.role });
    if (deleted.length === 0)
      throw new AppError('not-found', {
        detail: { nl: 'Deze gebruiker heeft geen rol bij deze organisatie.', en: 'no such membership' },
      });
    await audit(tx, actor, {
      action: 'membership.remove',
      resourceType: 'user',
      resourceId: userId,
      organisationId,
      diff: { role },
    });
  });
}
