/** GET /waves/:waveId/{open,invitations,reminders,close,reopen,archive}: the confirmation step (./../views/confirm.tsx). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendPage } from '../../../platform/ui/render.js';
import { countPendingInvitations } from '../invitations.js';
import { deferredNow } from '../reminder-gate.js';
import { type ConfirmAction, confirmActions, confirmPage } from '../views/confirm.js';
import { getWave } from '../waves-service.js';
import { manage, pageQuery, waveParams } from './common.js';

export function confirmRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.deps;
  const { db } = database;
  /** Who a reminder round may reach: invited, not completed (as far as recorded), not opted out. */
  const counts: Record<Exclude<ConfirmAction, 'invitations'>, string> = {
    reminders: `select count(*)::int as n from invitations i join frame_persons f on f.id = i.frame_person_id
                 where i.wave_id = $1 and i.invited_at is not null and i.status <> 'completed'
                   and f.opted_out_at is null`,
    close: `select count(*)::int as n from invitations i where i.wave_id = $1 and i.status <> 'completed'`,
    open: 'select count(*)::int as n from frame_persons f where f.wave_id = $1',
    reopen: `select count(*)::int as n from invitations i where i.wave_id = $1 and i.status <> 'completed'`,
    archive: 'select count(*)::int as n from frame_persons f where f.wave_id = $1',
  };
  const count = async (waveId: string, action: ConfirmAction): Promise<number> => {
    if (action === 'invitations') return countPendingInvitations(db, waveId);
    const [row] = await database.query<{ n: number }>(counts[action], [waveId]);
    return Number(row?.n ?? 0);
  };
  for (const action of confirmActions) {
    r.get(
      `/waves/:waveId/${action}`,
      { config: { access: manage }, schema: { params: waveParams, querystring: pageQuery } },
      async (req, reply) => {
        const wave = await getWave(db, req.params.waveId);
        return sendPage(
          reply,
          confirmPage(req.page(reply), {
            wave,
            action,
            count: await count(wave.id, action),
            deferred: action === 'reminders' ? await deferredNow(db, config, wave) : 0,
          }),
        );
      },
    );
  }
}
