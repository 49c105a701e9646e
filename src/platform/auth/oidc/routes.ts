/**
 * OpenID Connect sign-in: POST /auth/oidc/:provider (a button on the sign-in page, with _csrf) sends the
 * browser to the provider; GET /auth/oidc/:provider/callback finishes it and starts a session through
 * `completeSignIn(…, 'oidc')`. Both are public: they are how someone signs in.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import type { OidcProviderConfig } from '../../config/config.js';
import { AppError } from '../../errors.js';
import { sendPage } from '../../ui/render.js';
import { formString } from '../form-errors.js';
import { completeSignIn, LOGIN_LIMIT_PER_IP, safeNext } from '../login.js';
import { type OidcProblem, oidcProblemPage } from '../views/oidc-pages.js';
import { clearFlow, finishSignIn, matchUser, readFlow, startSignIn } from './oidc.js';

const providerParams = z.object({ provider: z.string().max(40) });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;

  function providerOr404(id: string): OidcProviderConfig {
    const p = config.oidcProviders.find((o) => o.id === id);
    if (!p)
      throw new AppError('not-found', {
        detail: { nl: `Er is geen OpenID Connect-aanbieder ${id}.`, en: `no OpenID Connect provider ${id}` },
      });
    return p;
  }

  const problem = (
    req: FastifyRequest,
    reply: FastifyReply,
    p: OidcProviderConfig,
    what: OidcProblem,
    status: number,
  ) => sendPage(reply, oidcProblemPage(req.page(reply), { problem: what, provider: p.name }), status);

  async function auditRefusal(p: OidcProviderConfig, reason: string, identifier?: string) {
    await db.transaction((tx) =>
      audit(
        tx,
        { type: 'system', id: null, label: `oidc:${p.id}` },
        {
          action: 'user.login-refused',
          resourceType: 'user',
          diff: { method: 'oidc', provider: p.id, reason, ...(identifier ? { identifier } : {}) },
        },
      ),
    );
  }

  r.post(
    '/auth/oidc/:provider',
    {
      config: {
        access: { public: 'signing in through an OpenID Connect provider' },
        rateLimit: { max: LOGIN_LIMIT_PER_IP, timeWindow: '1 minute' },
      },
      schema: { params: providerParams, body: z.record(z.string(), z.unknown()) },
    },
    async (req, reply) => {
      const p = providerOr404(req.params.provider);
      let url: URL;
      try {
        url = await startSignIn(reply, config, p, safeNext(formString(req.body.next)));
      } catch (err) {
        req.log.error({ provider: p.id, reason: (err as Error).message }, 'oidc: provider discovery failed');
        return problem(req, reply, p, 'unavailable', 503);
      }
      return reply.redirect(url.href, 303);
    },
  );

  r.get(
    '/auth/oidc/:provider/callback',
    {
      config: {
        access: { public: 'the OpenID Connect provider sends the browser back here' },
        rateLimit: { max: LOGIN_LIMIT_PER_IP, timeWindow: '1 minute' },
      },
      schema: { params: providerParams, querystring: z.record(z.string(), z.unknown()) },
    },
    async (req, reply) => {
      const p = providerOr404(req.params.provider);
      const flow = readFlow(req);
      clearFlow(reply);
      if (!flow || flow.provider !== p.id) return problem(req, reply, p, 'expired', 400);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      let outcome: Awaited<ReturnType<typeof finishSignIn>>;
      try {
        outcome = await finishSignIn(config, p, flow, query, req.log);
      } catch (err) {
        req.log.error({ provider: p.id, reason: (err as Error).message }, 'oidc: provider unreachable');
        return problem(req, reply, p, 'unavailable', 502);
      }
      if (!outcome.ok) {
        await auditRefusal(p, outcome.reason);
        return problem(req, reply, p, outcome.reason, 400);
      }
      const match = await matchUser(db, p, outcome.identity);
      if (!match.ok) {
        await auditRefusal(p, match.reason, outcome.identity.identifier);
        return problem(req, reply, p, match.reason, 403);
      }
      await completeSignIn(req, reply, match.userId, 'oidc', {
        provider: p.id,
        ...(match.provisioned ? { provisioned: 'yes' } : {}),
      });
      return reply.redirect(flow.next, 303);
    },
  );
};
export default routes;
