/**
 * Background job of the integrity channel: `integrity.deadline-alerts` runs hourly and mails the deadline
 * alerts and escalations that have become due (./alerts.ts; each mail has an idempotency key, so a retry
 * after a crash or a second worker sends nothing twice).
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { sendDeadlineAlerts } from './alerts.js';

export const deadlineAlertsJob = defineJob(
  'integrity.deadline-alerts',
  z.object({}).loose(),
  async (_data, ctx) => {
    const n = await sendDeadlineAlerts(ctx.database.db, ctx.config, {
      type: 'system',
      id: null,
      label: 'system:integrity deadline alerts',
    });
    if (n) ctx.log.info({ alerts: n }, 'integrity deadline alerts queued');
    return { alerts: n };
  },
  { cron: '23 * * * *', retryLimit: 2, expireInSeconds: 3600 },
);
