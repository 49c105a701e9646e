/**
 * How user routes tell the policy which organisation a request concerns. A coordinator acts on a user
 * through an organisation they coordinate and the user belongs to; with none, only an admin gets through.
 */
import type { FastifyRequest } from 'fastify';
import { type Action, can, canSeeUser, organisationForUser, visibleOrganisations } from '../access/policy.js';
import type { DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { type UserView, userOrganisationIds } from './users-service.js';

type Resolver = (req: FastifyRequest) => Promise<string | undefined> | string | undefined;

/** For routes with a :userId: an organisation of that user in which the principal may do `action`. */
export const orgOfUser =
  (db: DbOrTx, action: Action): Resolver =>
  async (req) => {
    const p = req.principal;
    if (!p || can(p, action)) return undefined;
    const userId = (req.params as { userId?: unknown }).userId;
    if (typeof userId !== 'string') return undefined;
    return organisationForUser(p, action, await userOrganisationIds(db, userId));
  };

/** For lists: the organisation filter given, or for non-admins the first organisation they may list. */
export const orgForList =
  (action: Action): Resolver =>
  (req) => {
    const q = (req.query as { organisationId?: unknown } | undefined)?.organisationId;
    if (typeof q === 'string' && q !== '') return q;
    const p = req.principal;
    if (!p) return undefined;
    const visible = visibleOrganisations(p, action);
    return visible ? [...visible][0] : undefined;
  };

/** For adding a role: the organisation named in the body (form or JSON). */
export const orgFromBody: Resolver = (req) => {
  const v = (req.body as { organisationId?: unknown } | undefined)?.organisationId;
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** For removing a role: the organisation in the path. */
export const orgFromParams: Resolver = (req) => {
  const v = (req.params as { orgId?: unknown }).orgId;
  return typeof v === 'string' ? v : undefined;
};

/** Throws not-found unless the principal may see the user; a hidden user and a missing one look the same. */
export function assertUserVisible(req: FastifyRequest, user: UserView | undefined): asserts user is UserView {
  if (!user || !canSeeUser(req.principal, new Set(user.memberships.map((m) => m.organisationId)))) {
    throw new AppError('not-found', { detail: { nl: 'Deze gebruiker bestaat niet.', en: 'no such user' } });
  }
}

/** A user as this principal may see them: a coordinator sees only the roles in organisations they may read. */
export function visibleUser(req: FastifyRequest, user: UserView): UserView {
  const p = req.principal!;
  if (can(p, 'user.read')) return user;
  return { ...user, memberships: user.memberships.filter((m) => can(p, 'user.read', m.organisationId)) };
}
