/**
 * The job `publications.render`: renders a wave's products to HTML and PDF files and stores them with
 * the wave (./render-service.ts), PDFs through the process's bounded Chromium pool (PDF_CONCURRENCY).
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { sharedPdfPool } from '../../platform/pdf/pool.js';
import { performRender } from './render-service.js';

export const renderJob = defineJob(
  'publications.render',
  z.object({ renderId: z.uuid() }),
  async (data, ctx) => {
    const pool = sharedPdfPool(ctx.config);
    const render = await performRender(ctx.database, data.renderId, {
      ...(pool ? { pool } : {}),
      lastAttempt: ctx.lastAttempt,
    });
    if (render)
      ctx.log.info({ renderId: render.id, state: render.state, files: render.done }, 'publications rendered');
    return render ? { state: render.state, done: render.done, total: render.total } : {};
  },
  { retryLimit: 2, retryDelay: 30, expireInSeconds: 3600 },
);
