/**
 * Registry lists, cached per query in this process. The registry (about 400 organisations) changes a few
 * times a year but is listed on every organisation page, picker and `/api/v1/organisations` call, so a
 * list is kept together with the registry epoch it was read at (drizzle/0010_registry_epoch.sql: moved
 * by a trigger on every change, in any process, also by plain SQL) and used only while that epoch has
 * not moved. Checking costs nothing on PGlite and one tiny shared query on PostgreSQL (../db/epochs.ts).
 *
 * - The epoch is read before the list: a change committed in between makes the epoch move, and the
 *   next call reads again, so a cached list is never older than its epoch says.
 * - Entries also expire after `maxAgeMs`: "active" depends on today's date (an announced merger takes
 *   effect at midnight), which no epoch records.
 * - At most `maxEntries` queries are kept, the least recently used dropped first.
 * - Cached lists are frozen: callers share them.
 */
import type { Database } from '../db/database.js';
import { epochsOf } from '../db/epochs.js';

interface Entry<T> {
  epoch: string;
  at: number;
  value: T;
}

export interface ListCache<T> {
  get(database: Database, key: string, load: () => Promise<T>): Promise<T>;
  /** Queries the database answered (misses), for tests and diagnostics. */
  readonly loads: number;
}

export function registryListCache<T>(options: { maxEntries?: number; maxAgeMs?: number } = {}): ListCache<T> {
  const maxEntries = options.maxEntries ?? 500;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const byDatabase = new WeakMap<Database, Map<string, Entry<T>>>();
  let loads = 0;

  return {
    async get(database, key, load) {
      let entries = byDatabase.get(database);
      if (!entries) {
        entries = new Map();
        byDatabase.set(database, entries);
      }
      const { registry: epoch } = await epochsOf(database).read();
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.epoch === epoch && now - hit.at < maxAgeMs) {
        // most recently used last
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      loads += 1;
      const value = deepFreeze(await load());
      entries.delete(key);
      entries.set(key, { epoch, at: now, value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get loads() {
      return loads;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
