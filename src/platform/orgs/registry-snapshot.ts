/**
 * The registry in memory: every organisation in list order, read in one statement while the registry
 * epoch stays put (./list-cache.ts), so that lists and searches of the registry (about 400 rows, changed
 * a few times a year) are filtered and paged here instead of scanning the table on every request.
 *
 * It gives what the SQL page statement in ./repository.ts gives (a property test holds the two equal,
 * registry-snapshot.db.test.ts):
 * - order: the database's `order by lower(name), code`, kept by filtering;
 * - active: computed by the database (`valid_to` empty or after `current_date`); cached lists expire
 *   after a minute, so a merger announced for tomorrow takes effect then;
 * - `q`: part of the name or the code, ignoring case (as ILIKE with the pattern escaped: no wildcards).
 */
import type { Database, DbOrTx } from '../db/database.js';
import { jsonStatement, rowFromJson } from '../db/json-statements.js';
import { registryListCache } from './list-cache.js';
import type { Organisation } from './model.js';
import type { OrganisationFilter } from './repository.js';
import { organisations } from './schema.js';

interface Entry {
  organisation: Organisation;
  active: boolean;
  /** Lower-case name and code, for `q`. */
  name: string;
  code: string;
}

const snapshotStatement = jsonStatement(
  'organisations_snapshot',
  `select coalesce(json_agg(json_build_object(
     'row', to_json(o), 'active', o.valid_to is null or o.valid_to > current_date)
     order by lower(o.name), o.code), '[]')::text
   from organisations o`,
);

const snapshots = registryListCache<readonly Entry[]>({ maxEntries: 1 });

async function readSnapshot(db: Database | DbOrTx): Promise<readonly Entry[]> {
  const [rows] = (await snapshotStatement(db, [])) as Array<
    Array<{ row: Record<string, unknown>; active: boolean }>
  >;
  return (rows ?? []).map(({ row, active }) => {
    const organisation = rowFromJson(organisations, row);
    return {
      organisation,
      active,
      name: organisation.name.toLowerCase(),
      code: organisation.code.toLowerCase(),
    };
  });
}

/** Every organisation of the registry, shared and frozen; read again when the registry changes. */
export const registrySnapshot = (database: Database): Promise<readonly Entry[]> =>
  snapshots.get(database, 'all', () => readSnapshot(database));

/** The page and total `filter` asks for, from a snapshot. */
export function pageOfSnapshot(
  snapshot: readonly Entry[],
  filter: OrganisationFilter,
): { items: Organisation[]; total: number } {
  const q = filter.q?.trim().toLowerCase() || undefined;
  const layer = filter.layer ?? undefined;
  const province = filter.province ?? undefined;
  const includeEnded = Boolean(filter.includeEnded);
  // a plain loop: this runs for every list and search of the registry
  const matching: Entry[] = [];
  for (const e of snapshot) {
    if (!includeEnded && !e.active) continue;
    if (layer !== undefined && e.organisation.layer !== layer) continue;
    if (province !== undefined && e.organisation.provinceCode !== province) continue;
    if (q !== undefined && !e.name.includes(q) && !e.code.includes(q)) continue;
    matching.push(e);
  }
  const offset = (filter.page - 1) * filter.pageSize;
  return {
    items: matching.slice(offset, offset + filter.pageSize).map((e) => e.organisation),
    total: matching.length,
  };
}
