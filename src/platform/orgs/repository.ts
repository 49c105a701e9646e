/**
 * Queries on the organisation tables. Only the orgs service calls these; other domains call the service.
 */
import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/database.js';
import { isDatabase, jsonStatement, rowFromJson } from '../db/json-statements.js';
import { registryListCache } from './list-cache.js';
import type { Merger, MergerSource, Organisation } from './model.js';
import { pageOfSnapshot, registrySnapshot } from './registry-snapshot.js';
import { organisationMergerSources, organisationMergers, organisations } from './schema.js';

export interface OrganisationFilter {
  layer?: string;
  province?: string;
  /** Part of the name or the code, case-insensitive. */
  q?: string;
  /** Also organisations that no longer exist (valid_to on or before today). */
  includeEnded?: boolean;
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Filters; active = no end date, or one in the future (an announced herindeling). */
const matching = `($1::text is null or o.layer = $1)
  and ($2::text is null or o.province_code = $2)
  and ($3::text is null or o.name ilike $3 or o.code ilike $3)
  and ($4::boolean or o.valid_to is null or o.valid_to > current_date)`;

/**
 * The page and the total in one statement that returns one JSON text (see ../db/json-statements.ts),
 * its rows not decoded column by column. Lists outside a transaction come from the registry in memory
 * (./registry-snapshot.ts); this runs inside transactions, and is what the snapshot is tested against.
 * The page comes from an index scan in list order (organisations_name_idx), the total from a count.
 */
const pageStatement = jsonStatement(
  'organisations_page',
  `select json_build_object(
     'total', (select count(*) from organisations o where ${matching}),
     'items', coalesce((select json_agg(to_json(p)) from (
        select o.* from organisations o where ${matching}
        order by lower(o.name), o.code limit $5 offset $6) p), '[]'))::text`,
);

type OrganisationPage = { items: readonly Organisation[]; total: number };
const pages = registryListCache<OrganisationPage>();

/**
 * A page of the registry and its total. Given the `Database` (outside a transaction), the page is
 * filtered from the registry kept in memory (./registry-snapshot.ts) and kept per query (./list-cache.ts),
 * both while the registry epoch stays put; inside a transaction it is read with the statement above, so
 * a transaction sees its own changes. The result is shared: do not change it.
 */
export async function findOrganisations(
  db: Database | DbOrTx,
  f: OrganisationFilter,
): Promise<OrganisationPage> {
  const params = [
    f.layer ?? null,
    f.province ?? null,
    f.q?.trim() ? `%${escapeLike(f.q.trim())}%` : null,
    f.includeEnded ? 'true' : 'false',
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ];
  const load = async (): Promise<OrganisationPage> => {
    const [page] = (await pageStatement(db, params)) as Array<{
      total: number;
      items: Array<Record<string, unknown>>;
    }>;
    return {
      items: (page?.items ?? []).map((json) => rowFromJson(organisations, json)),
      total: Number(page?.total ?? 0),
    };
  };
  if (!isDatabase(db)) return load();
  const database = db;
  return pages.get(database, JSON.stringify(params), async () =>
    pageOfSnapshot(await registrySnapshot(database), f),
  );
}

/** Registry pages made so far (cache misses: filtered from the snapshot), for tests. */
export const registryPageLoads = () => pages.loads;

export async function findOrganisationById(db: DbOrTx, id: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationByCode(db: DbOrTx, code: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.code, code));
  return row;
}

export async function findOrganisationsByCodes(db: DbOrTx, codes: string[]): Promise<Organisation[]> {
  if (codes.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.code, codes));
}

export async function findOrganisationsByIds(db: DbOrTx, ids: string[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function allOrganisations(db: DbOrTx): Promise<Organisation[]> {
  return db.select().from(organisations);
}

export async function provinceCodesInDb(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.layer, 'provincie'));
  return rows.map((r) => r.code);
}

async function withSources(db: DbOrTx, rows: Merger[] | Omit<Merger, 'sources'>[]): Promise<Merger[]> {
  if (rows.length === 0) return [];
  const src = await db
    .select()
    .from(organisationMergerSources)
    .where(
      inArray(
        organisationMergerSources.mergerId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organisationMergerSources.sourceCode));
  const byMerger = new Map<string, MergerSource[]>();
  for (const s of src) {
    const list = byMerger.get(s.mergerId) ?? [];
    list.push({ code: s.sourceCode, name: s.sourceName, partial: s.partial });
    byMerger.set(s.mergerId, list);
  }
  return rows.map((r) => ({ ...r, sources: byMerger.get(r.id) ?? [] }));
}

/** Mergers, newest first; with `code`, those in which it is the successor or a source. */
export async function findMergers(
  db: DbOrTx,
  f: { code?: string; page: number; pageSize: number },
): Promise<{ items: Merger[]; total: number }> {
  const where = f.code
    ? or(
        eq(organisationMergers.successorCode, f.code),
        sql`exists (select 1 from ${organisationMergerSources} s where s.merger_id = ${organisationMergers.id} and s.source_code = ${f.code})`,
      )
    : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(organisationMergers)
      .where(where)
      .orderBy(desc(organisationMergers.effectiveDate), asc(organisationMergers.successorCode))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(organisationMergers).where(where),
  ]);
  return { items: await withSources(db, rows), total: totalRow?.n ?? 0 };
}

export async function allMergers(db: DbOrTx): Promise<Merger[]> {
  const rows = await db.select().from(organisationMergers).orderBy(asc(organisationMergers.effectiveDate));
  return withSources(db, rows);
}

/** Mergers (up to `date`) in which `code` is a source: the edges of the successor graph. */
export async function mergersFromSource(
  db: DbOrTx,
  code: string,
  date: string,
): Promise<Array<{ effectiveDate: string; successorCode: string; partial: boolean }>> {
  return db
    .select({
      effectiveDate: organisationMergers.effectiveDate,
      successorCode: organisationMergers.successorCode,
      partial: organisationMergerSources.partial,
    })
    .from(organisationMergerSources)
    .innerJoin(organisationMergers, eq(organisationMergers.id, organisationMergerSources.mergerId))
    .where(
      and(
        eq(organisationMergerSources.sourceCode, code),
        sql`${organisationMergers.effectiveDate} <= ${date}`,
      ),
    )
    .orderBy(asc(organisationMergers.effectiveDate));
}
