/** Names for the ids an audit page shows: users (display name) and organisations (name), in two queries. */
import { inArray } from 'drizzle-orm';
import { organisationsByIds } from '../auth/organisations.js';
import { users } from '../auth/schema.js';
import type { DbOrTx } from '../db/database.js';

export async function namesFor(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for (const [id, o] of await organisationsByIds(db, ids)) names.set(id, o.name);
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  for (const r of rows) names.set(r.id, r.name);
  return names;
}
