/**
 * Another user's API tokens (issue 13, row 8): an admin, or a coordinator for the users of their
 * organisations, lists them (never the secret) and revokes one; every revocation is audited. Pages
 * (/users/:userId/api-tokens) and API (/api/v1/users/:userId/api-tokens). A user who is not visible
 * to the asker and a missing one look the same (404).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../ui/render.js';
import { apiTokenSchema, toApiToken } from './account-routes.js';
import { actorOf } from './actor.js';
import { listApiTokens, revokeApiToken } from './api-tokens.js';
import { assertUserVisible, orgOfUser } from './users-access.js';
import { getUser } from './users-service.js';
import { userTokensPage } from './views/user-tokens-page.js';

const userIdParams = z.object({ userId: z.uuid() });
const tokenParams = z.object({ userId: z.uuid(), tokenId: z.uuid() });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;
  const access = { action: 'user.tokens' as const, org: orgOfUser(db, 'user.tokens') };
  const tags = ['users'];

  r.get(
    '/api/v1/users/:userId/api-tokens',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'A user’s API tokens that have not been revoked (admin, or coordinator of their organisation)',
        params: userIdParams,
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (req) => {
      assertUserVisible(req, await getUser(db, req.params.userId));
      return { items: (await listApiTokens(db, req.params.userId)).map(toApiToken) };
    },
  );

  r.delete(
    '/api/v1/users/:userId/api-tokens/:tokenId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Revoke one of a user’s API tokens (audited)',
        params: tokenParams,
        response: { 204: z.null().describe('revoked') },
      },
    },
    async (req, reply) => {
      assertUserVisible(req, await getUser(db, req.params.userId));
      await revokeApiToken(db, actorOf(req.principal!), req.params.userId, req.params.tokenId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/users/:userId/api-tokens',
    {
      config: { access },
      schema: { params: userIdParams, querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) => {
      const user = await getUser(db, req.params.userId);
      assertUserVisible(req, user);
      const tokens = await listApiTokens(db, user.id);
      return sendPage(
        reply,
        userTokensPage(req.page(reply), { user, tokens, revoked: req.query.done === 'revoked' }),
      );
    },
  );

  r.post(
    '/users/:userId/api-tokens/:tokenId/revoke',
    { config: { access }, schema: { params: tokenParams } },
    async (req, reply) => {
      const { userId, tokenId } = req.params;
      assertUserVisible(req, await getUser(db, userId));
      await revokeApiToken(db, actorOf(req.principal!), userId, tokenId);
      return reply.redirect(`/users/${userId}/api-tokens?done=revoked`, 303);
    },
  );
};
export default routes;
