/**
 * The results pages: /results (waves with their latest visible run), /results/:waveId (run, weighting
 * report, indicators by theme; compute and release for researchers), one indicator's tables and trend,
 * and its CSV. Viewers (BZK) see released runs only; researchers and admins also runs under embargo.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listWaves } from '../../monitor/fieldwork/waves-service.js';
import { can } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import { renderChart } from '../../platform/charts/render.js';
import { sendPage } from '../../platform/ui/render.js';
import { disclosureRulesOf } from '../disclosure/settings.js';
import { exportFormats, exportWave } from '../exports/service.js';
import { indicatorIdParam, waveIdParam } from '../params.js';
import { indicatorResults, visibilityOf, waveResults } from '../read/service.js';
import { releaseRun, visibleRun } from '../release/service.js';
import { latestComputation, requestComputation } from '../runs/computations.js';
import { k } from './common.js';
import { indicatorPage } from './indicator-views.js';
import { trendChart } from './trend-chart.js';
import { resultsListPage, waveResultsPage } from './wave-views.js';

const read = { action: 'results.read' as const };
const compute = { action: 'results.compute' as const };
const release = { action: 'results.release' as const };
const exportAccess = { action: 'results.export' as const };
const exportQuery = z.object({
  format: z.enum(exportFormats),
  group: z
    .string()
    .max(64)
    .regex(/^[a-z_]+$/)
    .optional(),
  freeText: z.enum(['1']).optional(),
  lang: z.enum(['nl', 'en']).optional(),
});
const pageQuery = z
  .object({
    lang: z.enum(['nl', 'en']).optional(),
    notice: z.enum(['computed', 'released', 'rules', 'queued']).optional(),
    /** internal: researchers also see suppressed numbers, marked (docs/results.md, "Disclosure control"). */
    view: z.enum(['published', 'internal']).optional(),
  })
  .loose();
const waveParams = z.object({ waveId: waveIdParam });
const indicatorParams = waveParams.extend({ indicatorId: indicatorIdParam });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  const visibility = (req: FastifyRequest) => visibilityOf(req.principal);

  r.get('/results', { config: { access: read }, schema: { querystring: pageQuery } }, async (req, reply) => {
    const waves = (await listWaves(database.db)).filter(
      (w) => w.status === 'closed' || w.status === 'archived',
    );
    const rows = [];
    for (const wave of waves) {
      const run = await visibleRun(database, wave.id, visibility(req));
      rows.push(run ? { wave, run } : { wave });
    }
    return sendPage(reply, resultsListPage(req.page(reply), rows));
  });

  r.get(
    '/results/:waveId',
    { config: { access: read }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) => {
      const results = await waveResults(database, req.params.waveId, visibility(req));
      const ctx = req.page(reply);
      const mayCompute = can(req.principal, 'results.compute');
      const computation = mayCompute ? await latestComputation(database, results.wave.id) : undefined;
      return sendPage(
        reply,
        waveResultsPage(ctx, {
          ...results,
          rules: await disclosureRulesOf(database.db, results.wave.id),
          ...(computation ? { computation } : {}),
          mayCompute,
          mayRelease: can(req.principal, 'results.release'),
          mayExport: can(req.principal, 'results.export'),
          ...(req.query.notice ? { notice: ctx.t(k(`results.notice.${req.query.notice}`)) } : {}),
        }),
      );
    },
  );

  r.get(
    '/results/:waveId/export',
    { config: { access: exportAccess }, schema: { params: waveParams, querystring: exportQuery } },
    async (req, reply) => {
      const q = req.query;
      const file = await exportWave(database, req.params.waveId, {
        format: q.format,
        language: q.lang ?? 'nl',
        includeFreeText: q.freeText === '1',
        ...(q.group ? { targetGroup: q.group } : {}),
      });
      // who took which microdata: recorded like a change
      await audit(database.db, actorOf(req.principal!), {
        action: 'results.export',
        resourceType: 'wave',
        resourceId: req.params.waveId,
        diff: { format: q.format, targetGroup: q.group ?? null, includeFreeText: q.freeText === '1' },
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/results/:waveId/runs',
    { config: { access: compute }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const { computation } = await requestComputation(
        database.db,
        req.params.waveId,
        actorOf(req.principal!),
      );
      return reply.redirect(`/results/${computation.waveId}?notice=queued`, 303);
    },
  );

  r.post(
    '/results/:waveId/release',
    {
      config: { access: release },
      schema: { params: waveParams, body: z.object({ runId: z.uuid() }).loose() },
    },
    async (req, reply) => {
      const { wave } = await waveResults(database, req.params.waveId, 'released');
      await releaseRun(database, wave.id, req.body.runId, actorOf(req.principal!));
      return reply.redirect(`/results/${wave.id}?notice=released`, 303);
    },
  );

  r.get(
    '/results/:waveId/indicators/:indicatorId',
    { config: { access: read }, schema: { params: indicatorParams, querystring: pageQuery } },
    async (req, reply) => {
      const view = req.query.view ?? 'published';
      const v = await indicatorResults(
        database,
        req.params.waveId,
        req.params.indicatorId,
        visibility(req),
        view,
      );
      const ctx = req.page(reply);
      // the chart is an extra beside the table: if it cannot be drawn, the page shows the table alone
      const chart = v.trend.length
        ? await renderChart(
            trendChart('trend', v.trend, {
              title: ctx.t('results.trend.caption', { indicator: v.definition.label[ctx.lang] }),
              year: ctx.t('results.trend.year'),
              percentage: ctx.t('results.table.percentage'),
              source: ctx.t('results.trend.source'),
              published: ctx.t('results.trend.altPublishedShort'),
              weerbaar: 'Weerbaar',
            }),
            ctx.lang,
            (err) =>
              req.log.warn({ err: err.message, indicator: v.definition.code }, 'trend chart not drawn'),
          )
        : undefined;
      const internal = view === 'internal' && visibility(req) === 'embargoed';
      // researchers may switch between the publication and the internal view
      const views = visibility(req) === 'embargoed' ? { internal } : {};
      return sendPage(
        reply,
        indicatorPage(ctx, {
          ...v,
          ...(chart ? { chart } : {}),
          ...views,
          mayReproduce: can(req.principal, 'results.reproduce'),
        }),
      );
    },
  );
};

export default routes;
