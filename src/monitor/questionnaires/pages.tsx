/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Questionnaire pages: /questionnaires (list), /questionnaires/import (upload an XLSForm or JSON and
 * see every problem), /questionnaires/:questionnaireId (versions, publish, downloads) and the
 * preview /questionnaires/:questionnaireId/versions/:version/preview?section=N, which shows the
 * questionnaire one section per page, as a respondent sees it, without JavaScript and without saving.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { AppError, textIn } from '../../platform/errors.js';
import { sendPage } from '../../platform/ui/render.js';
import {
  fieldsOf,
  firstSection,
  nextSection,
  readSectionAnswers,
  relevanceOf,
  validateSection,
} from './engine.js';
import type { AnswerValue } from './model.js';
import {
  fileSource,
  importSource,
  isUpload,
  questionnaireIdParams,
  registerUploadParsers,
  versionParams,
} from './routes.js';
import {
  changesSincePublished,
  getQuestionnaire,
  getVersion,
  listQuestionnaires,
  publishVersion,
} from './service.js';
import { contextValues } from './templates/context.js';
import { detailPage, importPage, listPage, previewPage } from './views/pages.js';
import { fieldErrorMessages } from './views/render-item.js';
import type { XlsFormProblem } from './xlsform.js';

const read = { access: { action: 'questionnaire.read' as const } };
const manage = { access: { action: 'questionnaire.manage' as const } };
/** The layer and role a preview shows the questionnaire for, from `_layer` and `_role`. */
function previewAs(query: Record<string, unknown>): { layer?: string; role?: string } {
  const word = (v: unknown) => (typeof v === 'string' && /^[a-z_]{1,40}$/.test(v) ? v : undefined);
  const layer = word(query._layer);
  const role = word(query._role);
  return { ...(layer && { layer }), ...(role && { role }) };
}

const upload = { ...manage, upload: true as const };
const langQuery = z.object({ lang: z.enum(['nl', 'en']).optional() });

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  registerUploadParsers(app);

  r.get('/questionnaires', { config: read, schema: { querystring: langQuery } }, async (req, reply) =>
    sendPage(reply, listPage(req.page(reply), await listQuestionnaires(db()))),
  );

  r.get(
    '/questionnaires/import',
    { config: manage, schema: { querystring: langQuery } },
    async (req, reply) => sendPage(reply, importPage(req.page(reply))),
  );

  r.post('/questionnaires/import', { config: upload, bodyLimit: 10 * 1024 * 1024 }, async (req, reply) => {
    const ctx = req.page(reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const file = body.file;
    if (!isUpload(file) || file.data.length === 0)
      return sendPage(reply, importPage(ctx, { error: req.t('q.import.noFile') }), 400);
    try {
      const result = await importSource(db(), actorOf(req.principal!), fileSource(file));
      return sendPage(
        reply,
        importPage(ctx, {
          done: {
            questionnaireId: result.questionnaireId,
            code: result.version.questionnaireCode,
            version: result.version.version,
            warnings: result.warnings,
            unchanged: result.unchanged,
            changes: result.changes,
            comparedWith: result.comparedWith,
          },
        }),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const xls = (err as AppError & { xlsformProblems?: XlsFormProblem[] }).xlsformProblems;
      const problems: XlsFormProblem[] =
        xls ??
        (err.localised.invalidParams.length
          ? err.localised.invalidParams.map((p) => ({
              severity: 'error' as const,
              sheet: file.filename,
              column: p.name,
              code: p.code,
              message: { nl: textIn(p.reason, 'nl'), en: textIn(p.reason, 'en') },
            }))
          : [
              {
                severity: 'error' as const,
                sheet: file.filename,
                code: err.code,
                message: {
                  nl: err.detailIn('nl') ?? err.title('nl'),
                  en: err.detailIn('en') ?? err.title('en'),
                },
              },
            ]);
      return sendPage(reply, importPage(ctx, { problems }), err.status === 409 ? 409 : 422);
    }
  });

  r.get(
    '/questionnaires/:questionnaireId',
    {
      config: read,
      schema: {
        params: questionnaireIdParams,
        querystring: langQuery.extend({ published: z.coerce.number().int().optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      const q = await getQuestionnaire(db(), req.params.questionnaireId);
      const notice =
        req.query.published !== undefined
          ? req.t('q.done.published', { version: req.query.published })
          : undefined;
      const draft = q.versions.filter((v) => v.status === 'draft').sort((a, b) => b.version - a.version)[0];
      const diff = draft
        ? await changesSincePublished(db(), q.id, await getVersion(db(), q.id, draft.version))
        : undefined;
      return sendPage(
        reply,
        detailPage(
          req.page(reply),
          q,
          notice,
          diff && draft ? { version: draft.version, ...diff } : undefined,
        ),
      );
    },
  );

  r.post(
    '/questionnaires/:questionnaireId/versions/:version/publish',
    { config: manage, schema: { params: versionParams } },
    async (req, reply) => {
      const { questionnaireId, version } = req.params;
      await publishVersion(db(), actorOf(req.principal!), questionnaireId, version);
      return reply.redirect(`/questionnaires/${questionnaireId}?published=${version}`, 303);
    },
  );

  r.get(
    '/questionnaires/:questionnaireId/versions/:version/preview',
    { config: read, schema: { params: versionParams } },
    async (req, reply) => {
      const v = await getVersion(db(), req.params.questionnaireId, req.params.version);
      const def = v.definition;
      const query = (req.query ?? {}) as Record<string, unknown>;
      // Every answer so far, from the visible fields and the hidden ones carried along.
      const answers: Record<string, AnswerValue> = {};
      for (const s of def.sections) Object.assign(answers, readSectionAnswers(s, query));
      const context: Record<string, string> = {};
      for (const c of def.context ?? []) if (c.example !== undefined) context[c.name] = c.example;
      // `_layer` / `_role`: preview as a respondent of that layer and role (the fills answering uses).
      const as = previewAs(query);
      const declared = new Set((def.context ?? []).map((c) => c.name));
      for (const [k, v] of Object.entries(contextValues(as))) if (declared.has(k)) context[k] = v;

      const total = def.sections.length;
      const requested = Number.parseInt(String(query.section ?? ''), 10);
      let current =
        Number.isInteger(requested) && requested >= 0 && requested <= total ? requested : undefined;
      let errors = new Map<string, string>();
      if (current !== undefined && current < total && query.go === 'next') {
        const found = validateSection(def, current, answers, context);
        if (found.length) errors = fieldErrorMessages(found, req.lang, req.t);
        else current = nextSection(def, answers, current, 1, context) ?? total;
      } else if (current !== undefined && query.go === 'previous') {
        current = nextSection(def, answers, Math.min(current, total), -1, context) ?? current;
      }
      current ??= firstSection(def, answers, context);
      const section = def.sections[current];
      const relevance = relevanceOf(def, answers, context);
      return sendPage(
        reply,
        previewPage(
          req.page(reply),
          {
            questionnaireId: v.questionnaireId,
            version: v.version,
            definition: def,
            section: current,
            relevance,
            answers,
            errors,
            context,
            as,
            hasPrevious: nextSection(def, answers, current, -1, context) !== undefined,
            hasNext: nextSection(def, answers, current, 1, context) !== undefined,
          },
          section ? fieldsOf(section) : [],
        ),
        errors.size ? 400 : 200,
      );
    },
  );
};
export default routes;
