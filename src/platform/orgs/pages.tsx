/**
 * The organisation pages: list with search and filters, detail with merger history, and for admins
 * the forms to add, edit, merge and import. Server-rendered; every form works without JavaScript.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/actor.js';
import type { FieldErrors } from '../auth/views/fields.js';
import type { Database, DbOrTx } from '../db/database.js';
import { AppError, type Lang, type ProblemParam } from '../errors.js';
import { catalogue, type MessageKey, type Translate } from '../i18n/catalogue.js';
import { sendPage } from '../ui/render.js';
import { type ImportProblem, importOrganisations, problemText } from './import.js';
import type { Organisation } from './model.js';
import { organisationListQuery } from './routes.js';
import {
  createOrganisation,
  getOrganisation,
  listMergers,
  listOrganisations,
  mergeOrganisations,
  organisationsByCodes,
  updateOrganisation,
} from './service.js';
import type { ProvinceNames } from './views/common.js';
import { detailPage, mergersPage } from './views/detail-page.js';
import { type FormValues, importPage, mergeFormPage, organisationFormPage } from './views/form-pages.js';
import { listPage } from './views/list-page.js';

const orgOf = (req: FastifyRequest) => (req.params as { orgId?: string }).orgId;
const pageQuery = organisationListQuery.extend({ lang: z.enum(['nl', 'en']).optional() });
const noticeQuery = z.object({
  lang: z.enum(['nl', 'en']).optional(),
  done: z.enum(['created', 'saved', 'merged']).optional().catch(undefined),
});

async function provinceNames(db: Database | DbOrTx): Promise<ProvinceNames> {
  const page = await listOrganisations(db, { layer: 'provincie', pageSize: 100 });
  return new Map(page.items.map((p) => [p.code, p.name]));
}

/** Form bodies: strings (or arrays for repeated names); anything else reads as empty. */
function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      const s = Array.isArray(v) ? v.find((x) => typeof x === 'string') : v;
      if (typeof s === 'string') out[k] = s;
    }
  }
  return out;
}

const emptyToNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
/** A whole number, or the text itself so that validation reports it. */
const numberOrText = (s: string | undefined) => {
  const v = emptyToNull(s);
  if (v === null) return null;
  const compact = v.replace(/[.\s_]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : v;
};

/** Service validation problems → messages next to the form's fields. Other errors are rethrown. */
function fieldErrors(
  { t, lang }: { t: Translate; lang: Lang },
  err: unknown,
  fieldOf: (p: ProblemParam) => string | undefined,
  sourceCodes: string[] = [],
): FieldErrors {
  if (!(err instanceof AppError) || !['validation', 'conflict'].includes(err.code)) throw err;
  const params = err.localised.invalidParams.length
    ? err.invalidParamsIn(lang)
    : [{ name: 'form', code: err.code, reason: err.detailIn(lang) ?? '' }];
  const seen = new Set<string>();
  const out: FieldErrors = [];
  for (const p of params) {
    const field = fieldOf(p) ?? p.name.split('.')[0]!;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: messageFor(t, field, p, sourceCodes) });
  }
  return out;
}

function messageFor(t: Translate, field: string, p: ProblemParam, sourceCodes: string[]): string {
  if (p.code === 'conflict') return t('orgs.error.conflict');
  if (field === 'code') return p.code === 'duplicate' ? t('orgs.error.codeTaken') : t('orgs.error.code');
  if (field === 'sources') {
    const m = /^sources\.(\d+)\.code$/.exec(p.name);
    const code = m ? sourceCodes[Number(m[1])] : undefined;
    const key = `orgs.error.source.${p.code}`;
    if (code && key in catalogue.nl) return t(key as MessageKey, { code });
    if (p.name === 'sources') return t('orgs.error.sourcesMissing');
    return t('orgs.error.sources', { detail: p.reason });
  }
  if (field === 'effectiveDate' || field.endsWith('Date') || field === 'validFrom')
    return t('orgs.error.date');
  if (field === 'successorCode') return t('orgs.error.successor', { detail: p.reason });
  if (field === 'provinceCode') return t('orgs.error.province');
  const keys: Record<string, MessageKey> = {
    name: 'orgs.error.name',
    layer: 'orgs.error.layer',
    inhabitants: 'orgs.error.inhabitants',
    type: 'orgs.error.type',
  };
  return keys[field] ? t(keys[field]) : p.code === 'conflict' ? t('orgs.error.conflict') : p.reason;
}

const valuesOf = (o: Organisation): FormValues => ({
  code: o.code,
  name: o.name,
  layer: o.layer,
  provinceCode: o.provinceCode ?? '',
  inhabitants: o.inhabitants === null ? '' : String(o.inhabitants),
  inhabitantsDate: o.inhabitantsDate ?? '',
  validFrom: o.validFrom ?? '',
});

/** An uploaded file in a multipart form body. */
interface Upload {
  filename: string;
  content: string;
}

/**
 * multipart/form-data (the import page's file upload), parsed with the platform's own FormData during
 * body parsing, so `_csrf` is in the body when the central CSRF check runs. Only for this plugin's routes.
 */
async function parseMultipart(req: FastifyRequest, body: Buffer): Promise<Record<string, string | Upload>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
  } catch {
    throw new AppError('bad-request', {
      detail: {
        nl: 'Het formulier met het bestand kon niet worden gelezen (multipart/form-data).',
        en: 'malformed multipart/form-data body',
      },
    });
  }
  const out: Record<string, string | Upload> = {};
  for (const [name, value] of form) {
    if (name in out) continue;
    out[name] = typeof value === 'string' ? value : { filename: value.name, content: await value.text() };
  }
  return out;
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer' },
    async (req: FastifyRequest, body: Buffer) => parseMultipart(req, body),
  );
  const seeOther = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  r.get(
    '/organisations',
    { config: { access: { action: 'organisation.list' } }, schema: { querystring: pageQuery } },
    async (req, reply) => {
      const { lang: _lang, ...filter } = req.query;
      const [result, provinces] = await Promise.all([
        listOrganisations(app.deps.database, filter),
        provinceNames(app.deps.database),
      ]);
      return sendPage(reply, listPage(req.page(reply), filter, result, provinces));
    },
  );

  // Static paths before /organisations/:orgId (the router prefers them anyway).
  r.get('/organisations/new', { config: { access: { action: 'organisation.create' } } }, async (req, reply) =>
    sendPage(
      reply,
      organisationFormPage(
        req.page(reply),
        { layer: 'gemeente' },
        [],
        await provinceNames(app.deps.database),
      ),
    ),
  );

  r.post(
    '/organisations/new',
    { config: { access: { action: 'organisation.create' } } },
    async (req, reply) => {
      const v = formValues(req.body);
      try {
        const org = await createOrganisation(
          db(),
          {
            code: v.code ?? '',
            name: v.name ?? '',
            layer: (v.layer ?? '') as any,
            provinceCode: emptyToNull(v.provinceCode),
            inhabitants: numberOrText(v.inhabitants) as any,
            inhabitantsDate: emptyToNull(v.inhabitantsDate),
            validFrom: emptyToNull(v.validFrom),
          },
          actorOf(req.principal!),
        );
        return seeOther(reply, `/organisations/${org.id}?done=created`);
      } catch (err) {
        const errors = fieldErrors(req, err, (p) => (p.name === 'form' ? 'code' : undefined));
        return sendPage(
          reply,
          organisationFormPage(req.page(reply), v, errors, await provinceNames(app.deps.database)),
          400,
        );
      }
    },
  );

  r.get(
    '/organisations/mergers',
    {
      config: { access: { action: 'organisation.list' } },
      schema: {
        querystring: z.object({
          lang: z.enum(['nl', 'en']).optional(),
          page: z.coerce.number().int().min(1).max(100_000).default(1),
        }),
      },
    },
    async (req, reply) => {
      const result = await listMergers(db(), { page: req.query.page, pageSize: 50 });
      const codes = [
        ...new Set(result.items.flatMap((m) => [m.successorCode, ...m.sources.map((s) => s.code)])),
      ];
      const idByCode = new Map((await organisationsByCodes(db(), codes)).map((o) => [o.code, o.id]));
      const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
      return sendPage(
        reply,
        mergersPage(req.page(reply), result.items, idByCode, { page: result.page, pages }),
      );
    },
  );

  r.get(
    '/organisations/import',
    { config: { access: { action: 'organisation.import' } } },
    async (req, reply) => sendPage(reply, importPage(req.page(reply), {})),
  );

  r.post(
    '/organisations/import',
    { config: { access: { action: 'organisation.import' }, upload: true } },
    async (req, reply) => {
      const v = formValues(req.body);
      const ctx = req.page(reply);
      // A chosen file wins over pasted text; it is shown in the text area afterwards, ready to import.
      const upload = (req.body as Record<string, unknown> | undefined)?.file as Upload | undefined;
      if (upload && typeof upload === 'object' && upload.content.trim()) {
        v.content = upload.content.replace(/^\uFEFF/, '');
        v.fileName = upload.filename || v.fileName || '';
      }
      if (!v.content?.trim()) {
        return sendPage(
          reply,
          importPage(ctx, v, { errors: [{ field: 'content', message: req.t('orgs.importForm.missing') }] }),
          400,
        );
      }
      const name = (v.fileName ?? '').trim().slice(0, 200) || 'organisaties.csv';
      try {
        const report = await importOrganisations(
          db(),
          { files: [{ name, content: v.content }] },
          actorOf(req.principal!),
          {
            dryRun: v.mode !== 'commit',
          },
        );
        // After a real import the form is emptied; after a check the content stays, ready to import.
        return sendPage(reply, importPage(ctx, report.dryRun ? v : { fileName: name }, { report }));
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'invalid-file') throw err;
        const problems = Array.isArray(err.cause)
          ? (err.cause as ImportProblem[]).map((p) => ({
              where: `${p.file}:${p.line}:${p.column}`,
              message: problemText(req.lang, p),
            }))
          : [{ where: name, message: err.detailIn(req.lang) ?? err.message }];
        return sendPage(reply, importPage(ctx, v, { problems }), 400);
      }
    },
  );

  r.get(
    '/organisations/:orgId',
    { config: { access: { action: 'organisation.read', org: orgOf } }, schema: { querystring: noticeQuery } },
    async (req, reply) => {
      const org = await getOrganisation(db(), (req.params as { orgId: string }).orgId);
      const [mergers, provinces] = await Promise.all([
        listMergers(db(), { code: org.code, pageSize: 500 }),
        provinceNames(db()),
      ]);
      const codes = [
        ...new Set(mergers.items.flatMap((m) => [m.successorCode, ...m.sources.map((s) => s.code)])),
      ];
      const idByCode = new Map((await organisationsByCodes(db(), codes)).map((o) => [o.code, o.id]));
      const done = req.query.done;
      const notice = done ? req.t(`orgs.${done}` as MessageKey) : undefined;
      return sendPage(reply, detailPage(req.page(reply), org, mergers.items, idByCode, provinces, notice));
    },
  );

  r.get(
    '/organisations/:orgId/edit',
    { config: { access: { action: 'organisation.update', org: orgOf } } },
    async (req, reply) => {
      const org = await getOrganisation(db(), (req.params as { orgId: string }).orgId);
      return sendPage(
        reply,
        organisationFormPage(req.page(reply), valuesOf(org), [], await provinceNames(app.deps.database), org),
      );
    },
  );

  r.post(
    '/organisations/:orgId/edit',
    { config: { access: { action: 'organisation.update', org: orgOf } } },
    async (req, reply) => {
      const org = await getOrganisation(db(), (req.params as { orgId: string }).orgId);
      const v = formValues(req.body);
      try {
        await updateOrganisation(
          db(),
          org.id,
          {
            name: v.name ?? '',
            layer: (v.layer ?? '') as any,
            provinceCode: emptyToNull(v.provinceCode),
            inhabitants: numberOrText(v.inhabitants) as any,
            inhabitantsDate: emptyToNull(v.inhabitantsDate),
            validFrom: emptyToNull(v.validFrom),
          },
          actorOf(req.principal!),
        );
        return seeOther(reply, `/organisations/${org.id}?done=saved`);
      } catch (err) {
        const errors = fieldErrors(req, err, () => undefined);
        return sendPage(
          reply,
          organisationFormPage(
            req.page(reply),
            { ...v, code: org.code },
            errors,
            await provinceNames(app.deps.database),
            org,
          ),
          400,
        );
      }
    },
  );

  r.get(
    '/organisations/:orgId/merge',
    { config: { access: { action: 'organisation.merge', org: orgOf } } },
    async (req, reply) => {
      const org = await getOrganisation(db(), (req.params as { orgId: string }).orgId);
      return sendPage(reply, mergeFormPage(req.page(reply), org, { type: 'uitbreiding' }, []));
    },
  );

  r.post(
    '/organisations/:orgId/merge',
    { config: { access: { action: 'organisation.merge', org: orgOf } } },
    async (req, reply) => {
      const org = await getOrganisation(db(), (req.params as { orgId: string }).orgId);
      const v = formValues(req.body);
      const codes = (v.sources ?? '')
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const partial = v.partial === 'true' ? true : undefined;
      try {
        await mergeOrganisations(
          db(),
          {
            effectiveDate: v.effectiveDate ?? '',
            type: (v.type ?? '') as any,
            successorCode: org.code,
            sources: codes.map((code) => ({ code, partial })),
            notes: emptyToNull(v.notes),
          },
          actorOf(req.principal!),
        );
        return seeOther(reply, `/organisations/${org.id}?done=merged`);
      } catch (err) {
        const errors = fieldErrors(
          req,
          err,
          (p) => (p.name.startsWith('sources') ? 'sources' : p.name === 'form' ? 'effectiveDate' : undefined),
          codes,
        );
        return sendPage(reply, mergeFormPage(req.page(reply), org, v, errors), 400);
      }
    },
  );
};
export default routes;
