/**
 * Background jobs of incident follow-up: `incidents.reminders-due` runs hourly and mails the task
 * reminders that have become due (./reminders.ts; idempotent, so a retry after a crash sends nothing twice);
 * `incidents.retention` runs daily and removes the personal data whose retention has passed and drafts never sent after
 * their period (./retention.ts).
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { sendDueTaskReminders } from './reminders.js';
import { purgeExpired, purgeStaleDrafts } from './retention.js';

export const dueTaskRemindersJob = defineJob(
  'incidents.reminders-due',
  z.object({}).loose(),
  async (_data, ctx) => {
    const n = await sendDueTaskReminders(ctx.database.db, ctx.config, {
      type: 'system',
      id: null,
      label: 'system:incident task reminders',
    });
    if (n) ctx.log.info({ reminders: n }, 'incident task reminders queued');
    return { reminders: n };
  },
  { cron: '17 * * * *', retryLimit: 2, expireInSeconds: 3600 },
);

export const retentionJob = defineJob(
  'incidents.retention',
  z.object({}).loose(),
  async (_data, ctx) => {
    const actor = { type: 'system', id: null, label: 'system:incident retention' } as const;
    const n = await purgeExpired(ctx.database.db, actor);
    const drafts = await purgeStaleDrafts(ctx.database.db, actor);
    if (n || drafts) ctx.log.info({ purged: n, drafts }, 'incident personal data removed after retention');
    return { purged: n, drafts };
  },
  { cron: '41 3 * * *', retryLimit: 2, expireInSeconds: 3600 },
);
