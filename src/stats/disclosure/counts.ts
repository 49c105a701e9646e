/**
 * Disclosure control for tables of counts summed over organisations (pure), e.g. the Meldpunt's
 * national benchmark: no cell from fewer than a threshold of units, no organisation identifiable.
 * See docs/incidents.md, "National benchmark: disclosure rules".
 *
 * A cell is a count with each organisation's contribution (its own incidents in that cell). Primary
 * suppression (a nonzero cell; zero discloses nobody):
 * - `few-units`: the count is below `minCount`;
 * - `few-contributors`: fewer than `minContributors` organisations contribute to it (a group average
 *   of two organisations is each one's figure to the other);
 * - `dominance`: one organisation contributes more than `maxLargestShare` of it (the (1, k) dominance
 *   rule: the cell would mostly be that organisation's figure).
 * A cell may also be declared small by its group (`groupSize` below `minContributors`): a group of
 * fewer organisations than that is suppressed whole; and a count shown as a rate by its base (`base`
 * below `minBase`, e.g. fewer than 10 office holders in the frame: then even a 0 says something).
 *
 * Complementary suppression over the table's additive relations (a total and the parts that sum to it,
 * e.g. a layer and its size classes, or all incidents and their severities): in every relation, the
 * suppressed members must be none or at least two, and when the total is published the suppressed
 * parts together must not be a small cell themselves (their sum is then known: it must reach
 * `minCount`, or every part is suppressed). Until that holds, the published part with the smallest
 * count (else the total; or the total first, `prefer: 'total'`) is suppressed too; relations are checked again until nothing changes. This
 * protects hierarchical tables (parts → total → grand total), the only kind the Meldpunt publishes.
 */

export interface CountRules {
  minCount: number;
  minContributors: number;
  /** 0–1: the largest contribution may be at most this share of the cell. */
  maxLargestShare: number;
  /** No cell whose base (the population it is a rate of, `CountCell.base`) is below this. */
  minBase?: number;
}

/** The Meldpunt's defaults: 5 incidents, 3 organisations, no organisation above half of a cell. */
export const defaultCountRules: CountRules = { minCount: 5, minContributors: 3, maxLargestShare: 0.5 };

export interface CountCell {
  id: string;
  /** Each organisation's contribution (≥ 0, whole numbers), in any order. */
  contributions: readonly number[];
  /** The number of organisations in the cell's group (also those contributing 0); default: contributions.length. */
  groupSize?: number;
  /** The population the count is shown as a rate of (e.g. office holders in the frame); see `minBase`. */
  base?: number;
}

export interface CountRelation {
  total: string;
  parts: readonly string[];
}

export type CountReason = 'few-units' | 'few-contributors' | 'dominance' | 'complementary';

export interface CountDecision {
  rules: CountRules;
  /** Cell id → why it is not shown; cells not listed are shown. */
  suppressed: Record<string, CountReason>;
}

export const countOf = (c: CountCell) => c.contributions.reduce((a, b) => a + b, 0);

export function validateCountRules(r: CountRules): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(r.minCount) || r.minCount < 1)
    errors.push('minCount must be a whole number of at least 1');
  if (!Number.isInteger(r.minContributors) || r.minContributors < 1)
    errors.push('minContributors must be a whole number of at least 1');
  if (!(r.maxLargestShare > 0 && r.maxLargestShare <= 1))
    errors.push('maxLargestShare must be above 0 and at most 1');
  return errors;
}

/** Why a cell may not be shown by itself, or null. */
export function primaryCountReason(cell: CountCell, rules: CountRules): CountReason | null {
  const total = countOf(cell);
  if (rules.minBase !== undefined && cell.base !== undefined && cell.base < rules.minBase) return 'few-units';
  if ((cell.groupSize ?? cell.contributions.length) < rules.minContributors) return 'few-contributors';
  if (total === 0) return null;
  if (total < rules.minCount) return 'few-units';
  if (cell.contributions.filter((x) => x > 0).length < rules.minContributors) return 'few-contributors';
  if (Math.max(...cell.contributions) > rules.maxLargestShare * total) return 'dominance';
  return null;
}

export function protectCounts(
  cells: readonly CountCell[],
  relations: readonly CountRelation[],
  rules: CountRules = defaultCountRules,
  /**
   * Which cell to give up first when a relation needs one more: the smallest published part
   * ('parts', the least information lost), or its total ('total': keeps the detailed cells, e.g. the
   * groups of a benchmark, and gives up the margin; the margin's own relations are then checked in turn).
   */
  prefer: 'parts' | 'total' = 'parts',
): CountDecision {
  const problems = validateCountRules(rules);
  if (problems.length) throw new Error(`disclosure rules: ${problems.join('; ')}`);
  const byId = new Map(cells.map((c) => [c.id, c]));
  for (const r of relations)
    for (const id of [r.total, ...r.parts]) if (!byId.has(id)) throw new Error(`disclosure: no cell ${id}`);
  const suppressed: Record<string, CountReason> = {};
  for (const c of cells) {
    const reason = primaryCountReason(c, rules);
    if (reason) suppressed[c.id] = reason;
  }
  const count = (id: string) => countOf(byId.get(id)!);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      if (r.parts.length === 0) continue;
      const members = [r.total, ...r.parts];
      const hidden = members.filter((id) => suppressed[id]);
      const hiddenParts = r.parts.filter((id) => suppressed[id]);
      const needsMore =
        hidden.length === 1 ||
        (!suppressed[r.total] &&
          hiddenParts.length > 0 &&
          hiddenParts.length < r.parts.length &&
          hiddenParts.reduce((s, id) => s + count(id), 0) < rules.minCount);
      if (!needsMore) continue;
      const open = r.parts
        .filter((id) => !suppressed[id])
        .sort((a, b) => count(a) - count(b) || (a < b ? -1 : 1));
      const next = prefer === 'total' && !suppressed[r.total] ? r.total : (open[0] ?? r.total);
      suppressed[next] = 'complementary';
      changed = true;
    }
  }
  return { rules, suppressed };
}
