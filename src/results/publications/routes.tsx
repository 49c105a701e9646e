/**
 * The publications of a wave in the app: /results/:waveId/publications lists every product with its
 * stored files (researchers also make them there: POST …/publications/render, a background job),
 * /results/:waveId/publications/:kind/:key shows one (in the app's layout, or as the self-contained
 * HTML file with ?file=1), …/:kind/:key/download?lang=&format= sends a stored HTML or PDF file.
 * Viewers see products of released runs only, like every results page, and only files rendered from
 * a released run.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { can, type Principal } from '../../platform/access/policy.js';
import { audit } from '../../platform/audit/audit.js';
import { actorOf } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { pdfSupport } from '../../platform/pdf/chromium.js';
import { Layout } from '../../platform/ui/layout.js';
import { sendPage } from '../../platform/ui/render.js';
import { waveIdParam } from '../params.js';
import { visibilityOf } from '../read/service.js';
import { productDocument } from './document.js';
import { type ProductKind, productKinds } from './product.js';
import { listProducts, productDefinition, productDefinitions } from './products.js';
import { fileFormats } from './render.js';
import { latestRender, requestRender } from './render-service.js';
import { storedPublicationFile, storedPublicationFiles } from './stored-files.js';
import { FileLinks, publicationsPage } from './views.js';

const read = { action: 'results.read' as const };
const renderAccess = { action: 'results.publications.render' as const };
const waveParams = z.object({ waveId: waveIdParam });
const productParams = waveParams.extend({
  kind: z.enum(productKinds),
  key: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
    .describe("The product's key: 'main', a factsheet's group or an organisation's id"),
});
const query = z.object({ lang: z.enum(['nl', 'en']).optional(), file: z.enum(['1']).optional() }).loose();
const listQuery = z
  .object({ lang: z.enum(['nl', 'en']).optional(), notice: z.enum(['queued']).optional() })
  .loose();
/** Without a choice: the Dutch PDF, what is published first. */
const downloadQuery = z.object({
  lang: z.enum(['nl', 'en']).default('nl'),
  format: z.enum(fileFormats).default('pdf'),
});
const renderBody = z
  .object({
    kind: z.union([z.enum(productKinds), z.literal('')]).optional(),
    lang: z.enum(['nl', 'en', 'both']).default('nl'),
  })
  .loose();

/** Whether the principal may read a stored file: as its kind's definition says (products.ts). */
async function mayReadFile(principal: Principal | undefined, f: { kind: ProductKind; key: string }) {
  const definition = (await productDefinitions()).find((d) => d.kind === f.kind);
  return definition?.readableBy?.(principal, f.key) ?? true;
}

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/:waveId/publications',
    { config: { access: read }, schema: { params: waveParams, querystring: listQuery } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const visibility = visibilityOf(req.principal);
      const products = await listProducts({ database, wave, visibility });
      const stored = await storedPublicationFiles(database, wave.id);
      const files = [];
      for (const f of visibility === 'embargoed' ? stored : stored.filter((f) => f.released))
        if (await mayReadFile(req.principal, f)) files.push(f);
      const mayRender = can(req.principal, 'results.publications.render');
      return sendPage(
        reply,
        publicationsPage(ctx, {
          wave,
          products,
          files,
          embargoed: files.length < stored.length,
          mayEditTexts: can(req.principal, 'results.texts.edit'),
          ...(mayRender
            ? {
                render: {
                  latest: await latestRender(database, wave.id),
                  pdf: pdfSupport(app.deps.config),
                  kinds: (await productDefinitions()).map((d) => d.kind),
                },
              }
            : {}),
          ...(req.query.notice ? { notice: ctx.t('publications.render.noticeQueued') } : {}),
        }),
      );
    },
  );

  r.post(
    '/results/:waveId/publications/render',
    { config: { access: renderAccess }, schema: { params: waveParams, body: renderBody } },
    async (req, reply) => {
      const { lang, kind } = req.body;
      const { render } = await requestRender(database.db, req.params.waveId, actorOf(req.principal!), {
        ...(kind ? { kind } : {}),
        langs: lang === 'both' ? ['nl', 'en'] : [lang],
        pdf: pdfSupport(app.deps.config).available,
      });
      return reply.redirect(`/results/${render.waveId}/publications?notice=queued`, 303);
    },
  );

  r.get(
    '/results/:waveId/publications/:kind/:key/download',
    { config: { access: read }, schema: { params: productParams, querystring: downloadQuery } },
    async (req, reply) => {
      const wave = await findWave(database.db, req.params.waveId);
      const { kind, key } = req.params;
      const file = await storedPublicationFile(
        database,
        wave.id,
        kind,
        key,
        req.query.lang,
        req.query.format,
      );
      if (
        !file ||
        !(await mayReadFile(req.principal, file)) ||
        (!file.released && visibilityOf(req.principal) !== 'embargoed')
      )
        throw new AppError('not-found', {
          detail: {
            nl: 'Dit bestand is (nog) niet gemaakt of niet vrijgegeven.',
            en: 'this file has not been made or released (yet)',
          },
        });
      await audit(database.db, actorOf(req.principal!), {
        action: 'results.publications.download',
        resourceType: 'wave',
        resourceId: wave.id,
        diff: { kind, key, lang: file.lang, format: file.format, sha256: file.sha256 },
      });
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .send(file.content);
    },
  );

  r.get(
    '/results/:waveId/publications/:kind/:key',
    { config: { access: read }, schema: { params: productParams, querystring: query } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const scope = { database, wave, visibility: visibilityOf(req.principal) };
      const definition = await productDefinition(req.params.kind);
      const ref = (await definition.list(scope)).find((p) => p.key === req.params.key);
      if (!ref)
        throw new AppError('not-found', {
          detail: { nl: 'Deze publicatie bestaat niet.', en: 'no such publication' },
        });
      const product = await definition.render({ ...scope, lang: ctx.lang }, ref);
      const stored = (await storedPublicationFiles(database, wave.id)).filter(
        (f) => f.kind === ref.kind && f.key === ref.key && (scope.visibility === 'embargoed' || f.released),
      );
      if (req.query.file === '1')
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${wave.code}-${ref.kind}-${ref.key}.html"`)
          .send(productDocument(product));
      return sendPage(
        reply,
        <Layout ctx={ctx} title={product.title} wide>
          <p>
            <a href={`/results/${wave.id}/publications`}>{ctx.t('publications.back')}</a> ·{' '}
            <a href={`/results/${wave.id}/publications/${ref.kind}/${ref.key}?file=1`}>
              {ctx.t('publications.file')}
            </a>
          </p>
          {stored.length > 0 ? (
            <div class="stack">
              <p id="stored-files">{ctx.t('publications.files')}:</p>
              <FileLinks ctx={ctx} waveId={wave.id} files={stored} />
            </div>
          ) : null}
          {/* the body is rendered with every value escaped by its product (product.ts) */}
          <div class="publication" dangerouslySetInnerHTML={{ __html: product.body }} />
        </Layout>,
      );
    },
  );
};

export default routes;
