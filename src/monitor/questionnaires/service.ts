/**
 * Questionnaires and their versions: create, new draft versions, publish (immutable afterwards),
 * and the item-code registry that refuses reusing a code with another meaning.
 * Every change and its audit record are written in one transaction.
 *
 * Other domains (waves, answering) read definitions through `getVersion` / `getVersionById` and
 * never query these tables themselves.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, type InvalidParam, type Localised, reasonsOf, textIn } from '../../platform/errors.js';
import { checkDefinition, type DefinitionProblem, schemaIssueReason } from './check.js';
import { type DefinitionChange, diffDefinitions, sameDefinition } from './diff.js';
import { allItems, definitionSchema, type QuestionnaireDefinition } from './model.js';
import { itemCodes, questionnaires, questionnaireVersions } from './schema.js';

export type VersionStatus = 'draft' | 'published';

export interface QuestionnaireSummary {
  id: string;
  code: string;
  title: { nl: string; en?: string };
  createdAt: Date;
  updatedAt: Date;
  latestVersion: number | null;
  publishedVersion: number | null;
  versionCount: number;
}

export interface VersionSummary {
  id: string;
  questionnaireId: string;
  version: number;
  status: VersionStatus;
  source: string | null;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  itemCount: number;
}

export interface Version extends VersionSummary {
  questionnaireCode: string;
  definition: QuestionnaireDefinition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noQuestionnaire = (id: string) =>
  new AppError('not-found', {
    detail: {
      nl: `Er is geen vragenlijst ${id}. Controleer de link of het id.`,
      en: `no questionnaire ${id}`,
    },
  });

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * A definition from JSON (API body, file): zod-validated, then the structural checks. Throws a
 * validation AppError listing every problem with its JSON path (`sections[1].items[0].relevant`).
 */
export function parseDefinition(input: unknown, prefix = ''): QuestionnaireDefinition {
  const r = definitionSchema.safeParse(input);
  const name = (path: string) => (prefix ? (path ? `${prefix}.${path}` : prefix) : path || '(root)');
  if (!r.success) {
    const params: InvalidParam[] = r.error.issues.map((i) => ({
      name: name(jsonPath(i.path as Array<string | number>)),
      code: i.code,
      reason: schemaIssueReason(i),
    }));
    // Like an XLSForm, every problem at once: the structural checks (duplicate codes, references,
    // routing) also run on what is there, except on a value the schema already refused.
    const refused = r.error.issues.map((i) => jsonPath(i.path as Array<string | number>));
    const structural = bestEffortChecks(input)
      .filter(
        (p) => !refused.some((q) => p.path === q || p.path.startsWith(`${q}.`) || p.path.startsWith(`${q}[`)),
      )
      .map((p) => ({ name: name(p.path), code: p.code, reason: p.message }));
    const all = [...params, ...structural];
    throw new AppError('validation', { detail: summary(all), invalidParams: all });
  }
  const problems = [...unstorableText(r.data), ...checkDefinition(r.data)];
  if (problems.length) {
    const params = problems.map((p) => ({ name: name(p.path), code: p.code, reason: p.message }));
    throw new AppError('validation', { detail: summary(params), invalidParams: params });
  }
  return r.data;
}

/** The structural checks on input the schema refused: whatever they can still say (never throws). */
function bestEffortChecks(input: unknown): DefinitionProblem[] {
  const d = input as { sections?: unknown };
  if (!d || typeof d !== 'object' || !Array.isArray(d.sections)) return [];
  try {
    return checkDefinition(input as QuestionnaireDefinition);
  } catch {
    return [];
  }
}

/** Texts PostgreSQL cannot store in jsonb: NUL characters and lone UTF-16 surrogates. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
function unstorableText(value: unknown, path = ''): DefinitionProblem[] {
  if (typeof value === 'string')
    return unstorable(value)
      ? [
          {
            path: path || '(root)',
            code: 'invalid_characters',
            message: {
              nl: 'Deze tekst bevat een NUL-teken of een kapot Unicode-teken. Haal dat teken weg.',
              en: 'contains a NUL character or a broken Unicode character',
            },
          },
        ]
      : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableText(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => unstorableText(v, path ? `${path}.${k}` : k));
  return [];
}

const summary = (params: InvalidParam[]): Localised => {
  const n = params.length;
  const list = reasonsOf(params.slice(0, 5));
  const more = n > 5 ? '; …' : '';
  return {
    nl: `${n} ${n === 1 ? 'probleem' : 'problemen'} in de vragenlijst. Verbeter ${n === 1 ? 'het' : 'ze'} en probeer het opnieuw: ${list.nl}${more}`,
    en: `${n} problem${n === 1 ? '' : 's'} in the questionnaire definition: ${list.en}${more}`,
  };
};

function jsonPath(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

// ---------------------------------------------------------------------------------------------
// Item-code meanings

export interface Meaning {
  code: string;
  /** single_choice | multiple_choice | matrix | number | date | text (a matrix row is a single or multiple choice). */
  kind: string;
  /** Sorted option codes (choices and matrices). */
  options: string[];
  labelNl: string;
  /** JSON path in the definition, for error messages. */
  path: string;
}

/** What every code of a definition means. Notes carry no data and are not registered. */
export function meaningsOf(def: QuestionnaireDefinition): Meaning[] {
  const out: Meaning[] = [];
  def.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      const path = `sections[${s}].items[${i}]`;
      if (item.type === 'note') return;
      const options = 'options' in item ? item.options.map((o) => o.code).sort() : [];
      out.push({ code: item.code, kind: item.type, options, labelNl: item.label.nl, path: `${path}.code` });
      if (item.type === 'matrix')
        item.rows.forEach((row, r) => {
          out.push({
            code: row.code,
            kind: item.multiple ? 'multiple_choice' : 'single_choice',
            options,
            labelNl: row.label.nl,
            path: `${path}.rows[${r}].code`,
          });
        });
    });
  });
  return out;
}

export const fingerprintOf = (m: Pick<Meaning, 'kind' | 'options'>) =>
  createHash('sha256')
    .update(JSON.stringify([m.kind, m.options]))
    .digest('hex');

/** Codes whose meaning differs from the registry: every conflict, with a message naming the first use. */
export async function itemCodeConflicts(db: DbOrTx, def: QuestionnaireDefinition): Promise<InvalidParam[]> {
  const meanings = meaningsOf(def);
  if (meanings.length === 0) return [];
  const rows = await db
    .select()
    .from(itemCodes)
    .where(
      inArray(
        itemCodes.code,
        meanings.map((m) => m.code),
      ),
    );
  const known = new Map(rows.map((r) => [r.code, r]));
  const out: InvalidParam[] = [];
  for (const m of meanings) {
    const k = known.get(m.code);
    if (!k || k.fingerprint === fingerprintOf(m)) continue;
    const before = k.meaning as { kind: string; options: string[] };
    const what = (x: { kind: string; options: string[] }) =>
      x.options.length ? `${x.kind} with options ${x.options.join(', ')}` : x.kind;
    const whatNl = (x: { kind: string; options: string[] }) =>
      x.options.length ? `${x.kind} met de keuzes ${x.options.join(', ')}` : x.kind;
    out.push({
      name: m.path,
      code: 'item_code_meaning_changed',
      reason: {
        nl:
          `De vraagcode '${m.code}' is voor het eerst gepubliceerd in vragenlijst ${k.firstQuestionnaireCode} versie ${k.firstVersion}, ` +
          `als ${whatNl(before)}. Hier is het ${whatNl(m)}. Krijgt de vraag een andere betekenis? Geef haar dan een nieuwe code. (Alleen de tekst van het label aanpassen mag met dezelfde code.)`,
        en:
          `item code '${m.code}' was first published in questionnaire ${k.firstQuestionnaireCode} version ${k.firstVersion} ` +
          `as ${what(before)}; here it is ${what(m)}. A change in meaning needs a new code (rewording the label may keep it).`,
      },
    });
  }
  return out;
}

async function assertNoConflicts(db: DbOrTx, def: QuestionnaireDefinition) {
  const conflicts = await itemCodeConflicts(db, def);
  if (conflicts.length)
    throw new AppError('conflict', {
      detail: {
        nl: conflicts.map((c) => textIn(c.reason, 'nl')).join(' '),
        en: conflicts.map((c) => textIn(c.reason, 'en')).join(' '),
      },
      invalidParams: conflicts,
    });
}

// ---------------------------------------------------------------------------------------------
// Reading

const itemCount = (def: unknown) => {
  try {
    return [...allItems(def as QuestionnaireDefinition)].filter((x) => x.item.type !== 'note').length;
  } catch {
    return 0;
  }
};

const toSummary = (r: typeof questionnaireVersions.$inferSelect): VersionSummary => ({
  id: r.id,
  questionnaireId: r.questionnaireId,
  version: r.version,
  status: r.status as VersionStatus,
  source: r.source,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  publishedAt: r.publishedAt,
  publishedBy: r.publishedBy,
  itemCount: itemCount(r.definition),
});

export async function listQuestionnaires(db: DbOrTx): Promise<QuestionnaireSummary[]> {
  const qs = await db.select().from(questionnaires).orderBy(asc(questionnaires.code));
  const stats = await db
    .select({
      questionnaireId: questionnaireVersions.questionnaireId,
      latest: sql<number>`max(${questionnaireVersions.version})::int`,
      published: sql<
        number | null
      >`max(${questionnaireVersions.version}) filter (where ${questionnaireVersions.status} = 'published')`,
      n: sql<number>`count(*)::int`,
    })
    .from(questionnaireVersions)
    .groupBy(questionnaireVersions.questionnaireId);
  const byId = new Map(stats.map((s) => [s.questionnaireId, s]));
  return qs.map((q) => {
    const s = byId.get(q.id);
    return {
      id: q.id,
      code: q.code,
      title: q.titleEn ? { nl: q.titleNl, en: q.titleEn } : { nl: q.titleNl },
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      latestVersion: s?.latest ?? null,
      publishedVersion: s?.published == null ? null : Number(s.published),
      versionCount: s?.n ?? 0,
    };
  });
}

export async function getQuestionnaire(
  db: DbOrTx,
  id: string,
): Promise<QuestionnaireSummary & { versions: VersionSummary[] }> {
  const [q] = UUID.test(id) ? await db.select().from(questionnaires).where(eq(questionnaires.id, id)) : [];
  if (!q) throw noQuestionnaire(id);
  const rows = await db
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, id))
    .orderBy(desc(questionnaireVersions.version));
  const versions = rows.map(toSummary);
  const published = versions.filter((v) => v.status === 'published').map((v) => v.version);
  return {
    id: q.id,
    code: q.code,
    title: q.titleEn ? { nl: q.titleNl, en: q.titleEn } : { nl: q.titleNl },
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    latestVersion: versions[0]?.version ?? null,
    publishedVersion: published.length ? Math.max(...published) : null,
    versionCount: versions.length,
    versions,
  };
}

export async function findQuestionnaireByCode(db: DbOrTx, code: string) {
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.code, code));
  return q;
}

async function versionRow(db: DbOrTx, where: ReturnType<typeof and>) {
  const [row] = await db
    .select({ v: questionnaireVersions, code: questionnaires.code })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(where);
  return row;
}

const toVersion = (row: { v: typeof questionnaireVersions.$inferSelect; code: string }): Version => ({
  ...toSummary(row.v),
  questionnaireCode: row.code,
  definition: row.v.definition as QuestionnaireDefinition,
});

/** One version with its definition; 404 when the questionnaire or the version does not exist. */
export async function getVersion(db: DbOrTx, questionnaireId: string, version: number): Promise<Version> {
  const row =
    UUID.test(questionnaireId) && Number.isInteger(version)
      ? await versionRow(
          db,
          and(
            eq(questionnaireVersions.questionnaireId, questionnaireId),
            eq(questionnaireVersions.version, version),
          ),
        )
      : undefined;
  if (!row)
    throw new AppError('not-found', {
      detail: {
        nl: `Vragenlijst ${questionnaireId} heeft geen versie ${version}. Kies een bestaande versie.`,
        en: `no version ${version} of questionnaire ${questionnaireId}`,
      },
    });
  return toVersion(row);
}

/** A version by its own id (as waves refer to it). */
export async function getVersionById(db: DbOrTx, versionId: string): Promise<Version> {
  const row = UUID.test(versionId)
    ? await versionRow(db, and(eq(questionnaireVersions.id, versionId)))
    : undefined;
  if (!row)
    throw new AppError('not-found', {
      detail: {
        nl: `Er is geen vragenlijstversie ${versionId}. Controleer de link of het id.`,
        en: `no questionnaire version ${versionId}`,
      },
    });
  return toVersion(row);
}

// ---------------------------------------------------------------------------------------------
// Changing

const definitionHash = (def: QuestionnaireDefinition) =>
  createHash('sha256').update(JSON.stringify(def)).digest('hex');

export interface Created {
  questionnaireId: string;
  version: Version;
}

/** A new questionnaire with its first (draft) version. 409 when the code exists. */
export async function createQuestionnaire(
  db: DbOrTx,
  actor: Actor,
  input: unknown,
  source = 'json',
): Promise<Created> {
  const def = parseDefinition(input);
  return db.transaction(async (tx) => {
    if (await findQuestionnaireByCode(tx, def.code))
      throw new AppError('conflict', {
        detail: {
          nl: `Er is al een vragenlijst met code '${def.code}'. Maak een nieuwe versie van die vragenlijst.`,
          en: `a questionnaire with code '${def.code}' exists; add a version to it instead`,
        },
        invalidParams: [
          {
            name: 'code',
            code: 'duplicate_code',
            reason: { nl: `Vragenlijst '${def.code}' bestaat al.`, en: `questionnaire '${def.code}' exists` },
          },
        ],
      });
    await assertNoConflicts(tx, def);
    const [q] = await tx
      .insert(questionnaires)
      .values({ code: def.code, titleNl: def.title.nl, titleEn: def.title.en ?? null })
      .returning();
    await audit(tx, actor, {
      action: 'questionnaire.create',
      resourceType: 'questionnaire',
      resourceId: q!.id,
      diff: { code: [null, def.code], title: [null, def.title] },
    });
    const version = await insertVersion(tx, actor, q!.id, def.code, 1, def, source);
    return { questionnaireId: q!.id, version };
  });
}

async function insertVersion(
  tx: DbOrTx,
  actor: Actor,
  questionnaireId: string,
  code: string,
  number: number,
  def: QuestionnaireDefinition,
  source: string,
): Promise<Version> {
  const [row] = await tx
    .insert(questionnaireVersions)
    .values({
      questionnaireId,
      version: number,
      status: 'draft',
      definition: def,
      source,
      createdBy: actor.label,
    })
    .returning();
  await audit(tx, actor, {
    action: 'questionnaire.version.create',
    resourceType: 'questionnaire',
    resourceId: questionnaireId,
    diff: {
      version: [null, number],
      status: [null, 'draft'],
      source: [null, source],
      definitionSha256: [null, definitionHash(def)],
    },
  });
  return toVersion({ v: row!, code });
}

/** A new draft version (the next number) of an existing questionnaire. */
export async function createDraftVersion(
  db: DbOrTx,
  actor: Actor,
  questionnaireId: string,
  input: unknown,
  source = 'json',
): Promise<Version> {
  const def = parseDefinition(input);
  return db.transaction(async (tx) => {
    const q = await lockQuestionnaire(tx, questionnaireId);
    if (def.code !== q.code) throw codeMismatch(def.code, q.code);
    await assertNoConflicts(tx, def);
    const [max] = await tx
      .select({ n: sql<number>`coalesce(max(${questionnaireVersions.version}), 0)::int` })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.questionnaireId, q.id));
    return insertVersion(tx, actor, q.id, q.code, (max?.n ?? 0) + 1, def, source);
  });
}

/** Replaces the definition of a draft version. A published version is refused (409). */
export async function updateDraft(
  db: DbOrTx,
  actor: Actor,
  questionnaireId: string,
  version: number,
  input: unknown,
): Promise<Version> {
  const def = parseDefinition(input);
  return db.transaction(async (tx) => {
    const q = await lockQuestionnaire(tx, questionnaireId);
    const current = await getVersion(tx, q.id, version);
    if (current.status === 'published') throw publishedError(q.code, version);
    if (def.code !== q.code) throw codeMismatch(def.code, q.code);
    await assertNoConflicts(tx, def);
    await tx
      .update(questionnaireVersions)
      .set({ definition: def })
      .where(eq(questionnaireVersions.id, current.id));
    await audit(tx, actor, {
      action: 'questionnaire.version.update',
      resourceType: 'questionnaire',
      resourceId: q.id,
      diff: { version, definitionSha256: [definitionHash(current.definition), definitionHash(def)] },
    });
    return getVersion(tx, q.id, version);
  });
}

const codeMismatch = (given: string, own: string) =>
  new AppError('validation', {
    detail: {
      nl: `De code in de definitie ('${given}') is niet de code van deze vragenlijst ('${own}'). Gebruik code '${own}'.`,
      en: `the definition's code '${given}' is not this questionnaire's code '${own}'`,
    },
    invalidParams: [
      {
        name: 'code',
        code: 'code_mismatch',
        reason: { nl: `Gebruik code '${own}'.`, en: `must be '${own}'` },
      },
    ],
  });

const publishedError = (code: string, version: number) =>
  new AppError('conflict', {
    detail: {
      nl: `Versie ${version} van ${code} is gepubliceerd en kan niet meer veranderen. Maak een nieuwe versie.`,
      en: `version ${version} of ${code} is published and cannot change; create a new version instead`,
    },
    invalidParams: [
      {
        name: 'version',
        code: 'published_immutable',
        reason: {
          nl: 'Een gepubliceerde versie kan niet meer veranderen.',
          en: 'a published version is immutable',
        },
      },
    ],
  });

/** Serialises writers of one questionnaire's versions. */
async function lockQuestionnaire(tx: DbOrTx, id: string) {
  const [q] = UUID.test(id)
    ? await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for('update')
    : [];
  if (!q) throw noQuestionnaire(id);
  return q;
}

const REGISTRY_LOCK = 0x51554553; // 'QUES'

/**
 * Publishes a draft: checks it again, registers its item codes (refusing a code whose meaning
 * differs from its first publication) and makes it immutable. Publishing a published version is 409.
 */
export async function publishVersion(
  db: DbOrTx,
  actor: Actor,
  questionnaireId: string,
  version: number,
): Promise<Version> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REGISTRY_LOCK})`);
    const q = await lockQuestionnaire(tx, questionnaireId);
    const v = await getVersion(tx, q.id, version);
    if (v.status === 'published')
      throw new AppError('conflict', {
        detail: {
          nl: `Versie ${version} van ${q.code} is al gepubliceerd.`,
          en: `version ${version} of ${q.code} is already published`,
        },
        invalidParams: [
          {
            name: 'version',
            code: 'already_published',
            reason: { nl: 'Deze versie is al gepubliceerd.', en: 'already published' },
          },
        ],
      });
    const def = parseDefinition(v.definition);
    await assertNoConflicts(tx, def);
    const meanings = meaningsOf(def);
    if (meanings.length)
      await tx
        .insert(itemCodes)
        .values(
          meanings.map((m) => ({
            code: m.code,
            kind: m.kind,
            fingerprint: fingerprintOf(m),
            meaning: { kind: m.kind, options: m.options, labelNl: m.labelNl },
            firstQuestionnaireId: q.id,
            firstQuestionnaireCode: q.code,
            firstVersion: version,
          })),
        )
        .onConflictDoNothing();
    await tx
      .update(questionnaireVersions)
      .set({ status: 'published', publishedAt: sql`now()`, publishedBy: actor.label })
      .where(eq(questionnaireVersions.id, v.id));
    await tx
      .update(questionnaires)
      .set({ titleNl: def.title.nl, titleEn: def.title.en ?? null, updatedAt: sql`now()` })
      .where(eq(questionnaires.id, q.id));
    await audit(tx, actor, {
      action: 'questionnaire.version.publish',
      resourceType: 'questionnaire',
      resourceId: q.id,
      diff: { version, status: ['draft', 'published'], definitionSha256: definitionHash(def) },
    });
    return getVersion(tx, q.id, version);
  });
}

/**
 * Imports a definition (from JSON or XLSForm): a new questionnaire when its code is new, otherwise
 * a new draft version of the existing one.
 */
export async function importDefinition(
  db: DbOrTx,
  actor: Actor,
  input: unknown,
  source: string,
): Promise<Imported> {
  const def = parseDefinition(input);
  const existing = await findQuestionnaireByCode(db, def.code);
  if (!existing)
    return {
      ...(await createQuestionnaire(db, actor, def, source)),
      created: true,
      unchanged: false,
      changes: [],
    };
  const latest = await latestVersion(db, existing.id);
  // The same definition again makes no new version: the latest one is the answer.
  if (latest && sameDefinition(latest.definition, def))
    return { questionnaireId: existing.id, version: latest, created: false, unchanged: true, changes: [] };
  const version = await createDraftVersion(db, actor, existing.id, def, source);
  return {
    questionnaireId: existing.id,
    version,
    created: false,
    unchanged: false,
    changes: latest ? diffDefinitions(latest.definition, def) : [],
    comparedWith: latest?.version,
  };
}

export interface Imported extends Created {
  /** A new questionnaire (else a version of an existing one). */
  created: boolean;
  /** The definition equals the latest version's: no version was made, `version` is that one. */
  unchanged: boolean;
  /** What differs from the latest version before this import (`comparedWith`). */
  changes: DefinitionChange[];
  comparedWith?: number;
}

/** The highest-numbered version of a questionnaire, draft or published. */
async function latestVersion(db: DbOrTx, questionnaireId: string): Promise<Version | undefined> {
  const [max] = await db
    .select({ n: sql<number>`max(${questionnaireVersions.version})::int` })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaireId));
  return max?.n ? getVersion(db, questionnaireId, max.n) : undefined;
}

/** What changed in a draft since the latest published version before it (none: no such version). */
export async function changesSincePublished(
  db: DbOrTx,
  questionnaireId: string,
  draft: Version,
): Promise<{ since: number; changes: DefinitionChange[] } | undefined> {
  const [prev] = await db
    .select({ n: sql<number>`max(${questionnaireVersions.version})::int` })
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaireId),
        eq(questionnaireVersions.status, 'published'),
        sql`${questionnaireVersions.version} < ${draft.version}`,
      ),
    );
  if (!prev?.n) return undefined;
  const before = await getVersion(db, questionnaireId, prev.n);
  return { since: prev.n, changes: diffDefinitions(before.definition, draft.definition) };
}

/** The item-code registry entry of a code, if it was ever published. */
export async function itemCodeEntry(db: DbOrTx, code: string) {
  const [row] = await db.select().from(itemCodes).where(eq(itemCodes.code, code));
  return row;
}
