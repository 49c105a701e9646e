/**
 * Who handles reports: the organisation's integrity officers and chairs. Only their keys receive new
 * reports and, when certified, copies of existing ones; any other certified key (an external
 * investigator's) gets a report only through a grant (investigators.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { OrganisationRole } from '../../platform/access/policy.js';
import { memberships } from '../../platform/auth/schema.js';
import type { DbOrTx } from '../../platform/db/database.js';

export const handlerRoles: OrganisationRole[] = ['integrity_officer', 'integrity_chair'];

/** The users who hold an officer or chair role in the organisation. */
export async function handlerUserIds(db: DbOrTx, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, handlerRoles)));
  return new Set(rows.map((r) => r.userId));
}

export async function isHandler(db: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
  return (await handlerUserIds(db, organisationId)).has(userId);
}

export async function hasRole(
  db: DbOrTx,
  organisationId: string,
  userId: string,
  role: OrganisationRole,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.userId, userId),
        eq(memberships.role, role),
      ),
    );
  return row !== undefined;
}

/** The users who hold `role` in the organisation. */
export async function usersWithRole(
  db: DbOrTx,
  organisationId: string,
  role: OrganisationRole,
): Promise<Set<string>> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, role)));
  return new Set(rows.map((r) => r.userId));
}
