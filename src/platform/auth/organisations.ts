/**
 * The few organisation facts accounts need (id, code, name). Read-only lookups on the registry table,
 * kept in this one file so auth depends on the organisations domain in exactly one place.
 */
import { eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { organisations } from '../orgs/schema.js';

export interface OrganisationRef {
  id: string;
  code: string;
  name: string;
}

const columns = { id: organisations.id, code: organisations.code, name: organisations.name };

export async function organisationsByIds(
  db: DbOrTx,
  ids: Iterable<string>,
): Promise<Map<string, OrganisationRef>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.select(columns).from(organisations).where(inArray(organisations.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organisationByCode(db: DbOrTx, code: string): Promise<OrganisationRef | undefined> {
  const [row] = await db.select(columns).from(organisations).where(eq(organisations.code, code));
  return row;
}

/** Every current organisation, by name, for a choice list. */
export async function allOrganisations(db: DbOrTx): Promise<OrganisationRef[]> {
  return db
    .select(columns)
    .from(organisations)
    .where(isNull(organisations.validTo))
    .orderBy(organisations.name);
}
