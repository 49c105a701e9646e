/**
 * Labels for the codes of the sample frame (bg_role, layer, province, size class), so that tables show
 * "lid van het algemeen bestuur" and "Zuid-Holland", never `lid_ab` or `PV28` (issue 12 §2).
 */
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/context.js';

export const frameLabelsNl = {
  'frame.role.burgemeester': 'burgemeester',
  'frame.role.wethouder': 'wethouder',
  'frame.role.raadslid': 'raadslid',
  'frame.role.cdk': 'commissaris van de Koning',
  'frame.role.gedeputeerde': 'gedeputeerde',
  'frame.role.statenlid': 'Statenlid',
  'frame.role.dijkgraaf': 'dijkgraaf',
  'frame.role.lid_db': 'lid dagelijks bestuur',
  'frame.role.lid_ab': 'lid algemeen bestuur',
  'frame.role.secretaris': 'secretaris',
  'frame.role.griffier': 'griffier',
  'frame.role.medewerker': 'medewerker',
  'frame.province.PV20': 'Groningen',
  'frame.province.PV21': 'Fryslân',
  'frame.province.PV22': 'Drenthe',
  'frame.province.PV23': 'Overijssel',
  'frame.province.PV24': 'Flevoland',
  'frame.province.PV25': 'Gelderland',
  'frame.province.PV26': 'Utrecht',
  'frame.province.PV27': 'Noord-Holland',
  'frame.province.PV28': 'Zuid-Holland',
  'frame.province.PV29': 'Zeeland',
  'frame.province.PV30': 'Noord-Brabant',
  'frame.province.PV31': 'Limburg',
  'frame.size.tot_20k': 'minder dan 20.000 inwoners',
  'frame.size.van_20k_tot_50k': '20.000 tot 50.000 inwoners',
  'frame.size.van_50k_tot_100k': '50.000 tot 100.000 inwoners',
  'frame.size.vanaf_100k': '100.000 inwoners of meer',
  'frame.size.nvt': 'niet van toepassing',
} as const;

export const frameLabelsEn: Record<keyof typeof frameLabelsNl, string> = {
  'frame.role.burgemeester': 'mayor',
  'frame.role.wethouder': 'alderman',
  'frame.role.raadslid': 'council member',
  'frame.role.cdk': "King's commissioner",
  'frame.role.gedeputeerde': 'provincial executive member',
  'frame.role.statenlid': 'provincial council member',
  'frame.role.dijkgraaf': 'dike reeve',
  'frame.role.lid_db': 'executive board member',
  'frame.role.lid_ab': 'general board member',
  'frame.role.secretaris': 'secretary',
  'frame.role.griffier': 'clerk',
  'frame.role.medewerker': 'employee',
  'frame.province.PV20': 'Groningen',
  'frame.province.PV21': 'Friesland',
  'frame.province.PV22': 'Drenthe',
  'frame.province.PV23': 'Overijssel',
  'frame.province.PV24': 'Flevoland',
  'frame.province.PV25': 'Gelderland',
  'frame.province.PV26': 'Utrecht',
  'frame.province.PV27': 'North Holland',
  'frame.province.PV28': 'South Holland',
  'frame.province.PV29': 'Zeeland',
  'frame.province.PV30': 'North Brabant',
  'frame.province.PV31': 'Limburg',
  'frame.size.tot_20k': 'under 20,000 inhabitants',
  'frame.size.van_20k_tot_50k': '20,000 to 50,000 inhabitants',
  'frame.size.van_50k_tot_100k': '50,000 to 100,000 inhabitants',
  'frame.size.vanaf_100k': '100,000 inhabitants or more',
  'frame.size.nvt': 'not applicable',
};

declare module '../../platform/i18n/catalogue.js' {
  interface Messages extends Record<keyof typeof frameLabelsNl, string> {}
}

/** The label of a code, or the code itself when the catalogue has none (a new code shows, never vanishes). */
const label = (ctx: PageContext, key: string, code: string) => {
  const text = ctx.t(key as MessageKey);
  return text === key ? code : text;
};
export const roleLabel = (ctx: PageContext, role: string | null) =>
  role ? label(ctx, `frame.role.${role}`, role) : '—';
export const layerLabel = (ctx: PageContext, layer: string | null) =>
  layer ? label(ctx, `orgs.layer.${layer}`, layer) : '—';
export const provinceLabel = (ctx: PageContext, code: string | null) =>
  code ? label(ctx, `frame.province.${code}`, code) : '—';
export const sizeClassLabel = (ctx: PageContext, size: string | null) =>
  size ? label(ctx, `frame.size.${size}`, label(ctx, `orgs.size.${size}`, size)) : '—';
