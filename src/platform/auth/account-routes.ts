/**
 * The signed-in user's own account: sessions (/account), password, and API tokens (/account/tokens
 * and /api/v1/api-tokens). Everything here is scoped to the principal's own user id.
 */

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { sendPage } from '../ui/render.js';
import { actorOf } from './actor.js';
import {
  type ApiTokenView,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  tokenScopes,
} from './api-tokens.js';
import { formErrors, formList, formString } from './form-errors.js';
import { verifyPassword } from './passwords.js';
import { users } from './schema.js';
import { listActiveSessions, revokeSession } from './sessions.js';
import { twoFactorStatus } from './two-factor.js';
import { noLocalPassword } from './user-rules.js';
import { setPassword } from './users-service.js';
import { accountPage } from './views/account-page.js';
import type { FieldErrors } from './views/fields.js';
import { tokensPage } from './views/tokens-page.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('the first 8 characters of the token, to recognise it'),
    scopes: z.array(z.enum(tokenScopes)),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const toApiToken = (tk: ApiTokenView) => ({
  id: tk.id,
  name: tk.name,
  prefix: tk.prefix,
  scopes: tk.scopes,
  createdAt: tk.createdAt.toISOString(),
  expiresAt: iso(tk.expiresAt),
  lastUsedAt: iso(tk.lastUsedAt),
});

const tokenIdParams = z.object({ tokenId: z.uuid() });
const sessionIdParams = z.object({ sessionId: z.uuid() });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  const db = database.db;

  async function hasPassword(userId: string) {
    const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    return { hash: u?.hash ?? null, has: Boolean(u?.hash) };
  }

  async function renderAccount(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: 'sessionRevoked' | 'passwordChanged'; errors?: FieldErrors } = {},
    status = 200,
  ) {
    const p = req.principal!;
    const [sessions, pw, twoFactor] = await Promise.all([
      listActiveSessions(db, p.userId),
      hasPassword(p.userId),
      twoFactorStatus(db, p.userId),
    ]);
    return sendPage(
      reply,
      accountPage(req.page(reply), {
        sessions,
        hasPassword: pw.has,
        twoFactorOn: twoFactor.enabled,
        ...extra,
      }),
      status,
    );
  }

  r.get(
    '/account',
    {
      config: { access: { action: 'account.read' } },
      schema: { querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) => {
      const done = req.query.done;
      return renderAccount(req, reply, {
        notice: done === 'sessionRevoked' || done === 'passwordChanged' ? done : undefined,
      });
    },
  );

  r.post(
    '/account/sessions/:sessionId/revoke',
    { config: { access: { action: 'account.update' } }, schema: { params: sessionIdParams } },
    async (req, reply) => {
      const p = req.principal!;
      await revokeSession(db, actorOf(p), p.userId, req.params.sessionId);
      return reply.redirect('/account?done=sessionRevoked', 303);
    },
  );

  r.post(
    '/account/password',
    {
      config: {
        access: { action: 'account.update' },
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: { body: z.record(z.string(), z.unknown()) },
    },
    async (req, reply) => {
      const p = req.principal!;
      const current = formString(req.body.currentPassword);
      const next = formString(req.body.newPassword);
      const pw = await hasPassword(p.userId);
      if (!pw.has) throw new AppError('bad-request', { detail: noLocalPassword });
      if (!(await verifyPassword(pw.hash, current))) {
        const errors = [{ field: 'currentPassword', message: req.t('auth.error.password_wrong') }];
        return renderAccount(req, reply, { errors }, 400);
      }
      try {
        await setPassword(db, actorOf(p), p.userId, next, { keepSessionId: p.sessionId });
      } catch (err) {
        return renderAccount(
          req,
          reply,
          { errors: formErrors(req.t, err, { password: 'newPassword' }) },
          400,
        );
      }
      return reply.redirect('/account?done=passwordChanged', 303);
    },
  );

  // --- API tokens: pages ---

  r.get(
    '/account/tokens',
    {
      config: { access: { action: 'account.read' } },
      schema: { querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) => {
      const tokens = await listApiTokens(db, req.principal!.userId);
      return sendPage(reply, tokensPage(req.page(reply), { tokens, revoked: req.query.done === 'revoked' }));
    },
  );

  r.post(
    '/account/tokens',
    { config: { access: { action: 'token.manage' } }, schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const p = req.principal!;
      const name = formString(req.body.name);
      const scopes = formList(req.body.scopes).filter((s): s is 'read' | 'write' =>
        (tokenScopes as readonly string[]).includes(s),
      );
      const expires = formString(req.body.expires).trim();
      const values = { name, scopes, expires };
      let expiresAt: Date | null = null;
      const errors: FieldErrors = [];
      if (expires) {
        expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? new Date(`${expires}T23:59:59.999Z`) : null;
        if (!expiresAt || Number.isNaN(expiresAt.getTime())) {
          errors.push({ field: 'expires', message: req.t('auth.error.expiry_invalid') });
        }
      }
      let created: { name: string; token: string } | undefined;
      if (errors.length === 0) {
        try {
          const tk = await createApiToken(db, actorOf(p), p.userId, { name, scopes, expiresAt });
          created = { name: tk.name, token: tk.token };
        } catch (err) {
          errors.push(...formErrors(req.t, err, { expiresAt: 'expires' }));
        }
      }
      const tokens = await listApiTokens(db, p.userId);
      return sendPage(
        reply,
        tokensPage(req.page(reply), { tokens, created, errors, values: created ? {} : values }),
        errors.length ? 400 : 200,
      );
    },
  );

  r.post(
    '/account/tokens/:tokenId/revoke',
    { config: { access: { action: 'token.manage' } }, schema: { params: tokenIdParams } },
    async (req, reply) => {
      const p = req.principal!;
      await revokeApiToken(db, actorOf(p), p.userId, req.params.tokenId);
      return reply.redirect('/account/tokens?done=revoked', 303);
    },
  );

  // --- API tokens: API ---

  r.get(
    '/api/v1/api-tokens',
    {
      config: { access: { action: 'account.read' } },
      schema: {
        tags: ['api-tokens'],
        summary: 'Your own API tokens that have not been revoked (never the token itself)',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (req) => ({ items: (await listApiTokens(db, req.principal!.userId)).map(toApiToken) }),
  );

  r.post(
    '/api/v1/api-tokens',
    {
      config: { access: { action: 'token.manage' } },
      schema: {
        tags: ['api-tokens'],
        summary: 'Create an API token for yourself; the response is the only time the token is shown',
        body: z
          .object({
            name: z.string().min(1).max(100),
            scopes: z.array(z.enum(tokenScopes)).min(1).describe('write implies read'),
            expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
          })
          .strict(),
        response: {
          201: apiTokenSchema.extend({
            token: z.string().describe('`wb_…`: send as `Authorization: Bearer …`'),
          }),
        },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const tk = await createApiToken(db, actorOf(p), p.userId, {
        name: req.body.name,
        scopes: req.body.scopes,
        expiresAt: req.body.expiresAt ? new Date(req.body.expiresAt) : null,
      });
      return reply.code(201).send({ ...toApiToken(tk), token: tk.token });
    },
  );

  r.delete(
    '/api/v1/api-tokens/:tokenId',
    {
      config: { access: { action: 'token.manage' } },
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke one of your API tokens (someone else’s token id answers 404)',
        params: tokenIdParams,
        response: { 204: z.null().describe('revoked') },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      await revokeApiToken(db, actorOf(p), p.userId, req.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
export default routes;
