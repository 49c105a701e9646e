/**
 * The user pages: /users (list), /users/new, /users/:userId (details, roles, status, password).
 * Same rules as the API (./users-api.ts): admins everything, coordinators roles in their organisations.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  can,
  canSeeUser,
  type OrganisationRole,
  organisationRoles,
  type PlatformRole,
  platformRoles,
  visibleOrganisations,
} from '../access/policy.js';
import { sendPage } from '../ui/render.js';
import { actorOf } from './actor.js';
import { formErrors, formList, formString } from './form-errors.js';
import { addMembership, removeMembership } from './memberships.js';
import { allOrganisations, type OrganisationRef, organisationsByIds } from './organisations.js';
import { twoFactorStatus } from './two-factor.js';
import {
  assertUserVisible,
  orgForList,
  orgFromBody,
  orgFromParams,
  orgOfUser,
  visibleUser,
} from './users-access.js';
import { createUser, getUser, listUsers, setPassword, updateUser } from './users-service.js';
import type { FieldErrors } from './views/fields.js';
import { userNewPage } from './views/user-new-page.js';
import { type UserPageNotice, userPage } from './views/user-page.js';
import { usersListPage } from './views/users-list-page.js';

const PAGE_SIZE = 50;
const form = z.record(z.string(), z.unknown());
const userIdParams = z.object({ userId: z.uuid() });
const isPlatformRole = (r: string): r is PlatformRole => (platformRoles as readonly string[]).includes(r);
const isOrgRole = (r: string): r is OrganisationRole => (organisationRoles as readonly string[]).includes(r);
const notices: UserPageNotice[] = ['created', 'saved', 'passwordSet', 'twoFactorReset'];

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  /** Organisations in which the principal may add or remove roles. */
  async function manageableOrganisations(req: FastifyRequest): Promise<OrganisationRef[]> {
    const p = req.principal!;
    if (can(p, 'membership.manage')) return allOrganisations(db);
    const ids = [...p.memberships.keys()].filter((o) => can(p, 'membership.manage', o));
    return [...(await organisationsByIds(db, ids)).values()].sort((a, b) =>
      a.name.localeCompare(b.name, 'nl'),
    );
  }

  /** The organisations the list can be filtered by: those the principal may list (admins: all current ones). */
  async function filterChoices(
    visible: Set<string> | undefined,
    selected?: string,
  ): Promise<OrganisationRef[]> {
    const choices = visible
      ? [...(await organisationsByIds(db, visible)).values()].sort((a, b) =>
          a.name.localeCompare(b.name, 'nl'),
        )
      : await allOrganisations(db);
    // A link may name an organisation that has ended (not in the current list): keep it selectable.
    if (selected && !choices.some((o) => o.id === selected)) {
      const ended = (await organisationsByIds(db, [selected])).get(selected);
      if (ended) choices.unshift(ended);
    }
    return choices;
  }

  async function renderUser(
    req: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    extra: { notice?: UserPageNotice; errors?: FieldErrors; values?: Record<string, any> } = {},
    status = 200,
  ) {
    const user = await getUser(db, userId);
    assertUserVisible(req, user);
    const page = userPage(req.page(reply), {
      user: visibleUser(req, user),
      canEdit: can(req.principal, 'user.update'),
      twoFactorOn: can(req.principal, 'user.update') && (await twoFactorStatus(db, userId)).enabled,
      manageable: await manageableOrganisations(req),
      ...extra,
    });
    return sendPage(reply, page, status);
  }

  r.get(
    '/users',
    {
      config: { access: { action: 'user.list', org: orgForList('user.list') } },
      schema: {
        querystring: z
          .object({
            q: z.string().max(200).optional(),
            // '' is the form's "all organisations"
            organisationId: z.union([z.uuid(), z.literal('')]).optional(),
            offset: z.coerce.number().int().min(0).default(0),
          })
          .loose(),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const q = req.query.q?.trim() ?? '';
      const organisationId = req.query.organisationId || undefined;
      const visible = visibleOrganisations(p, 'user.list');
      // The access hook has already asked the policy for user.list in organisationId (orgForList).
      const [page, organisations] = await Promise.all([
        listUsers(db, {
          organisationIds: organisationId ? new Set([organisationId]) : visible,
          q,
          limit: PAGE_SIZE,
          offset: req.query.offset,
        }),
        filterChoices(visible, organisationId),
      ]);
      return sendPage(
        reply,
        usersListPage(req.page(reply), {
          users: page.items.map((u) => visibleUser(req, u)),
          total: page.total,
          q,
          organisationId,
          organisations,
          isAdmin: can(p, 'user.create'),
          offset: req.query.offset,
          limit: PAGE_SIZE,
        }),
      );
    },
  );

  r.get('/users/new', { config: { access: { action: 'user.create' } } }, async (req, reply) =>
    sendPage(reply, userNewPage(req.page(reply), { organisations: await allOrganisations(db) })),
  );

  r.post(
    '/users',
    { config: { access: { action: 'user.create' } }, schema: { body: form } },
    async (req, reply) => {
      const b = req.body;
      const values = {
        email: formString(b.email),
        displayName: formString(b.displayName),
        platformRoles: formList(b.platformRoles),
        organisationId: formString(b.organisationId),
        role: formString(b.role),
      };
      const errors: FieldErrors = [];
      // A role needs both halves; one without the other is a mistake worth pointing at.
      if (values.organisationId && !values.role) {
        errors.push({ field: 'role', message: req.t('auth.error.role_invalid') });
      }
      if (values.role && !values.organisationId) {
        errors.push({ field: 'organisationId', message: req.t('auth.error.unknown_organisation') });
      }
      if (errors.length === 0) {
        try {
          const user = await createUser(db, actorOf(req.principal!), {
            email: values.email,
            displayName: values.displayName,
            password: formString(b.password) || null,
            platformRoles: values.platformRoles.filter(isPlatformRole),
            memberships:
              values.organisationId && isOrgRole(values.role)
                ? [{ organisationId: values.organisationId, role: values.role }]
                : [],
          });
          return reply.redirect(`/users/${user.id}?done=created`, 303);
        } catch (err) {
          errors.push(...formErrors(req.t, err, {}));
        }
      }
      const page = userNewPage(req.page(reply), {
        organisations: await allOrganisations(db),
        values,
        errors,
      });
      return sendPage(reply, page, 400);
    },
  );

  r.get(
    '/users/:userId',
    {
      config: { access: { action: 'user.read', org: orgOfUser(db, 'user.read') } },
      schema: { params: userIdParams, querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) => {
      const done = req.query.done as UserPageNotice | undefined;
      return renderUser(req, reply, req.params.userId, {
        notice: done && notices.includes(done) ? done : undefined,
      });
    },
  );

  r.post(
    '/users/:userId',
    { config: { access: { action: 'user.update' } }, schema: { params: userIdParams, body: form } },
    async (req, reply) => {
      const { userId } = req.params;
      const values = {
        displayName: formString(req.body.displayName),
        platformRoles: formList(req.body.platformRoles),
      };
      try {
        await updateUser(db, actorOf(req.principal!), userId, {
          displayName: values.displayName,
          platformRoles: values.platformRoles.filter(isPlatformRole),
        });
      } catch (err) {
        return renderUser(req, reply, userId, { errors: formErrors(req.t, err, {}), values }, 400);
      }
      return reply.redirect(`/users/${userId}?done=saved`, 303);
    },
  );

  r.post(
    '/users/:userId/status',
    { config: { access: { action: 'user.update' } }, schema: { params: userIdParams, body: form } },
    async (req, reply) => {
      const { userId } = req.params;
      try {
        await updateUser(db, actorOf(req.principal!), userId, {
          disabled: formString(req.body.disabled) === '1',
        });
      } catch (err) {
        return renderUser(req, reply, userId, { errors: formErrors(req.t, err, {}) }, 400);
      }
      return reply.redirect(`/users/${userId}?done=saved`, 303);
    },
  );

  r.post(
    '/users/:userId/password',
    { config: { access: { action: 'user.update' } }, schema: { params: userIdParams, body: form } },
    async (req, reply) => {
      const { userId } = req.params;
      try {
        await setPassword(db, actorOf(req.principal!), userId, formString(req.body.newPassword));
      } catch (err) {
        const errors = formErrors(req.t, err, { password: 'newPassword' });
        return renderUser(req, reply, userId, { errors }, 400);
      }
      return reply.redirect(`/users/${userId}?done=passwordSet`, 303);
    },
  );

  r.post(
    '/users/:userId/memberships',
    {
      config: { access: { action: 'membership.manage', org: orgFromBody } },
      schema: { params: userIdParams, body: form },
    },
    async (req, reply) => {
      const { userId } = req.params;
      assertUserVisible(req, await getUser(db, userId));
      const values = { organisationId: formString(req.body.organisationId), role: formString(req.body.role) };
      try {
        if (!isOrgRole(values.role)) {
          return renderUser(
            req,
            reply,
            userId,
            { errors: [{ field: 'role', message: req.t('auth.error.role_invalid') }], values },
            400,
          );
        }
        await addMembership(db, actorOf(req.principal!), userId, values.organisationId, values.role);
      } catch (err) {
        return renderUser(req, reply, userId, { errors: formErrors(req.t, err, {}), values }, 400);
      }
      return reply.redirect(`/users/${userId}?done=saved`, 303);
    },
  );

  r.post(
    '/users/:userId/memberships/:orgId/:role/remove',
    {
      config: { access: { action: 'membership.manage', org: orgFromParams } },
      schema: { params: z.object({ userId: z.uuid(), orgId: z.uuid(), role: z.enum(organisationRoles) }) },
    },
    async (req, reply) => {
      const { userId, orgId, role } = req.params;
      assertUserVisible(req, await getUser(db, userId));
      await removeMembership(db, actorOf(req.principal!), userId, orgId, role);
      // After removing a role the user may be out of sight (or, for your own role, so may the list).
      const p = req.principal!;
      if (userId === p.userId && !can(p, 'user.read')) return reply.redirect('/', 303);
      const remaining = (await getUser(db, userId))?.memberships.map((m) => m.organisationId) ?? [];
      return reply.redirect(canSeeUser(p, remaining) ? `/users/${userId}?done=saved` : '/users', 303);
    },
  );
};
export default routes;
