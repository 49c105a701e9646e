/**
 * /api/v1/users: users and their roles. Admins see and change everyone; a coordinator sees the users of
 * the organisations they coordinate and manages roles there, never platform roles.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organisationRoles, platformRoles, visibleOrganisations } from '../access/policy.js';
import { AppError } from '../errors.js';
import { actorOf } from './actor.js';
import { addMembership, removeMembership } from './memberships.js';
import {
  assertUserVisible,
  orgForList,
  orgFromBody,
  orgFromParams,
  orgOfUser,
  visibleUser,
} from './users-access.js';
import {
  assertPasswordAcceptable,
  createUser,
  getUser,
  listUsers,
  setPassword,
  type UserView,
  updateUser,
} from './users-service.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    platformRoles: z.array(z.enum(platformRoles)),
    memberships: z.array(
      z.object({
        organisationId: z.uuid(),
        organisationCode: z.string(),
        organisationName: z.string(),
        role: z.enum(organisationRoles),
      }),
    ),
    locale: z.string(),
    hasPassword: z.boolean().describe('has a local password (otherwise signs in through OpenID Connect)'),
    disabled: z.boolean(),
    lockedUntil: z.iso.datetime().nullable().describe('temporarily locked after failed sign-ins'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

const toApi = (u: UserView): z.infer<typeof userSchema> => ({
  ...u,
  lockedUntil: u.lockedUntil?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

const userIdParams = z.object({ userId: z.uuid() });
const membershipBody = z
  .object({ organisationId: z.uuid(), role: z.enum(organisationRoles) })
  .strict()
  .meta({ id: 'MembershipCreate' });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const tags = ['users'];

  r.get(
    '/api/v1/users',
    {
      config: { access: { action: 'user.list', org: orgForList('user.list') } },
      schema: {
        tags,
        summary: 'Users (admins: all; coordinators: those of their organisations)',
        querystring: z
          .object({
            q: z.string().max(200).optional().describe('part of the name or e-mail address'),
            organisationId: z.uuid().optional().describe('only users with a role in this organisation'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(userSchema), total: z.number().int() }) },
      },
    },
    async (req) => {
      const p = req.principal!;
      const q = req.query;
      const organisationIds = q.organisationId
        ? new Set([q.organisationId])
        : visibleOrganisations(p, 'user.list');
      const page = await listUsers(db, { organisationIds, q: q.q, limit: q.limit, offset: q.offset });
      return { items: page.items.map((u) => toApi(visibleUser(req, u))), total: page.total };
    },
  );

  r.post(
    '/api/v1/users',
    {
      config: { access: { action: 'user.create' } },
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: z
          .object({
            email: z.string().max(254),
            displayName: z.string().max(200),
            password: z
              .string()
              .max(1024)
              .optional()
              .describe('at least 12 characters, not the e-mail address'),
            platformRoles: z.array(z.enum(platformRoles)).optional(),
            memberships: z.array(membershipBody).optional(),
            locale: z.enum(['nl', 'en']).optional(),
          })
          .strict(),
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      const user = await createUser(db, actorOf(req.principal!), req.body);
      return reply.code(201).send(toApi(user));
    },
  );

  r.get(
    '/api/v1/users/:userId',
    {
      config: { access: { action: 'user.read', org: orgOfUser(db, 'user.read') } },
      schema: { tags, summary: 'One user', params: userIdParams, response: { 200: userSchema } },
    },
    async (req) => {
      const user = await getUser(db, req.params.userId);
      assertUserVisible(req, user);
      return toApi(visibleUser(req, user));
    },
  );

  r.patch(
    '/api/v1/users/:userId',
    {
      config: { access: { action: 'user.update' } },
      schema: {
        tags,
        summary: 'Change name, platform roles, language, disabled state or password (admin)',
        params: userIdParams,
        body: z
          .object({
            displayName: z.string().max(200).optional(),
            platformRoles: z.array(z.enum(platformRoles)).optional(),
            locale: z.enum(['nl', 'en']).optional(),
            disabled: z
              .boolean()
              .optional()
              .describe('true ends the user’s sessions; false enables the account and lifts a lockout'),
            password: z.string().max(1024).optional().describe('a new password; ends the user’s sessions'),
          })
          .strict(),
        response: { 200: userSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req.principal!);
      const { password, ...patch } = req.body;
      const before = await getUser(db, req.params.userId);
      if (!before)
        throw new AppError('not-found', {
          detail: { nl: 'Deze gebruiker bestaat niet.', en: 'no such user' },
        });
      if (password !== undefined) assertPasswordAcceptable(password, before.email);
      const user = await updateUser(db, actor, req.params.userId, patch);
      if (password !== undefined) await setPassword(db, actor, req.params.userId, password);
      return toApi(user);
    },
  );

  r.post(
    '/api/v1/users/:userId/memberships',
    {
      config: { access: { action: 'membership.manage', org: orgFromBody } },
      schema: {
        tags,
        summary: 'Give a user a role in an organisation (admin, or coordinator of that organisation)',
        params: userIdParams,
        body: membershipBody,
        response: { 201: userSchema },
      },
    },
    async (req, reply) => {
      assertUserVisible(req, await getUser(db, req.params.userId));
      const { userId } = req.params;
      await addMembership(db, actorOf(req.principal!), userId, req.body.organisationId, req.body.role);
      return reply.code(201).send(toApi(visibleUser(req, (await getUser(db, userId))!)));
    },
  );

  r.delete(
    '/api/v1/users/:userId/memberships/:orgId/:role',
    {
      config: { access: { action: 'membership.manage', org: orgFromParams } },
      schema: {
        tags,
        summary: 'Take a role in an organisation away from a user',
        params: z.object({ userId: z.uuid(), orgId: z.uuid(), role: z.enum(organisationRoles) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      assertUserVisible(req, await getUser(db, req.params.userId));
      await removeMembership(
        db,
        actorOf(req.principal!),
        req.params.userId,
        req.params.orgId,
        req.params.role,
      );
      return reply.code(204).send(null);
    },
  );
};
export default routes;
