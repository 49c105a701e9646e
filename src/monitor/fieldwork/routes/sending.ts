/** Sending invitations and reminders from a request: in the request up to a limit, else as a background job. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { enqueue } from '../../../platform/jobs/jobs.js';
import {
  countPendingInvitations,
  countUncompletedInvitations,
  inviteAll,
  sendReminders,
} from '../invitations.js';
import { inviteJob, remindJob } from '../jobs.js';
import { assertBeforeEnd, assertState, getWave } from '../waves-service.js';
import { actor, INLINE_INVITATIONS } from './common.js';

export function sending(app: FastifyInstance) {
  const { database, config } = app.deps;
  const db = database.db;
  const startInvitations = async (waveId: string, req: FastifyRequest) => {
    const wave = await getWave(db, waveId);
    assertState(wave, 'sending invitations', ['open']);
    assertBeforeEnd(wave, 'sending invitations');
    const pending = await countPendingInvitations(db, waveId);
    if (pending > INLINE_INVITATIONS) {
      const job = await enqueue(db, inviteJob, { waveId, actor: actor(req) });
      return { queued: 0, pending, jobId: job.jobId };
    }
    const res = await inviteAll(
      db,
      config,
      waveId,
      actor(req),
      undefined,
      500,
      database.kind === 'postgres' ? 4 : 1,
    );
    return { queued: res.queued, pending: 0, jobId: null };
  };

  const startReminders = async (waveId: string, req: FastifyRequest) => {
    const wave = await getWave(db, waveId);
    if (wave.status === 'open') assertBeforeEnd(wave, 'sending reminders');
    if (wave.status === 'open' && (await countUncompletedInvitations(db, wave.id)) > INLINE_INVITATIONS) {
      const job = await enqueue(db, remindJob, { waveId, actor: actor(req) });
      return { queued: 0, deferred: 0, jobId: job.jobId };
    }
    const res = await sendReminders(db, config, waveId, actor(req), { mode: 'now' });
    return { queued: res.queued, deferred: res.deferred ?? 0, jobId: null };
  };

  return { startInvitations, startReminders };
}
