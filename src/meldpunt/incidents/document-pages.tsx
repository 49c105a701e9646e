/**
 * The Meldpunt's documents: the organisation's overview for its coordinator and the aangifte
 * preparation of one incident for those handling it. Server-rendered, no JavaScript.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { organisationOverview } from './overview.js';
import { overviewCharts } from './overview-charts.js';
import { periodOf, periodQuery } from './period.js';
import {
  incidentId,
  incidentOrg as incidentOrgOf,
  langQuery,
  orgName as orgNameOf,
  orgParam,
} from './route-support.js';
import { viewIncident } from './service.js';
import { aangiftePage } from './views/aangifte-page.js';
import { overviewPage } from './views/overview-page.js';
import { dutchDate } from './working-days.js';

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
          ...periodQuery,
        }),
      },
    },
    async (req, reply) => {
      const organisationId = orgParam(req)!;
      const org = await orgName(organisationId);
      const today = dutchDate(new Date());
      const period = periodOf(req.query, today, req.t);
      const overview = await organisationOverview(
        app.deps.database,
        organisationId,
        period.from,
        period.to,
        today,
      );
      const ctx = req.page(reply);
      const charts = await overviewCharts(ctx.t, ctx.lang, overview, (err) =>
        req.log.warn({ err: err.message }, 'overview chart not drawn'),
      );
      return sendPage(reply, overviewPage(ctx, org, overview, period, charts));
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
