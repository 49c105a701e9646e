/**
 * Users for tests, signed in both ways: `cookie` (a signed session cookie for pages and cookie-authenticated
 * API calls) and `bearer` (an API token with read and write). Built through the real services, so the rows
 * look exactly like those the application makes.
 *
 *   const t = await createTestApp();
 *   const admin = await createUser(t, { platformRoles: ['admin'] });
 *   await t.app.inject({ url: '/users', headers: { cookie: admin.cookie } });
 *   const form = await csrfFor(t.app);
 *   await t.app.inject({ method: 'POST', url: '/logout', headers: { cookie: cookies(admin.cookie, form.cookie) },
 *     payload: { _csrf: form.token } });
 */
import { randomBytes } from 'node:crypto';
import { sign } from '@fastify/cookie';
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { OrganisationRole, PlatformRole } from '../../src/platform/access/policy.js';
import { systemActor } from '../../src/platform/audit/audit.js';
import { createApiToken, type TokenScope } from '../../src/platform/auth/api-tokens.js';
import { passwordProblem } from '../../src/platform/auth/passwords.js';
import { users } from '../../src/platform/auth/schema.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { createUser as createUserRow } from '../../src/platform/auth/users-service.js';
import type { Database } from '../../src/platform/db/database.js';
import { SESSION_COOKIE } from '../../src/platform/http/app.js';

export interface TestUser {
  id: string;
  email: string;
  /** An API token with the requested scopes (default read + write), for `authorization: Bearer …`. */
  bearer: string;
  /** `wb_session=…`, signed; usable as the `cookie` header of app.inject. */
  cookie: string;
  /** The raw session token (unsigned), e.g. to look the session up. */
  sessionToken: string;
}

export interface TestUserOptions {
  email?: string;
  displayName?: string;
  /**
   * A local password; omitted = no password. Stored as an argon2id hash made with the lowest cost
   * (FIXTURE_ARGON2), so that creating the user and every sign-in with it take a millisecond instead
   * of a quarter second of CPU; signing in still runs the real argon2 verification. The application's
   * own hashing (full cost) is checked in test/support/principals.db.test.ts.
   */
  password?: string;
  platformRoles?: PlatformRole[];
  memberships?: Array<{ organisationId: string; role: OrganisationRole }>;
  scopes?: TokenScope[];
}

type Target = Database | { database: Database; sessionSecret?: string };

/** argon2id at its lowest cost, for test users only (the application hashes with argon2's defaults). */
export const FIXTURE_ARGON2 = {
  type: argon2.argon2id,
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
} as const;

/** Creates a user with the given roles, a session and an API token. Pass a TestApp to get a signed cookie. */
export async function createUser(target: Target, options: TestUserOptions = {}): Promise<TestUser> {
  const database = 'db' in target ? target : target.database;
  const secret = 'db' in target ? undefined : target.sessionSecret;
  const email = options.email ?? `user-${randomBytes(5).toString('hex')}@weerbaar.test`;
  const user = await createUserRow(database.db, systemActor, {
    email,
    displayName: options.displayName ?? email.split('@')[0]!,
    password: null,
    platformRoles: options.platformRoles ?? [],
    memberships: options.memberships ?? [],
  });
  if (options.password !== undefined) {
    const problem = passwordProblem(options.password, email);
    if (problem) throw new Error(`createUser: the password is refused by the application (${problem})`);
    await database.db
      .update(users)
      .set({ passwordHash: await argon2.hash(options.password, FIXTURE_ARGON2) })
      .where(eq(users.id, user.id));
  }
  const token = await createApiToken(database.db, systemActor, user.id, {
    name: 'test',
    scopes: options.scopes ?? ['read', 'write'],
  });
  const session = await database.db.transaction((tx) => createSession(tx, systemActor, user.id, 1));
  return {
    id: user.id,
    email: user.email,
    bearer: token.token,
    sessionToken: session.token,
    get cookie(): string {
      if (!secret) throw new Error('createUser: pass the TestApp (with its sessionSecret) to get a cookie');
      return `${SESSION_COOKIE}=${encodeURIComponent(sign(session.token, secret))}`;
    },
  };
}

/** Joins cookie header values, skipping empty ones. */
export const cookies = (...values: Array<string | undefined>) => values.filter(Boolean).join('; ');

/** The `name=value` pairs an inject response sets (for the next request's cookie header). */
export function setCookies(res: { cookies: Array<{ name: string; value: string }> }): string {
  return res.cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ');
}

/**
 * A CSRF token and its cookie, as a browser gets them: GET a page with a form (default /login, which
 * any visitor may see) and read `name="_csrf" value="…"`. Send both with a form post.
 */
export async function csrfFor(
  app: FastifyInstance,
  options: { url?: string; cookie?: string } = {},
): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({
    url: options.url ?? '/login',
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
  if (!match)
    throw new Error(`csrfFor: no _csrf field on ${options.url ?? '/login'} (status ${res.statusCode})`);
  const csrf = res.cookies.find((c) => c.name === 'wb_csrf');
  if (!csrf) throw new Error('csrfFor: no wb_csrf cookie set');
  return { token: match[1]!, cookie: `wb_csrf=${encodeURIComponent(csrf.value)}` };
}

/** Posts a form as a signed-in browser would: session cookie + CSRF cookie + `_csrf` field. */
export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
) {
  const csrf = await csrfFor(app);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies(cookie, csrf.cookie), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(
      Object.entries({ ...fields, _csrf: csrf.token }).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => [k, x]),
      ),
    ).toString(),
  });
}
