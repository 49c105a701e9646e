/**
 * The job `results.compute`: weights a closed wave and estimates every indicator (7–10 s for the full
 * demo), outside any request. Progress and the outcome are in `results_computations`
 * (./computations.ts); the run and the computation's `done` commit together, so a retry after a
 * crash never stores a second run.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { performComputation } from './computations.js';

export const computeJob = defineJob(
  'results.compute',
  z.object({ computationId: z.uuid() }),
  async (data, ctx) => {
    const run = await performComputation(ctx.database, data.computationId, { lastAttempt: ctx.lastAttempt });
    if (run) ctx.log.info({ runId: run.id, version: run.version }, 'results computed');
    return run ? { runId: run.id, version: run.version } : {};
  },
  { retryLimit: 2, retryDelay: 30, expireInSeconds: 1800 },
);
