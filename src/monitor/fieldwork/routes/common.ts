/** What the fieldwork routes share: limits, parameters, access rules. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../platform/auth/actor.js';

/** Frames of 100,000 persons as CSV are ~10 MB. */
export const FRAME_BODY_LIMIT = 64 * 1024 * 1024;
/** Up to this many pending invitations are created in the request; more go to a background job. */
export const INLINE_INVITATIONS = 1000;

export const waveParams = z.object({ waveId: z.string().max(100) });
export const formatQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  lang: z.enum(['nl', 'en']).optional(),
});

export const read = { action: 'wave.read' as const };
export const manage = { action: 'wave.manage' as const };
export const monitor = { action: 'wave.monitor' as const };
export const exportAccess = { action: 'responses.export' as const };
export const actor = (req: FastifyRequest) => actorOf(req.principal!);

export const pageQuery = z
  .object({ lang: z.enum(['nl', 'en']).optional(), notice: z.string().max(40).optional() })
  .loose();
