/**
 * Labels for the values of the breakdown variables (layer, role, role group, gender, age group,
 * province, size class), so that tables and downloads show "lid algemeen bestuur" and "Zuid-Holland",
 * never `lid_ab` or `zuid_holland`. Roles and size classes reuse the monitor's frame labels; a value
 * without a label shows as itself (a new code shows, never vanishes).
 */
import { frameLabelsEn, frameLabelsNl } from '../monitor/fieldwork/labels.js';
import type { Lang } from '../platform/errors.js';

export const resultsLabelsNl = {
  'results.value.bg_layer.gemeente': 'gemeente',
  'results.value.bg_layer.provincie': 'provincie',
  'results.value.bg_layer.waterschap': 'waterschap',
  'results.value.bg_role_group.bestuurder': 'bestuurder',
  'results.value.bg_role_group.volksvertegenwoordiger': 'volksvertegenwoordiger',
  'results.value.bg_gender.vrouw': 'vrouw',
  'results.value.bg_gender.man': 'man',
  'results.value.bg_gender.anders': 'anders',
  'results.value.bg_gender.wil_niet_zeggen': 'wil ik niet zeggen',
  'results.value.bg_age_group.tot_35': 'jonger dan 35 jaar',
  'results.value.bg_age_group.van_35_tot_50': '35 tot 50 jaar',
  'results.value.bg_age_group.van_50_tot_65': '50 tot 65 jaar',
  'results.value.bg_age_group.vanaf_65': '65 jaar of ouder',
  'results.value.bg_age_group.wil_niet_zeggen': 'wil ik niet zeggen',
  'results.value.bg_province.groningen': 'Groningen',
  'results.value.bg_province.fryslan': 'Fryslân',
  'results.value.bg_province.drenthe': 'Drenthe',
  'results.value.bg_province.overijssel': 'Overijssel',
  'results.value.bg_province.flevoland': 'Flevoland',
  'results.value.bg_province.gelderland': 'Gelderland',
  'results.value.bg_province.utrecht': 'Utrecht',
  'results.value.bg_province.noord_holland': 'Noord-Holland',
  'results.value.bg_province.zuid_holland': 'Zuid-Holland',
  'results.value.bg_province.zeeland': 'Zeeland',
  'results.value.bg_province.noord_brabant': 'Noord-Brabant',
  'results.value.bg_province.limburg': 'Limburg',
  'results.value.bg_province.geen': 'geen provincie (waterschap)',
  'results.value.missing': 'onbekend',
} as const;

export const resultsLabelsEn: Record<keyof typeof resultsLabelsNl, string> = {
  'results.value.bg_layer.gemeente': 'municipality',
  'results.value.bg_layer.provincie': 'province',
  'results.value.bg_layer.waterschap': 'water authority',
  'results.value.bg_role_group.bestuurder': 'executive',
  'results.value.bg_role_group.volksvertegenwoordiger': 'elected representative',
  'results.value.bg_gender.vrouw': 'woman',
  'results.value.bg_gender.man': 'man',
  'results.value.bg_gender.anders': 'other',
  'results.value.bg_gender.wil_niet_zeggen': 'prefer not to say',
  'results.value.bg_age_group.tot_35': 'under 35',
  'results.value.bg_age_group.van_35_tot_50': '35 to 50',
  'results.value.bg_age_group.van_50_tot_65': '50 to 65',
  'results.value.bg_age_group.vanaf_65': '65 or older',
  'results.value.bg_age_group.wil_niet_zeggen': 'prefer not to say',
  'results.value.bg_province.groningen': 'Groningen',
  'results.value.bg_province.fryslan': 'Friesland',
  'results.value.bg_province.drenthe': 'Drenthe',
  'results.value.bg_province.overijssel': 'Overijssel',
  'results.value.bg_province.flevoland': 'Flevoland',
  'results.value.bg_province.gelderland': 'Gelderland',
  'results.value.bg_province.utrecht': 'Utrecht',
  'results.value.bg_province.noord_holland': 'North Holland',
  'results.value.bg_province.zuid_holland': 'South Holland',
  'results.value.bg_province.zeeland': 'Zeeland',
  'results.value.bg_province.noord_brabant': 'North Brabant',
  'results.value.bg_province.limburg': 'Limburg',
  'results.value.bg_province.geen': 'no province (water authority)',
  'results.value.missing': 'unknown',
};

declare module '../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof resultsLabelsNl, string> {}
}

const own: Record<Lang, Record<string, string>> = { nl: resultsLabelsNl, en: resultsLabelsEn };
const frame: Record<Lang, Record<string, string>> = { nl: frameLabelsNl, en: frameLabelsEn };

/** The label of one value of a breakdown variable, in a language (pure: also for CSV and XLSX). */
export function valueLabel(lang: Lang, variable: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return own[lang]['results.value.missing']!;
  const mine = own[lang][`results.value.${variable}.${value}`];
  if (mine) return mine;
  if (variable === 'bg_role') return frame[lang][`frame.role.${value}`] ?? value;
  if (variable === 'bg_org_size') return frame[lang][`frame.size.${value}`] ?? value;
  return value;
}

/** The group of a cell in words: "vrouw, gemeente" (variables in sorted order), or `all` for none. */
export function groupText(lang: Lang, by: Readonly<Record<string, string>>, all: string): string {
  const keys = Object.keys(by).sort();
  return keys.length === 0 ? all : keys.map((v) => valueLabel(lang, v, by[v])).join(', ');
}

/**
 * A raking-margin category of the weighting report in words: "gemeente × raadslid" for the category
 * `gemeente × raadslid` of the margin over bg_layer × bg_role.
 */
export function marginCategoryText(lang: Lang, variables: readonly string[], category: string): string {
  const parts = category.split(' × ');
  if (parts.length !== variables.length) return category;
  return parts.map((p, i) => valueLabel(lang, variables[i]!, p)).join(' × ');
}
