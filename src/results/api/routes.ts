/**
 * The results API: /api/v1/waves/:waveId/results (the latest visible run of a wave: every cell,
 * comparison and trend test) and /api/v1/indicators/:indicatorId/trend (since 2014, published figures
 * marked as such). Viewers (BZK) and coordinators see released runs only. Codes for machines, and
 * beside them labels in the request's language (`?lang=nl|en`, else `Accept-Language: en`, else Dutch).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { indicatorVersion } from '../indicators/service.js';
import { indicatorIdParam, waveIdParam } from '../params.js';
import { visibilityOf, waveResults } from '../read/service.js';
import { trendOf } from '../trends/service.js';
import { langSchema, trendOut, trendSchema, waveResultsOut, waveResultsSchema } from './schemas.js';

const read = { action: 'results.read' as const };

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/api/v1/waves/:waveId/results',
    {
      config: { access: read },
      schema: {
        tags: ['results'],
        summary: 'The latest complete results run of a wave the caller may see (viewers: released runs only)',
        params: z.object({ waveId: waveIdParam }),
        querystring: z.object({ lang: langSchema.optional() }),
        response: { 200: waveResultsSchema },
      },
    },
    async (req) =>
      waveResultsOut(await waveResults(database, req.params.waveId, visibilityOf(req.principal)), req.lang),
  );

  r.get(
    '/api/v1/indicators/:indicatorId/trend',
    {
      config: { access: read },
      schema: {
        tags: ['results'],
        summary: 'An indicator for all respondents since 2014: runs in Weerbaar and published figures',
        params: z.object({ indicatorId: indicatorIdParam }),
        response: { 200: trendSchema },
      },
    },
    async (req) => {
      const code = req.params.indicatorId;
      const definition = await indicatorVersion(database.db, code);
      if (!definition)
        throw new AppError('not-found', {
          detail: { nl: `Er is geen indicator ${code}.`, en: `no indicator ${code}` },
        });
      const { points } = await trendOf(database, code, {}, visibilityOf(req.principal));
      return trendOut(code, definition.label, points);
    },
  );
};

export default routes;
