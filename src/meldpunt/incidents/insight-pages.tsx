/**
 * The Meldpunt's figures beyond one organisation's own overview: the national benchmark for BZK
 * (`/meldpunt/benchmark`), an organisation's benchmark for its coordinator, and the registration gap
 * (national and per organisation). Aggregates only, through the disclosure control for counts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderChart } from '../../platform/charts/render.js';
import { getOrganisation } from '../../platform/orgs/service.js';
import { sendPage } from '../../platform/ui/render.js';
import { visibilityOf } from '../../results/read/service.js';
import type { Visibility } from '../../results/release/service.js';
import { organisationCounts } from './benchmark.js';
import { formsByLayerChart, ownVersusOthersChart, perOrganisationChart } from './benchmark-charts.js';
import { nationalBenchmark, organisationBenchmark } from './benchmark-model.js';
import { registrationGap } from './gap.js';
import { periodOf, periodQuery } from './period.js';
import { langQuery, orgParam } from './route-support.js';
import { nationalBenchmarkPage, organisationBenchmarkPage } from './views/benchmark-page.js';
import { gapChart, gapPage } from './views/gap-page.js';
import { dutchDate } from './working-days.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const query = { querystring: z.object({ ...langQuery, ...periodQuery }) };

  r.get(
    '/meldpunt/benchmark',
    { config: { access: { action: 'incident.national' } }, schema: query },
    async (req, reply) => {
      const period = periodOf(req.query, dutchDate(new Date()), req.t);
      const units = nationalBenchmark(await organisationCounts(app.deps.database, period.from, period.to));
      const ctx = req.page(reply);
      const warn = (err: Error) => req.log.warn({ err: err.message }, 'benchmark chart not drawn');
      const charts = {
        perOrganisation: await renderChart(perOrganisationChart(ctx.t, units), ctx.lang, warn),
        forms: await renderChart(formsByLayerChart(ctx.t, units), ctx.lang, warn),
      };
      return sendPage(reply, nationalBenchmarkPage(ctx, period, units, charts));
    },
  );

  r.get(
    '/organisations/:orgId/incidents/benchmark',
    { config: { access: { action: 'incident.overview', org: orgParam } }, schema: query },
    async (req, reply) => {
      const org = await getOrganisation(app.deps.database.db, orgParam(req)!);
      const period = periodOf(req.query, dutchDate(new Date()), req.t);
      const b = organisationBenchmark(
        await organisationCounts(app.deps.database, period.from, period.to),
        org,
      );
      const ctx = req.page(reply);
      const warn = (err: Error) => req.log.warn({ err: err.message }, 'benchmark chart not drawn');
      const charts = {
        forms: await renderChart(ownVersusOthersChart(ctx.t, b, 'forms'), ctx.lang, warn),
        severity: await renderChart(ownVersusOthersChart(ctx.t, b, 'severity'), ctx.lang, warn),
      };
      return sendPage(reply, organisationBenchmarkPage(ctx, org, period, b, charts));
    },
  );

  const gapRoute = async (
    req: FastifyRequest,
    reply: FastifyReply,
    visibility: Visibility,
    org?: { id: string; name: string },
  ) => {
    const gap = await registrationGap(app.deps.database, visibility, org?.id);
    const ctx = req.page(reply);
    const chart =
      gap &&
      (await renderChart(gapChart(ctx.t, gap), ctx.lang, (err) =>
        req.log.warn({ err: err.message }, 'gap chart not drawn'),
      ));
    return sendPage(reply, gapPage(ctx, org ? { org } : {}, gap, chart));
  };

  r.get(
    '/meldpunt/registration-gap',
    { config: { access: { action: 'incident.national' } }, schema: { querystring: z.object(langQuery) } },
    (req, reply) => gapRoute(req, reply, visibilityOf(req.principal)),
  );

  // the organisation's coordinator: released monitor results only (they are not results readers)
  r.get(
    '/organisations/:orgId/incidents/registration-gap',
    {
      config: { access: { action: 'incident.overview', org: orgParam } },
      schema: { querystring: z.object(langQuery) },
    },
    async (req, reply) => {
      const org = await getOrganisation(app.deps.database.db, orgParam(req)!);
      return gapRoute(req, reply, 'released', org);
    },
  );
};
export default routes;
