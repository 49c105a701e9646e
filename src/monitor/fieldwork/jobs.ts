/**
 * Background jobs of fieldwork:
 * - `fieldwork.invite` invites everyone pending in a wave (large frames; small ones are done inline),
 * - `fieldwork.remind` sends reminders now (the button, for large waves),
 * - `fieldwork.reminders-due` runs hourly and sends the reminders the schedules make due,
 * - `fieldwork.progress` runs every minute and records anonymous waves' invitation progress in batches,
 * - `fieldwork.seal-closed` runs after an anonymous wave closed: records all progress, rewrites the
 *   invitations in random order and compacts the tables (VACUUM FULL) so no old row version is left.
 * All are idempotent (see ./invitations.ts): a retry after a crash sends nothing twice.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/audit/audit.js';
import { defineJob } from '../../platform/jobs/jobs.js';
import { responseKeyFor } from '../answering/keys.js';
import { inviteAll, sendDueReminders, sendReminders } from './invitations.js';
import {
  recordProgress,
  rewriteInvitationsInRandomOrder,
  TABLES_TO_COMPACT,
  wavesWithProgress,
} from './progress.js';
import { getWave } from './waves-service.js';

const actorSchema = z.object({
  type: z.enum(['user', 'token', 'system', 'cli']),
  id: z.string().nullable(),
  label: z.string(),
});

const scheduleActor: Actor = { type: 'system', id: null, label: 'system:reminder schedule' };

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
    const n = await sendDueReminders(ctx.database.db, ctx.config, scheduleActor);
    if (n) ctx.log.info({ reminders: n }, 'scheduled reminders queued');
    return { reminders: n };
  },
  { cron: '7 * * * *', retryLimit: 2, expireInSeconds: 3600 },
);

export const progressJob = defineJob(
  'fieldwork.progress',
  z.object({}).loose(),
  async (_data, ctx) => {
    const key = responseKeyFor(ctx.config);
    let recorded = 0;
    let reminders = 0;
    for (const waveId of await wavesWithProgress(ctx.database.db)) {
      const r = await recordProgress(ctx.database.db, key, waveId);
      recorded += r.recorded;
      // A recorded batch may free reminders a round deferred (./reminder-gate.ts): the due ones go now.
      if (r.recorded)
        try {
          reminders += await sendDueReminders(ctx.database.db, ctx.config, scheduleActor, waveId);
        } catch (err) {
          // The wave closed or passed its end date in between: the hourly job decides next time.
          ctx.log.warn({ waveId, err: (err as Error).message }, 'due reminders after a batch not sent');
        }
    }
    if (recorded) ctx.log.info({ recorded, reminders }, 'invitation progress recorded');
    return { recorded, reminders };
  },
  { cron: '* * * * *', retryLimit: 2, expireInSeconds: 600, retentionMinutes: 60 },
);

export const sealClosedWaveJob = defineJob(
  'fieldwork.seal-closed',
  z.object({ waveId: z.uuid() }),
  async (data, ctx) => {
    const key = responseKeyFor(ctx.config);
    const sealed = await ctx.database.db.transaction(async (tx) => {
      const wave = await getWave(tx, data.waveId);
      // Reopened in the meantime: the next close enqueues this again.
      if (wave.status === 'open' || wave.status === 'draft' || wave.anonymity !== 'anonymous') return false;
      await recordProgress(tx, key, data.waveId);
      await rewriteInvitationsInRandomOrder(tx, data.waveId);
      return true;
    });
    // Outside any transaction (VACUUM cannot run in one): old row versions leave the table files.
    // VACUUM only warns when it may not rewrite a table (not its owner): check that each got a new file.
    if (sealed)
      for (const table of TABLES_TO_COMPACT) {
        const file = `select pg_relation_filenode('${table}'::regclass)::text as f`;
        const [before] = await ctx.database.query<{ f: string }>(file);
        await ctx.database.query(`vacuum full ${table}`);
        const [after] = await ctx.database.query<{ f: string }>(file);
        if (before?.f === after?.f) throw new Error(`vacuum full ${table} did not rewrite the table`);
      }
    return { sealed };
  },
  { retryLimit: 10, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 },
);
