/**
 * "Reproduce" downloads for researchers only (`results.reproduce`): a ZIP with the analysis file
 * (one row per respondent), design.json, the R script, the `weerbaar analyse` spec and the app's
 * numbers, for one indicator's tables or for a whole wave. Never for viewers or coordinators: strata
 * such as burgemeester × province single people out.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { indicatorIdParam, waveIdParam } from '../params.js';
import { reproductionFiles } from '../reproduce/service.js';
import { zip } from '../reproduce/zip.js';

const reproduce = { action: 'results.reproduce' as const };
const waveParams = z.object({ waveId: waveIdParam });
const indicatorParams = waveParams.extend({ indicatorId: indicatorIdParam });

/** One folder per target group in the archive. */
const flatten = (groups: Record<string, Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(groups).flatMap(([g, files]) => Object.entries(files).map(([n, t]) => [`${g}/${n}`, t])),
  );

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/:waveId/reproduce.zip',
    { config: { access: reproduce }, schema: { params: waveParams } },
    async (req, reply) => {
      const files = await reproductionFiles(database, req.params.waveId, actorOf(req.principal!));
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${files.waveCode}-v${files.runVersion}-reproduce.zip"`,
        )
        .send(zip(flatten(files.groups)));
    },
  );

  r.get(
    '/results/:waveId/indicators/:indicatorId/reproduce.zip',
    { config: { access: reproduce }, schema: { params: indicatorParams } },
    async (req, reply) => {
      const files = await reproductionFiles(database, req.params.waveId, actorOf(req.principal!), {
        indicator: req.params.indicatorId,
      });
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${files.waveCode}-${req.params.indicatorId}-v${files.runVersion}-reproduce.zip"`,
        )
        .send(zip(flatten(files.groups)));
    },
  );
};

export default routes;
