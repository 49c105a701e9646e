/**
 * Turns a session cookie or an API token into a Principal (who, with which roles), or nothing.
 * This runs on every signed-in request, so it is one query: the credential, its user and the
 * user's roles together (benchmarked in docs/benchmarks.md, bench:http).
 */
import { sql } from 'drizzle-orm';
import type { OrganisationRole, PlatformRole, Principal } from '../access/policy.js';
import type { DbOrTx } from '../db/database.js';
import { hashSecret } from './tokens.js';

interface Row {
  credential_id: string;
  touched_at: Date | string | null;
  user_id: string;
  email: string;
  display_name: string;
  platform_roles: string[] | string;
  memberships: Array<[string, string]> | string;
  scopes?: string[] | string;
}

/** node-postgres and PGlite differ in how they return arrays and JSON; accept both. */
const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v) ? v : v === '{}' ? [] : v.slice(1, -1).split(',');
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const userColumns = sql`u.id as user_id, u.email, u.display_name, u.platform_roles,
  coalesce((select json_agg(json_build_array(m.organisation_id, m.role)) from memberships m where m.user_id = u.id), '[]'::json) as memberships`;

function toPrincipal(r: Row, extra: Pick<Principal, 'via' | 'scopes' | 'sessionId' | 'tokenId'>): Principal {
  const byOrg = new Map<string, Set<OrganisationRole>>();
  for (const [org, role] of json(r.memberships)) {
    const set = byOrg.get(org) ?? new Set();
    set.add(role as OrganisationRole);
    byOrg.set(org, set);
  }
  return {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    platformRoles: new Set(pgArray(r.platform_roles) as PlatformRole[]),
    memberships: byOrg,
    ...extra,
  };
}

const staleTouch = (at: Date | string | null) => !at || Date.now() - new Date(at).getTime() > 60_000;

async function one(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Row | undefined> {
  const res = (await db.execute(query)) as unknown as { rows: Row[] };
  return res.rows[0];
}

/** A valid, unexpired, unrevoked session of an enabled user; touches last_seen_at at most once a minute. */
export async function principalFromSession(db: DbOrTx, token: string): Promise<Principal | undefined> {
  const r = await one(
    db,
    sql`select s.id as credential_id, s.last_seen_at as touched_at, ${userColumns}
        from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${hashSecret(token)} and s.revoked_at is null and s.expires_at > now()
          and u.disabled_at is null`,
  );
  if (!r) return undefined;
  if (staleTouch(r.touched_at)) {
    await db.execute(sql`update sessions set last_seen_at = now() where id = ${r.credential_id}`);
  }
  return toPrincipal(r, { via: 'session', scopes: new Set(['read', 'write']), sessionId: r.credential_id });
}

/** A valid, unexpired, unrevoked API token of an enabled user; records its use at most once a minute. */
export async function principalFromApiToken(db: DbOrTx, token: string): Promise<Principal | undefined> {
  const r = await one(
    db,
    sql`select t.id as credential_id, t.last_used_at as touched_at, t.scopes, ${userColumns}
        from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = ${hashSecret(token)} and t.revoked_at is null
          and (t.expires_at is null or t.expires_at > now()) and u.disabled_at is null`,
  );
  if (!r) return undefined;
  if (staleTouch(r.touched_at)) {
    await db.execute(sql`update api_tokens set last_used_at = now() where id = ${r.credential_id}`);
  }
  return toPrincipal(r, {
    via: 'token',
    scopes: new Set(pgArray(r.scopes ?? []) as Array<'read' | 'write'>),
    tokenId: r.credential_id,
  });
}
