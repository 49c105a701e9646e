/**
 * Figures on integrity reports: per organisation for its officers and chair (/integrity/<org>/statistics)
 * and nationally for BZK (admins, researchers: /integrity-statistics), each also as XLSX; plus the
 * register as XLSX. Aggregates of the register only; small cells suppressed (./statistics.ts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../../platform/ui/render.js';
import { amsterdamDate } from './deadlines.js';
import { optionsFor } from './options.js';
import { registerXlsx } from './register-export.js';
import { listRegister } from './reports-service.js';
import { orgParams, readAccess } from './route-support.js';
import { statisticsFor, statisticsXlsx } from './statistics-service.js';
import { statisticsPage } from './views/statistics-page.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const day = z.string().max(10).optional();
const periodQuery = z.object({ from: day, to: day, lang: z.string().max(5).optional() });
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The period asked for, or this calendar year so far; `bad` when the dates are not usable. */
function periodOf(q: { from?: string; to?: string }, now: Date) {
  const today = amsterdamDate(now);
  const iso = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  const fallback = { from: `${today.year}-01-01`, to: iso };
  const from = q.from || fallback.from;
  const to = q.to || fallback.to;
  if (!isDay(from) || !isDay(to) || from > to) return { period: fallback, bad: true };
  return { period: { from, to }, bad: false };
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);

  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    scope: string[] | 'all',
    q: { from?: string; to?: string },
    p: { title: string; action: string; xlsx: boolean; file: string },
  ) {
    const now = opts.clock();
    const { period, bad } = periodOf(q, now);
    const stats = await statisticsFor(db, scope, period, now);
    if (p.xlsx)
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${p.file}-${period.from}-${period.to}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await statisticsXlsx(stats, req.lang));
    return sendPage(
      reply,
      statisticsPage(req.page(reply), {
        title: p.title,
        action: p.action,
        stats,
        error: bad ? req.t('integrity.stats.badPeriod') : undefined,
      }),
      bad ? 400 : 200,
    );
  }

  for (const xlsx of [false, true]) {
    r.get(
      `/integrity/:orgId/statistics${xlsx ? '.xlsx' : ''}`,
      { config: readAccess, schema: { params: orgParams, querystring: periodQuery } },
      async (req, reply) =>
        answer(req, reply, [req.params.orgId], req.query, {
          title: req.t('integrity.stats.title'),
          action: `/integrity/${req.params.orgId}/statistics`,
          xlsx,
          file: 'integriteitsmeldingen',
        }),
    );
    r.get(
      `/integrity-statistics${xlsx ? '.xlsx' : ''}`,
      { config: { access: { action: 'integrity.statistics' } }, schema: { querystring: periodQuery } },
      async (req, reply) =>
        answer(req, reply, 'all', req.query, {
          title: req.t('integrity.stats.nationalTitle'),
          action: '/integrity-statistics',
          xlsx,
          file: 'integriteitsmeldingen-landelijk',
        }),
    );
  }

  r.get(
    '/integrity/:orgId/register.xlsx',
    { config: readAccess, schema: { params: orgParams } },
    async (req, reply) => {
      const lines = await listRegister(db, req.params.orgId, opts);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="integriteitsregister.xlsx"')
        .header('cache-control', 'no-store')
        .send(await registerXlsx(lines));
    },
  );
};

export default routes;
