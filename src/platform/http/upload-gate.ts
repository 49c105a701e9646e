/**
 * Large bodies only where a file is uploaded, and only after the upload is allowed (issue 13, row 5).
 *
 * Every route takes JSON, an HTML form (urlencoded) or plain text, within the small default body limit.
 * A route that takes a file declares `config.upload`; its plugin registers the parsers (multipart,
 * CSV, XLSX, octet-stream) with their larger limit. Before any byte of the body is read (preParsing):
 * - a request with any other content type on a route that is not an upload route is refused with 415
 *   at once, and the connection is closed so the rest of the body is not even drained;
 * - on an upload route, the caller must be signed in and allowed (the route's access rule, with the
 *   organisation from the path), or pass the route's own `beforeBody` check (a public upload route:
 *   its link token; the rate limit has already run in onRequest). CSRF is checked after parsing, as
 *   for every form.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../access/policy.js';
import { AppError } from '../errors.js';

/** What a route declares to take a file upload. */
export type UploadRule = true | { beforeBody(req: FastifyRequest): Promise<void> };

/** The content types every route reads (within the default body limit). */
const ORDINARY = new Set(['application/json', 'application/x-www-form-urlencoded', 'text/plain']);

const essence = (type: string) => type.split(';', 1)[0]!.trim().toLowerCase();

const refused = () =>
  new AppError('unsupported-media-type', {
    detail: {
      nl: 'Dit adres neemt geen bestanden aan. Stuur JSON of een formulier.',
      en: 'this route takes no file uploads; send JSON or a form',
    },
  });

export async function uploadGate(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const type = req.headers['content-type'];
  if (type === undefined || ORDINARY.has(essence(type))) return;
  const rule = req.is404 ? undefined : req.routeOptions.config.upload;
  if (!rule) {
    reply.header('connection', 'close');
    throw refused();
  }
  const access = req.routeOptions.config.access;
  if (access && !('public' in access)) {
    if (!req.principal) {
      reply.header('connection', 'close');
      throw new AppError('unauthenticated');
    }
    try {
      assertCan(req.principal, access.action, access.org ? await access.org(req) : undefined);
    } catch (err) {
      reply.header('connection', 'close');
      throw err;
    }
  }
  if (rule !== true) await rule.beforeBody(req);
}
