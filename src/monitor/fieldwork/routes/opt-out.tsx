/** The respondent's opt-out page: /r/:token/afmelden (the link in every invitation and reminder). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../../../platform/ui/render.js';
import { responseKeyFor } from '../../answering/keys.js';
import { findInvitationByToken } from '../invitations.js';
import { hasOptedOut, optOut } from '../opt-out.js';
import { optOutPage } from '../views.js';
import { pageQuery } from './common.js';

export function optOutRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;
  const serverKey = responseKeyFor(config);
  const tokenParams = z.object({ token: z.string().max(200) });
  r.get(
    '/r/:token/afmelden',
    {
      config: {
        access: { public: 'a respondent opts out with the link from their mail; the token is the secret' },
      },
      schema: { params: tokenParams, querystring: pageQuery },
    },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const found = await findInvitationByToken(db, req.params.token);
      if (!found) return sendPage(reply, optOutPage(req.page(reply), { token: '', state: 'unknown' }), 404);
      return sendPage(
        reply,
        optOutPage(req.page(reply), {
          token: req.params.token,
          state: (await hasOptedOut(db, serverKey, found)) ? 'done' : 'confirm',
          waveName: found.wave.name,
        }),
      );
    },
  );

  r.post(
    '/r/:token/afmelden',
    {
      config: {
        access: { public: 'a respondent opts out with the link from their mail; the token is the secret' },
      },
      schema: { params: tokenParams },
    },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const ok = await optOut(db, serverKey, req.params.token);
      return sendPage(
        reply,
        optOutPage(req.page(reply), { token: '', state: ok ? 'done' : 'unknown' }),
        ok ? 200 : 404,
      );
    },
  );
}
