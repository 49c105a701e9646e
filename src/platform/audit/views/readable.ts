/**
 * The audit log for people (issue 12 §2): a change as "field: old → new" lines, never raw JSON, and ids as
 * names where the platform knows them (users, organisations); other ids shortened to their first 8
 * characters (the full id stays in the API, /api/v1/audit-entries).
 */

import { isUuid } from '../../uuid.js';

export { isUuid };

/** Known names by id (users, organisations). */
export type Names = ReadonlyMap<string, string>;

/** One value: names for known ids, a short form for others, lists joined, objects as `key: value` pairs. */
export function readableValue(v: unknown, names: Names): string {
  if (v === null || v === undefined || v === '') return '—';
  if (isUuid(v)) return names.get(v) ?? `${v.slice(0, 8)}…`;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => readableValue(x, names)).join(', ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${readableValue(x, names)}`)
      .join('; ');
  return String(v);
}

export interface ChangeLine {
  field: string;
  /** Present when the change records a before and an after (`diffOf`: `{ field: [before, after] }`). */
  before?: string;
  after: string;
}

/** The lines of a diff: `[before, after]` pairs become before → after; anything else is a plain value. */
export function changeLines(diff: unknown, names: Names): ChangeLine[] {
  if (diff === null || diff === undefined) return [];
  if (typeof diff !== 'object' || Array.isArray(diff))
    return [{ field: '', after: readableValue(diff, names) }];
  return Object.entries(diff as Record<string, unknown>).map(([field, v]) =>
    Array.isArray(v) && v.length === 2
      ? { field, before: readableValue(v[0], names), after: readableValue(v[1], names) }
      : { field, after: readableValue(v, names) },
  );
}

/** Every id in the entries (resource ids and ids inside the changes), to look names up once per page. */
export function idsIn(entries: ReadonlyArray<{ resourceId: string | null; diff: unknown }>): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (isUuid(v)) found.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const e of entries) {
    walk(e.resourceId);
    walk(e.diff);
  }
  return [...found];
}
