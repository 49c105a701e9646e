/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * JSON API of questionnaires under /api/v1/questionnaires: list, create, read, versions (new draft,
 * replace a draft, publish), XLSForm download and import (XLSForm upload or JSON).
 * Questionnaires are platform-wide: reading needs questionnaire.read, changing questionnaire.manage.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { AppError, type InvalidParam, type Lang, textIn } from '../../platform/errors.js';
import { definitionSchema } from './model.js';
import {
  createDraftVersion,
  createQuestionnaire,
  getQuestionnaire,
  getVersion,
  importDefinition,
  listQuestionnaires,
  publishVersion,
  type QuestionnaireSummary,
  updateDraft,
  type Version,
  type VersionSummary,
} from './service.js';
import { exportXlsForm, importXlsForm, type XlsFormProblem } from './xlsform.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Forms are small; 10 MB leaves room for workbooks with many sheets or styles. */
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

/**
 * Parses a multipart/form-data body (already buffered) with the platform's own Fetch API, so the
 * CSRF field is in `req.body` before the central check runs. Text fields → strings, files → UploadedFile.
 */
export async function parseMultipartBody(
  body: Buffer,
  contentType: string,
): Promise<Record<string, string | UploadedFile>> {
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData();
  const out: Record<string, string | UploadedFile> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') out[name] = value;
    else
      out[name] = {
        filename: (value as File).name.replace(/^.*[\\/]/, ''),
        data: Buffer.from(await (value as File).arrayBuffer()),
      };
  }
  return out;
}

export const isUpload = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && 'data' in v && Buffer.isBuffer((v as UploadedFile).data);

/** Registers the upload content types (multipart and raw .xlsx) in the calling plugin's scope. */
export function registerUploadParsers(app: Parameters<FastifyPluginAsync>[0]) {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (req, body, done) => {
      parseMultipartBody(body as Buffer, req.headers['content-type'] ?? '').then(
        (parsed) => done(null, parsed),
        (err) =>
          done(
            new AppError('bad-request', {
              detail: {
                nl: `Het formulier is niet goed verstuurd (${(err as Error).message}). Probeer het opnieuw.`,
                en: `malformed multipart body: ${(err as Error).message}`,
              },
            }),
            undefined,
          ),
      );
    },
  );
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
    done(null, body),
  );
}

/** The questionnaire code a file name suggests (`Monitor 2026.xlsx` → `monitor_2026`). */
export const codeFromFilename = (filename: string | undefined): string | undefined => {
  const stem = (filename ?? '')
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!stem) return undefined;
  return /^[a-z]/.test(stem) ? stem.slice(0, 64) : `q_${stem}`.slice(0, 64);
};

/** XLSForm problems as problem+json invalidParams: name `survey!E4`, reason naming the column. */
export const problemParams = (problems: XlsFormProblem[]): InvalidParam[] =>
  problems
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const words = { nl: { row: 'rij', column: 'kolom' }, en: { row: 'row', column: 'column' } };
      const reason = (lang: Lang) =>
        `${p.row !== undefined ? `${words[lang].row} ${p.row}` : ''}${p.column ? `${p.row !== undefined ? ', ' : ''}${words[lang].column} ${p.column}` : ''}${p.row !== undefined || p.column ? ': ' : ''}${p.message[lang]}`;
      return {
        name: `${p.sheet}${p.cell ? `!${p.cell}` : p.row !== undefined ? `!${p.row}` : ''}`,
        code: p.code,
        reason: { nl: reason('nl'), en: reason('en') },
      };
    });

export type ImportSource =
  | { kind: 'xlsform'; filename?: string; data: Buffer }
  | { kind: 'json'; filename?: string; value: unknown };

/** Imports a file: XLSForm problems become an invalid-file AppError listing every one of them. */
export async function importSource(
  db: Parameters<typeof importDefinition>[0],
  actor: Parameters<typeof importDefinition>[1],
  src: ImportSource,
) {
  if (src.kind === 'json') {
    const r = await importDefinition(db, actor, src.value, `json${src.filename ? `:${src.filename}` : ''}`);
    return { ...r, warnings: [] as XlsFormProblem[] };
  }
  const res = await importXlsForm(src.data, { fallbackCode: codeFromFilename(src.filename) });
  if (!res.ok) {
    const params = problemParams(res.problems);
    const n = params.length;
    const first = (lang: Lang) =>
      `${params
        .slice(0, 3)
        .map((p) => `${p.name} ${textIn(p.reason, lang)}`)
        .join('; ')}${n > 3 ? '; …' : ''}`;
    throw Object.assign(
      new AppError('invalid-file', {
        detail: {
          nl: `Het XLSForm-bestand heeft ${n} ${n === 1 ? 'probleem' : 'problemen'}. Verbeter het bestand en importeer het opnieuw: ${first('nl')}`,
          en: `the XLSForm has ${n} problem${n === 1 ? '' : 's'}: ${first('en')}`,
        },
        invalidParams: params,
      }),
      { xlsformProblems: res.problems },
    );
  }
  const r = await importDefinition(
    db,
    actor,
    res.definition,
    `xlsform${src.filename ? `:${src.filename}` : ''}`,
  );
  return { ...r, warnings: res.warnings };
}

// ---------------------------------------------------------------------------------------------
// Schemas

const localText = z.object({ nl: z.string(), en: z.string().optional() });
export const questionnaireIdParams = z.object({ questionnaireId: z.uuid().describe('questionnaire id') });
export const versionParams = questionnaireIdParams.extend({
  version: z.coerce.number().int().min(1).max(1_000_000).describe('version number, 1, 2, …'),
});

const versionSummaryOut = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(['draft', 'published']),
    source: z.string().nullable(),
    itemCount: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
  })
  .meta({ id: 'QuestionnaireVersionSummary' });

const questionnaireOut = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: localText,
    latestVersion: z.number().int().nullable(),
    publishedVersion: z.number().int().nullable(),
    versionCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Questionnaire' });

const definitionOut = definitionSchema.meta({ id: 'QuestionnaireDefinition' });

const versionOut = versionSummaryOut
  .extend({ questionnaireId: z.uuid(), questionnaireCode: z.string(), definition: definitionOut })
  .meta({ id: 'QuestionnaireVersion' });

const problemOut = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  cell: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

const importOut = z
  .object({
    questionnaireId: z.uuid(),
    created: z
      .boolean()
      .describe('true when a new questionnaire was made, false for a new version of an existing one'),
    version: versionOut,
    warnings: z
      .array(problemOut)
      .describe('constructs that were ignored because they change nothing for respondents'),
    unchanged: z
      .boolean()
      .describe('true when the definition equals the latest version: no version was made (status 200)'),
    comparedWith: z.number().int().optional().describe('the version the changes are relative to'),
    changes: z
      .array(
        z.object({
          kind: z.enum(['added', 'removed', 'changed']),
          what: z.enum(['title', 'section', 'item']),
          code: z.string(),
          label: z.string(),
        }),
      )
      .describe('what differs from the latest version before this import'),
  })
  .meta({ id: 'QuestionnaireImport' });

const toSummaryOut = (v: VersionSummary): z.infer<typeof versionSummaryOut> => ({
  id: v.id,
  version: v.version,
  status: v.status,
  source: v.source,
  itemCount: v.itemCount,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdBy,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  publishedBy: v.publishedBy,
});
const toVersionOut = (v: Version): z.infer<typeof versionOut> => ({
  ...toSummaryOut(v),
  questionnaireId: v.questionnaireId,
  questionnaireCode: v.questionnaireCode,
  definition: v.definition,
});
const toQuestionnaireOut = (q: QuestionnaireSummary): z.infer<typeof questionnaireOut> => ({
  id: q.id,
  code: q.code,
  title: q.title,
  latestVersion: q.latestVersion,
  publishedVersion: q.publishedVersion,
  versionCount: q.versionCount,
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
});

const tags = ['questionnaires'];
const read = { access: { action: 'questionnaire.read' as const } };
const manage = { access: { action: 'questionnaire.manage' as const } };

function sourceOf(req: FastifyRequest): ImportSource {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = req.body as unknown;
  if (type === XLSX_TYPE && Buffer.isBuffer(body)) {
    const name = /filename="?([^";]+)"?/i.exec(String(req.headers['content-disposition'] ?? ''))?.[1];
    return { kind: 'xlsform', data: body, filename: name };
  }
  if (type === 'multipart/form-data' && body && typeof body === 'object') {
    const file = (body as Record<string, unknown>).file;
    if (!isUpload(file))
      throw new AppError('validation', {
        detail: {
          nl: "Er is geen bestand meegestuurd. Zet het bestand in het veld 'file'.",
          en: "the upload needs a file in the field 'file'",
        },
        invalidParams: [
          { name: 'file', code: 'required', reason: { nl: 'Kies een bestand.', en: 'no file' } },
        ],
      });
    return fileSource(file);
  }
  if (type === 'application/json') return { kind: 'json', value: body };
  throw new AppError('unsupported-media-type', {
    detail: {
      nl: `Stuur een XLSForm (${XLSX_TYPE}, of multipart/form-data met een 'file') of een definitie in JSON.`,
      en: `send an XLSForm (${XLSX_TYPE} or multipart/form-data with a 'file') or a JSON definition`,
    },
  });
}

/** An uploaded file: .json (or content that looks like JSON) is a definition, anything else an XLSForm. */
export function fileSource(file: UploadedFile): ImportSource {
  const isJson =
    /\.json$/i.test(file.filename) || /^\s*[{[]/.test(file.data.subarray(0, 64).toString('utf8'));
  if (!isJson) return { kind: 'xlsform', data: file.data, filename: file.filename };
  try {
    return { kind: 'json', value: JSON.parse(file.data.toString('utf8')), filename: file.filename };
  } catch (err) {
    const why = (err as Error).message;
    throw new AppError('invalid-json', {
      detail: {
        nl: `${file.filename} is geen geldige JSON (${why}). Controleer het bestand.`,
        en: `${file.filename}: ${why}`,
      },
    });
  }
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  registerUploadParsers(app);

  r.get(
    '/api/v1/questionnaires',
    {
      config: read,
      schema: {
        tags,
        summary: 'Questionnaires with their latest and published version',
        response: { 200: z.object({ items: z.array(questionnaireOut) }) },
      },
    },
    async () => ({ items: (await listQuestionnaires(db())).map(toQuestionnaireOut) }),
  );

  r.post(
    '/api/v1/questionnaires',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a questionnaire from a JSON definition (becomes draft version 1)',
        body: definitionSchema,
        response: { 201: versionOut },
      },
    },
    async (req, reply) => {
      const { questionnaireId, version } = await createQuestionnaire(
        db(),
        actorOf(req.principal!),
        req.body,
        'json',
      );
      return reply
        .code(201)
        .header('location', `/api/v1/questionnaires/${questionnaireId}/versions/${version.version}`)
        .send(toVersionOut(version));
    },
  );

  r.post(
    '/api/v1/questionnaires/import',
    {
      config: { ...manage, upload: true },
      schema: {
        tags,
        summary:
          'Import an XLSForm (.xlsx as body, or multipart/form-data field `file`) or a JSON definition: a new questionnaire, or a new draft version when the code exists. Every problem of a malformed form is listed in invalidParams (name = sheet!cell).',
        response: { 200: importOut, 201: importOut },
      },
    },
    async (req, reply) => {
      const result = await importSource(db(), actorOf(req.principal!), sourceOf(req));
      return reply.code(result.unchanged ? 200 : 201).send({
        questionnaireId: result.questionnaireId,
        created: result.created,
        version: toVersionOut(result.version),
        warnings: result.warnings.map((w) => ({ ...w, message: textIn(w.message, req.lang) })),
        unchanged: result.unchanged,
        comparedWith: result.comparedWith,
        changes: result.changes.map((c) => ({
          ...c,
          label: (req.lang === 'en' && c.label.en) || c.label.nl,
        })),
      });
    },
  );

  r.get(
    '/api/v1/questionnaires/:questionnaireId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One questionnaire and its versions',
        params: questionnaireIdParams,
        response: { 200: questionnaireOut.extend({ versions: z.array(versionSummaryOut) }) },
      },
    },
    async (req) => {
      const q = await getQuestionnaire(db(), req.params.questionnaireId);
      return { ...toQuestionnaireOut(q), versions: q.versions.map(toSummaryOut) };
    },
  );

  r.post(
    '/api/v1/questionnaires/:questionnaireId/versions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A new draft version from a JSON definition (same code; item codes keep their meaning)',
        params: questionnaireIdParams,
        body: definitionSchema,
        response: { 201: versionOut },
      },
    },
    async (req, reply) => {
      const v = await createDraftVersion(
        db(),
        actorOf(req.principal!),
        req.params.questionnaireId,
        req.body,
        'json',
      );
      return reply
        .code(201)
        .header('location', `/api/v1/questionnaires/${v.questionnaireId}/versions/${v.version}`)
        .send(toVersionOut(v));
    },
  );

  r.get(
    '/api/v1/questionnaires/:questionnaireId/versions/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One version with its definition',
        params: versionParams,
        response: { 200: versionOut },
      },
    },
    async (req) => toVersionOut(await getVersion(db(), req.params.questionnaireId, req.params.version)),
  );

  r.put(
    '/api/v1/questionnaires/:questionnaireId/versions/:version',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace the definition of a draft version (a published version is immutable: 409)',
        params: versionParams,
        body: definitionSchema,
        response: { 200: versionOut },
      },
    },
    async (req) =>
      toVersionOut(
        await updateDraft(
          db(),
          actorOf(req.principal!),
          req.params.questionnaireId,
          req.params.version,
          req.body,
        ),
      ),
  );

  r.get(
    '/api/v1/questionnaires/:questionnaireId/versions/:version/definition',
    {
      config: read,
      schema: {
        tags,
        summary: 'The bare definition of a version, as a JSON file that can be imported again',
        params: versionParams,
        response: { 200: definitionOut },
      },
    },
    async (req, reply) => {
      const v = await getVersion(db(), req.params.questionnaireId, req.params.version);
      return reply
        .header('content-disposition', `attachment; filename="${v.questionnaireCode}-v${v.version}.json"`)
        .send(v.definition);
    },
  );

  r.post(
    '/api/v1/questionnaires/:questionnaireId/versions/:version/publish',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Publish a draft version: it becomes immutable and its item codes are registered',
        params: versionParams,
        response: { 200: versionOut },
      },
    },
    async (req) =>
      toVersionOut(
        await publishVersion(db(), actorOf(req.principal!), req.params.questionnaireId, req.params.version),
      ),
  );

  r.get(
    '/api/v1/questionnaires/:questionnaireId/versions/:version/xlsform',
    {
      config: read,
      schema: {
        tags,
        summary: 'The version as an XLSForm (.xlsx) that imports back to the same definition',
        params: versionParams,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const v = await getVersion(db(), req.params.questionnaireId, req.params.version);
      const xlsx = await exportXlsForm(v.definition);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${v.questionnaireCode}-v${v.version}.xlsx"`)
        .send(xlsx);
    },
  );
};
export default routes;
