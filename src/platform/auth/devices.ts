/**
 * Guessing protection without a lock-out anyone can trigger (issue 13, row 10; docs/accounts.md), after
 * OWASP's "Slow Down Online Guessing Attacks with Device Cookies":
 *
 * - A browser that signed in to an account gets a **device cookie** for it (`wb_device`: the user id and
 *   a random nonce, signed with the session secret; httpOnly, a year). A sign-in from a browser with a
 *   valid device cookie for that account is a *known device*: failures elsewhere never slow it down.
 * - Every other client is an *unknown client*. Their failures are counted per account (all addresses
 *   together: a whole gemeente may sit behind one proxy, so not per address); from LOGIN_MAX_ATTEMPTS on,
 *   each failure makes unknown clients wait before the next try, doubling from 30 seconds up to
 *   LOGIN_LOCKOUT_MINUTES. While they must wait, their password is not even checked. A successful
 *   sign-in (from anywhere) ends the waiting.
 * - When the waiting starts, the user gets an e-mail: someone tried their account; they can still sign
 *   in from a device they used before.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import { newSecret } from './tokens.js';

export const DEVICE_COOKIE = 'wb_device';
const YEAR_S = 365 * 24 * 3600;

/** Whether this request carries a valid device cookie for the user. */
export function isKnownDevice(req: FastifyRequest, userId: string): boolean {
  const raw = req.cookies?.[DEVICE_COOKIE];
  if (!raw) return false;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && typeof unsigned.value === 'string' && unsigned.value.startsWith(`${userId}.`);
}

/** The device cookie's key for rate limits (one per device and account), or undefined for unknown clients. */
export function deviceKey(req: FastifyRequest, userId: string | undefined): string | undefined {
  if (!userId || !isKnownDevice(req, userId)) return undefined;
  return req.unsignCookie(req.cookies[DEVICE_COOKIE]!).value ?? undefined;
}

/** Marks this browser as a known device of the user (after a successful sign-in). */
export function setDeviceCookie(reply: FastifyReply, config: Config, userId: string): void {
  reply.setCookie(DEVICE_COOKIE, `${userId}.${newSecret()}`, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    maxAge: YEAR_S,
  });
}

/**
 * How long unknown clients wait after `failed` failures in a row: nothing below `max`, then 30 s,
 * doubling per further failure, at most `capMinutes`.
 */
export function unknownClientDelayMs(failed: number, max: number, capMinutes: number): number {
  if (failed < max) return 0;
  return Math.min(capMinutes * 60_000, 30_000 * 2 ** Math.min(failed - max, 30));
}
