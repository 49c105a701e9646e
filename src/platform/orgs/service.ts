/**
 * The organisation registry: list, read, create, update, and record herindelingen (mergers), with
 * `successorOf` to map an old code onto the organisation that carries it on a later date.
 * Every change and its audit record are written in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Actor, audit, diffOf } from '../audit/audit.js';
import type { Database, DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { isUuid } from '../uuid.js';
import {
  codeFormatHint,
  codePatterns,
  type Layer,
  type Merger,
  type MergerCreate,
  mergerCreateSchema,
  type Organisation,
  type OrganisationCreate,
  type OrganisationUpdate,
  organisationCreateSchema,
  organisationUpdateSchema,
  parseInput,
  provinceCodes,
  sizeClassOf,
  validationError,
} from './model.js';
import {
  findMergers,
  findOrganisationByCode,
  findOrganisationById,
  findOrganisations,
  findOrganisationsByCodes,
  findOrganisationsByIds,
  mergersFromSource,
  type OrganisationFilter,
  provinceCodesInDb,
} from './repository.js';
import { organisationMergerSources, organisationMergers, organisations } from './schema.js';

export type { OrganisationFilter } from './repository.js';

export interface Page<T> {
  items: readonly T[];
  page: number;
  pageSize: number;
  total: number;
}

export { isUuid };

/** Pass the `Database` itself (not `.db`) outside transactions: the page query then runs prepared. */
export async function listOrganisations(
  db: Database | DbOrTx,
  filter: Partial<OrganisationFilter> = {},
): Promise<Page<Organisation>> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(500, Math.max(1, Math.floor(filter.pageSize ?? 25)));
  const { items, total } = await findOrganisations(db, { ...filter, page, pageSize });
  return { items, page, pageSize, total };
}

/** One organisation; 404 for an unknown or malformed id. */
export async function getOrganisation(db: DbOrTx, id: string): Promise<Organisation> {
  const org = isUuid(id) ? await findOrganisationById(db, id) : undefined;
  if (!org)
    throw new AppError('not-found', {
      detail: { nl: `Er is geen organisatie ${id}.`, en: `no organisation ${id}` },
    });
  return org;
}

export async function getOrganisationByCode(db: DbOrTx, code: string): Promise<Organisation> {
  const org = await findOrganisationByCode(db, code);
  if (!org)
    throw new AppError('not-found', {
      detail: { nl: `Er is geen organisatie met code ${code}.`, en: `no organisation with code ${code}` },
    });
  return org;
}

/** Organisations by code (current and former), e.g. to link the codes in a merger history. */
export function organisationsByCodes(db: DbOrTx, codes: string[]): Promise<Organisation[]> {
  return findOrganisationsByCodes(db, codes);
}

/** Organisations by id (unknown ids are left out), e.g. the participants of a wave. */
export function organisationsByIds(db: DbOrTx, ids: string[]): Promise<Organisation[]> {
  return findOrganisationsByIds(db, ids.filter(isUuid));
}

async function knownProvinces(db: DbOrTx): Promise<Set<string>> {
  return new Set([...provinceCodes, ...(await provinceCodesInDb(db))]);
}

async function checkFacts(
  db: DbOrTx,
  facts: { code: string; layer: Layer; provinceCode?: string | null },
): Promise<void> {
  const problems = [];
  if (!codePatterns[facts.layer].test(facts.code)) {
    problems.push({
      name: 'code',
      code: 'invalid_code',
      reason: {
        nl: `verwacht ${codeFormatHint[facts.layer].nl}`,
        en: `expected ${codeFormatHint[facts.layer].en}`,
      },
    });
  }
  if (facts.provinceCode && !(await knownProvinces(db)).has(facts.provinceCode)) {
    problems.push({
      name: 'provinceCode',
      code: 'unknown_province',
      reason: {
        nl: `onbekende provincie ${facts.provinceCode}`,
        en: `unknown province ${facts.provinceCode}`,
      },
    });
  }
  if (facts.layer === 'gemeente' && !facts.provinceCode) {
    problems.push({
      name: 'provinceCode',
      code: 'required',
      reason: { nl: 'een gemeente ligt in een provincie', en: 'a gemeente lies in a province' },
    });
  }
  if (problems.length) throw validationError(problems);
}

export async function createOrganisation(db: DbOrTx, input: OrganisationCreate, actor: Actor) {
  const data = parseInput(organisationCreateSchema, input);
  const provinceCode = data.layer === 'provincie' ? data.code : (data.provinceCode ?? null);
  await checkFacts(db, { code: data.code, layer: data.layer, provinceCode });
  return db.transaction(async (tx) => {
    if (await findOrganisationByCode(tx, data.code)) {
      throw new AppError('conflict', {
        detail: {
          nl: `Er is al een organisatie met code ${data.code}.`,
          en: `an organisation with code ${data.code} exists already`,
        },
        invalidParams: [
          {
            name: 'code',
            code: 'duplicate',
            reason: { nl: `code ${data.code} is al in gebruik`, en: `code ${data.code} is taken` },
          },
        ],
      });
    }
    const values = {
      code: data.code,
      name: data.name,
      layer: data.layer,
      provinceCode,
      inhabitants: data.inhabitants ?? null,
      inhabitantsDate: data.inhabitantsDate ?? null,
      sizeClass: sizeClassOf(data.inhabitants),
      validFrom: data.validFrom ?? null,
    };
    const [org] = await tx.insert(organisations).values(values).returning();
    await audit(tx, actor, {
      action: 'organisation.create',
      resourceType: 'organisation',
      resourceId: org!.id,
      organisationId: org!.id,
      diff: values,
    });
    return org!;
  });
}

export async function updateOrganisation(
  db: DbOrTx,
  id: string,
  input: OrganisationUpdate,
  actor: Actor,
): Promise<Organisation> {
  const patch = parseInput(organisationUpdateSchema, input);
  return db.transaction(async (tx) => {
    const before = await getOrganisation(tx, id);
    const layer = patch.layer ?? (before.layer as Layer);
    const next: Partial<Organisation> = {
      name: patch.name,
      layer: patch.layer,
      provinceCode: layer === 'provincie' ? before.code : patch.provinceCode,
      inhabitants: patch.inhabitants,
      inhabitantsDate: patch.inhabitantsDate,
      validFrom: patch.validFrom,
      validTo: patch.validTo,
    };
    if (patch.inhabitants !== undefined) next.sizeClass = sizeClassOf(patch.inhabitants);
    await checkFacts(tx, {
      code: before.code,
      layer,
      provinceCode: next.provinceCode === undefined ? before.provinceCode : next.provinceCode,
    });
    const changes = diffOf(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const set = Object.fromEntries(Object.keys(changes).map((k) => [k, (next as any)[k]]));
    const [after] = await tx
      .update(organisations)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(organisations.id, id))
      .returning();
    await audit(tx, actor, {
      action: 'organisation.update',
      resourceType: 'organisation',
      resourceId: id,
      organisationId: id,
      diff: changes,
    });
    return after!;
  });
}

/**
 * Records a herindeling: the sources cease to exist on `effectiveDate` (valid_to), the successor
 * (which must exist: create a new municipality first for a samenvoeging) continues or starts then.
 * A source may already have ended on the same date through another row of the same split.
 */
export async function mergeOrganisations(db: DbOrTx, input: MergerCreate, actor: Actor): Promise<Merger> {
  const data = parseInput(mergerCreateSchema, input);
  return db.transaction(async (tx) => {
    const problems = [];
    const successor = await findOrganisationByCode(tx, data.successorCode);
    if (!successor) {
      problems.push({
        name: 'successorCode',
        code: 'unknown_organisation',
        reason: {
          nl: `er is geen organisatie met code ${data.successorCode}`,
          en: `no organisation with code ${data.successorCode}`,
        },
      });
    } else if (successor.validTo && successor.validTo <= data.effectiveDate) {
      problems.push({
        name: 'successorCode',
        code: 'ended',
        reason: {
          nl: `${successor.code} bestaat op ${data.effectiveDate} niet meer (opgeheven op ${successor.validTo})`,
          en: `${successor.code} no longer exists on ${data.effectiveDate} (ended ${successor.validTo})`,
        },
      });
    }
    const codes = data.sources.map((s) => s.code);
    const found = new Map((await findOrganisationsByCodes(tx, codes)).map((o) => [o.code, o]));
    const seen = new Set<string>();
    data.sources.forEach((s, i) => {
      const name = `sources.${i}.code`;
      const org = found.get(s.code);
      if (seen.has(s.code))
        problems.push({
          name,
          code: 'duplicate',
          reason: { nl: `${s.code} staat er twee keer in`, en: `${s.code} is listed twice` },
        });
      seen.add(s.code);
      if (s.code === data.successorCode) {
        problems.push({
          name,
          code: 'successor_as_source',
          reason: { nl: 'de nieuwe organisatie kan geen bron zijn', en: 'the successor cannot be a source' },
        });
      } else if (!org) {
        problems.push({
          name,
          code: 'unknown_organisation',
          reason: {
            nl: `er is geen organisatie met code ${s.code}`,
            en: `no organisation with code ${s.code}`,
          },
        });
      } else if (successor && org.layer !== successor.layer) {
        problems.push({
          name,
          code: 'layer_mismatch',
          reason: {
            nl: `${s.code} is een ${org.layer}, ${successor.code} een ${successor.layer}`,
            en: `${s.code} is a ${org.layer}, ${successor.code} a ${successor.layer}`,
          },
        });
      } else if (org.validTo && org.validTo !== data.effectiveDate) {
        problems.push({
          name,
          code: 'ended',
          reason: {
            nl: `${s.code} is al opgeheven op ${org.validTo}`,
            en: `${s.code} ended already on ${org.validTo}`,
          },
        });
      } else if (org.validFrom && org.validFrom >= data.effectiveDate) {
        problems.push({
          name,
          code: 'not_started',
          reason: {
            nl: `${s.code} bestaat pas vanaf ${org.validFrom}`,
            en: `${s.code} only exists from ${org.validFrom}`,
          },
        });
      }
    });
    if (problems.length) throw validationError(problems);

    const [clash] = await tx
      .select({ id: organisationMergers.id })
      .from(organisationMergers)
      .where(
        sql`${organisationMergers.effectiveDate} = ${data.effectiveDate} and ${organisationMergers.successorCode} = ${data.successorCode}`,
      );
    if (clash) {
      throw new AppError('conflict', {
        detail: {
          nl: `De samenvoeging tot ${data.successorCode} op ${data.effectiveDate} is al vastgelegd.`,
          en: `a merger into ${data.successorCode} on ${data.effectiveDate} is recorded already`,
        },
      });
    }

    const id = randomUUID();
    const [merger] = await tx
      .insert(organisationMergers)
      .values({
        id,
        effectiveDate: data.effectiveDate,
        type: data.type,
        successorCode: data.successorCode,
        notes: data.notes ?? null,
      })
      .returning();
    const sources = data.sources.map((s) => ({
      code: s.code,
      name: found.get(s.code)!.name,
      partial: s.partial ?? data.type === 'opsplitsing',
    }));
    await tx
      .insert(organisationMergerSources)
      .values(
        sources.map((s) => ({ mergerId: id, sourceCode: s.code, sourceName: s.name, partial: s.partial })),
      );
    const ended: string[] = [];
    for (const s of sources) {
      const org = found.get(s.code)!;
      if (!org.validTo) {
        await tx
          .update(organisations)
          .set({ validTo: data.effectiveDate, updatedAt: sql`now()` })
          .where(eq(organisations.id, org.id));
        ended.push(s.code);
      }
    }
    const successorChanges: Record<string, [unknown, unknown]> = {};
    if (data.type === 'samenvoeging' && !successor!.validFrom) {
      await tx
        .update(organisations)
        .set({ validFrom: data.effectiveDate, updatedAt: sql`now()` })
        .where(eq(organisations.id, successor!.id));
      successorChanges.validFrom = [null, data.effectiveDate];
    }
    await audit(tx, actor, {
      action: 'organisation.merge',
      resourceType: 'organisation_merger',
      resourceId: id,
      organisationId: successor!.id,
      diff: {
        effectiveDate: data.effectiveDate,
        type: data.type,
        successorCode: data.successorCode,
        sources,
        ended: Object.fromEntries(ended.map((c) => [c, { validTo: [null, data.effectiveDate] }])),
        successor: successorChanges,
      },
    });
    return { ...merger!, sources };
  });
}

export async function listMergers(
  db: DbOrTx,
  filter: { code?: string; page?: number; pageSize?: number } = {},
): Promise<Page<Merger>> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(500, Math.max(1, Math.floor(filter.pageSize ?? 25)));
  const { items, total } = await findMergers(db, { code: filter.code, page, pageSize });
  return { items, page, pageSize, total };
}

export interface Successor {
  code: string;
  /** Only part of the old organisation went here (a split somewhere on the way). */
  partial: boolean;
}

/**
 * The organisations that carry `code` on `date` (YYYY-MM-DD, inclusive: a merger effective on that
 * date applies), following chains of herindelingen. An organisation that still exists maps to itself;
 * a split one to every part. A code never recorded maps to itself.
 */
export async function successorsOf(db: DbOrTx, code: string, date: string): Promise<Successor[]> {
  const out = new Map<string, Successor>();
  const walk = async (c: string, after: string, partial: boolean, depth: number): Promise<void> => {
    const edges = (await mergersFromSource(db, c, date)).filter((e) => e.effectiveDate > after);
    const first = edges[0]?.effectiveDate;
    const next = edges.filter((e) => e.effectiveDate === first);
    if (next.length === 0 || depth > 20) {
      const prev = out.get(c);
      out.set(c, { code: c, partial: partial && (prev?.partial ?? true) });
      return;
    }
    for (const e of next) await walk(e.successorCode, e.effectiveDate, partial || e.partial, depth + 1);
  };
  await walk(code, '0000-00-00', false, 0);
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The one organisation `code` maps onto on `date` (see `successorsOf`), or undefined when it was
 * split over several (ask `successorsOf` for the parts).
 */
export async function successorOf(db: DbOrTx, code: string, date: string): Promise<string | undefined> {
  const all = await successorsOf(db, code, date);
  return all.length === 1 ? all[0]!.code : undefined;
}
