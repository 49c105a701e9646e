/**
 * Stored narrative texts: per wave, or as the default of every wave (waveId null); every save is a new
 * version with its audit record in the same transaction. The text of a section is the wave's latest
 * version, else the stored default, else the built-in default (defaults/).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { narrativeSections } from '../publications/narrative.js';
import type { ProductKind, ProductLang } from '../publications/product.js';
import { builtinText } from './defaults/index.js';
import { resultsTexts } from './schema.js';

/** Longest text of one section (characters). */
export const MAX_TEXT = 20_000;

export interface TextKey {
  kind: ProductKind;
  section: string;
  lang: ProductLang;
}

export type TextSource = 'wave' | 'default' | 'builtin' | 'none';

export interface CurrentText {
  body: string;
  source: TextSource;
  version?: number;
  savedAt?: Date;
  savedBy?: string;
}

export function assertSection(kind: ProductKind, section: string): void {
  if (!narrativeSections[kind].includes(section))
    throw new AppError('not-found', {
      detail: {
        nl: `Publicatie ${kind} heeft geen paragraaf ${section}.`,
        en: `product kind ${kind} has no section ${section}`,
      },
    });
}

const latest = async (db: DbOrTx, waveId: string | null, key: TextKey) => {
  const [row] = await db
    .select()
    .from(resultsTexts)
    .where(
      and(
        waveId === null ? isNull(resultsTexts.waveId) : eq(resultsTexts.waveId, waveId),
        eq(resultsTexts.kind, key.kind),
        eq(resultsTexts.section, key.section),
        eq(resultsTexts.lang, key.lang),
      ),
    )
    .orderBy(desc(resultsTexts.version))
    .limit(1);
  return row;
};

/** The text a section shows in a wave (or, with waveId null, the default for every wave). */
export async function currentText(db: DbOrTx, waveId: string | null, key: TextKey): Promise<CurrentText> {
  for (const [id, source] of [
    [waveId, 'wave'],
    [null, 'default'],
  ] as const) {
    if (source === 'wave' && id === null) continue;
    const row = await latest(db, id, key);
    if (row)
      return {
        body: row.body,
        source,
        version: row.version,
        savedAt: row.createdAt,
        savedBy: row.createdBy,
      };
  }
  const builtin = builtinText(key.kind, key.section, key.lang);
  return builtin === undefined ? { body: '', source: 'none' } : { body: builtin, source: 'builtin' };
}

/** Saves a new version of a section's text (checked by the caller); audited as `results.text.save`. */
export async function saveText(
  database: Database,
  waveId: string | null,
  key: TextKey,
  body: string,
  actor: Actor,
): Promise<{ version: number }> {
  assertSection(key.kind, key.section);
  if (body.length > MAX_TEXT)
    throw new AppError('validation', {
      detail: {
        nl: `De tekst is te lang (meer dan ${MAX_TEXT} tekens).`,
        en: `the text is longer than ${MAX_TEXT} characters`,
      },
    });
  return database.db.transaction(async (tx) => {
    const lockKey = `results-text:${waveId ?? 'default'}:${key.kind}:${key.section}:${key.lang}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
    const version = ((await latest(tx, waveId, key))?.version ?? 0) + 1;
    const [row] = await tx
      .insert(resultsTexts)
      .values({ waveId, ...key, version, body, createdBy: actor.label })
      .returning({ id: resultsTexts.id });
    await audit(tx, actor, {
      action: 'results.text.save',
      resourceType: 'results_text',
      resourceId: row!.id,
      diff: { waveId, ...key, version, length: body.length },
    });
    return { version };
  });
}

/** The stored versions of a section's text, newest first (for the editor's history). */
export async function textVersions(db: DbOrTx, waveId: string | null, key: TextKey) {
  return db
    .select({
      version: resultsTexts.version,
      createdAt: resultsTexts.createdAt,
      createdBy: resultsTexts.createdBy,
    })
    .from(resultsTexts)
    .where(
      and(
        waveId === null ? isNull(resultsTexts.waveId) : eq(resultsTexts.waveId, waveId),
        eq(resultsTexts.kind, key.kind),
        eq(resultsTexts.section, key.section),
        eq(resultsTexts.lang, key.lang),
      ),
    )
    .orderBy(desc(resultsTexts.version))
    .limit(50);
}
