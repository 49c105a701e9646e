/**
 * The national benchmark (issue 16, item 4), pure: from each organisation's counts, the figures of
 * groups of comparable organisations (same layer and size class), of each layer and of the country,
 * and an organisation's own figures next to the average of the *other* organisations of its group.
 * Every number shown passes the disclosure control for counts (src/stats/disclosure/counts.ts); the
 * rules are in docs/incidents.md, "National benchmark".
 */
import {
  type CountCell,
  type CountReason,
  type CountRelation,
  type CountRules,
  defaultCountRules,
  protectCounts,
} from '../../stats/disclosure/index.js';
import { forms, severities } from './model.js';

/** One organisation's incidents in the period (only organisations that use the Meldpunt). */
export interface OrganisationCounts {
  organisationId: string;
  layer: string;
  sizeClass: string | null;
  total: number;
  forms: Record<string, number>;
  /** By severity, `unknown` for none given; sums to `total`. */
  severity: Record<string, number>;
  aangifte: number;
  firstContactOnTime: number;
  firstContactLate: number;
}

export const severityParts = [...severities, 'unknown'] as const;

/** The counted measures of a unit; shares are a measure over `total` (first contact: over done). */
export const measures = [
  'total',
  ...forms.map((f) => `form.${f}` as const),
  ...severityParts.map((s) => `severity.${s}` as const),
  'aangifte',
  'firstContactDone',
  'firstContactOnTime',
  'firstContactLate',
] as const;
export type Measure = (typeof measures)[number];

const measureValue = (o: OrganisationCounts, m: Measure): number => {
  if (m === 'total') return o.total;
  if (m === 'aangifte') return o.aangifte;
  if (m === 'firstContactOnTime') return o.firstContactOnTime;
  if (m === 'firstContactLate') return o.firstContactLate;
  if (m === 'firstContactDone') return o.firstContactOnTime + o.firstContactLate;
  if (m.startsWith('form.')) return o.forms[m.slice(5)] ?? 0;
  return o.severity[m.slice(9)] ?? 0;
};

/** A shown count, or null with the reason it is not shown. */
export interface Figure {
  count: number | null;
  reason?: CountReason;
}

export interface BenchmarkUnit {
  /** `all`, a layer (`gemeente`), or a group (`gemeente|20k-50k`; `-` for an unknown size class). */
  id: string;
  layer: string | null;
  sizeClass: string | null;
  /** Organisations in the unit; null when the unit is too small to show at all. */
  organisations: number | null;
  figures: Record<Measure, Figure>;
}

export const groupOf = (o: Pick<OrganisationCounts, 'layer' | 'sizeClass'>) =>
  `${o.layer}|${o.sizeClass ?? '-'}`;

/** Within one unit: all incidents are the sum of their severities; first contacts done of on time and late. */
const innerRelations = (unit: string): CountRelation[] => [
  { total: `${unit}#total`, parts: severityParts.map((s) => `${unit}#severity.${s}`) },
  {
    total: `${unit}#firstContactDone`,
    parts: [`${unit}#firstContactOnTime`, `${unit}#firstContactLate`],
  },
];

function figuresOf(unit: string, suppressed: Record<string, CountReason>, cells: Map<string, CountCell>) {
  return Object.fromEntries(
    measures.map((m) => {
      const id = `${unit}#${m}`;
      const reason = suppressed[id];
      const count = cells.get(id)!.contributions.reduce((a, b) => a + b, 0);
      return [m, reason ? { count: null, reason } : { count }];
    }),
  ) as Record<Measure, Figure>;
}

/** BZK's view: every group, every layer and the country, protected together as one table. */
export function nationalBenchmark(
  orgs: readonly OrganisationCounts[],
  rules: CountRules = defaultCountRules,
): BenchmarkUnit[] {
  const units = new Map<
    string,
    { layer: string | null; sizeClass: string | null; members: OrganisationCounts[] }
  >();
  const add = (id: string, layer: string | null, sizeClass: string | null, o: OrganisationCounts) => {
    const u = units.get(id) ?? { layer, sizeClass, members: [] };
    u.members.push(o);
    units.set(id, u);
  };
  for (const o of orgs) {
    add('all', null, null, o);
    add(o.layer, o.layer, null, o);
    add(groupOf(o), o.layer, o.sizeClass, o);
  }
  if (!units.has('all')) units.set('all', { layer: null, sizeClass: null, members: [] });
  const cells = new Map<string, CountCell>();
  const relations: CountRelation[] = [];
  for (const [id, u] of units) {
    for (const m of measures)
      cells.set(`${id}#${m}`, {
        id: `${id}#${m}`,
        contributions: u.members.map((o) => measureValue(o, m)),
      });
    relations.push(...innerRelations(id));
  }
  const layers = [...units.keys()].filter((id) => id !== 'all' && !id.includes('|'));
  for (const m of measures) {
    relations.push({ total: `all#${m}`, parts: layers.map((l) => `${l}#${m}`) });
    for (const l of layers)
      relations.push({
        total: `${l}#${m}`,
        parts: [...units.keys()].filter((id) => id.startsWith(`${l}|`)).map((g) => `${g}#${m}`),
      });
  }
  const { suppressed } = protectCounts([...cells.values()], relations, rules, 'total');
  const order = (id: string) => (id === 'all' ? '0' : id.includes('|') ? `1${id}` : `1${id}|`);
  return [...units.entries()]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
    .map(([id, u]) => ({
      id,
      layer: u.layer,
      sizeClass: u.sizeClass,
      organisations: u.members.length >= rules.minContributors ? u.members.length : null,
      figures: figuresOf(id, suppressed, cells),
    }));
}

export interface OrganisationBenchmark {
  group: { layer: string; sizeClass: string | null };
  own: Record<Measure, number>;
  /** The other organisations of the group; their figures protected. */
  others: BenchmarkUnit;
}

/** An organisation's own figures next to those of the other organisations of its group. */
export function organisationBenchmark(
  orgs: readonly OrganisationCounts[],
  organisation: { id: string; layer: string; sizeClass: string | null },
  rules: CountRules = defaultCountRules,
): OrganisationBenchmark {
  const own = orgs.find((o) => o.organisationId === organisation.id);
  const others = orgs.filter(
    (o) => o.organisationId !== organisation.id && groupOf(o) === groupOf(organisation),
  );
  const cells = new Map<string, CountCell>(
    measures.map((m) => [
      `others#${m}`,
      { id: `others#${m}`, contributions: others.map((o) => measureValue(o, m)) },
    ]),
  );
  const { suppressed } = protectCounts([...cells.values()], innerRelations('others'), rules);
  return {
    group: { layer: organisation.layer, sizeClass: organisation.sizeClass },
    own: Object.fromEntries(measures.map((m) => [m, own ? measureValue(own, m) : 0])) as Record<
      Measure,
      number
    >,
    others: {
      id: 'others',
      layer: organisation.layer,
      sizeClass: organisation.sizeClass,
      organisations: others.length >= rules.minContributors ? others.length : null,
      figures: figuresOf('others', suppressed, cells),
    },
  };
}

/** A share of two figures, or null when either is not shown or the denominator is 0. */
export const shareOf = (num: Figure, den: Figure): number | null =>
  num.count === null || den.count === null || den.count === 0 ? null : num.count / den.count;

/** Incidents per organisation of a unit, or null when not shown. */
export const perOrganisation = (u: BenchmarkUnit): number | null =>
  u.organisations === null || u.figures.total.count === null ? null : u.figures.total.count / u.organisations;
