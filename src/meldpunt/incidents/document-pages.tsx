/**
 * The Meldpunt's documents: the organisation's overview for its coordinator and the aangifte
 * preparation of one incident for those handling it. Server-rendered, no JavaScript.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { organisationOverview } from './overview.js';
import { overviewCharts } from './overview-charts.js';
import {
  incidentId,
  incidentOrg as incidentOrgOf,
  isDate,
  langQuery,
  orgName as orgNameOf,
  orgParam,
} from './route-support.js';
import { viewIncident } from './service.js';
import { aangiftePage } from './views/aangifte-page.js';
import { overviewPage } from './views/overview-page.js';
import { addDays, dayNumber, dutchDate } from './working-days.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  const incidentOrg = (req: FastifyRequest) => incidentOrgOf(db(), req);
  const orgName = (id: string) => orgNameOf(db(), id);

  r.get(
    '/organisations/:orgId/incidents/overview',
    {
      config: { access: { action: 'incident.overview', org: orgParam } },
      schema: {
        querystring: z.object({
          ...langQuery,
          from: z.string().max(20).optional().catch(undefined),
          to: z.string().max(20).optional().catch(undefined),
        }),
      },
    },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const org = await orgName(organisationId);
      const today = dutchDate(new Date());
      const valid = (d: string | undefined) => {
        if (!d || !isDate(d)) return false;
        try {
          dayNumber(d);
          return true;
        } catch {
          return false;
        }
      };
      const errors: FieldErrors = [];
      let from = addDays(today, -364);
      let to = today;
      const q = req.query;
      if (q.from || q.to) {
        if (q.from && !valid(q.from)) errors.push({ field: 'from', message: req.t('incidents.error.date') });
        if (q.to && !valid(q.to)) errors.push({ field: 'to', message: req.t('incidents.error.date') });
        if (!errors.length) {
          from = q.from ?? from;
          to = q.to ?? to;
          if (from > to) {
            errors.push({ field: 'to', message: req.t('incidents.overview.badPeriod') });
            from = addDays(today, -364);
            to = today;
          }
        }
      }
      const overview = await organisationOverview(app.deps.database, organisationId, from, to, today);
      const values = { from: q.from ?? from, to: q.to ?? to };
      const ctx = req.page(reply);
      const charts = await overviewCharts(ctx.t, ctx.lang, overview, (err) =>
        req.log.warn({ err: err.message }, 'overview chart not drawn'),
      );
      return sendPage(reply, overviewPage(ctx, org, overview, errors, values, charts));
    },
  );

  r.get(
    '/incidents/:incidentId/aangifte',
    {
      config: { access: { action: 'incident.handle', org: incidentOrg } },
      schema: { querystring: z.object(langQuery) },
    },
    async (req, reply) => {
      const v = await viewIncident(db(), req.principal, incidentId(req));
      if (!v.mayHandle) throw new AppError('forbidden');
      const org = await orgName(v.incident.organisationId);
      return sendPage(reply, aangiftePage(req.page(reply), v, org));
    },
  );
};
export default routes;
