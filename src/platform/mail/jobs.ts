/** The `mail.send` job: delivers one recorded message (see ./deliver.ts). Listed in the platform descriptor (../module.ts). */
import { z } from 'zod';
import { defineJob } from '../jobs/jobs.js';
import { deliverMessage, markOrphanedMessagesFailed, releaseLeasesAfterCrash } from './deliver.js';
import { mailConcurrency, mailTimings } from './transport.js';

export const mailSendJob = defineJob(
  'mail.send',
  z.object({ messageId: z.string().uuid() }),
  async ({ messageId }, ctx) => deliverMessage(ctx.database, ctx.config, messageId, ctx),
  (config) => ({
    retryLimit: config.MAIL_RETRY_LIMIT,
    retryDelay: config.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: mailTimings(config).jobExpireSeconds,
    concurrency: mailConcurrency(config),
  }),
  { recoverAfterCrash: releaseLeasesAfterCrash },
);

export const mailWatchdogJob = defineJob(
  'mail.watchdog',
  z.object({}),
  async (_data, ctx) => ({ markedFailed: await markOrphanedMessagesFailed(ctx.database) }),
  { cron: '*/10 * * * *', retryLimit: 0, expireInSeconds: 300 },
);
