/**
 * The letters of a wave in the app:
 * - /results/:waveId/letters (researchers): the letters, their contacts, what was mailed, and the form
 *   to send them all (a confirmation with the count); POST …/letters/send enqueues the sending.
 * - /results/:waveId/letters/all.html (researchers): every letter in one printable file.
 * - /results/:waveId/letters/:orgId (researchers, and the organisation's own coordinator): one letter,
 *   ?file=1 as its HTML file. A coordinator sees it from the released run only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { actorOf } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import { sendPage } from '../../../platform/ui/render.js';
import { waveIdParam } from '../../params.js';
import { visibilityOf } from '../../read/service.js';
import { productDocument } from '../document.js';
import { renderLetterOf } from './definition.js';
import { combinedLetters } from './files.js';
import { letterOverview, requestLetterSending } from './send.js';

const manage = { action: 'results.letters.send' as const };
const waveParams = z.object({ waveId: waveIdParam });
const letterParams = waveParams.extend({ orgId: z.uuid() });
const query = z
  .object({
    lang: z.enum(['nl', 'en']).optional(),
    file: z.enum(['1']).optional(),
    queued: z.coerce.number().int().min(0).optional(),
    error: z.enum(['confirm']).optional(),
  })
  .loose();

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;

  r.get(
    '/results/:waveId/letters',
    { config: { access: manage }, schema: { params: waveParams, querystring: query } },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const o = await letterOverview({ database, wave, visibility: visibilityOf(req.principal) });
      const title = ctx.t('letters.page.title', { wave: wave.name });
      const missing = o.participants.filter((p) => !p.contact?.email).map((p) => p.organisation.name);
      return sendPage(
        reply,
        <Layout ctx={ctx} title={title} wide>
          <h1>{title}</h1>
          {req.query.error ? (
            <ErrorSummary
              ctx={ctx}
              errors={[{ field: 'confirm', message: ctx.t('letters.error.confirm') }]}
            />
          ) : null}
          {req.query.queued !== undefined ? (
            <p role="status">{ctx.t('letters.page.queued', { count: req.query.queued })}</p>
          ) : null}
          <p>{ctx.t('letters.page.intro')}</p>
          {o.participants.length === 0 ? (
            <p>{ctx.t('letters.page.none')}</p>
          ) : (
            <>
              <p>
                {ctx.t('letters.page.count', {
                  letters: o.participants.length,
                  withAddress: o.sendable.length,
                })}{' '}
                {ctx.t('letters.page.sent', { sent: o.mailed, letters: o.sendable.length })}
              </p>
              {missing.length ? (
                <p>{ctx.t('letters.page.noAddress', { organisations: missing.join(', ') })}</p>
              ) : null}
              <p>
                <a href={`/results/${wave.id}/letters/all.html`}>{ctx.t('letters.page.combined')}</a>
              </p>
              <form method="post" action={`/results/${wave.id}/letters/send`} class="stack" novalidate>
                <CsrfField ctx={ctx} />
                <h2>{ctx.t('letters.page.send')}</h2>
                <input type="hidden" name="count" value={String(o.sendable.length)} />
                <div class="choice">
                  <input type="checkbox" id="confirm" name="confirm" value="yes" />
                  <label for="confirm">{ctx.t('letters.page.confirm', { count: o.sendable.length })}</label>
                </div>
                <button type="submit">{ctx.t('letters.page.button')}</button>
              </form>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{ctx.t('letters.page.organisation')}</th>
                    <th scope="col">{ctx.t('letters.page.contact')}</th>
                    <th scope="col">{ctx.t('letters.page.mail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.participants.map((p) => (
                    <tr key={p.organisation.id}>
                      <th scope="row">
                        <a href={`/results/${wave.id}/letters/${p.organisation.id}`}>{p.organisation.name}</a>
                      </th>
                      <td>{p.contact?.name ?? '—'}</td>
                      <td>{p.contact?.email ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Layout>,
      );
    },
  );

  r.post(
    '/results/:waveId/letters/send',
    {
      config: { access: manage },
      schema: {
        params: waveParams,
        body: z
          .object({
            count: z.coerce.number().int().min(0).max(100_000),
            confirm: z.string().max(10).optional(),
          })
          .loose(),
      },
    },
    async (req, reply) => {
      const wave = await findWave(database.db, req.params.waveId);
      if (req.body.confirm !== 'yes') return reply.redirect(`/results/${wave.id}/letters?error=confirm`, 303);
      const { queued } = await requestLetterSending(
        database,
        wave.id,
        req.body.count,
        actorOf(req.principal!),
      );
      return reply.redirect(`/results/${wave.id}/letters?queued=${queued}`, 303);
    },
  );

  r.get(
    '/results/:waveId/letters/all.html',
    { config: { access: manage }, schema: { params: waveParams, querystring: query } },
    async (req, reply) => {
      const wave = await findWave(database.db, req.params.waveId);
      const html = await combinedLetters(
        { database, wave, visibility: visibilityOf(req.principal) },
        req.lang,
      );
      if (!html)
        throw new AppError('not-found', { detail: { nl: 'Er zijn geen brieven.', en: 'no letters' } });
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${wave.code}-brieven.html"`)
        .send(html);
    },
  );

  r.get(
    '/results/:waveId/letters/:orgId',
    {
      config: {
        access: { action: 'results.letter.read', org: (req) => (req.params as { orgId?: string }).orgId },
      },
      schema: { params: letterParams, querystring: query },
    },
    async (req, reply) => {
      const ctx = req.page(reply);
      const wave = await findWave(database.db, req.params.waveId);
      const scope = { database, wave, visibility: visibilityOf(req.principal), lang: ctx.lang };
      const product = await renderLetterOf(scope, req.params.orgId);
      if (req.query.file === '1')
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${wave.code}-brief-${req.params.orgId}.html"`)
          .send(productDocument(product));
      return sendPage(
        reply,
        <Layout ctx={ctx} title={product.title} wide>
          <p>
            <a href={`/results/${wave.id}/letters/${req.params.orgId}?file=1`}>
              {ctx.t('letters.page.file')}
            </a>
          </p>
          {/* the body is rendered with every value escaped (render.ts) */}
          <div class="publication" dangerouslySetInnerHTML={{ __html: product.body }} />
        </Layout>,
      );
    },
  );
};

export default routes;
