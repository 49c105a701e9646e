import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus } from '../db/migrate.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { access: { public: 'liveness probe' } },
      schema: { response: { 200: z.object({ status: z.literal('ok') }) } },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/ready',
    {
      config: { access: { public: 'readiness probe' } },
      logLevel: 'warn',
    },
    async (_req, reply) => {
      try {
        const m = await migrationStatus(app.deps.database);
        const body = {
          status: m.current ? 'ready' : 'migrations-pending',
          database: app.deps.database.kind,
          migrations: m,
        };
        return reply.code(m.current ? 200 : 503).send(body);
      } catch {
        return reply.code(503).send({ status: 'database-unreachable' });
      }
    },
  );
};
export default routes;
