/** GET /waves/outbox?wave=&status=: the mail of the waves for researchers (../views/wave-mail.tsx). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMailMessages, mailStatuses } from '../../../platform/mail/mail.js';
import { sendPage } from '../../../platform/ui/render.js';
import { waveMailPage } from '../views/wave-mail.js';
import { getWave, listWaves } from '../waves-service.js';
import { read } from './common.js';

const blankIsUndefined = (v: unknown) => (v === '' ? undefined : v);
const query = z.object({
  wave: z.preprocess(blankIsUndefined, z.uuid().optional()),
  status: z.preprocess(blankIsUndefined, z.enum(mailStatuses).optional()),
  lang: z.enum(['nl', 'en']).optional(),
});

export function waveMailRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  r.get('/waves/outbox', { config: { access: read }, schema: { querystring: query } }, async (req, reply) => {
    const wave = req.query.wave ? await getWave(database.db, req.query.wave) : undefined;
    const waves = await listWaves(database.db);
    // Which invitation belongs to which wave: the mail's idempotency key names the invitation.
    const invitations = await database.query<{ id: string; wave_id: string }>(
      `select id, wave_id from invitations ${wave ? 'where wave_id = $1' : ''}`,
      wave ? [wave.id] : [],
    );
    const waveOf = new Map(invitations.map((i) => [i.id, i.wave_id]));
    const names = new Map(waves.map((w) => [w.id, { id: w.id, name: w.name }]));
    const messages = invitations.length
      ? await listMailMessages(database, {
          status: req.query.status,
          limit: 200,
          subjects: { purposes: ['invitation', 'reminder'], ids: [...waveOf.keys()] },
        })
      : [];
    const rows = messages.flatMap((message) => {
      const w = names.get(waveOf.get(message.idempotencyKey.split(':')[1] ?? '') ?? '');
      return w ? [{ message, wave: w }] : [];
    });
    return sendPage(
      reply,
      waveMailPage(req.page(reply), {
        waves: waves.map((w) => ({ id: w.id, name: w.name })),
        wave,
        status: req.query.status,
        statuses: mailStatuses,
        rows,
      }),
    );
  });
}
