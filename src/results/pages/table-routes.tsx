/**
 * The comparison page and the downloads of every results table (CSV and XLSX): an indicator's
 * breakdowns, its trend, a comparison of two groups, and the weighting report. Same access and
 * visibility as the pages (viewers: released runs only).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Lang } from '../../platform/errors.js';
import { type MessageKey, t } from '../../platform/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/context.js';
import { sendPage } from '../../platform/ui/render.js';
import { indicatorIdParam, waveIdParam } from '../params.js';
import { indicatorResults, visibilityOf, waveResults } from '../read/service.js';
import { comparePage, problemText } from './compare-views.js';
import { type ComparisonProblem, choicesOf, compareGroups, parseChoice } from './comparison.js';
import {
  comparisonDownload,
  contentTypes,
  type DownloadTable,
  indicatorDownload,
  toCsv,
  toXlsx,
  trendDownload,
  weightingDownload,
} from './downloads.js';

const read = { action: 'results.read' as const };
const langQuery = z.object({ lang: z.enum(['nl', 'en']).optional() }).loose();
const compareQuery = langQuery.extend({
  a: z.string().max(200).optional(),
  b: z.string().max(200).optional(),
});
const waveParams = z.object({ waveId: waveIdParam });
const indicatorParams = waveParams.extend({ indicatorId: indicatorIdParam });
const formats = ['csv', 'xlsx'] as const;

/** The problem with a comparison in one language (for the problem+json of a download). */
const problemIn = (lang: Lang, p: ComparisonProblem) =>
  problemText(
    {
      lang,
      t: (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params),
    } as PageContext,
    p,
  );

async function send(reply: FastifyReply, table: DownloadTable, format: 'csv' | 'xlsx', sheet: string) {
  const body = format === 'csv' ? toCsv(table) : await toXlsx(table, sheet);
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', `attachment; filename="${table.name}.${format}"`)
    .send(body);
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  const visibility = (req: FastifyRequest) => visibilityOf(req.principal);

  /** The comparison of the query's groups a and b (or the problem with them). */
  async function comparison(
    req: FastifyRequest,
    params: z.infer<typeof indicatorParams>,
    q: z.infer<typeof compareQuery>,
  ) {
    const v = await indicatorResults(database, params.waveId, params.indicatorId, visibility(req));
    const a = parseChoice(q.a);
    const b = parseChoice(q.b);
    const outcome = a && b ? compareGroups(v.table, a, b) : undefined;
    return { v, a, b, outcome };
  }

  r.get(
    '/results/:waveId/indicators/:indicatorId/compare',
    { config: { access: read }, schema: { params: indicatorParams, querystring: compareQuery } },
    async (req, reply) => {
      const { v, a, b, outcome } = await comparison(req, req.params, req.query);
      const ctx = req.page(reply);
      const choices = choicesOf(v.table);
      // a first visit proposes the indicator's first comparison (women vs men for office holders)
      const first = v.table.comparisons[0];
      const proposed =
        !a && !b && first
          ? {
              a: { variable: first.variable, value: first.from },
              b: { variable: first.variable, value: first.to },
            }
          : { ...(a ? { a } : {}), ...(b ? { b } : {}) };
      return sendPage(
        reply,
        comparePage(ctx, {
          wave: v.wave,
          run: v.run,
          definition: v.definition,
          choices,
          ...proposed,
          ...(outcome && 'comparison' in outcome ? { comparison: outcome.comparison } : {}),
          ...(outcome && 'problem' in outcome ? { problem: outcome.problem } : {}),
        }),
        outcome && 'problem' in outcome ? 400 : 200,
      );
    },
  );

  for (const format of formats) {
    r.get(
      `/results/:waveId/indicators/:indicatorId/compare.${format}`,
      { config: { access: read }, schema: { params: indicatorParams, querystring: compareQuery } },
      async (req, reply) => {
        const { v, a, b, outcome } = await comparison(req, req.params, req.query);
        const ctx = req.page(reply);
        if (!a || !b || !outcome)
          throw new AppError('bad-request', {
            detail: { nl: 'Kies twee groepen (a en b).', en: 'choose two groups (a and b)' },
          });
        if ('problem' in outcome)
          throw new AppError('bad-request', {
            detail: { nl: problemIn('nl', outcome.problem), en: problemIn('en', outcome.problem) },
          });
        const name = `${v.wave.code}-${v.definition.code}-v${v.run.version}-${a.value}-${b.value}`.replace(
          /[^\w.-]/g,
          '_',
        );
        return send(
          reply,
          comparisonDownload(ctx, v.definition.code, outcome.comparison, name),
          format,
          v.definition.code,
        );
      },
    );

    r.get(
      `/results/:waveId/indicators/:indicatorId/table.${format}`,
      { config: { access: read }, schema: { params: indicatorParams, querystring: langQuery } },
      async (req, reply) => {
        const v = await indicatorResults(
          database,
          req.params.waveId,
          req.params.indicatorId,
          visibility(req),
        );
        const ctx = req.page(reply);
        const name = `${v.wave.code}-${v.definition.code}-v${v.run.version}`;
        return send(reply, indicatorDownload(ctx, v.table, name), format, v.definition.code);
      },
    );

    r.get(
      `/results/:waveId/indicators/:indicatorId/trend.${format}`,
      { config: { access: read }, schema: { params: indicatorParams, querystring: langQuery } },
      async (req, reply) => {
        const v = await indicatorResults(
          database,
          req.params.waveId,
          req.params.indicatorId,
          visibility(req),
        );
        const ctx = req.page(reply);
        const name = `${v.definition.code}-trend`;
        return send(reply, trendDownload(ctx, v.definition.code, v.trend, name), format, v.definition.code);
      },
    );

    r.get(
      `/results/:waveId/weighting.${format}`,
      { config: { access: read }, schema: { params: waveParams, querystring: langQuery } },
      async (req, reply) => {
        const w = await waveResults(database, req.params.waveId, visibility(req));
        if (!w.run)
          throw new AppError('not-found', {
            detail: {
              nl: `Voor ${w.wave.name} is nog geen weging beschikbaar.`,
              en: `no weighting of wave ${w.wave.code} is available yet`,
            },
          });
        const ctx = req.page(reply);
        const name = `${w.wave.code}-weighting-v${w.run.version}`;
        return send(reply, weightingDownload(ctx, w.reports, name), format, 'weighting');
      },
    );
  }
};

export default routes;
