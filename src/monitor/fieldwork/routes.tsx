/**
 * Fieldwork routes: the wave pages (/waves…), the API (/api/v1/waves…) and the respondent's opt-out
 * page (/r/:token/afmelden). Access per route: wave.read, wave.manage, wave.monitor,
 * responses.export (platform roles: no organisation).
 */
import type { FastifyPluginAsync } from 'fastify';
import { boundaryOf, parseMultipart } from './multipart.js';
import { waveApiRoutes } from './routes/api.js';
import { FRAME_BODY_LIMIT } from './routes/common.js';
import { confirmRoutes } from './routes/confirm.js';
import { optOutRoutes } from './routes/opt-out.js';
import { wavePageRoutes } from './routes/pages.js';
import { waveMailRoutes } from './routes/wave-mail.js';

/** One plugin (one encapsulation context: the frame-file parsers apply to every route); the routes are in ./routes/. */
const routes: FastifyPluginAsync = async (app) => {
  // Frame files: multipart (the form), or the raw file (API: text/csv, xlsx, octet-stream).
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: FRAME_BODY_LIMIT },
    (req, body, done) => {
      try {
        done(null, parseMultipart(body as Buffer, boundaryOf(req.headers['content-type'])));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  app.addContentTypeParser(
    [
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
    { parseAs: 'buffer', bodyLimit: FRAME_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  waveApiRoutes(app);
  wavePageRoutes(app);
  confirmRoutes(app);
  waveMailRoutes(app);
  optOutRoutes(app);
};

export default routes;
