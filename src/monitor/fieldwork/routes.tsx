/**
 * Fieldwork routes: the wave pages (/waves…), the API (/api/v1/waves…) and the respondent's opt-out
 * page (/r/:token/afmelden). Access per route: wave.read, wave.manage, wave.monitor,
 * responses.export (platform roles: no organisation).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import { AppError, type Lang } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import { enqueue } from '../../platform/jobs/jobs.js';
import { extraNav } from '../../platform/ui/layout.js';
import { sendPage } from '../../platform/ui/render.js';
import { type ExportFormat, nonRespondentsTable, responsesTable, type Table, tableFile } from './exports.js';
import {
  clearFrame,
  type FrameImportReport,
  frameCounts,
  importFrame,
  listFrameImports,
} from './frame-service.js';
import {
  countPendingInvitations,
  countUncompletedInvitations,
  findInvitationByToken,
  inviteAll,
  optOut,
  previewWaveMail,
  sendReminders,
} from './invitations.js';
import { inviteJob, remindJob } from './jobs.js';
import { anonymityLevels, targetGroups, type Wave, type WaveMailTemplates } from './model.js';
import { responseRates } from './monitoring.js';
import { boundaryOf, isUpload, type MultipartBody, parseMultipart } from './multipart.js';
import { publishedVersions } from './questionnaire-link.js';
import { undeliveredList } from './undelivered.js';
import {
  framePage,
  mailPage,
  monitoringPage,
  optOutPage,
  type WaveFormValues,
  waveNewPage,
  waveOverviewPage,
  wavesListPage,
} from './views.js';
import {
  assertState,
  createWave,
  getWave,
  listWaves,
  setWaveQuestionnaire,
  templatesOf,
  transitionWave,
  updateWave,
  waveQuestionnairesOf,
} from './waves-service.js';

/** Frames of 100,000 persons as CSV are ~10 MB. */
const FRAME_BODY_LIMIT = 64 * 1024 * 1024;
/** Up to this many pending invitations are created in the request; more go to a background job. */
const INLINE_INVITATIONS = 1000;

let navAdded = false;
function addNav() {
  if (navAdded) return;
  navAdded = true;
  extraNav.push((ctx) =>
    ctx.principal && can(ctx.principal, 'wave.monitor')
      ? { href: '/waves', label: ctx.t('nav.waves') }
      : undefined,
  );
}

const waveParams = z.object({ waveId: z.string().max(100) });
const formatQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  lang: z.enum(['nl', 'en']).optional(),
});

const waveSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed', 'archived']),
    anonymity: z.enum(anonymityLevels),
    fieldworkStart: z.string().nullable(),
    fieldworkEnd: z.string().nullable(),
    reminderDays: z.array(z.number().int()),
    mailTemplates: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Wave' });

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const waveOut = (w: Wave) => ({
  ...w,
  status: w.status as 'draft',
  anonymity: w.anonymity as 'anonymous',
  mailTemplates: templatesOf(w),
  createdAt: iso(w.createdAt)!,
  updatedAt: iso(w.updatedAt)!,
  openedAt: iso(w.openedAt),
  closedAt: iso(w.closedAt),
});

const mailTextSchema = z.object({ subject: z.string(), body: z.string() });
const templatesBody = z.object({
  invitation: z.object({ nl: mailTextSchema, en: mailTextSchema }),
  reminder: z.object({ nl: mailTextSchema, en: mailTextSchema }),
});
const waveCreateBody = z
  .object({
    code: z.string(),
    name: z.string(),
    anonymity: z.enum(anonymityLevels).optional(),
    fieldworkStart: z.string().nullish(),
    fieldworkEnd: z.string().nullish(),
    reminderDays: z.array(z.number().int()).optional(),
    mailTemplates: templatesBody.optional(),
  })
  .strict();
const waveUpdateBody = waveCreateBody.omit({ code: true }).partial().strict();

const problemSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  position: z.number().int(),
  code: z.string(),
  value: z.string(),
  message: z.string(),
});
const importReportSchema = z
  .object({
    fileName: z.string(),
    mode: z.enum(['all', 'valid']),
    targetGroup: z.enum(targetGroups),
    rowsRead: z.number().int(),
    rowsImported: z.number().int(),
    rowsRejected: z.number().int(),
    problems: z.array(problemSchema),
    written: z.boolean(),
    importId: z.string().nullable(),
  })
  .meta({ id: 'FrameImportReport' });

const rateRow = z.object({
  stratum: z.record(z.string(), z.string().nullable()),
  label: z.string(),
  frame: z.number().int(),
  optedOut: z.number().int(),
  invited: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  responseRate: z.number().nullable(),
  remindersSent: z.number().int(),
});

/** Empty form fields arrive as ''. */
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const orNull = (v: unknown) => (str(v).trim() === '' ? null : str(v).trim());

function parseDays(v: unknown): number[] | undefined {
  const s = str(v).trim();
  if (s === '') return [];
  const parts = s.split(/[\s,;]+/).filter(Boolean);
  const nums = parts.map((p) => Number(p));
  if (nums.some((n) => !Number.isInteger(n) || n < 1 || n > 365)) return undefined;
  return nums;
}

/** A service's validation/conflict error → messages next to the form's fields. Others are rethrown. */
function formErrors(
  req: { t: (k: MessageKey, p?: Record<string, string | number>) => string; lang: Lang },
  err: unknown,
  fieldOf: (name: string) => string,
) {
  if (
    !(err instanceof AppError) ||
    !['validation', 'conflict'].includes(err.code) ||
    !err.invalidParams.length
  )
    throw err;
  return err.invalidParamsIn(req.lang).map((p) => {
    const key = `wave.error.${p.code}` as MessageKey;
    const m = req.t(key);
    return { field: fieldOf(p.name), message: m === key ? p.reason : m };
  });
}

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

const mailFieldOf = (name: string) => {
  const m = /^mailTemplates\.(invitation|reminder)\.(nl|en)\.(subject|body)$/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : name;
};
const waveFieldOf = (name: string) =>
  name.startsWith('reminderDays') ? 'reminderDays' : name.split('.')[0]!;

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

const routes: FastifyPluginAsync = async (app) => {
  addNav();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const db = database.db;

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

  const read = { action: 'wave.read' as const };
  const manage = { action: 'wave.manage' as const };
  const monitor = { action: 'wave.monitor' as const };
  const exportAccess = { action: 'responses.export' as const };
  const actor = (req: FastifyRequest) => actorOf(req.principal!);
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

  // ---------------- API ----------------

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
        response: { 201: importReportSchema, 422: importReportSchema },
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
      return reply.code(report.written ? 201 : 422).send(localisedReport(req, report));
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
      },
    },
    async (req) => {
      const wave = await getWave(db, req.params.waveId);
      return { counts: await frameCounts(db, wave.id), imports: await listFrameImports(db, wave.id) };
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

  const startInvitations = async (waveId: string, req: FastifyRequest) => {
    const wave = await getWave(db, waveId);
    assertState(wave, 'sending invitations', ['open']);
    const pending = await countPendingInvitations(db, waveId);
    if (pending > INLINE_INVITATIONS) {
      const job = await enqueue(db, inviteJob, { waveId, actor: actor(req) });
      return { queued: 0, pending, jobId: job.jobId };
    }
    const res = await inviteAll(
      db,
      config,
      waveId,
      actor(req),
      undefined,
      500,
      database.kind === 'postgres' ? 4 : 1,
    );
    return { queued: res.queued, pending: 0, jobId: null };
  };

  const startReminders = async (waveId: string, req: FastifyRequest) => {
    const wave = await getWave(db, waveId);
    if (wave.status === 'open' && (await countUncompletedInvitations(db, wave.id)) > INLINE_INVITATIONS) {
      const job = await enqueue(db, remindJob, { waveId, actor: actor(req) });
      return { queued: 0, jobId: job.jobId };
    }
    const res = await sendReminders(db, config, waveId, actor(req), { mode: 'now' });
    return { queued: res.queued, jobId: null };
  };

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
        response: { 202: z.object({ queued: z.number().int(), jobId: z.string().nullable() }) },
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
      },
    },
    async (req, reply) =>
      sendExport(req, reply, 'non-respondents', (wave) => nonRespondentsTable(db, wave.id)),
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
      previewWaveMail(await getWave(db, req.params.waveId), req.query.kind, req.query.lang as Lang, config),
  );

  // ---------------- pages ----------------

  const pageQuery = z
    .object({ lang: z.enum(['nl', 'en']).optional(), notice: z.string().max(40).optional() })
    .loose();
  const noticeText = (req: FastifyRequest, notice: string | undefined, count?: string) => {
    if (!notice || !/^[a-zA-Z]+$/.test(notice)) return undefined;
    const key = `wave.notice.${notice}` as MessageKey;
    const text = req.t(key, { count: Number(count ?? 0) });
    return text === key ? undefined : text;
  };

  r.get('/waves', { config: { access: monitor }, schema: { querystring: pageQuery } }, async (req, reply) =>
    sendPage(reply, wavesListPage(req.page(reply), await listWaves(db))),
  );

  r.get(
    '/waves/new',
    { config: { access: manage }, schema: { querystring: pageQuery } },
    async (req, reply) => sendPage(reply, waveNewPage(req.page(reply))),
  );

  const waveForm = (body: Record<string, unknown>) => {
    const values: WaveFormValues = {
      code: str(body.code),
      name: str(body.name),
      anonymity: str(body.anonymity) || undefined,
      fieldworkStart: str(body.fieldworkStart),
      fieldworkEnd: str(body.fieldworkEnd),
      reminderDays: str(body.reminderDays),
    };
    return values;
  };

  /** The reminder days typed in the form ("7, 14"), or a validation error on that field. */
  const reminderDaysOf = (values: WaveFormValues): number[] => {
    const days = parseDays(values.reminderDays);
    if (!days)
      throw new AppError('validation', {
        invalidParams: [
          {
            name: 'reminderDays',
            code: 'invalid',
            reason: {
              nl: 'Vul hele dagen in, gescheiden door komma’s, bijvoorbeeld 7, 14.',
              en: 'enter whole days separated by commas, e.g. 7, 14',
            },
          },
        ],
      });
    return days;
  };

  r.post(
    '/waves',
    { config: { access: manage }, schema: { body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const values = waveForm(req.body);
      try {
        const days = reminderDaysOf(values);
        const wave = await createWave(
          db,
          {
            code: values.code ?? '',
            name: values.name ?? '',
            anonymity: (values.anonymity as 'anonymous') ?? 'anonymous',
            fieldworkStart: orNull(values.fieldworkStart),
            fieldworkEnd: orNull(values.fieldworkEnd),
            reminderDays: days,
          },
          actor(req),
        );
        return reply.redirect(`/waves/${wave.id}?notice=created`, 303);
      } catch (err) {
        const errors = formErrors(req, err, waveFieldOf);
        return sendPage(reply, waveNewPage(req.page(reply), values, errors), 400);
      }
    },
  );

  const overview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    waveId: string,
    extra: {
      notice?: string;
      errors?: Array<{ field: string; message: string }>;
      values?: WaveFormValues;
    } = {},
    status = 200,
  ) => {
    const wave = await getWave(db, waveId);
    return sendPage(
      reply,
      waveOverviewPage(req.page(reply), {
        wave,
        questionnaires: await waveQuestionnairesOf(db, wave.id),
        versions: await publishedVersions(db),
        counts: await frameCounts(db, wave.id),
        pending: wave.status === 'open' ? await countPendingInvitations(db, wave.id) : 0,
        ...extra,
      }),
      status,
    );
  };

  r.get(
    '/waves/:waveId',
    {
      config: { access: read },
      schema: { params: waveParams, querystring: pageQuery.extend({ count: z.string().max(12).optional() }) },
    },
    async (req, reply) =>
      overview(req, reply, req.params.waveId, { notice: noticeText(req, req.query.notice, req.query.count) }),
  );

  r.post(
    '/waves/:waveId',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const values = waveForm(req.body);
      try {
        const days = reminderDaysOf(values);
        const wave = await getWave(db, req.params.waveId);
        await updateWave(
          db,
          wave.id,
          {
            name: values.name ?? '',
            ...(values.anonymity && wave.status === 'draft'
              ? { anonymity: values.anonymity as 'anonymous' }
              : {}),
            fieldworkStart: orNull(values.fieldworkStart),
            fieldworkEnd: orNull(values.fieldworkEnd),
            reminderDays: days,
          },
          actor(req),
        );
        return reply.redirect(`/waves/${wave.id}?notice=saved`, 303);
      } catch (err) {
        const errors = formErrors(req, err, waveFieldOf);
        return overview(req, reply, req.params.waveId, { errors, values }, 400);
      }
    },
  );

  r.post(
    '/waves/:waveId/questionnaires',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      try {
        await setWaveQuestionnaire(
          db,
          req.params.waveId,
          str(req.body.targetGroup),
          orNull(req.body.questionnaireVersionId),
          actor(req),
        );
        return reply.redirect(`/waves/${req.params.waveId}?notice=questionnaire`, 303);
      } catch (err) {
        const errors = formErrors(req, err, (n) => (n === 'anonymity' ? 'questionnaireVersionId' : n));
        return overview(req, reply, req.params.waveId, { errors }, 400);
      }
    },
  );

  /**
   * A button on the wave overview: run it, then back to the overview with a notice; a conflict
   * (e.g. the wave is not open) is shown on the overview next to the actions.
   */
  const waveAction = async (
    req: FastifyRequest<{ Params: { waveId: string } }>,
    reply: FastifyReply,
    run: () => Promise<string>,
  ) => {
    try {
      const notice = await run();
      return reply.redirect(`/waves/${req.params.waveId}?notice=${notice}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
      return overview(
        req,
        reply,
        req.params.waveId,
        { errors: [{ field: 'actions-title', message: err.detailIn(req.lang) ?? err.title(req.lang) }] },
        409,
      );
    }
  };

  for (const transition of ['open', 'close', 'reopen', 'archive'] as const) {
    r.post(
      `/waves/:waveId/${transition}`,
      { config: { access: manage }, schema: { params: waveParams } },
      (req, reply) =>
        waveAction(req, reply, async () => {
          await transitionWave(db, req.params.waveId, transition, actor(req));
          return transition;
        }),
    );
  }

  r.post(
    '/waves/:waveId/invitations',
    { config: { access: manage }, schema: { params: waveParams } },
    (req, reply) =>
      waveAction(req, reply, async () => {
        const res = await startInvitations(req.params.waveId, req);
        return `${res.jobId ? 'invitedJob' : 'invited'}&count=${res.queued}`;
      }),
  );

  r.post(
    '/waves/:waveId/reminders',
    { config: { access: manage }, schema: { params: waveParams } },
    (req, reply) =>
      waveAction(req, reply, async () => {
        const res = await startReminders(req.params.waveId, req);
        return `${res.jobId ? 'remindedJob' : 'reminded'}&count=${res.queued}`;
      }),
  );

  const frameView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    waveId: string,
    extra: Partial<Parameters<typeof framePage>[1]> = {},
    status = 200,
  ) => {
    const wave = await getWave(db, waveId);
    return sendPage(
      reply,
      framePage(req.page(reply), {
        wave,
        counts: await frameCounts(db, wave.id),
        imports: await listFrameImports(db, wave.id),
        ...extra,
      }),
      status,
    );
  };

  /** The frame page with a message at the file field. */
  const frameError = (
    req: FastifyRequest<{ Params: { waveId: string } }>,
    reply: FastifyReply,
    message: string,
    status: number,
  ) => frameView(req, reply, req.params.waveId, { errors: [{ field: 'file', message }] }, status);

  r.get(
    '/waves/:waveId/frame',
    { config: { access: read }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) => frameView(req, reply, req.params.waveId),
  );

  r.post(
    '/waves/:waveId/frame',
    { config: { access: manage, upload: true }, bodyLimit: FRAME_BODY_LIMIT, schema: { params: waveParams } },
    async (req, reply) => {
      const body = (req.body ?? {}) as MultipartBody;
      const file = body.file;
      if (!isUpload(file) || file.data.length === 0) {
        return frameError(req, reply, req.t('wave.error.noFile'), 400);
      }
      try {
        const report = await importFrame(
          db,
          req.params.waveId,
          {
            fileName: file.filename || 'frame.csv',
            data: file.data,
            targetGroup: typeof body.targetGroup === 'string' ? body.targetGroup : 'office_holders',
            mode: body.mode === 'valid' ? 'valid' : 'all',
          },
          actor(req),
        );
        return frameView(req, reply, req.params.waveId, { report }, report.written ? 200 : 422);
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid-file') {
          const where = err.location
            ? `${err.location.file}:${err.location.line ?? ''}${err.location.column ? `:${err.location.column}` : ''}: `
            : '';
          return frameError(req, reply, `${where}${err.detailIn(req.lang) ?? err.title(req.lang)}`, 400);
        }
        if (err instanceof AppError && err.code === 'conflict') {
          return frameError(req, reply, err.detailIn(req.lang) ?? err.title(req.lang), 409);
        }
        throw err;
      }
    },
  );

  r.post(
    '/waves/:waveId/frame/clear',
    { config: { access: manage }, schema: { params: waveParams } },
    async (req, reply) => {
      try {
        await clearFrame(db, req.params.waveId, actor(req));
        return reply.redirect(`/waves/${req.params.waveId}/frame`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        return frameError(req, reply, err.detailIn(req.lang) ?? err.title(req.lang), 409);
      }
    },
  );

  const mailView = async (
    req: FastifyRequest,
    reply: FastifyReply,
    wave: Wave,
    extra: {
      templates?: WaveMailTemplates;
      errors?: Array<{ field: string; message: string }>;
      notice?: string;
    } = {},
    status = 200,
  ) => {
    const kinds = ['invitation', 'reminder'] as const;
    const previews = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        Object.fromEntries(
          (['nl', 'en'] as const).map((lang) => [lang, previewWaveMail(wave, kind, lang, config)]),
        ),
      ]),
    ) as any;
    return sendPage(
      reply,
      mailPage(req.page(reply), {
        wave,
        templates: extra.templates ?? templatesOf(wave),
        previews,
        errors: extra.errors,
        notice: extra.notice,
      }),
      status,
    );
  };

  r.get(
    '/waves/:waveId/mail',
    { config: { access: read }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) =>
      mailView(req, reply, await getWave(db, req.params.waveId), {
        notice: noticeText(req, req.query.notice),
      }),
  );

  r.post(
    '/waves/:waveId/mail',
    { config: { access: manage }, schema: { params: waveParams, body: z.record(z.string(), z.unknown()) } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const b = req.body;
      const part = (kind: string, lang: string) => ({
        subject: str(b[`${kind}-${lang}-subject`]),
        body: str(b[`${kind}-${lang}-body`]).replace(/\r\n/g, '\n'),
      });
      const templates: WaveMailTemplates = {
        invitation: { nl: part('invitation', 'nl'), en: part('invitation', 'en') },
        reminder: { nl: part('reminder', 'nl'), en: part('reminder', 'en') },
      };
      try {
        await updateWave(db, wave.id, { mailTemplates: templates }, actor(req));
        return reply.redirect(`/waves/${wave.id}/mail?notice=mailSaved`, 303);
      } catch (err) {
        const errors = formErrors(req, err, mailFieldOf);
        return mailView(req, reply, wave, { templates, errors }, 400);
      }
    },
  );

  r.get(
    '/waves/:waveId/monitoring',
    { config: { access: monitor }, schema: { params: waveParams, querystring: pageQuery } },
    async (req, reply) => {
      const wave = await getWave(db, req.params.waveId);
      const ctx = req.page(reply);
      // Names and addresses: for those who may export the non-respondents too.
      const undelivered =
        ctx.principal && can(ctx.principal, 'wave.manage') ? await undeliveredList(db, wave.id) : undefined;
      return sendPage(reply, monitoringPage(ctx, wave, await responseRates(db, wave.id), undelivered));
    },
  );

  // ---------------- respondent: opt-out ----------------

  const tokenParams = z.object({ token: z.string().max(200) });
  r.get(
    '/r/:token/afmelden',
    {
      config: {
        access: { public: 'a respondent opts out with the link from their mail; the token is the secret' },
      },
      schema: { params: tokenParams, querystring: pageQuery },
    },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const found = await findInvitationByToken(db, req.params.token);
      if (!found) return sendPage(reply, optOutPage(req.page(reply), { token: '', state: 'unknown' }), 404);
      return sendPage(
        reply,
        optOutPage(req.page(reply), {
          token: req.params.token,
          state: found.framePerson.optedOutAt ? 'done' : 'confirm',
          waveName: found.wave.name,
        }),
      );
    },
  );

  r.post(
    '/r/:token/afmelden',
    {
      config: {
        access: { public: 'a respondent opts out with the link from their mail; the token is the secret' },
      },
      schema: { params: tokenParams },
    },
    async (req, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const ok = await optOut(db, req.params.token);
      return sendPage(
        reply,
        optOutPage(req.page(reply), { token: '', state: ok ? 'done' : 'unknown' }),
        ok ? 200 : 404,
      );
    },
  );
};

export default routes;
