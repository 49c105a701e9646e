/**
 * Queries on the organisation tables. Only the orgs service calls these; other domains call the service.
 */
import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import type { Merger, MergerSource, Organisation } from './model.js';
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

/** Active: no end date, or one in the future (an announced herindeling). */
export const isActive = () =>
  sql`(${organisations.validTo} is null or ${organisations.validTo} > current_date)`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findOrganisations(
  db: DbOrTx,
  f: OrganisationFilter,
): Promise<{ items: Organisation[]; total: number }> {
  const conds: SQL[] = [];
  if (f.layer) conds.push(eq(organisations.layer, f.layer));
  if (f.province) conds.push(eq(organisations.provinceCode, f.province));
  if (f.q?.trim()) {
    const pattern = `%${escapeLike(f.q.trim())}%`;
    conds.push(or(ilike(organisations.name, pattern), ilike(organisations.code, pattern))!);
  }
  if (!f.includeEnded) conds.push(isActive());
  const where = conds.length ? and(...conds) : undefined;
  // One query: the page and, by a window function, the total (a second count query only past the end).
  const rows = await db
    .select({ ...getTableColumns(organisations), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(organisations)
    .where(where)
    .orderBy(sql`lower(${organisations.name})`, asc(organisations.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  if (rows.length === 0 && f.page > 1) {
    const [totalRow] = await db.select({ n: count() }).from(organisations).where(where);
    return { items: [], total: totalRow?.n ?? 0 };
  }
  return { items: rows.map(({ total: _, ...org }) => org), total: rows[0]?.total ?? 0 };
}

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
