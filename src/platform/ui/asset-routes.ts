import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { projectPath } from '../paths.js';

/** Static assets are few and small: read once, served with a long cache lifetime and an ETag. */
const routes: FastifyPluginAsync = async (app) => {
  const css = readFileSync(projectPath('src/platform/ui/assets/weerbaar.css'));
  app.get(
    '/assets/weerbaar.css',
    { config: { access: { public: 'style sheet' } }, logLevel: 'warn' },
    async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );
};
export default routes;
