/** The integrity channel's vocabularies (stable codes; texts in messages.ts). */

/** Categories of suspected integrity violations (BZK handreiking integriteit politieke ambtsdragers; BIOS typology). */
export const categories = [
  'belangenverstrengeling',
  'vertrouwelijke_informatie',
  'geschenken',
  'declaraties',
  'oneigenlijke_druk',
  'ondermijning',
  'fraude_diefstal_corruptie',
  'misbruik_bevoegdheden',
  'ongewenst_gedrag',
  'overig',
] as const;
export type Category = (typeof categories)[number];

/** anonymous: no identity given; confidential: known to the handlers only; open: may be shared. */
export const identityModes = ['anonymous', 'confidential', 'open'] as const;
export type IdentityMode = (typeof identityModes)[number];

export const channels = ['web', 'oral'] as const;
export type ReportChannel = (typeof channels)[number];

/** The steps of BZK's 2024 handreiking (issue 17 item 4), in order. */
export const states = [
  'ontvangen',
  'intake',
  'vooronderzoek',
  'besluit',
  'onderzoek',
  'hoor_en_wederhoor',
  'besluitvorming',
  'communicatie',
  'nazorg',
  'gearchiveerd',
] as const;
export type ReportState = (typeof states)[number];

export const MAX_TEXT = 20_000;
export const MAX_SHORT = 500;

export interface ReportContent {
  what: string;
  involved: string;
  when: string;
  /** Oral reports only: how the report was made. */
  medium?: OralMedium;
}

/** How an oral report reached the handler (Wbk: by phone or voice message, or in a meeting). */
export const oralMedia = ['phone', 'voicemail', 'meeting'] as const;
export type OralMedium = (typeof oralMedia)[number];

export interface ReporterIdentity {
  name: string;
  contact: string;
}
