/**
 * External investigators (./investigators.ts): their own pages under /integrity/<org>/investigations
 * (the role `integrity_investigator` only: making and unlocking their key, the reports granted to them,
 * one granted report read only), and the officer's or chair's grant of one report for a period.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { endOfDay } from './deadlines.js';
import { grantedReports, grantInvestigator, investigatorView, withdrawGrant } from './investigators.js';
import { createHandlerKey, findChannel, handlerKeyStatus, unlockForSession } from './keys-service.js';
import { optionsFor } from './options.js';
import {
  form,
  grantParams,
  handleAccess,
  keyFor,
  orgParams,
  reportParams,
  requireKey,
  session,
} from './route-support.js';
import type { KeyState } from './views/handler-pages.js';
import { investigationPage, investigationsPage } from './views/investigator-pages.js';

const orgOf = (req: FastifyRequest) => (req.params as { orgId: string }).orgId;
const investigate = { access: { action: 'integrity.investigate' as const, org: orgOf } };

/** A date typed as YYYY-MM-DD, as the end of that day in Europe/Amsterdam; undefined if not a real date. */
export function parseUntil(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return undefined;
  return endOfDay({ year, month, day });
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);

  async function keyState(req: FastifyRequest, orgId: string): Promise<KeyState> {
    if (!(await findChannel(db, orgId))) return 'no-channel';
    const status = await handlerKeyStatus(db, orgId, req.principal!.userId);
    if (!status) return 'no-key';
    if (!status.certified) return 'pending';
    return (await keyFor(db, req, orgId)) ? 'unlocked' : 'locked';
  }

  async function showList(
    req: FastifyRequest,
    reply: FastifyReply,
    orgId: string,
    errors: Array<{ field: string; message: string }> = [],
  ) {
    const grants = await grantedReports(db, actorOf(req.principal!), orgId, req.principal!.userId, opts);
    const state = await keyState(req, orgId);
    return sendPage(
      reply,
      investigationsPage(req.page(reply), { orgId, state, grants, errors }),
      errors.length ? 400 : 200,
    );
  }

  // The navigation's entry: the (first) organisation where this person is an external investigator.
  const firstOrg = (req: FastifyRequest) =>
    req.principal
      ? [...req.principal.memberships.keys()].find((o) => can(req.principal, 'integrity.investigate', o))
      : undefined;
  r.get(
    '/integrity/investigations',
    { config: { access: { action: 'integrity.investigate', org: firstOrg } } },
    async (req, reply) => reply.redirect(`/integrity/${firstOrg(req)}/investigations`),
  );

  r.get(
    '/integrity/:orgId/investigations',
    { config: investigate, schema: { params: orgParams } },
    async (req, reply) => showList(req, reply, req.params.orgId),
  );

  r.post(
    '/integrity/:orgId/investigations/key',
    { config: investigate, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      const passphrase = formString(req.body.passphrase);
      if ([...passphrase].length < 12)
        return showList(req, reply, req.params.orgId, [
          { field: 'passphrase', message: req.t('integrity.keys.tooShort') },
        ]);
      const s = session(req);
      await createHandlerKey(
        db,
        actorOf(req.principal!),
        { organisationId: req.params.orgId, userId: s.userId, passphrase },
        opts,
      );
      await unlockForSession(db, actorOf(req.principal!), {
        organisationId: req.params.orgId,
        ...s,
        passphrase,
      });
      return reply.redirect(`/integrity/${req.params.orgId}/investigations`, 303);
    },
  );

  r.post(
    '/integrity/:orgId/investigations/unlock',
    { config: investigate, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      try {
        await unlockForSession(db, actorOf(req.principal!), {
          organisationId: req.params.orgId,
          ...session(req),
          passphrase: formString(req.body.passphrase),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'integrity-passphrase')
          return showList(req, reply, req.params.orgId, [
            { field: 'passphrase', message: req.t('integrity.keys.wrong') },
          ]);
        throw err;
      }
      return reply.redirect(`/integrity/${req.params.orgId}/investigations`, 303);
    },
  );

  r.get(
    '/integrity/:orgId/investigations/:reportId',
    { config: investigate, schema: { params: reportParams } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(db, req, orgId);
      const view = await investigatorView(db, actorOf(req.principal!), key, reportId, opts);
      return sendPage(
        reply,
        investigationPage(req.page(reply), {
          orgId,
          expiresAt: view.expiresAt,
          category: view.register.category,
          state: view.register.state,
          content: view.content,
          messages: view.messages,
        }),
      );
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/investigators',
    { config: handleAccess, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(db, req, orgId);
      const until = parseUntil(formString(req.body.until));
      if (!until) {
        const reason = {
          nl: 'Vul een datum in de toekomst in, zoals 2026-12-31.',
          en: 'enter a date in the future, such as 2026-12-31',
        };
        throw new AppError('validation', {
          detail: reason,
          invalidParams: [{ name: 'until', code: 'invalid', reason }],
        });
      }
      const investigatorUserId = formString(req.body.investigator).trim();
      if (!/^[0-9a-f-]{36}$/i.test(investigatorUserId))
        throw new AppError('validation', {
          invalidParams: [
            {
              name: 'investigator',
              code: 'required',
              reason: { nl: 'Kies een onderzoeker.', en: 'choose an investigator' },
            },
          ],
        });
      await grantInvestigator(
        db,
        actorOf(req.principal!),
        key,
        { reportId, investigatorUserId, expiresAt: until },
        opts,
      );
      return reply.redirect(`/integrity/${orgId}/reports/${reportId}`, 303);
    },
  );

  // Withdrawing a grant early (the same people who may grant): the investigator's copy is deleted at once.
  r.post(
    '/integrity/:orgId/reports/:reportId/investigators/:grantId/withdraw',
    { config: handleAccess, schema: { params: grantParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId, grantId } = req.params;
      const key = await requireKey(db, req, orgId);
      await withdrawGrant(
        db,
        actorOf(req.principal!),
        key,
        { reportId, grantId, reason: formString(req.body.reason) },
        opts,
      );
      return reply.redirect(`/integrity/${orgId}/reports/${reportId}?withdrawn=1`, 303);
    },
  );
};

export default routes;
