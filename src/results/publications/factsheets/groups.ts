/**
 * Which factsheets a wave has, decided from the run's data and its disclosure decision (pure).
 *
 * A group "reaches the threshold" when its cell of the headline indicator (any aggression in the past
 * 12 months: `agr_any_12m` for office holders, `emp_agr_any_12m` for employees) is published in the
 * run. Then it gets a factsheet: every role, every layer, every province (not `geen`, which is the
 * waterschap layer), all office holders together, and the employees.
 *
 * A role below the threshold (in the demo: the 12 commissarissen van de Koning, the 21 dijkgraven)
 * is combined with the related roles of its layer and role group (CdK with the gedeputeerden as the
 * provincial executives, dijkgraaf with the DB-leden): that factsheet shows the run's cell of layer ×
 * role group (a breakdown of every office-holder indicator, so disclosure control decided it with
 * every other cell). It never computes an estimate of its own. Without a published cell for the
 * combination the small role has no factsheet, and the method chapter says so.
 */
import { roleGroupOf } from '../../../monitor/fieldwork/model.js';
import { t } from '../../../platform/i18n/catalogue.js';
import type { GroupEstimates } from '../../estimates/compute.js';
import type { ProductLang, ProductRef } from '../product.js';

export const roleOrder = [
  'burgemeester',
  'wethouder',
  'raadslid',
  'cdk',
  'gedeputeerde',
  'statenlid',
  'dijkgraaf',
  'lid_db',
  'lid_ab',
] as const;

export const HEADLINE = { office_holders: 'agr_any_12m', employees: 'emp_agr_any_12m' } as const;

export interface FactsheetGroup {
  key: string;
  targetGroup: 'office_holders' | 'employees';
  kind: 'role' | 'layer' | 'province' | 'all' | 'employees';
  /** The cells the factsheet is about (one: the group's own cell). */
  members: Array<Record<string, string>>;
  /** The roles of a combined factsheet (its cell is layer × role group), largest first. */
  roles?: string[];
  /** Of those, the roles too small to publish alone. */
  small?: string[];
}

export interface FactsheetPlan {
  groups: FactsheetGroup[];
  /** Each combined factsheet: the roles too small alone, and the related roles they are shown with. */
  combined: Array<{ small: string[]; with: string[] }>;
  /** Roles with no factsheet at all. */
  left: string[];
}

interface Published {
  by: Record<string, string>;
  ok: boolean;
  /** Suppressed by itself (too few respondents, too uncertain), not to protect another cell. */
  primary: boolean;
}

/** The roles from the largest to the smallest: a combined factsheet names the larger first. */
const bySize = [
  'raadslid',
  'wethouder',
  'burgemeester',
  'statenlid',
  'gedeputeerde',
  'cdk',
  'lid_ab',
  'lid_db',
  'dijkgraaf',
];

/** The headline indicator's cells over exactly these variables: cell key → published. */
function published(
  group: GroupEstimates | undefined,
  code: string,
  variables: string[] = [],
): Map<string, Published> {
  const out = new Map<string, Published>();
  const want = [...variables].sort().join('+');
  for (const c of group?.cells ?? []) {
    if (c.indicator !== code || Object.keys(c.by).sort().join('+') !== want) continue;
    out.set(variables.map((v) => c.by[v]).join('|'), {
      by: c.by,
      ok: !c.suppressed && c.estimate !== null,
      primary: c.suppressed === 'few-respondents' || c.suppressed === 'wide-interval',
    });
  }
  return out;
}

const keyPart = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
const rank = (role: string) => roleOrder.indexOf(role as never) + 1 || 99;

export function planFactsheets(estimates: Record<string, GroupEstimates> | undefined): FactsheetPlan {
  const office = estimates?.office_holders;
  const code = HEADLINE.office_holders;
  const plan: FactsheetPlan = { groups: [], combined: [], left: [] };
  const add = (g: Omit<FactsheetGroup, 'targetGroup'> & { targetGroup?: FactsheetGroup['targetGroup'] }) =>
    plan.groups.push({ targetGroup: 'office_holders', ...g });
  if (published(office, code).get('')?.ok) add({ key: 'all-office-holders', kind: 'all', members: [{}] });
  const roles = published(office, code, ['bg_role']);
  const layerOf = new Map(
    [...published(office, code, ['bg_layer', 'bg_role']).values()].map((c) => [
      c.by.bg_role!,
      c.by.bg_layer!,
    ]),
  );
  const unions = published(office, code, ['bg_layer', 'bg_role_group']);
  const ordered = [...roles.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const combinedFor = new Set<string>();
  for (const role of ordered) {
    if (roles.get(role)!.ok) {
      add({ key: `role-${keyPart(role)}`, kind: 'role', members: [{ bg_role: role }] });
      continue;
    }
    const layer = layerOf.get(role);
    const group = roleGroupOf(role);
    const union = layer && group ? unions.get(`${layer}|${group}`) : undefined;
    const related = ordered.filter((r) => r !== role && layerOf.get(r) === layer && roleGroupOf(r) === group);
    if (!union?.ok || related.length === 0) {
      plan.left.push(role);
      continue;
    }
    const key = `${layer}|${group}`;
    if (combinedFor.has(key)) continue;
    combinedFor.add(key);
    const size = (r: string) => bySize.indexOf(r) + 1 || 99;
    const all = [...related, role].sort((a, b) => size(a) - size(b) || a.localeCompare(b));
    const hidden = all.filter((r) => !roles.get(r)!.ok);
    const small = hidden.some((r) => roles.get(r)!.primary)
      ? hidden.filter((r) => roles.get(r)!.primary)
      : hidden;
    plan.combined.push({ small, with: all.filter((r) => !small.includes(r)) });
    add({ key: `roles-${all.map(keyPart).join('-')}`, kind: 'role', members: [union.by], roles: all, small });
  }
  for (const [layer, c] of published(office, code, ['bg_layer']))
    if (c.ok) add({ key: `layer-${keyPart(layer)}`, kind: 'layer', members: [{ bg_layer: layer }] });
  const provinces = [...published(office, code, ['bg_province'])].sort(([a], [b]) => a.localeCompare(b));
  for (const [province, c] of provinces)
    if (c.ok && province !== 'geen')
      add({ key: `province-${keyPart(province)}`, kind: 'province', members: [{ bg_province: province }] });
  if (published(estimates?.employees, HEADLINE.employees).get('')?.ok)
    add({ key: 'employees', kind: 'employees', targetGroup: 'employees', members: [{}] });
  return plan;
}

/** The group's name in words, e.g. "gedeputeerden en commissarissen van de Koning". */
export function groupName(
  lang: ProductLang,
  g: FactsheetGroup,
  provinceLabel: (p: string) => string,
): string {
  if (g.roles) {
    const names = g.roles.map((r) => t(lang, `pub.fs.group.role.${r}` as never));
    return t(lang, 'pub.fs.and', { a: names.slice(0, -1).join(', '), b: names.at(-1)! });
  }
  const member = (m: Record<string, string>) =>
    g.kind === 'role'
      ? t(lang, `pub.fs.group.role.${m.bg_role}` as never)
      : g.kind === 'layer'
        ? t(lang, `pub.fs.group.layer.${m.bg_layer}` as never)
        : g.kind === 'province'
          ? t(lang, 'pub.fs.group.province', { province: provinceLabel(m.bg_province!) })
          : g.kind === 'all'
            ? t(lang, 'pub.fs.group.all')
            : t(lang, 'pub.fs.group.employees');
  const names = g.members.map(member);
  return names.length === 1
    ? names[0]!
    : t(lang, 'pub.fs.and', { a: names.slice(0, -1).join(', '), b: names.at(-1)! });
}

export function factsheetRef(
  g: FactsheetGroup,
  provinceLabel: (lang: ProductLang, p: string) => string,
): ProductRef {
  const title = (lang: ProductLang) =>
    t(lang, 'pub.fs.title', { group: groupName(lang, g, (p) => provinceLabel(lang, p)) });
  return { kind: 'factsheet', key: g.key, title: { nl: title('nl'), en: title('en') } };
}
