/**
 * Disclosure control of a target group's estimates (docs/results.md, "Disclosure control"): per
 * indicator one table for src/stats/disclosure — atoms are the cross-classification of every variable
 * the indicator is broken down by (with each respondent's final weight: W = Σw of those with a value,
 * Y = Σw·y), cells are the published breakdown cells — then primary and complementary suppression and
 * the audit. The decision is written into the estimates: a suppressed cell carries its reason, a
 * comparison that involves one is withheld, and Holm is redone over the tests that remain.
 */
import type { Highs } from 'highs';
import {
  type AuditEntry,
  type DisclosureRules,
  type DisclosureTable,
  primaryReason,
  protectTable,
  type SuppressionReason,
  type TableCell,
} from '../../stats/disclosure/index.js';
import type { CompiledIndicator } from '../indicators/model.js';
import { cellKey } from '../trends/trend.js';
import { applyHolm, type CellEstimate, type GroupEstimates, type Respondent } from './compute.js';

export interface GroupDisclosure {
  rules: DisclosureRules;
  /** Every suppressed cell with the interval an attacker can derive (internal: never served). */
  audit: Array<AuditEntry & { indicator: string; by: Record<string, string> }>;
}

const MISSING = '\u0000';

/** The disclosure table of one indicator, from the respondents and their final weights. */
export function indicatorDisclosureTable(
  respondents: readonly Respondent[],
  weights: ArrayLike<number>,
  indicator: CompiledIndicator,
  cells: readonly CellEstimate[],
): DisclosureTable {
  const vars = [...new Set(indicator.definition.breakdowns.flat())].sort();
  const atomIndex = new Map<string, number>();
  const atoms: Array<{ base: number; value: number }> = [];
  const keys: string[][] = [];
  const values = indicator.valuesOf(respondents);
  respondents.forEach((r, i) => {
    const y = values[i];
    if (y === null || y === undefined) return;
    const key = vars.map((v) => r.strata[v] ?? MISSING);
    const k = key.join('\u0001');
    let j = atomIndex.get(k);
    if (j === undefined) {
      j = atoms.length;
      atomIndex.set(k, j);
      atoms.push({ base: 0, value: 0 });
      keys.push(key);
    }
    const w = weights[i]!;
    atoms[j]!.base += w;
    atoms[j]!.value += w * y;
  });
  // each atom belongs to one cell per breakdown: find it by the cell's key instead of testing every
  // atom against every cell
  const position = new Map<string, number>(vars.map((v, x) => [v, x]));
  const breakdowns = new Map<string, { at: number[]; cells: Map<string, number> }>();
  cells.forEach((c, i) => {
    const vs = Object.keys(c.by).sort();
    const b = vs.join('\u0001');
    let entry = breakdowns.get(b);
    if (!entry) {
      entry = { at: vs.map((v) => position.get(v)!), cells: new Map() };
      breakdowns.set(b, entry);
    }
    entry.cells.set(vs.map((v) => (c.by as Record<string, string>)[v]).join('\u0001'), i);
  });
  const members: number[][] = cells.map(() => []);
  keys.forEach((key, j) => {
    for (const { at, cells: byKey } of breakdowns.values()) {
      const i = byKey.get(at.map((x) => key[x]).join('\u0001'));
      if (i !== undefined) members[i]!.push(j);
    }
  });
  const tableCells: TableCell[] = cells.map((c, i) => ({
    id: cellKey('', c.by),
    atoms: members[i]!,
    n: c.n,
    intervalWidth:
      c.estimate === null || c.ci[0] === null || c.ci[1] === null ? null : Math.max(0, c.ci[1] - c.ci[0]),
  }));
  return { atoms, cells: tableCells };
}

/** Decides and marks what of a group's estimates may be published; returns the audit to store. */
export function discloseGroup(
  highs: Highs,
  input: {
    respondents: readonly Respondent[];
    weights: ArrayLike<number>;
    indicators: readonly CompiledIndicator[];
    estimates: GroupEstimates;
  },
  rules: DisclosureRules,
): GroupDisclosure {
  const audit: GroupDisclosure['audit'] = [];
  const { estimates } = input;
  // indicators with the same primary suppressions (same population) start from the same pattern
  const patterns = new Map<string, string[]>();
  for (const ind of input.indicators) {
    const code = ind.definition.code;
    const cells = estimates.cells.filter((c) => c.indicator === code);
    if (cells.length === 0) continue;
    const table = indicatorDisclosureTable(input.respondents, input.weights, ind, cells);
    const primary = table.cells.flatMap((c) => {
      const r = primaryReason(c, rules);
      return r ? [`${c.id}:${r}`] : [];
    });
    const signature = JSON.stringify([table.cells.map((c) => c.id), primary]);
    const decision = protectTable(highs, table, rules, patterns.get(signature));
    patterns.set(
      signature,
      Object.entries(decision.suppressed).flatMap(([id, r]) => (r === 'complementary' ? [id] : [])),
    );
    cells.forEach((c, i) => {
      const reason = decision.suppressed[table.cells[i]!.id];
      if (reason) c.suppressed = reason;
      else delete c.suppressed;
    });
    for (const a of decision.audit) {
      const cell = cells[table.cells.findIndex((c) => c.id === a.id)]!;
      audit.push({ ...a, indicator: code, by: cell.by });
    }
  }
  const suppressed = new Set(
    estimates.cells.filter((c) => c.suppressed).map((c) => cellKey(c.indicator, c.by)),
  );
  for (const c of estimates.comparisons) {
    const hides = [c.from, c.to].some((v) => suppressed.has(cellKey(c.indicator, { [c.variable]: v })));
    if (hides) c.suppressed = true;
    else delete c.suppressed;
  }
  reapplyHolm(estimates);
  return { rules, audit };
}

/** Holm over the published tests only: a withheld test has no p-value and no verdict. */
export function reapplyHolm(estimates: GroupEstimates): void {
  const comparisons = estimates.comparisons.filter((c) => !c.suppressed);
  for (const c of estimates.comparisons)
    if (c.suppressed) {
      c.pHolm = null;
      c.significant = false;
    }
  applyHolm(comparisons, estimates.trends ?? []);
}

/** The cells that may be shown (trend tests are made between published cells only). */
export const publishedCells = (cells: readonly CellEstimate[]) => cells.filter((c) => !c.suppressed);

export type { SuppressionReason };
