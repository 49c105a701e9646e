/**
 * An officer or chair adds documents to a report's case file (./documents.ts): a multipart form on the
 * report page, read only after the access check (the upload gate), the key unlocked.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/actor.js';
import { formString } from '../../platform/auth/form-errors.js';
import { attachmentProblem } from './attachment-files.js';
import { addDocuments } from './documents.js';
import { ATTACHMENT_BODY_LIMIT, filesOf, parseFormWithFiles } from './multipart.js';
import { optionsFor } from './options.js';
import { reportPageRenderer } from './report-page.js';
import { form, handleAccess, reportParams, requireKey } from './route-support.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const opts = optionsFor(config.NODE_ENV);
  const showReport = reportPageRenderer(db, opts);

  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_BODY_LIMIT },
    async (req: FastifyRequest, body: Buffer) => parseFormWithFiles(req, body),
  );

  r.post(
    '/integrity/:orgId/reports/:reportId/documents',
    {
      config: { ...handleAccess, upload: true },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: { params: reportParams, body: form },
    },
    async (req, reply) => {
      const { orgId, reportId } = req.params;
      const key = await requireKey(db, req, orgId);
      const files = filesOf(req.body.attachment);
      const problem = files.length === 0 ? 'required' : attachmentProblem(files);
      if (problem)
        return showReport(
          req,
          reply,
          orgId,
          reportId,
          {
            errors: [
              {
                field: 'attachment',
                message: req.t(
                  problem === 'required'
                    ? 'integrity.documents.required'
                    : `integrity.error.attachment.${problem}`,
                ),
              },
            ],
          },
          400,
        );
      await addDocuments(
        db,
        actorOf(req.principal!),
        key,
        reportId,
        {
          files,
          note: formString(req.body.documentNote),
          shareWithReporter: formString(req.body.shareWithReporter) === 'yes',
        },
        opts,
      );
      return showReport(req, reply, orgId, reportId, { notice: req.t('integrity.documents.added') });
    },
  );
};

export default routes;
