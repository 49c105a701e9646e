/**
 * The contact list imported from a file through the API (issue 16, items 1 and 5):
 * `POST /api/v1/organisations/{orgId}/incident-contact-imports` with a CSV or XLSX file, as the page's
 * import does: the file becomes the list, all or nothing. The file comes as multipart/form-data field
 * `file`, or as the body itself (text/csv, the XLSX type or application/octet-stream, named by
 * `fileName`). Problems come as problem+json with one `invalidParams` entry per problem, named by line
 * and column (`line 3, column 2`), in the order of the file. Its own plugin: its body parsers (with the
 * contact list's limit) apply to this route only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { tags } from './api-schemas.js';
import { importContacts } from './contacts.js';
import { type ContactProblem, contactLimits, readContactsFile } from './contacts-file.js';
import { acceptMultipart, isUpload } from './multipart.js';
import { orgParam } from './route-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The multipart body around the file: a little more than the file's own limit. */
const BODY_LIMIT = contactLimits.bytes + 64 * 1024;

/** A file's problems as problem+json `invalidParams`: named by line and column, the reason in nl and en. */
export function problemParams(problems: readonly ContactProblem[]) {
  return problems.map((p) => ({
    name: `line ${p.line}, column ${p.column}`,
    code: 'invalid_cell',
    reason: {
      nl: `Regel ${p.line}, kolom ${p.column} (${p.field}): ${p.message.nl}`,
      en: `line ${p.line}, column ${p.column} (${p.field}): ${p.message.en}`,
    },
  }));
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  acceptMultipart(app, BODY_LIMIT);
  for (const type of ['application/octet-stream', 'text/csv', XLSX])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );

  r.post(
    '/api/v1/organisations/:orgId/incident-contact-imports',
    {
      config: { access: { action: 'incident.contacts', org: orgParam }, upload: true },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import the contact list from a CSV or XLSX file (columns naam, e-mail, optionally functie): the ' +
          'file becomes the list, all or nothing. Multipart field `file`, or the file as the body (text/csv, ' +
          `XLSX or application/octet-stream) with \`fileName\`; at most ${contactLimits.rows} contacts. ` +
          'Problems are listed per line and column in `invalidParams`.',
        params: z.object({ orgId: z.uuid().describe('organisation id') }),
        querystring: z.object({
          fileName: z.string().max(255).optional().describe('the file name (its extension: .csv or .xlsx)'),
        }),
        response: {
          200: z
            .object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int() })
            .meta({ id: 'IncidentContactImport' }),
        },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const fallback = type === XLSX ? 'contacten.xlsx' : 'contacten.csv';
      let file: { name: string; data: Buffer } | undefined;
      if (Buffer.isBuffer(body)) file = { name: req.query.fileName ?? fallback, data: body };
      else if (body && typeof body === 'object') {
        const f = (body as Record<string, unknown>).file;
        if (isUpload(f)) file = { name: req.query.fileName ?? (f.filename || fallback), data: f.data };
      }
      if (!file)
        throw new AppError('unsupported-media-type', {
          detail: {
            nl: 'Stuur het bestand als text/csv, als XLSX, als application/octet-stream of als multipart/form-data in het veld `file`.',
            en: 'send the file as text/csv, XLSX, application/octet-stream or multipart/form-data field `file`',
          },
        });
      if (file.data.length === 0)
        throw new AppError('invalid-file', {
          detail: { nl: 'Het bestand is leeg.', en: 'the file is empty' },
        });
      if (file.data.length > contactLimits.bytes) throw new AppError('file-too-large');
      try {
        const lines = await readContactsFile(file.name, file.data);
        return await importContacts(app.deps.database.db, req.principal!, req.params.orgId, lines);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'invalid-file' || !Array.isArray(err.cause)) throw err;
        throw new AppError('invalid-file', {
          detail: err.localised.detail,
          location: err.location,
          invalidParams: problemParams(err.cause as ContactProblem[]),
        });
      }
    },
  );
};
export default routes;
