/**
 * Evidence of an incident (issue 16, item 1): the page with the files and the upload form, the upload,
 * and the download. One plugin: its multipart parser (with the evidence body limit) applies here only.
 * Downloads are attachments with a sniffed type, nosniff and a sandboxing CSP: never inlined or run.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import { isUuid } from '../../platform/uuid.js';
import { addEvidence, downloadEvidence, evidenceLimits, listEvidence } from './evidence.js';
import { type EvidenceType, extensionOf } from './evidence-sniff.js';
import { acceptMultipart, isUpload } from './multipart.js';
import { incidentId, incidentOrg, langQuery } from './route-support.js';
import { viewIncident } from './service.js';
import { evidencePage } from './views/evidence-page.js';

const pageQuery = z.object({ ...langQuery, done: z.enum(['added']).optional().catch(undefined) });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = (): Db => app.deps.database.db;
  // Room for the form's other fields around the largest file.
  acceptMultipart(app, evidenceLimits.bytes + 64 * 1024);
  const readAccess = {
    action: 'incident.read' as const,
    org: (req: FastifyRequest) => incidentOrg(db(), req),
  };

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; added?: boolean },
  ) {
    const v = await viewIncident(db(), req.principal, incidentId(req));
    const files = await listEvidence(db(), req.principal!, v.incident.id);
    return sendPage(
      reply,
      evidencePage(req.page(reply), { incident: v.incident, files, ...extra }),
      extra.errors?.length ? 400 : 200,
    );
  }

  r.get(
    '/incidents/:incidentId/evidence',
    { config: { access: readAccess }, schema: { querystring: pageQuery } },
    async (req, reply) => render(req, reply, { added: req.query.done === 'added' }),
  );

  r.post(
    '/incidents/:incidentId/evidence',
    { config: { access: readAccess, upload: true }, bodyLimit: evidenceLimits.bytes + 64 * 1024 },
    async (req, reply) => {
      const id = incidentId(req);
      const file = (req.body as Record<string, unknown> | undefined)?.evidence;
      if (!isUpload(file) || (file.data.length === 0 && !file.filename)) {
        return render(req, reply, {
          errors: [{ field: 'evidence', message: req.t('incidents.evidence.missing') }],
        });
      }
      try {
        await addEvidence(db(), app.deps.config, req.principal!, id, {
          fileName: file.filename,
          data: file.data,
        });
      } catch (err) {
        if (
          !(err instanceof AppError) ||
          !['file-too-large', 'unsupported-media-type', 'conflict'].includes(err.code)
        )
          throw err;
        return render(req, reply, {
          errors: [{ field: 'evidence', message: err.detailIn(req.lang) ?? err.title(req.lang) }],
        });
      }
      return reply.redirect(`/incidents/${id}/evidence?done=added`, 303);
    },
  );

  r.get(
    '/incidents/:incidentId/evidence/:evidenceId',
    { config: { access: readAccess } },
    async (req, reply) => {
      const evidenceId = (req.params as { evidenceId?: string }).evidenceId;
      if (!isUuid(evidenceId)) throw new AppError('not-found');
      const { item, data } = await downloadEvidence(
        db(),
        app.deps.config,
        req.principal!,
        incidentId(req),
        evidenceId,
      );
      const ext = extensionOf[item.contentType as EvidenceType] ?? 'bin';
      const ascii = `bewijs-${item.id.slice(0, 8)}.${ext}`;
      return reply
        .header('content-type', item.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(item.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
};
export default routes;
