import type { Factor } from './factor.js';
import { compareLabels } from './factor.js';

/** One domain of a breakdown: its labels and its rows (ascending). */
export interface Domain {
  key: Record<string, string>;
  rows: Int32Array;
}

/**
 * The domains of a breakdown by one or more categorical columns: every combination present in the data
 * with no missing value, sorted by labels (R: unique complete combinations, ordered). No breakdown is one
 * domain with every row.
 */
export function domainsOf(names: string[], factors: Factor[], rows: number): Domain[] {
  if (factors.length === 0) return [{ key: {}, rows: allRows(rows) }];
  const group = new Int32Array(rows).fill(-1);
  const ids = new Map<number, number>();
  const first: number[] = [];
  for (let i = 0; i < rows; i++) {
    let key = 0;
    let ok = true;
    for (const f of factors) {
      const c = f.codes[i]!;
      if (c < 0) {
        ok = false;
        break;
      }
      key = key * f.levels.length + c;
    }
    if (!ok) continue;
    let id = ids.get(key);
    if (id === undefined) {
      id = first.length;
      ids.set(key, id);
      first.push(i);
    }
    group[i] = id;
  }
  const counts = new Int32Array(first.length);
  for (let i = 0; i < rows; i++) if (group[i]! >= 0) counts[group[i]!]!++;
  const lists = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(first.length);
  for (let i = 0; i < rows; i++) {
    const g = group[i]!;
    if (g >= 0) lists[g]![fill[g]!++] = i;
  }
  const domains = first.map((row, g) => ({
    key: Object.fromEntries(names.map((n, j) => [n, factors[j]!.levels[factors[j]!.codes[row]!]!])),
    rows: lists[g]!,
  }));
  return domains.sort((a, b) => {
    for (const n of names) {
      const c = compareLabels(a.key[n]!, b.key[n]!);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** The rows of `rows` for which keep(i) holds. */
export function filterRows(rows: Int32Array, keep: (i: number) => boolean): Int32Array {
  let n = 0;
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) if (keep(rows[k]!)) out[n++] = rows[k]!;
  return out.subarray(0, n);
}

/** 0, 1, …, n − 1. */
export function allRows(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}
