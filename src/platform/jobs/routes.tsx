/** Background jobs for admins: /admin/jobs (with retry) and /api/v1/jobs. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/actor.js';
import { sendPage } from '../ui/render.js';
import { jobStates, listJobs, retryJob } from './admin.js';
import { jobsPage } from './views/jobs-page.js';

const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const jobsQuery = z
  .object({
    state: opt(z.enum(jobStates)).describe('default: created, retry, active and failed'),
    queue: opt(z.string().max(100)).describe('job name, e.g. `mail.send`'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const jobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(jobStates),
    attempts: z.number().int(),
    retryLimit: z.number().int(),
    createdOn: z.string(),
    startAfter: z.string(),
    startedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'Job' });

const jobParams = z.object({ jobId: z.string().max(100) });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/jobs',
    {
      config: { access: { action: 'jobs.read' } },
      schema: {
        tags: ['jobs'],
        summary: 'Background jobs, newest first (admins)',
        querystring: jobsQuery,
        response: { 200: z.object({ items: z.array(jobSchema) }) },
      },
    },
    async (req) => ({
      items: await listJobs(app.deps.database, {
        states: req.query.state ? [req.query.state] : undefined,
        queue: req.query.queue,
        limit: req.query.limit,
      }),
    }),
  );

  r.post(
    '/api/v1/jobs/:jobId/retry',
    {
      config: { access: { action: 'jobs.retry' } },
      schema: {
        tags: ['jobs'],
        summary: 'Retry a failed job, or start a waiting one now',
        params: jobParams,
        response: { 200: jobSchema },
      },
    },
    async (req) => retryJob(app.deps.database, req.params.jobId, actorOf(req.principal!)),
  );

  r.get(
    '/admin/jobs',
    {
      config: { access: { action: 'jobs.read' } },
      schema: {
        querystring: z.object({
          state: opt(z.enum(jobStates)),
          retried: opt(z.literal('1')),
          lang: z.enum(['nl', 'en']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const rows = await listJobs(app.deps.database, {
        states: req.query.state ? [req.query.state] : undefined,
      });
      const notice = req.query.retried ? req.t('jobs.retried') : undefined;
      return sendPage(reply, jobsPage(req.page(reply), req.query.state, rows, notice));
    },
  );

  r.post(
    '/admin/jobs/:jobId/retry',
    { config: { access: { action: 'jobs.retry' } }, schema: { params: jobParams } },
    async (req, reply) => {
      await retryJob(app.deps.database, req.params.jobId, actorOf(req.principal!));
      return reply.redirect('/admin/jobs?retried=1', 303);
    },
  );
};
export default routes;
