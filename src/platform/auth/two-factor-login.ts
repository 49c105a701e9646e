/**
 * The half-signed-in state between a right password and a right second factor: a short-lived signed
 * httpOnly cookie (`wb_2fa`, path /login) naming the user and what is still needed. There is no session
 * until the code is right:
 * - `verify`: two-factor is on, ask the code (or a recovery code);
 * - `enrol`: a role of the user requires two-factor and it is off: set it up before anything else.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

export const PENDING_COOKIE = 'wb_2fa';
/** How long the second step may take. */
export const PENDING_TTL_MS = 10 * 60_000;

export interface PendingSignIn {
  userId: string;
  stage: 'verify' | 'enrol';
  next: string;
}

export function setPendingSignIn(reply: FastifyReply, config: Config, pending: PendingSignIn): void {
  const value = Buffer.from(
    JSON.stringify({ u: pending.userId, s: pending.stage, n: pending.next, e: Date.now() + PENDING_TTL_MS }),
  ).toString('base64url');
  reply.setCookie(PENDING_COOKIE, value, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/login',
    maxAge: PENDING_TTL_MS / 1000,
  });
}

export function readPendingSignIn(req: FastifyRequest): PendingSignIn | undefined {
  const raw = req.cookies[PENDING_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const v = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8'));
    if (typeof v.u !== 'string' || (v.s !== 'verify' && v.s !== 'enrol') || typeof v.n !== 'string')
      return undefined;
    if (typeof v.e !== 'number' || v.e < Date.now()) return undefined;
    return { userId: v.u, stage: v.s, next: v.n };
  } catch {
    return undefined;
  }
}

export function clearPendingSignIn(reply: FastifyReply): void {
  reply.clearCookie(PENDING_COOKIE, { path: '/login' });
}
