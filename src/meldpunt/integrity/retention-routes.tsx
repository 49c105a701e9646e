/**
 * Retention on the officer's side: the organisation's retention period, and destroying an archived
 * report's content now (./retention.ts). Both need an unlocked, certified key: whoever changes what
 * happens to reports must be one of their handlers, not merely hold the role.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { AppError } from '../../platform/errors.js';
import { optionsFor } from './options.js';
import { registerLine, reportKeyFor } from './report-repository.js';
import { destroyContent, setRetention } from './retention.js';
import { form, handleAccess, orgParams, reportParams, requireKey } from './route-support.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);

  r.post(
    '/integrity/:orgId/retention',
    { config: handleAccess, schema: { params: orgParams, body: form } },
    async (req, reply) => {
      await requireKey(db, req, req.params.orgId);
      const months = Number(formString(req.body.months).trim() || Number.NaN);
      await setRetention(db, actorOf(req.principal!), req.params.orgId, months);
      return reply.redirect(`/integrity/${req.params.orgId}#retention`, 303);
    },
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/destroy',
    { config: handleAccess, schema: { params: reportParams, body: form } },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(db, req, orgId);
      await reportKeyFor(db, key, reportId); // a handler of this very report
      const line = await registerLine(db, orgId, reportId);
      if (line.state !== 'gearchiveerd')
        throw new AppError('conflict', {
          detail: {
            nl: 'Alleen de inhoud van een gearchiveerde melding kan worden vernietigd.',
            en: 'only an archived report’s content can be destroyed',
          },
        });
      if (req.body.confirm !== 'yes') {
        const reason = {
          nl: 'Vink eerst aan dat u begrijpt dat de inhoud voorgoed verdwijnt. Ga terug en probeer het opnieuw.',
          en: 'first tick that you understand the content is gone for good; go back and try again',
        };
        throw new AppError('validation', {
          detail: reason,
          invalidParams: [{ name: 'confirm', code: 'required', reason }],
        });
      }
      await destroyContent(db, actorOf(req.principal!), orgId, reportId, 'cleared', opts.clock());
      return reply.redirect(`/integrity/${orgId}`, 303);
    },
  );
};

export default routes;
