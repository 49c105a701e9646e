/** The job `results.letter.send`: one organisation's letter by e-mail (./send.ts). */
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/jobs.js';

export const letterSendJob = defineJob(
  'results.letter.send',
  z.object({ waveId: z.uuid(), organisationId: z.uuid() }),
  async ({ waveId, organisationId }, ctx) => {
    const { sendLetter } = await import('./send.js');
    return sendLetter(ctx.database, waveId, organisationId);
  },
  { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
);
