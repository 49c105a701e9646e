/**
 * Which factsheets a wave has, decided from the run's data and its disclosure decision (pure).
 *
 * A group "reaches the threshold" when its cell of the headline indicator (any aggression in the past
 * 12 months: `agr_any_12m` for office holders, `emp_agr_any_12m` for employees) is published in the
 * run. Then it gets a factsheet: every role, every layer, every province (not `geen`, which is the
 * waterschap layer), all office holders together, and the employees.
 *
 * A role below the threshold (in the demo: the 12 commissarissen van de Koning, the 21 dijkgraven)
 * shares the factsheet of its related role (`partnerRole`: CdK with the gedeputeerden, dijkgraaf with
 * the DB-leden, …) when that role reaches the threshold; otherwise it has none. A combined factsheet
 * shows each role's own published cells (the small role's are suppressed, so "—"): it never computes a
 * new estimate for the union, which the run's disclosure decision would not cover.
 */
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

/** The related role a small role is combined with (same layer; executives with executives). */
export const partnerRole: Record<string, string> = {
  cdk: 'gedeputeerde',
  dijkgraaf: 'lid_db',
  burgemeester: 'wethouder',
  wethouder: 'burgemeester',
  raadslid: 'wethouder',
  gedeputeerde: 'cdk',
  statenlid: 'gedeputeerde',
  lid_db: 'dijkgraaf',
  lid_ab: 'lid_db',
};

export const HEADLINE = { office_holders: 'agr_any_12m', employees: 'emp_agr_any_12m' } as const;

export interface FactsheetGroup {
  key: string;
  targetGroup: 'office_holders' | 'employees';
  kind: 'role' | 'layer' | 'province' | 'all' | 'employees';
  /** The cells the factsheet is about: one, or one per role of a combined factsheet. */
  members: Array<Record<string, string>>;
}

export interface FactsheetPlan {
  groups: FactsheetGroup[];
  /** Small roles shown in a related role's factsheet: [small, with]. */
  combined: Array<[string, string]>;
  /** Roles with no factsheet at all. */
  left: string[];
}

/** The published cells (by one variable) of the headline indicator: value → published. */
function published(group: GroupEstimates | undefined, code: string, variable?: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of group?.cells ?? []) {
    if (c.indicator !== code) continue;
    const keys = Object.keys(c.by);
    if (variable === undefined ? keys.length !== 0 : keys.length !== 1 || keys[0] !== variable) continue;
    out.set(variable ? c.by[variable]! : '', !c.suppressed && c.estimate !== null);
  }
  return out;
}

const keyPart = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();

export function planFactsheets(estimates: Record<string, GroupEstimates> | undefined): FactsheetPlan {
  const office = estimates?.office_holders;
  const plan: FactsheetPlan = { groups: [], combined: [], left: [] };
  const add = (g: Omit<FactsheetGroup, 'targetGroup'> & { targetGroup?: FactsheetGroup['targetGroup'] }) =>
    plan.groups.push({ targetGroup: 'office_holders', ...g });
  if (published(office, HEADLINE.office_holders).get(''))
    add({ key: 'all-office-holders', kind: 'all', members: [{}] });
  const roles = published(office, HEADLINE.office_holders, 'bg_role');
  const ordered = [...roles.keys()].sort(
    (a, b) => (roleOrder.indexOf(a as never) + 1 || 99) - (roleOrder.indexOf(b as never) + 1 || 99),
  );
  const joined = new Map<string, string[]>();
  for (const role of ordered) {
    if (roles.get(role)) continue;
    const partner = partnerRole[role];
    if (partner && roles.get(partner)) {
      joined.set(partner, [...(joined.get(partner) ?? []), role]);
      plan.combined.push([role, partner]);
    } else plan.left.push(role);
  }
  for (const role of ordered) {
    if (!roles.get(role)) continue;
    const small = joined.get(role) ?? [];
    add({
      key: small.length ? `roles-${[role, ...small].map(keyPart).join('-')}` : `role-${keyPart(role)}`,
      kind: 'role',
      members: [role, ...small].map((r) => ({ bg_role: r })),
    });
  }
  for (const [layer, ok] of published(office, HEADLINE.office_holders, 'bg_layer'))
    if (ok) add({ key: `layer-${keyPart(layer)}`, kind: 'layer', members: [{ bg_layer: layer }] });
  const provinces = [...published(office, HEADLINE.office_holders, 'bg_province')].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  for (const [province, ok] of provinces)
    if (ok && province !== 'geen')
      add({ key: `province-${keyPart(province)}`, kind: 'province', members: [{ bg_province: province }] });
  if (published(estimates?.employees, HEADLINE.employees).get(''))
    add({ key: 'employees', kind: 'employees', targetGroup: 'employees', members: [{}] });
  return plan;
}

/** The group's name in words, e.g. "gedeputeerden en commissarissen van de Koning". */
export function groupName(
  lang: ProductLang,
  g: FactsheetGroup,
  provinceLabel: (p: string) => string,
): string {
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
