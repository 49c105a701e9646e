/**
 * The comparison of two groups of one breakdown (pure): their cells and the stored, Holm-corrected
 * test of the difference (../estimates/pairs.ts orients it as B − A). The page, its CSV and XLSX read
 * this, and the verdict is the one the run stored, so it is the same everywhere.
 */
import type { ComparisonEstimate } from '../estimates/compute.js';
import { orientComparison } from '../estimates/pairs.js';
import type { IndicatorTable, TableRow } from './table.js';

export interface GroupChoice {
  variable: string;
  value: string;
}

/** The groups one can compare: every group of every one-variable breakdown of the table. */
export function choicesOf(table: IndicatorTable): Array<{ variable: string; values: string[] }> {
  const out = new Map<string, string[]>();
  for (const r of table.rows) {
    if (r.breakdown.length !== 1) continue;
    const v = r.breakdown[0]!;
    const list = out.get(v) ?? [];
    list.push(r.by[v]!);
    out.set(v, list);
  }
  return [...out].map(([variable, values]) => ({ variable, values }));
}

/** "bg_gender=vrouw" → { variable, value }; anything else → undefined. */
export function parseChoice(s: string | undefined): GroupChoice | undefined {
  if (!s) return undefined;
  const i = s.indexOf('=');
  if (i <= 0 || i === s.length - 1) return undefined;
  return { variable: s.slice(0, i), value: s.slice(i + 1) };
}

export type ComparisonProblem =
  | { kind: 'same' }
  | { kind: 'different-breakdowns' }
  | { kind: 'unknown-group'; group: string; variable: string };

export interface Comparison {
  variable: string;
  a: TableRow;
  b: TableRow;
  /** The stored test, as B − A; undefined when the run holds none for these groups. */
  test?: ComparisonEstimate;
}

export function compareGroups(
  table: IndicatorTable,
  a: GroupChoice,
  b: GroupChoice,
): { comparison: Comparison } | { problem: ComparisonProblem } {
  if (a.variable !== b.variable) return { problem: { kind: 'different-breakdowns' } };
  if (a.value === b.value) return { problem: { kind: 'same' } };
  const row = (c: GroupChoice) =>
    table.rows.find(
      (r) => r.breakdown.length === 1 && r.breakdown[0] === c.variable && r.by[c.variable] === c.value,
    );
  const ra = row(a);
  const rb = row(b);
  if (!ra) return { problem: { kind: 'unknown-group', group: a.value, variable: a.variable } };
  if (!rb) return { problem: { kind: 'unknown-group', group: b.value, variable: b.variable } };
  const test = orientComparison(table.comparisons, a.variable, a.value, b.value);
  return { comparison: { variable: a.variable, a: ra, b: rb, ...(test ? { test } : {}) } };
}
