/**
 * Signing in and out. One flow for every way of proving who you are:
 *   1. a method verifies the person (e-mail + password, then TOTP when on: ./two-factor-login.ts;
 *      or OpenID Connect: ./oidc/),
 *   2. `completeSignIn` starts a fresh session for the verified user (rotating any old one).
 * The password check slows down guessing without locking anyone out: failures from unknown clients make
 * unknown clients wait longer and longer, while a browser that signed in before (a device cookie) keeps
 * signing in (./devices.ts, docs/accounts.md). Its answer never tells whether an account exists.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, audit } from '../audit/audit.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import { SESSION_COOKIE } from '../http/app.js';
import { sameSitePath } from '../http/same-site-path.js';
import { queueMail } from '../mail/mail.js';
import { setDeviceCookie, unknownClientDelayMs } from './devices.js';
import { loginNoticeTemplate } from './login-notice.js';
import { verifyPassword } from './passwords.js';
import { sessions, users } from './schema.js';
import { createSession } from './sessions.js';
import { normaliseEmail } from './users-service.js';

/** Sign-in attempts per client address per minute (all accounts together). */
export const LOGIN_LIMIT_PER_IP = 20;
/** Sign-in attempts per account per 15 minutes (all addresses together), on top of the lockout. */
export const LOGIN_LIMIT_PER_ACCOUNT = 10;
export const LOGIN_ACCOUNT_WINDOW_MS = 15 * 60_000;

const systemLabel = (email: string): Actor => ({ type: 'system', id: null, label: `login:${email}` });

type LoginConfig = Pick<Config, 'LOGIN_MAX_ATTEMPTS' | 'LOGIN_LOCKOUT_MINUTES' | 'publicUrl'>;

/**
 * Checks an e-mail address and password. Returns the user's id, or undefined for every kind of
 * failure (unknown, wrong password, waiting, disabled, no local password): the caller shows one message.
 * Always costs one argon2 verification, so timing does not reveal which it was. `knownDevice` tells
 * whether the request comes from a browser that signed in to that account before (./devices.ts):
 * such a browser never waits for failures of others.
 */
export async function verifyLocalLogin(
  db: Db,
  config: LoginConfig,
  emailInput: string,
  password: string,
  knownDevice: (userId: string) => boolean = () => false,
): Promise<string | undefined> {
  const email = normaliseEmail(emailInput);
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      lockedUntil: users.lockedUntil,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user?.passwordHash || user.disabledAt) return undefined;
  const known = knownDevice(user.id);
  // Unknown clients that must still wait are not even told whether the password was right.
  if (!known && user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now()) return undefined;
  if (ok) return user.id;

  await recordLoginFailure(db, config, { id: user.id, email }, 'password', known);
  return undefined;
}

/**
 * Records a failed sign-in step (a wrong password, or a wrong two-factor code after a right password).
 * From a known device: audited, nothing else (guessing from it is limited per device by the rate limit).
 * From an unknown client: counted for the account; from LOGIN_MAX_ATTEMPTS on, unknown clients must wait
 * (`locked_until`), longer with every failure; when the waiting starts, the user gets an e-mail. Audited.
 */
export async function recordLoginFailure(
  db: Db,
  config: LoginConfig,
  user: { id: string; email: string },
  step: 'password' | 'two-factor' = 'password',
  knownDevice = false,
): Promise<void> {
  const email = user.email;
  const stepDiff = step === 'two-factor' ? { step } : {};
  await db.transaction(async (tx) => {
    if (knownDevice) {
      await audit(tx, systemLabel(email), {
        action: 'user.login-failed',
        resourceType: 'user',
        resourceId: user.id,
        diff: { device: 'known', ...stepDiff },
      });
      return;
    }
    const [row] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins, locale: users.locale });
    const failed = row?.failedLogins ?? 0;
    const delay = unknownClientDelayMs(failed, config.LOGIN_MAX_ATTEMPTS, config.LOGIN_LOCKOUT_MINUTES);
    if (delay > 0) {
      const until = new Date(Date.now() + delay);
      await tx.update(users).set({ lockedUntil: until }).where(eq(users.id, user.id));
      await audit(tx, systemLabel(email), {
        action: 'user.login-delay',
        resourceType: 'user',
        resourceId: user.id,
        diff: { failedLogins: failed, unknownClientsWaitUntil: until.toISOString(), ...stepDiff },
      });
      if (failed === config.LOGIN_MAX_ATTEMPTS) {
        await queueMail(tx, {
          to: email,
          template: loginNoticeTemplate,
          lang: row?.locale === 'en' ? 'en' : 'nl',
          params: { url: `${config.publicUrl}/account` },
          idempotencyKey: `login-notice:${user.id}:${new Date().toISOString().slice(0, 13)}`,
          purpose: 'login-notice',
        });
      }
    } else {
      await audit(tx, systemLabel(email), {
        action: 'user.login-failed',
        resourceType: 'user',
        resourceId: user.id,
        diff: { failedLogins: failed, ...stepDiff },
      });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: '/',
    expires,
  });
}

/**
 * Starts a session for a user whose identity has been verified (by password, or by OpenID Connect).
 * The session id is always new (an old session on this browser is revoked), the failure counter is
 * reset, the sign-in is audited, and the CSRF secret is renewed with the new session.
 */
export async function completeSignIn(
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: 'password' | 'oidc' | 'magic-link',
  /** More about how, for the audit record: `{ secondFactor: 'totp' }`, `{ provider: 'utrecht' }`. */
  details: Record<string, string> = {},
): Promise<void> {
  const { database, config } = req.server.deps;
  const previous = req.principal?.via === 'session' ? req.principal.sessionId : undefined;
  const session = await database.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new Error(`completeSignIn: no active user ${userId}`);
    if (previous) {
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.id, previous), isNull(sessions.revokedAt)));
    }
    const actor: Actor = { type: 'user', id: user.id, label: user.email };
    const s = await createSession(tx, actor, user.id, config.SESSION_TTL_HOURS);
    await audit(tx, actor, {
      action: 'user.login',
      resourceType: 'user',
      resourceId: user.id,
      diff: { method, ...details },
    });
    return s;
  });
  setSessionCookie(reply, config, session.token, session.expiresAt);
  // This browser is now a known device of the user: it keeps signing in while others must wait.
  setDeviceCookie(reply, config, userId);
  reply.clearCookie('wb_csrf', { path: '/' });
}

/** Ends the current session (if any) and clears the cookie. */
export async function signOut(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const p = req.principal;
  if (p?.via === 'session' && p.sessionId) {
    const sessionId = p.sessionId;
    await req.server.deps.database.db.transaction(async (tx) => {
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
      await audit(
        tx,
        { type: 'user', id: p.userId, label: p.email },
        { action: 'user.logout', resourceType: 'session', resourceId: sessionId },
      );
    });
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie('wb_csrf', { path: '/' });
}

/**
 * Where to go after signing in: a path on this site only. Anything else — another host,
 * a protocol-relative `//host`, a backslash trick, a control character — goes to the home page.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  // The raw checks above are not enough: `/.//evil` normalises to `//evil`. Check the normalised path.
  const path = sameSitePath(next);
  if (path === undefined) return '/';
  const pathname = path.split('?')[0];
  if (pathname === '/login' || pathname === '/logout') return '/';
  return path;
}
