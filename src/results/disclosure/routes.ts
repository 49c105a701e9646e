/** POST /results/:waveId/disclosure: a researcher sets the wave's disclosure rules (audited; the next run applies them). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/actor.js';
import { waveIdParam } from '../params.js';
import { setDisclosureRules } from './settings.js';

/** A number from a form field, in percentage points, as a proportion; empty: none. */
const pointsField = z
  .string()
  .trim()
  .max(20)
  .regex(/^(\d+([.,]\d+)?)?$/, 'a number of percentage points')
  .transform((s) => (s === '' ? null : Number(s.replace(',', '.')) / 100));

const body = z
  .object({
    minRespondents: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, 'a whole number')
      .transform(Number),
    maxIntervalWidth: pointsField.optional(),
    protection: pointsField,
  })
  .loose();

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.deps;
  r.post(
    '/results/:waveId/disclosure',
    {
      config: { access: { action: 'results.compute' } },
      schema: { params: z.object({ waveId: waveIdParam }), body },
    },
    async (req, reply) => {
      const { minRespondents, maxIntervalWidth, protection } = req.body;
      await setDisclosureRules(
        database,
        req.params.waveId,
        {
          minRespondents,
          maxIntervalWidth: maxIntervalWidth ?? null,
          ...(protection === null ? {} : { protection }),
        },
        actorOf(req.principal!),
      );
      return reply.redirect(`/results/${req.params.waveId}?notice=rules`, 303);
    },
  );
};

export default routes;
