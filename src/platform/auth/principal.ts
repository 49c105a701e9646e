/**
 * Turns a session cookie or an API token into a Principal (who, with which roles), or nothing.
 * This runs on every signed-in request (benchmarked in docs/benchmarks.md, bench:http):
 *  - uncached, it is one query: the credential, its user and the user's roles together;
 *  - `principalCache` keeps principals per credential with the auth epoch they were read at
 *    (drizzle/0008_auth_epoch.sql: a counter the database moves whenever a session or token is
 *    revoked or a user or membership changes). A cached principal costs one tiny query (the epochs,
 *    ../db/epochs.ts, shared by requests under load) and is used only while the epoch has not moved, so revocations still take effect on the very
 *    next request, in every process.
 */
import { sql } from 'drizzle-orm';
import type { OrganisationRole, PlatformRole, Principal } from '../access/policy.js';
import type { Database, DbOrTx } from '../db/database.js';
import { epochsOf } from '../db/epochs.js';
import { hashSecret } from './tokens.js';

interface Row {
  epoch: string;
  credential_id: string;
  touched_at: Date | string | null;
  expires_at: Date | string | null;
  user_id: string;
  email: string;
  display_name: string;
  platform_roles: string[] | string;
  memberships: Array<[string, string]> | string;
  scopes?: string[] | string;
}

type Kind = 'session' | 'token';

/** node-postgres and PGlite differ in how they return arrays and JSON; accept both. */
const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v) ? v : v === '{}' ? [] : v.slice(1, -1).split(',');
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const millis = (v: Date | string | null): number | null => (v === null ? null : new Date(v).getTime());

const userColumns = sql`(select n::text from auth_epoch) as epoch, u.id as user_id, u.email, u.display_name,
  u.platform_roles,
  coalesce((select json_agg(json_build_array(m.organisation_id, m.role)) from memberships m where m.user_id = u.id), '[]'::json) as memberships`;

const lookups: Record<Kind, (hash: string) => ReturnType<typeof sql>> = {
  session: (hash) =>
    sql`select s.id as credential_id, s.last_seen_at as touched_at, s.expires_at, ${userColumns}
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${hash} and s.revoked_at is null and s.expires_at > now()
          and u.disabled_at is null`,
  token: (hash) =>
    sql`select t.id as credential_id, t.last_used_at as touched_at, t.expires_at, t.scopes, ${userColumns}
        from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = ${hash} and t.revoked_at is null
          and (t.expires_at is null or t.expires_at > now()) and u.disabled_at is null`,
};

const touches: Record<Kind, (id: string) => ReturnType<typeof sql>> = {
  session: (id) => sql`update sessions set last_seen_at = now() where id = ${id}`,
  token: (id) => sql`update api_tokens set last_used_at = now() where id = ${id}`,
};

function toPrincipal(kind: Kind, r: Row): Principal {
  const byOrg = new Map<string, Set<OrganisationRole>>();
  for (const [org, role] of json(r.memberships)) {
    const set = byOrg.get(org) ?? new Set();
    set.add(role as OrganisationRole);
    byOrg.set(org, set);
  }
  const base = {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    platformRoles: new Set(pgArray(r.platform_roles) as PlatformRole[]),
    memberships: byOrg,
  };
  return kind === 'session'
    ? { ...base, via: 'session', scopes: new Set(['read', 'write']), sessionId: r.credential_id }
    : {
        ...base,
        via: 'token',
        scopes: new Set(pgArray(r.scopes ?? []) as Array<'read' | 'write'>),
        tokenId: r.credential_id,
      };
}

const TOUCH_EVERY_MS = 60_000;

interface Entry {
  epoch: string;
  principal: Principal;
  credentialId: string;
  expiresAt: number | null;
  touchedAt: number | null;
}

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function lookUp(db: DbOrTx, kind: Kind, hash: string): Promise<Entry | undefined> {
  const [r] = await rows<Row>(db, lookups[kind](hash));
  if (!r) return undefined;
  return {
    epoch: String(r.epoch),
    principal: toPrincipal(kind, r),
    credentialId: r.credential_id,
    expiresAt: millis(r.expires_at),
    touchedAt: millis(r.touched_at),
  };
}

/** Records use of the credential (last seen / last used) at most once a minute. */
async function touchIfStale(db: DbOrTx, kind: Kind, entry: Entry): Promise<void> {
  const now = Date.now();
  if (entry.touchedAt !== null && now - entry.touchedAt <= TOUCH_EVERY_MS) return;
  entry.touchedAt = now;
  await db.execute(touches[kind](entry.credentialId));
}

export interface PrincipalCache {
  fromSession(token: string): Promise<Principal | undefined>;
  fromApiToken(token: string): Promise<Principal | undefined>;
  /** Entries held (for tests and diagnostics). */
  readonly size: number;
}

/**
 * Principals of one database, cached per credential and checked against the auth epoch on every
 * call. Unknown credentials are never cached. At most `maxEntries` are kept (oldest dropped first).
 */
export function principalCache(database: Database, maxEntries = 10_000): PrincipalCache {
  const db = database.db;
  const entries = new Map<string, Entry>();
  const epochs = epochsOf(database);

  async function resolve(kind: Kind, token: string): Promise<Principal | undefined> {
    const hash = hashSecret(token);
    const key = `${kind}:${hash}`;
    const cached = entries.get(key);
    if (cached) {
      const current = (await epochs.read()).auth;
      if (current === cached.epoch && (cached.expiresAt ?? Infinity) > Date.now()) {
        await touchIfStale(db, kind, cached);
        return cached.principal;
      }
      entries.delete(key);
    }
    const entry = await lookUp(db, kind, hash);
    if (!entry) return undefined;
    await touchIfStale(db, kind, entry);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return entry.principal;
  }

  return {
    fromSession: (token) => resolve('session', token),
    fromApiToken: (token) => resolve('token', token),
    get size() {
      return entries.size;
    },
  };
}
