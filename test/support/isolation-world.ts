/**
 * Two organisations, each with a user holding every organisation role there and no platform role,
 * signed in both ways (session cookie for pages, API token for /api). Built with plain inserts so
 * it depends on nothing but the tables.
 */
import type { FastifyInstance } from 'fastify';
import { organisationRoles } from '../../src/platform/access/policy.js';
import { audit, systemActor } from '../../src/platform/audit/audit.js';
import { hashSecret, newSecret } from '../../src/platform/auth/tokens.js';
import type { Database } from '../../src/platform/db/database.js';
import { SESSION_COOKIE } from '../../src/platform/http/app.js';
import type { IsolationWorld } from './route-fixtures.js';

/** A marker that only organisation A's data contains. */
export const A_SECRET = 'private-to-organisation-A';

export interface SignedInUser {
  id: string;
  email: string;
  bearer: string;
  cookie: string;
}

async function insertOne<T>(database: Database, text: string, params: unknown[]): Promise<T> {
  const rows = await database.query<T>(text, params);
  return rows[0]!;
}

export async function signedInUser(
  app: FastifyInstance,
  database: Database,
  email: string,
  memberships: Array<{ organisationId: string; role: string }>,
  platformRoles: string[] = [],
): Promise<SignedInUser> {
  const user = await insertOne<{ id: string }>(
    database,
    'insert into users (email, display_name, platform_roles) values ($1, $2, $3) returning id',
    [email, email.split('@')[0], platformRoles],
  );
  for (const m of memberships) {
    await database.query('insert into memberships (user_id, organisation_id, role) values ($1, $2, $3)', [
      user.id,
      m.organisationId,
      m.role,
    ]);
  }
  const bearer = `wb_${newSecret()}`;
  await database.query(
    'insert into api_tokens (user_id, name, prefix, token_hash, scopes) values ($1, $2, $3, $4, $5)',
    [user.id, 'test', bearer.slice(0, 8), hashSecret(bearer), ['read', 'write']],
  );
  const session = newSecret();
  await database.query(
    "insert into sessions (user_id, token_hash, expires_at) values ($1, $2, now() + interval '1 hour')",
    [user.id, hashSecret(session)],
  );
  return { id: user.id, email, bearer, cookie: `${SESSION_COOKIE}=${app.signCookie(session)}` };
}

export async function buildIsolationWorld(app: FastifyInstance, database: Database) {
  const org = (code: string, name: string) =>
    insertOne<{ id: string; code: string }>(
      database,
      "insert into organisations (code, layer, name, province_code) values ($1, 'gemeente', $2, 'PV26') returning id, code",
      [code, name],
    );
  const orgA = await org('GM9001', 'Testgemeente A');
  const orgB = await org('GM9002', 'Testgemeente B');
  const all = (organisationId: string) => organisationRoles.map((role) => ({ organisationId, role }));
  const userA = await signedInUser(app, database, 'a@gemeente-a.test', all(orgA.id));
  const userB = await signedInUser(app, database, 'b@gemeente-b.test', all(orgB.id));
  // Something private to A in a shared table, to catch routes that forget to filter.
  await database.db.transaction((tx) =>
    audit(tx, systemActor, {
      action: 'test.private',
      resourceType: 'test',
      organisationId: orgA.id,
      diff: { note: [null, A_SECRET] },
    }),
  );
  const world: IsolationWorld = { database, orgA, orgB, userA, userB };
  return { world, userA, userB };
}
