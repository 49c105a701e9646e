/**
 * Disclosure control for tables of weighted proportions (pure): the rules, the table as an attacker
 * sees it, and the decision. See docs/results.md, "Disclosure control".
 *
 * A table is a set of *atoms* — the finest cells of everything published together (for a survey
 * indicator: the cross-classification of every breakdown variable), each with its weighted base W
 * (the weighted number of respondents in the denominator) and its weighted count Y (of those, the
 * weighted number in the numerator) — and a set of published *cells*, each the union of some atoms
 * (the grand total, the cells of every breakdown). A cell's value is the proportion ΣY / ΣW of its
 * atoms. Every linear relation between cells (margins, shared totals, cross breakdowns, structural
 * zeros such as "waterschappen have no province") follows from the atoms they share.
 */

export interface DisclosureRules {
  /** No cell from fewer respondents than this is published (primary suppression). */
  minRespondents: number;
  /** No cell whose confidence interval is wider than this (a proportion, 0.4 = 40 points); null: no limit. */
  maxIntervalWidth: number | null;
  /**
   * Every suppressed cell must keep an interval of at least ± this (a proportion, 0.1 = 10 points)
   * that an attacker cannot narrow from everything published.
   */
  protection: number;
  /**
   * Which suppressed cells need that protection: 'primary' (default; the cells below the thresholds,
   * as τ-ARGUS does: a complementary cell could have been published by itself) or 'all' (complementary
   * cells too; on survey tables this cascades up to the grand total).
   */
  protect: 'primary' | 'all';
}

/**
 * The defaults: at least 10 respondents (as the anonymity design's cells of 10), an interval no wider
 * than 40 points (±20: anything wider says little and invites over-reading), ±10 points protection.
 */
export const defaultRules: DisclosureRules = {
  minRespondents: 10,
  maxIntervalWidth: 0.4,
  protection: 0.1,
  protect: 'primary',
};

export interface Atom {
  /** Weighted base W (≥ 0): known to the attacker (conservative; exact for raking margins). */
  base: number;
  /** Weighted count Y, 0 ≤ Y ≤ W: what is to be protected. */
  value: number;
}

export interface TableCell {
  id: string;
  /** Indices of the atoms the cell is made of (each at most once). */
  atoms: readonly number[];
  /** Unweighted respondents in the cell. */
  n: number;
  /** Width of the cell's confidence interval (a proportion); null when there is none. */
  intervalWidth: number | null;
}

export interface DisclosureTable {
  atoms: readonly Atom[];
  cells: readonly TableCell[];
}

export type SuppressionReason = 'few-respondents' | 'wide-interval' | 'complementary';

export interface AuditEntry {
  id: string;
  reason: SuppressionReason;
  /** The narrowest interval of the cell's proportion derivable from everything published. */
  lower: number;
  upper: number;
  /** The window it must contain: 2 × protection wide, around the true value, shifted into [0, 1]; null for an empty cell. */
  required: [number, number] | null;
  ok: boolean;
}

export interface DisclosureDecision {
  rules: DisclosureRules;
  /** Cell id → why it is not published. Cells not listed are published. */
  suppressed: Record<string, SuppressionReason>;
  /** One entry per suppressed cell that needs protection (primary; all when `protect` is 'all'), in table order. */
  audit: AuditEntry[];
}

export const cellBase = (t: DisclosureTable, c: TableCell) =>
  c.atoms.reduce((s, j) => s + t.atoms[j]!.base, 0);
export const cellValue = (t: DisclosureTable, c: TableCell) =>
  c.atoms.reduce((s, j) => s + t.atoms[j]!.value, 0);

/** Primary suppression: why a cell may not be published by itself, or null. */
export function primaryReason(cell: TableCell, rules: DisclosureRules): SuppressionReason | null {
  if (cell.n < rules.minRespondents) return 'few-respondents';
  if (
    rules.maxIntervalWidth !== null &&
    (cell.intervalWidth === null || cell.intervalWidth > rules.maxIntervalWidth)
  )
    return 'wide-interval';
  return null;
}

/**
 * The window a suppressed cell's derivable interval must contain: [p − P, p + P], shifted to lie in
 * [0, 1] when p is within P of either end (so a cell at 0% still needs an interval up to 2P).
 */
export function requiredWindow(p: number, protection: number): [number, number] {
  const width = Math.min(1, 2 * protection);
  const lower = Math.min(Math.max(p - protection, 0), 1 - width);
  return [lower, lower + width];
}

/** Checks the rules themselves; a clear message for each impossible value. */
export function validateRules(rules: DisclosureRules): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(rules.minRespondents) || rules.minRespondents < 1)
    errors.push('minRespondents must be a whole number of at least 1');
  if (rules.maxIntervalWidth !== null && !(rules.maxIntervalWidth > 0 && rules.maxIntervalWidth <= 1))
    errors.push('maxIntervalWidth must be above 0 and at most 1');
  if (!(rules.protection > 0 && rules.protection <= 0.5))
    errors.push('protection must be above 0 and at most 0.5');
  if (rules.protect !== 'primary' && rules.protect !== 'all')
    errors.push("protect must be 'primary' or 'all'");
  return errors;
}
