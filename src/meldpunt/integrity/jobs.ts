/**
 * Background job of the integrity channel: `integrity.deadline-alerts` runs hourly and mails the deadline
 * alerts and escalations that have become due (./alerts.ts; each mail has an idempotency key, so a retry
 * after a crash or a second worker sends nothing twice).
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { sendDeadlineAlerts } from './alerts.js';
import { expireGrants } from './investigators.js';
import { applyRetention } from './retention.js';

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

/** Daily: destroys the content of archived reports whose retention period has passed (./retention.ts). */
export const retentionJob = defineJob(
  'integrity.retention',
  z.object({}).loose(),
  async (_data, ctx) => {
    const n = await applyRetention(ctx.database.db, {
      type: 'system',
      id: null,
      label: 'system:integrity retention',
    });
    if (n) ctx.log.info({ destroyed: n }, 'integrity report content destroyed after the retention period');
    return { destroyed: n };
  },
  { cron: '41 3 * * *', retryLimit: 2, expireInSeconds: 3600 },
);

/** Hourly: ends external investigators' grants whose period has passed (./investigators.ts). */
export const investigatorExpiryJob = defineJob(
  'integrity.investigator-expiry',
  z.object({}).loose(),
  async (_data, ctx) => {
    const n = await expireGrants(
      ctx.database.db,
      { type: 'system', id: null, label: 'system:integrity investigator expiry' },
      new Date(),
    );
    return { ended: n };
  },
  { cron: '7 * * * *', retryLimit: 2, expireInSeconds: 3600 },
);
