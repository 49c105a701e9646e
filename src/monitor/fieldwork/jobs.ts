/**
 * Background jobs of fieldwork:
 * - `fieldwork.invite` invites everyone pending in a wave (large frames; small ones are done inline),
 * - `fieldwork.remind` sends reminders now (the button, for large waves),
 * - `fieldwork.reminders-due` runs hourly and sends the reminders the schedules make due.
 * All are idempotent (see ./invitations.ts): a retry after a crash sends nothing twice.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/audit/audit.js';
import { defineJob } from '../../platform/jobs/jobs.js';
import { inviteAll, sendDueReminders, sendReminders } from './invitations.js';

const actorSchema = z.object({
  type: z.enum(['user', 'token', 'system', 'cli']),
  id: z.string().nullable(),
  label: z.string(),
});

export const inviteJob = defineJob(
  'fieldwork.invite',
  z.object({ waveId: z.uuid(), actor: actorSchema }),
  async (data, ctx) => {
    const parallel = ctx.database.kind === 'postgres' ? 4 : 1;
    const r = await inviteAll(
      ctx.database.db,
      ctx.config,
      data.waveId,
      data.actor as Actor,
      undefined,
      500,
      parallel,
    );
    ctx.log.info({ waveId: data.waveId, queued: r.queued }, 'invitations queued');
    return r;
  },
  { retryLimit: 5, retryDelay: 30, expireInSeconds: 3600 },
);

export const remindJob = defineJob(
  'fieldwork.remind',
  z.object({ waveId: z.uuid(), actor: actorSchema }),
  async (data, ctx) =>
    sendReminders(ctx.database.db, ctx.config, data.waveId, data.actor as Actor, { mode: 'now' }),
  { retryLimit: 5, retryDelay: 30, expireInSeconds: 3600 },
);

export const dueRemindersJob = defineJob(
  'fieldwork.reminders-due',
  z.object({}).loose(),
  async (_data, ctx) => {
    const n = await sendDueReminders(ctx.database.db, ctx.config, {
      type: 'system',
      id: null,
      label: 'system:reminder schedule',
    });
    if (n) ctx.log.info({ reminders: n }, 'scheduled reminders queued');
    return { reminders: n };
  },
  { cron: '7 * * * *', retryLimit: 2, expireInSeconds: 3600 },
);
