/**
 * The publications of a wave in the app: /results/:waveId/publications lists every product,
 * /results/:waveId/publications/:kind/:key shows one (in the app's layout, or as the self-contained
 * HTML file with ?file=1). Viewers see products of released runs only, like every results page.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { can } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { Layout } from '../../platform/ui/layout.js';
import { sendPage } from '../../platform/ui/render.js';
import { waveIdParam } from '../params.js';
import { visibilityOf } from '../read/service.js';
import { productDocument } from './document.js';
import { productKinds } from './product.js';
import { listProducts, productDefinition } from './products.js';

const read = { action: 'results.read' as const };
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

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/:waveId/publications',
    { config: { access: read }, schema: { params: waveParams, querystring: query } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const products = await listProducts({ database, wave, visibility: visibilityOf(req.principal) });
      const title = ctx.t('publications.title', { wave: wave.name });
      return sendPage(
        reply,
        <Layout ctx={ctx} title={title}>
          <h1>{title}</h1>
          <p>{ctx.t('publications.intro')}</p>
          {can(req.principal, 'results.texts.edit') ? (
            <p>
              <a href={`/results/${wave.id}/texts`}>{ctx.t('texts.nav')}</a>
            </p>
          ) : null}
          {products.length === 0 ? (
            <p>{ctx.t('publications.none')}</p>
          ) : (
            <ul>
              {products.map((p) => (
                <li key={`${p.kind}/${p.key}`}>
                  <a href={`/results/${wave.id}/publications/${p.kind}/${p.key}`}>{p.title[ctx.lang]}</a>
                </li>
              ))}
            </ul>
          )}
        </Layout>,
      );
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
          {/* the body is rendered with every value escaped by its product (product.ts) */}
          <div class="publication" dangerouslySetInnerHTML={{ __html: product.body }} />
        </Layout>,
      );
    },
  );
};

export default routes;
