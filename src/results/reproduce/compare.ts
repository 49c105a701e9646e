/**
 * Compares two result tables in the layout of weerbaar.csv / reproduced.csv (tests and the benchmark):
 * the same rows by kind, indicator, breakdown and group, the same n, and every number within a
 * relative tolerance (absolute below 1).
 */
import { readCsvTable } from '../../platform/csv/csv.js';
import type { ResultRow } from './package.js';

export const rowKey = (r: ResultRow) => `${r.kind}|${r.indicator}|${r.breakdown}|${r.group}`;
const numeric = ['estimate', 'se', 'ci_lower', 'ci_upper', 'p'] as const;

export const readResults = (csv: string) => readCsvTable(csv).rows.map((r) => r.values as ResultRow);

/** The differences found (empty when the tables agree), and the largest relative difference. */
export function compareResults(
  ours: readonly ResultRow[],
  theirs: readonly ResultRow[],
  tolerance = 1e-9,
): { problems: string[]; largest: number } {
  const problems: string[] = [];
  let largest = 0;
  const byKey = new Map(theirs.map((r) => [rowKey(r), r]));
  const ourKeys = new Set(ours.map(rowKey));
  for (const r of theirs) if (!ourKeys.has(rowKey(r))) problems.push(`${rowKey(r)}: only in the other table`);
  for (const a of ours) {
    const b = byKey.get(rowKey(a));
    if (!b) {
      problems.push(`${rowKey(a)}: missing in the other table`);
      continue;
    }
    if (Number(a.n) !== Number(b.n)) problems.push(`${rowKey(a)} n: ${a.n} vs ${b.n}`);
    for (const c of numeric) {
      if (a[c] === '' && b[c] === '') continue;
      const x = Number(a[c]);
      const y = Number(b[c]);
      const d = Math.abs(x - y) / Math.max(1, Math.abs(y));
      if (!(d <= tolerance)) problems.push(`${rowKey(a)} ${c}: ${a[c]} vs ${b[c]}`);
      if (d > largest || Number.isNaN(d)) largest = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
    }
  }
  return { problems, largest };
}
