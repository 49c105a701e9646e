/** The JSON API of waves: /api/v1/waves… (frames, invitations, exports, response rates). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../../platform/audit/audit.js';
import { AppError, type Lang } from '../../../platform/errors.js';
import { problemOf, problemSchema } from '../../../platform/http/problem.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import { responseKeyFor } from '../../answering/keys.js';
import { type ExportFormat, nonRespondentsTable, responsesTable, type Table, tableFile } from '../exports.js';
import {
  clearFrame,
  type FrameImportReport,
  frameCounts,
  importFrame,
  listFrameImports,
} from '../frame-service.js';
import { previewWaveMail } from '../invitations.js';
import { targetGroups, type Wave } from '../model.js';
import { responseRates } from '../monitoring.js';
import { isUpload, type MultipartBody } from '../multipart.js';
import { previewMinutes } from '../questionnaire-link.js';
import {
  createWave,
  getWave,
  listWaves,
  setWaveQuestionnaire,
  transitionWave,
  updateWave,
  waveQuestionnairesOf,
} from '../waves-service.js';
import {
  exportOut,
  frameOut,
  importReportSchema,
  rateRow,
  waveCreateBody,
  waveOut,
  waveSchema,
  waveUpdateBody,
} from './api-schemas.js';
import {
  actor,
  exportAccess,
  FRAME_BODY_LIMIT,
  formatQuery,
  manage,
  monitor,
  read,
  waveParams,
} from './common.js';
import { sending } from './sending.js';

/**
 * A frame report for an API client: the problems in Dutch from the message catalogue (by code), or
 * in English as the service wrote them (they name the line and the columns).
 */
function localisedReport(
  req: { t: (k: MessageKey, p?: Record<string, string | number>) => string; lang: Lang },
  report: FrameImportReport,
): FrameImportReport {
  if (req.lang === 'en') return report;
  return {
    ...report,
    problems: report.problems.map((p) => {
      const key = `wave.problem.${p.code}` as MessageKey;
      const m = req.t(key, { value: p.value });
      return m === key ? p : { ...p, message: m };
    }),
  };
}

async function fileDownload(
  reply: FastifyReply,
  name: string,
  format: ExportFormat,
  table: Parameters<typeof tableFile>[0],
) {
  const f = await tableFile(table, format);
  return reply
    .header('content-type', f.type)
    .header('content-disposition', `attachment; filename="${name}.${f.ext}"`)
    .header('cache-control', 'no-store')
    .send(f.body);
}

export function waveApiRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;
  /**
   * An export of the wave as CSV, XLSX or JSON. Exports of personal data (non-respondents) and answers are
   * recorded in the audit log.
   */
  const sendExport = async (
    req: FastifyRequest<{ Params: { waveId: string }; Querystring: { format: ExportFormat | 'json' } }>,
    reply: FastifyReply,
    what: 'non-respondents' | 'responses',
    tableOf: (wave: Wave) => Promise<Table>,
  ) => {
    const wave = await getWave(db, req.params.waveId);
    const table = await tableOf(wave);
    const format = req.query.format;
    const action = what === 'responses' ? 'wave.responses.export' : 'wave.nonrespondents.export';
    await db.transaction((tx) =>
      audit(tx, actor(req), {
        action,
        resourceType: 'wave',
        resourceId: wave.id,
        diff: { rows: table.rows.length, format },
      }),
    );
    if (format === 'json') return { columns: table.columns, rows: table.rows };
    return fileDownload(reply, `${wave.code}-${what}`, format, table);
  };

  r.get(
    '/api/v1/waves',
    {
      config: { access: monitor },
      schema: {
        tags: ['waves'],
        summary: 'All waves (viewers too: they follow the response)',
        response: { 200: z.object({ waves: z.array(waveSchema) }) },
      },
    },
    async () => ({ waves: (await listWaves(db)).map(waveOut) }),
  );

  r.post(
    '/api/v1/waves',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary: 'Create a wave (draft)',
        body: waveCreateBody,
        response: { 201: waveSchema },
      },
    },
    async (req, reply) => reply.code(201).send(waveOut(await createWave(db, req.body, actor(req)))),
  );

  r.get(
    '/api/v1/waves/:waveId',
    {
      config: { access: read },
      schema: {
        tags: ['waves'],
        summary: 'A wave with its questionnaires and frame counts per stratum',
        params: waveParams,
        response: {
          200: z.object({
            wave: waveSchema,
            questionnaires: z.array(
              z.object({ targetGroup: z.string(), questionnaireVersionId: z.string() }),
            ),
            frameCounts: z.array(
              z.object({
                targetGroup: z.string(),
                layer: z.string(),
                role: z.string(),
                provinceCode: z.string().nullable(),
                sizeClass: z.string().nullable(),
                n: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const wave = await getWave(db, req.params.waveId);
      return {
        wave: waveOut(wave),
        questionnaires: await waveQuestionnairesOf(db, wave.id),
        frameCounts: await frameCounts(db, wave.id),
      };
    },
  );

  r.patch(
    '/api/v1/waves/:waveId',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary: 'Change a wave',
        params: waveParams,
        body: waveUpdateBody,
        response: { 200: waveSchema },
      },
    },
    async (req) => waveOut(await updateWave(db, req.params.waveId, req.body, actor(req))),
  );

  r.put(
    '/api/v1/waves/:waveId/questionnaires/:targetGroup',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary:
          'Attach a published questionnaire version to a target group (null detaches); draft waves only',
        params: z.object({ waveId: z.string().max(100), targetGroup: z.string().max(50) }),
        body: z.object({ questionnaireVersionId: z.string().nullable() }).strict(),
        response: {
          200: z.object({
            questionnaires: z.array(
              z.object({ targetGroup: z.string(), questionnaireVersionId: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      questionnaires: await setWaveQuestionnaire(
        db,
        req.params.waveId,
        req.params.targetGroup,
        req.body.questionnaireVersionId,
        actor(req),
      ),
    }),
  );

  r.post(
    '/api/v1/waves/:waveId/transitions',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary: 'Open, close, reopen or archive a wave',
        params: waveParams,
        body: z.object({ transition: z.enum(['open', 'close', 'reopen', 'archive']) }).strict(),
        response: { 200: waveSchema },
      },
    },
    async (req) => waveOut(await transitionWave(db, req.params.waveId, req.body.transition, actor(req))),
  );

  r.post(
    '/api/v1/waves/:waveId/frame-imports',
    {
      config: { access: manage, upload: true },
      bodyLimit: FRAME_BODY_LIMIT,
      schema: {
        tags: ['waves'],
        summary:
          'Import a sample frame: the file as the body (text/csv or xlsx) or as multipart field `file`. ' +
          'With problems in mode `all` nothing is written and the answer is 422 with the report.',
        params: waveParams,
        querystring: z.object({
          targetGroup: z.enum(targetGroups).default('office_holders'),
          mode: z.enum(['all', 'valid']).default('all'),
          fileName: z.string().max(200).optional(),
        }),
        response: { 201: importReportSchema, 422: problemSchema.extend(importReportSchema.shape) },
      },
    },
    async (req, reply) => {
      let data: Buffer | undefined;
      let fileName = req.query.fileName ?? 'frame.csv';
      let targetGroup: string = req.query.targetGroup;
      let mode: string = req.query.mode;
      const body = req.body as unknown;
      if (Buffer.isBuffer(body)) data = body;
      else if (body && typeof body === 'object') {
        const m = body as MultipartBody;
        const f = m.file;
        if (isUpload(f)) {
          data = f.data;
          fileName = req.query.fileName ?? (f.filename || fileName);
        }
        if (typeof m.targetGroup === 'string') targetGroup = m.targetGroup;
        if (typeof m.mode === 'string') mode = m.mode;
      }
      if (!data) {
        throw new AppError('unsupported-media-type', {
          detail: {
            nl: 'Stuur het bestand als text/csv, als xlsx, of als multipart/form-data in het veld `file`.',
            en: 'send the file as text/csv, as xlsx, or as multipart/form-data field `file`',
          },
        });
      }
      const report = await importFrame(
        db,
        req.params.waveId,
        { fileName, data, targetGroup, mode: mode as 'all' },
        actor(req),
      );
      if (report.written) return reply.code(201).send(localisedReport(req, report));
      // Nothing written: a problem (RFC 9457) that carries the report.
      const rejected = new AppError('import-rejected', {
        detail: {
          nl: `Het bestand is niet ingelezen: ${report.rowsRejected} van ${report.rowsRead} regels hebben een probleem.`,
          en: `The file was not imported: ${report.rowsRejected} of ${report.rowsRead} rows have a problem.`,
        },
      });
      return reply
        .code(422)
        .type('application/problem+json')
        .send({ ...problemOf(rejected, req.lang, req.url.split('?')[0]), ...localisedReport(req, report) });
    },
  );

  r.get(
    '/api/v1/waves/:waveId/frame',
    {
      config: { access: read },
      schema: {
        tags: ['waves'],
        summary: 'Frame counts per stratum (population for weighting and response rates)',
        params: waveParams,
        response: { 200: frameOut },
      },
    },
    async (req) => {
      const wave = await getWave(db, req.params.waveId);
      const imports = await listFrameImports(db, wave.id);
      return {
        counts: await frameCounts(db, wave.id),
        imports: imports.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
      };
    },
  );

  r.delete(
    '/api/v1/waves/:waveId/frame',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary: 'Remove the frame persons not invited yet (draft waves), to import a corrected file',
        params: waveParams,
        response: { 200: z.object({ removed: z.number().int() }) },
      },
    },
    async (req) => ({ removed: await clearFrame(db, req.params.waveId, actor(req)) }),
  );

  const { startInvitations, startReminders } = sending(app);

  r.post(
    '/api/v1/waves/:waveId/invitations',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary:
          'Invite everyone in the frame not invited yet (open waves); mails go out through the mail queue',
        params: waveParams,
        response: {
          202: z.object({
            queued: z.number().int(),
            pending: z.number().int(),
            jobId: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => reply.code(202).send(await startInvitations(req.params.waveId, req)),
  );

  r.post(
    '/api/v1/waves/:waveId/reminders',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary: 'Send reminders now to everyone invited who has not completed and did not opt out',
        params: waveParams,
        response: {
          202: z.object({
            queued: z.number().int(),
            deferred: z
              .number()
              .int()
              .describe(
                'Anonymous waves: non-respondents not reminded in this round because 1–9 completions of their stratum cell are not recorded yet (docs/anonymity.md); a later round reaches them. 0 when the round runs as a job.',
              ),
            jobId: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => reply.code(202).send(await startReminders(req.params.waveId, req)),
  );

  r.get(
    '/api/v1/waves/:waveId/response-rates',
    {
      config: { access: monitor },
      schema: {
        tags: ['waves'],
        summary: 'Response per stratum, from the frame and the invitations (never from responses)',
        params: waveParams,
        response: {
          200: z.object({
            waveId: z.string(),
            status: z.string(),
            computedAt: z.string(),
            pendingProgress: z
              .number()
              .int()
              .describe(
                'Anonymous waves: starts and completions not yet recorded on the invitations (recorded in batches of at least 10 per stratum cell; docs/anonymity.md)',
              ),
            breakdowns: z.object({
              total: z.array(rateRow),
              layer_role: z.array(rateRow),
              province: z.array(rateRow),
              organisation: z.array(rateRow),
              target_group: z.array(rateRow),
            }),
          }),
        },
      },
    },
    async (req) => responseRates(db, req.params.waveId),
  );

  r.get(
    '/api/v1/waves/:waveId/non-respondents',
    {
      config: { access: manage },
      schema: {
        tags: ['waves'],
        summary:
          'Everyone who has not completed and did not opt out, for phone or paper follow-up (CSV, XLSX or JSON)',
        params: waveParams,
        querystring: formatQuery,
        response: { 200: exportOut },
      },
    },
    async (req, reply) =>
      sendExport(req, reply, 'non-respondents', (wave) =>
        nonRespondentsTable(db, wave.id, responseKeyFor(app.deps.config)),
      ),
  );

  r.get(
    '/api/v1/waves/:waveId/responses',
    {
      config: { access: exportAccess },
      schema: {
        tags: ['waves'],
        summary:
          'Raw responses: one row per response, item codes as columns, multiple choice as 0/1 columns <code>_<option>',
        params: waveParams,
        querystring: formatQuery.extend({ completed: z.enum(['true', 'false']).optional() }),
        response: { 200: exportOut },
      },
    },
    async (req, reply) =>
      sendExport(req, reply, 'responses', (wave) =>
        responsesTable(db, wave.id, { completedOnly: req.query.completed === 'true' }),
      ),
  );

  r.get(
    '/api/v1/waves/:waveId/mail-preview',
    {
      config: { access: read },
      schema: {
        tags: ['waves'],
        summary: 'The invitation or reminder as a respondent would get it, with example values',
        params: waveParams,
        querystring: z.object({
          kind: z.enum(['invitation', 'reminder']).default('invitation'),
          lang: z.enum(['nl', 'en']).default('nl'),
        }),
        response: { 200: z.object({ subject: z.string(), text: z.string(), html: z.string() }) },
      },
    },
    async (req) =>
      previewWaveMail(
        await getWave(db, req.params.waveId),
        req.query.kind,
        req.query.lang as Lang,
        config,
        await previewMinutes(db, req.params.waveId),
      ),
  );
}
