/**
 * The registration gap (issue 16, item 4 ★), pure: per layer and role, the office holders with at
 * least one registered incident in the 12 months before a wave's fieldwork per 100 office holders in
 * that wave's frame, next to the monitor's weighted prevalence of aggression over those 12 months.
 * The registered figures pass the disclosure control for counts (src/stats/disclosure/counts.ts); the
 * monitor's figures come as the results layer published them. Rules: docs/incidents.md.
 */
import {
  type CountCell,
  type CountReason,
  type CountRelation,
  type CountRules,
  defaultCountRules,
  protectCounts,
} from '../../stats/disclosure/index.js';

/** The incident's role (./model.ts `roles`) as the monitor's frame role (bg_role); office holders only. */
export const frameRoleOf: Record<string, string> = {
  burgemeester: 'burgemeester',
  wethouder: 'wethouder',
  raadslid: 'raadslid',
  gedeputeerde: 'gedeputeerde',
  statenlid: 'statenlid',
  commissaris: 'cdk',
  dijkgraaf: 'dijkgraaf',
  db_lid: 'lid_db',
  ab_lid: 'lid_ab',
};

/** The frame's office holders of a layer and role, nationally or in one organisation. */
export interface FrameCount {
  layer: string;
  role: string;
  n: number;
}

/** Office holders with a registered incident, per organisation, layer and role. */
export interface RegisteredCount {
  organisationId: string;
  layer: string;
  role: string;
  persons: number;
}

export interface Prevalence {
  estimate: number | null;
  ci: [number | null, number | null];
  suppressed: boolean;
}

export interface GapRow {
  layer: string;
  /** null: all office holders of the layer. */
  role: string | null;
  frame: number;
  /** Registered office holders, or null when withheld. */
  registered: number | null;
  reason?: CountReason;
  /** Registered per office holder in the frame (× 100: per 100), or null. */
  rate: number | null;
  prevalence: Prevalence | null;
}

/** Also: no rate over fewer than this many office holders in the frame (the monitor's cell of 10). */
export const MIN_FRAME = 10;

/**
 * The rows: each layer's roles and the layer as a whole. `scope: 'national'` protects the registered
 * counts across organisations (threshold, at least 3 organisations, no dominance); `'organisation'`
 * shows one organisation's own counts but withholds small ones (below the threshold, or over fewer
 * than MIN_FRAME office holders), so no single office holder is singled out.
 */
export function gapRows(
  frame: readonly FrameCount[],
  registered: readonly RegisteredCount[],
  prevalence: (layer: string, role: string | null) => Prevalence | null,
  scope: 'national' | 'organisation',
  rules: CountRules = defaultCountRules,
): GapRow[] {
  const effective: CountRules =
    scope === 'national' ? rules : { minCount: rules.minCount, minContributors: 1, maxLargestShare: 1 };
  const layers = [...new Set(frame.map((f) => f.layer))].sort();
  const cells: CountCell[] = [];
  const relations: CountRelation[] = [];
  const rows: Array<Omit<GapRow, 'registered' | 'rate' | 'reason'> & { id: string }> = [];
  const contributions = (layer: string, role: string | null) => {
    const byOrg = new Map<string, number>();
    for (const r of registered)
      if (r.layer === layer && (role === null || r.role === role))
        byOrg.set(r.organisationId, (byOrg.get(r.organisationId) ?? 0) + r.persons);
    return [...byOrg.values()];
  };
  for (const layer of layers) {
    const roles = frame.filter((f) => f.layer === layer && f.n > 0);
    const total = roles.reduce((s, f) => s + f.n, 0);
    for (const f of [
      ...roles.map((r) => ({ role: r.role as string | null, n: r.n })),
      { role: null, n: total },
    ]) {
      const id = `${layer}|${f.role ?? '*'}`;
      cells.push({
        id,
        contributions: contributions(layer, f.role),
        groupSize: Number.MAX_SAFE_INTEGER,
        base: f.n,
      });
      rows.push({ id, layer, role: f.role, frame: f.n, prevalence: prevalence(layer, f.role) });
    }
    relations.push({ total: `${layer}|*`, parts: roles.map((r) => `${layer}|${r.role}`) });
  }
  const { suppressed } = protectCounts(cells, relations, { ...effective, minBase: MIN_FRAME }, 'total');
  return rows.map(({ id, ...row }) => {
    const reason = suppressed[id];
    const count = cells.find((c) => c.id === id)!.contributions.reduce((a, b) => a + b, 0);
    return reason
      ? { ...row, registered: null, reason, rate: null }
      : { ...row, registered: count, rate: row.frame > 0 ? count / row.frame : null };
  });
}
