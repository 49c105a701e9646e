/**
 * The text editor (researchers and admins, action `results.texts.edit`): /results/:waveId/texts lists
 * every product section with where its text comes from; /results/:waveId/texts/:kind/:section shows a
 * section's text with its errors (line and column) and a server-rendered preview. The form posts
 * either `action=preview` (renders, saves nothing: works without JavaScript) or `action=save` (a new
 * version, audited; refused with every error shown, the text kept in the form).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Wave } from '../../monitor/fieldwork/model.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { actorOf } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { sendPage } from '../../platform/ui/render.js';
import { waveIdParam } from '../params.js';
import { narrativeSections } from '../publications/narrative.js';
import { type ProductKind, type ProductLang, productKinds } from '../publications/product.js';
import { livePreviewScript } from './live-preview.js';
import { resultsLookup } from './lookup.js';
import { renderText } from './service.js';
import { assertSection, currentText, MAX_TEXT, saveText, textVersions } from './store.js';
import { type EditorState, editorPage, overviewPage } from './views.js';

const edit = { action: 'results.texts.edit' as const };
const waveParams = z.object({ waveId: waveIdParam });
const sectionParams = waveParams.extend({
  kind: z.enum(productKinds),
  section: z
    .string()
    .max(60)
    .regex(/^[a-z][a-z-]*$/)
    .describe('A section of the product kind (narrativeSections)'),
});
const query = z
  .object({
    lang: z.enum(['nl', 'en']).optional(),
    in: z.enum(['nl', 'en']).optional(),
    saved: z.coerce.number().int().positive().optional(),
  })
  .loose();
const formBody = z
  .object({
    body: z.string().max(MAX_TEXT).default(''),
    target: z.enum(['wave', 'default']).default('wave'),
    action: z.enum(['preview', 'save']).default('preview'),
  })
  .loose();

async function editorState(
  database: Database,
  wave: Wave,
  kind: ProductKind,
  section: string,
  textLang: ProductLang,
  draft?: { body: string; target: 'wave' | 'default' },
): Promise<EditorState> {
  const key = { kind, section, lang: textLang };
  const current = await currentText(database.db, wave.id, key);
  const body = draft?.body ?? current.body;
  const lookup = await resultsLookup(database, wave, 'embargoed', textLang);
  // the preview shows what researchers publish: the published view of the latest run
  const checked = lookup.current.run ? await renderText(lookup, body, {}, `text:${section}`) : undefined;
  const target = draft?.target ?? (current.source === 'default' ? 'default' : 'wave');
  return {
    wave,
    kind,
    section,
    textLang,
    body,
    current,
    target,
    errors: checked?.errors ?? [],
    ...(checked ? { preview: body.trim() ? checked.html : '' } : {}),
    figureCount: checked?.figures.length ?? 0,
    versions: await textVersions(database.db, target === 'default' ? null : wave.id, key),
  };
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/texts/live-preview.js',
    { config: { access: { public: 'script of the text editor (no data)' } }, logLevel: 'warn' },
    async (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(livePreviewScript),
  );

  r.get(
    '/results/:waveId/texts',
    { config: { access: edit }, schema: { params: waveParams, querystring: query } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const texts = new Map<
        string,
        { nl: Awaited<ReturnType<typeof currentText>>; en: Awaited<ReturnType<typeof currentText>> }
      >();
      for (const kind of productKinds)
        for (const section of narrativeSections[kind])
          texts.set(`${kind}/${section}`, {
            nl: await currentText(database.db, wave.id, { kind, section, lang: 'nl' }),
            en: await currentText(database.db, wave.id, { kind, section, lang: 'en' }),
          });
      return sendPage(reply, overviewPage(ctx, wave, texts));
    },
  );

  r.get(
    '/results/:waveId/texts/:kind/:section',
    { config: { access: edit }, schema: { params: sectionParams, querystring: query } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const { kind, section } = req.params;
      assertSection(kind, section);
      const wave = await findWave(database.db, req.params.waveId);
      const state = await editorState(database, wave, kind, section, req.query.in ?? ctx.lang);
      if (req.query.saved) state.notice = ctx.t('texts.saved', { version: req.query.saved });
      return sendPage(reply, editorPage(ctx, state));
    },
  );

  r.post(
    '/results/:waveId/texts/:kind/:section',
    { config: { access: edit }, schema: { params: sectionParams, querystring: query, body: formBody } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const { kind, section } = req.params;
      assertSection(kind, section);
      const wave = await findWave(database.db, req.params.waveId);
      const textLang = req.query.in ?? ctx.lang;
      const { body, target, action } = req.body;
      const draft = { body: body.replace(/\r\n/g, '\n'), target };
      const state = await editorState(database, wave, kind, section, textLang, draft);
      if (action === 'preview') return sendPage(reply, editorPage(ctx, state));
      if (state.errors.length > 0) return sendPage(reply, editorPage(ctx, state), 422);
      const saved = await saveText(
        database,
        target === 'default' ? null : wave.id,
        { kind, section, lang: textLang },
        draft.body,
        actorOf(req.principal!),
      );
      return reply.redirect(
        `/results/${wave.id}/texts/${kind}/${section}?in=${textLang}&saved=${saved.version}&lang=${ctx.lang}`,
        303,
      );
    },
  );
};

export default routes;
