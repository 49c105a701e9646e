/**
 * The results a narrative reads: the product's wave and any other wave by code or year, each with its
 * latest run the reader may see (release/service.ts), and the indicator definitions of the run.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Wave } from '../../monitor/fieldwork/model.js';
import { listWaves } from '../../monitor/fieldwork/waves-service.js';
import type { Database } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import { indicatorVersion } from '../indicators/service.js';
import { type Visibility, visibleRun } from '../release/service.js';
import { resultsRuns } from '../schema.js';
import type { Lookup, WaveRef } from './resolve.js';

export const waveYear = (wave: Pick<Wave, 'fieldworkStart' | 'createdAt'>): number =>
  Number((wave.fieldworkStart ?? wave.createdAt.toISOString()).slice(0, 4));

/** Lookups of recent renders, keyed by the run they read: 400 letters do not load a run 1,600 times. */
const cache = new WeakMap<Database, Map<string, { at: number; lookup: Promise<Lookup> }>>();
const CACHE_MS = 60_000;

/** The lookup of a wave's latest visible run, shared by the renders of the next minute. */
export async function resultsLookup(
  database: Database,
  wave: Wave,
  visibility: Visibility,
  lang: Lang,
): Promise<Lookup> {
  const [latest] = await database.db
    .select({ id: resultsRuns.id })
    .from(resultsRuns)
    .where(
      and(
        eq(resultsRuns.waveId, wave.id),
        visibility === 'released' ? isNotNull(resultsRuns.releasedAt) : undefined,
      ),
    )
    .orderBy(desc(resultsRuns.version))
    .limit(1);
  const key = `${wave.id}|${latest?.id ?? '-'}|${visibility}|${lang}`;
  const entries = cache.get(database) ?? new Map<string, { at: number; lookup: Promise<Lookup> }>();
  cache.set(database, entries);
  const now = Date.now();
  for (const [k, e] of entries) if (now - e.at > CACHE_MS) entries.delete(k);
  const hit = entries.get(key);
  if (hit) return hit.lookup;
  const lookup = buildLookup(database, wave, visibility, lang);
  entries.set(key, { at: now, lookup });
  lookup.catch(() => entries.delete(key));
  return lookup;
}

async function buildLookup(
  database: Database,
  wave: Wave,
  visibility: Visibility,
  lang: Lang,
): Promise<Lookup> {
  const run = await visibleRun(database, wave.id, visibility);
  const current: WaveRef = { code: wave.code, year: waveYear(wave), ...(run ? { run } : {}) };
  const waves = new Map<string, Promise<WaveRef | undefined>>();
  const definitions = new Map<string, Promise<IndicatorDefinition | undefined>>();
  let all: Promise<Wave[]> | undefined;
  const load = async (ref: string): Promise<WaveRef | undefined> => {
    if (ref === wave.code || ref === String(current.year)) return current;
    all ??= listWaves(database.db);
    const list = await all;
    const byCode = list.find((w) => w.code === ref);
    const candidates = byCode
      ? [byCode]
      : list.filter((w) => /^\d{4}$/.test(ref) && waveYear(w) === Number(ref));
    for (const w of candidates) {
      const r = await visibleRun(database, w.id, visibility);
      if (r) return { code: w.code, year: waveYear(w), run: r };
    }
    if (byCode) return { code: byCode.code, year: waveYear(byCode) };
    // a year without a run in Weerbaar: only published figures can answer
    return /^(19|20)\d{2}$/.test(ref) ? { code: ref, year: Number(ref) } : undefined;
  };
  return {
    lang,
    current,
    wave: (ref) => {
      if (!waves.has(ref)) waves.set(ref, load(ref));
      return waves.get(ref)!;
    },
    definition: (code) => {
      if (!definitions.has(code)) {
        const version = run?.indicators[code];
        definitions.set(
          code,
          indicatorVersion(database.db, code, version).then((d) => d ?? undefined),
        );
      }
      return definitions.get(code)!;
    },
  };
}
