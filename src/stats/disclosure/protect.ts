/**
 * Primary and complementary suppression of one table, and the audit that proves it.
 *
 * 1. Primary: every cell below the rules (too few respondents, too wide an interval) is suppressed.
 * 2. Complementary: for each primary cell in turn (complementary cells too when the rules protect
 *    all), while the interval an attacker derives for it (attacker.ts) does not contain the required
 *    window, one more
 *    published cell is suppressed: of the cells whose constraints hold the failing bound (nonzero row
 *    duals of that linear programme), the one with the smallest weighted base — the least information
 *    lost. Suppressing a cell only removes a constraint, so intervals never narrow: a cell that passed
 *    keeps passing, and one pass over the queue suffices. It ends, at the latest, when everything is
 *    suppressed (then every interval is [0, 1]).
 * 3. Audit: the interval of every protected cell under the final decision (a check made after the
 *    last suppression is reused, the others are made again); the decision carries it, and a failing
 *    entry is an error, never a silent publication. `auditTable` computes the same on a fresh
 *    programme from a decision alone (the tests use it to check the heuristic independently).
 */
import type { Highs } from 'highs';
import { AttackerModel } from './attacker.js';
import {
  type AuditEntry,
  type DisclosureDecision,
  type DisclosureRules,
  type DisclosureTable,
  primaryReason,
  requiredWindow,
  type SuppressionReason,
  validateRules,
} from './model.js';

const tolerance = (base: number) => 1e-9 + 1e-6 / base;

interface Check {
  lower: number;
  upper: number;
  required: [number, number] | null;
  ok: boolean;
  /** When not ok: the published cells holding the failing bound. */
  binding: number[];
}

/**
 * The derivable interval of a cell and whether it contains the required window (none for a
 * complementary cell unless the rules protect all). `full`: compute both ends even when one fails.
 */
function check(
  model: AttackerModel,
  cell: number,
  required: boolean,
  rules: DisclosureRules,
  full: boolean,
): Check {
  const base = model.bases[cell]!;
  if (!(base > 0)) return { lower: 0, upper: 1, required: null, ok: true, binding: [] };
  const window = required ? requiredWindow(model.values[cell]! / base, rules.protection) : null;
  const tol = tolerance(base);
  const min = model.bound(cell, 'min');
  const lower = Math.max(0, min.value / base);
  const lowOk = window === null || lower <= window[0] + tol;
  if (!lowOk && !full) return { lower, upper: Number.NaN, required: window, ok: false, binding: min.binding };
  const max = model.bound(cell, 'max');
  const upper = Math.min(1, max.value / base);
  const highOk = window === null || upper >= window[1] - tol;
  return {
    lower,
    upper,
    required: window,
    ok: lowOk && highOk,
    binding: !lowOk ? min.binding : !highOk ? max.binding : [],
  };
}

/** The cheapest published cell to suppress next: smallest weighted base, then fewest respondents. */
function cheapest(table: DisclosureTable, model: AttackerModel, candidates: number[]): number | undefined {
  let best: number | undefined;
  for (const c of candidates) {
    if (!model.isPublished(c)) continue;
    if (
      best === undefined ||
      model.bases[c]! < model.bases[best]! ||
      (model.bases[c] === model.bases[best] && table.cells[c]!.n < table.cells[best]!.n)
    )
      best = c;
  }
  return best;
}

/**
 * Suppresses what the rules require and protects it; returns the decision with its audit.
 * `hint`: cells to suppress as complementary from the start (e.g. the pattern of a table with the same
 * cells and the same primary suppressions, so related tables hide the same cells); the audit still
 * decides, and adds cells where the hint is not enough.
 */
export function protectTable(
  highs: Highs,
  table: DisclosureTable,
  rules: DisclosureRules,
  hint: readonly string[] = [],
): DisclosureDecision {
  const problems = validateRules(rules);
  if (problems.length) throw new Error(`disclosure rules: ${problems.join('; ')}`);
  const reasons = new Map<number, SuppressionReason>();
  table.cells.forEach((c, i) => {
    const r = primaryReason(c, rules);
    if (r) reasons.set(i, r);
  });
  if (reasons.size === 0) return { rules, suppressed: {}, audit: [] };
  const hinted = new Set(hint);
  table.cells.forEach((c, i) => {
    if (hinted.has(c.id) && !reasons.has(i)) reasons.set(i, 'complementary');
  });
  const model = new AttackerModel(highs, table);
  // the last full check of each protected cell, and how many cells were suppressed when it was made
  const last = new Map<number, { check: Check; changes: number }>();
  let changes = 0;
  // cells made of the same atoms (role and layer × role, province `geen` and the waterschap layer) have
  // the same interval: one pair of linear programmes answers for all of them while nothing changes
  const sameAtoms = table.cells.map((c) => [...c.atoms].sort((a, b) => a - b).join(','));
  const solved = new Map<string, { check: Check; changes: number; full: boolean }>();
  const checkCell = (cell: number, full: boolean): Check => {
    const known = solved.get(sameAtoms[cell]!);
    if (known && known.changes === changes && (known.full || !full)) return known.check;
    const c = check(model, cell, true, rules, full);
    solved.set(sameAtoms[cell]!, { check: c, changes, full: full || c.ok });
    return c;
  };
  try {
    for (const i of reasons.keys()) model.setPublished(i, false);
    // complementary cells join the queue only when they need protection themselves
    const queue = [...reasons.entries()].flatMap(([i, r]) =>
      r !== 'complementary' || rules.protect === 'all' ? [i] : [],
    );
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (let c = checkCell(s, false); ; c = checkCell(s, false)) {
        if (c.ok) {
          last.set(s, { check: c, changes });
          break;
        }
        const own = new Set(table.cells[s]!.atoms);
        const next =
          cheapest(table, model, c.binding) ??
          cheapest(
            table,
            model,
            table.cells.flatMap((other, i) => (other.atoms.some((a) => own.has(a)) ? [i] : [])),
          ) ??
          cheapest(
            table,
            model,
            table.cells.map((_, i) => i),
          );
        if (next === undefined) throw new Error(`disclosure: cell ${table.cells[s]!.id} cannot be protected`);
        reasons.set(next, 'complementary');
        model.setPublished(next, false);
        changes++;
        if (rules.protect === 'all') queue.push(next);
      }
    }
    // The audit over the final decision: a check made after the last suppression is already final;
    // the others are made again (they can only have widened since).
    const order = [...reasons.keys()].sort((a, b) => a - b);
    const audit: AuditEntry[] = [];
    for (const i of order) {
      const reason = reasons.get(i)!;
      if (reason === 'complementary' && rules.protect !== 'all') continue;
      const known = last.get(i);
      const c = known && known.changes === changes ? known.check : checkCell(i, true);
      audit.push({
        id: table.cells[i]!.id,
        reason,
        lower: c.lower,
        upper: c.upper,
        required: c.required,
        ok: c.ok,
      });
    }
    const failed = audit.filter((a) => !a.ok);
    if (failed.length)
      throw new Error(`disclosure audit failed for ${failed.map((a) => a.id).join(', ')}: not protected`);
    const suppressed = Object.fromEntries(order.map((i) => [table.cells[i]!.id, reasons.get(i)!]));
    return { rules, suppressed, audit };
  } finally {
    model.dispose();
  }
}

/**
 * The audit: for every suppressed cell that needs protection (primary cells; all when the rules say
 * so), the narrowest interval of its proportion that follows from every published cell (and every
 * weighted base), and whether it contains the required window.
 */
export function auditTable(
  highs: Highs,
  table: DisclosureTable,
  suppressed: Readonly<Record<string, SuppressionReason>>,
  rules: DisclosureRules,
): AuditEntry[] {
  const index = new Map(table.cells.map((c, i) => [c.id, i]));
  const model = new AttackerModel(highs, table);
  try {
    for (const id of Object.keys(suppressed)) {
      const i = index.get(id);
      if (i === undefined) throw new Error(`disclosure audit: no cell ${id}`);
      model.setPublished(i, false);
    }
    return Object.entries(suppressed)
      .filter(([, reason]) => reason !== 'complementary' || rules.protect === 'all')
      .map(([id, reason]) => {
        const c = check(model, index.get(id)!, true, rules, true);
        return { id, reason, lower: c.lower, upper: c.upper, required: c.required, ok: c.ok };
      });
  } finally {
    model.dispose();
  }
}
