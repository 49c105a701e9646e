/**
 * What a wave and a sample frame are, in constants, types and zod schemas shared by the services,
 * the API, the pages and the CLI: states, target groups, anonymity levels, roles and which layer
 * each role belongs to, and the mail templates with their placeholders.
 */
import { z } from 'zod';
import { AppError, type InvalidParam, reasonsOf } from '../../platform/errors.js';
import { zodReason } from '../../platform/i18n/zod-issues.js';
import type { framePersons, invitations, waves } from './schema.js';

export const waveStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type WaveStatus = (typeof waveStatuses)[number];

export const targetGroups = ['office_holders', 'organisation_policy', 'employees'] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const anonymityLevels = ['anonymous', 'confidential', 'named'] as const;
export type Anonymity = (typeof anonymityLevels)[number];

export type Wave = typeof waves.$inferSelect;
export type FramePerson = typeof framePersons.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;

// Made once (formatting in a time zone is costly).
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
/** Today in the Netherlands as YYYY-MM-DD: fieldwork dates are Dutch calendar days. */
export const dutchToday = (now: Date | number = Date.now()): string => amsterdamDay.format(now);

/**
 * Past its end date: respondents may take part up to and including the end date ("tot en met"), so
 * from the next Dutch calendar day the links take no answers until the researcher extends the date.
 */
export const pastEnd = (wave: Pick<Wave, 'fieldworkEnd'>, today: string = dutchToday()): boolean =>
  wave.fieldworkEnd != null && today > wave.fieldworkEnd;

/** The allowed transitions; anything else is refused. */
export const transitions: Record<WaveStatus, WaveStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'archived'],
  archived: [],
};
export type WaveTransition = 'open' | 'close' | 'reopen' | 'archive';

/** bg_role codes of the outline (office holders) plus the other respondents. */
export const officeRoles = [
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
export const roles = [...officeRoles, 'secretaris', 'griffier', 'medewerker'] as const;
export type Role = (typeof roles)[number];

const decentral = ['gemeente', 'provincie', 'waterschap'];
/** The layers (organisation registry `layer`) each role exists in. */
export const roleLayers: Record<Role, string[]> = {
  burgemeester: ['gemeente'],
  wethouder: ['gemeente'],
  raadslid: ['gemeente'],
  cdk: ['provincie'],
  gedeputeerde: ['provincie'],
  statenlid: ['provincie'],
  dijkgraaf: ['waterschap'],
  lid_db: ['waterschap'],
  lid_ab: ['waterschap'],
  secretaris: decentral,
  griffier: decentral,
  medewerker: decentral,
};

/** The roles a target group consists of. */
export const targetGroupRoles: Record<TargetGroup, readonly Role[]> = {
  office_holders: officeRoles,
  organisation_policy: ['secretaris', 'griffier'],
  employees: ['medewerker'],
};

/** bg_role_group of the outline. */
export function roleGroupOf(role: string): 'bestuurder' | 'volksvertegenwoordiger' | null {
  if (['burgemeester', 'wethouder', 'cdk', 'gedeputeerde', 'dijkgraaf', 'lid_db'].includes(role))
    return 'bestuurder';
  if (['raadslid', 'statenlid', 'lid_ab'].includes(role)) return 'volksvertegenwoordiger';
  return null;
}

/** Spellings accepted in frame files for each role code. */
const roleAliases: Record<string, Role> = {
  commissaris_van_de_koning: 'cdk',
  commissaris_van_de_koningin: 'cdk',
  lid_dagelijks_bestuur: 'lid_db',
  lid_algemeen_bestuur: 'lid_ab',
  gemeentesecretaris: 'secretaris',
  provinciesecretaris: 'secretaris',
  secretaris_directeur: 'secretaris',
  gemeentesecretaris_algemeen_directeur: 'secretaris',
  raadsgriffier: 'griffier',
  statengriffier: 'griffier',
  ambtenaar: 'medewerker',
  employee: 'medewerker',
  mayor: 'burgemeester',
  alderman: 'wethouder',
  councillor: 'raadslid',
  clerk: 'griffier',
  secretary: 'secretaris',
};

export function normaliseRole(value: string): Role | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((roles as readonly string[]).includes(v)) return v as Role;
  return roleAliases[v];
}

/** bg_gender and bg_age_group codes of the outline (optional frame columns). */
export const genderCodes = ['vrouw', 'man', 'anders', 'wil_niet_zeggen'] as const;
const genderAliases: Record<string, string> = {
  v: 'vrouw',
  m: 'man',
  f: 'vrouw',
  female: 'vrouw',
  male: 'man',
};
export const ageGroupCodes = [
  'tot_35',
  'van_35_tot_50',
  'van_50_tot_65',
  'vanaf_65',
  'wil_niet_zeggen',
] as const;

export function normaliseCode(value: string, codes: readonly string[], aliases: Record<string, string> = {}) {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (codes.includes(v)) return v;
  return aliases[v];
}
export const normaliseGender = (v: string) => normaliseCode(v, genderCodes, genderAliases);
export const normaliseAgeGroup = (v: string) => normaliseCode(v, ageGroupCodes);

/** bg_province codes of the outline by CBS province code. */
export const provinceOutlineCodes: Record<string, string> = {
  PV20: 'groningen',
  PV21: 'fryslan',
  PV22: 'drenthe',
  PV23: 'overijssel',
  PV24: 'flevoland',
  PV25: 'gelderland',
  PV26: 'utrecht',
  PV27: 'noord_holland',
  PV28: 'zuid_holland',
  PV29: 'zeeland',
  PV30: 'noord_brabant',
  PV31: 'limburg',
};

/** bg_org_size codes of the outline from the registry's size classes; provincie and waterschap: nvt. */
export function orgSizeCode(layer: string, sizeClass: string | null): string | null {
  if (layer !== 'gemeente') return 'nvt';
  switch (sizeClass) {
    case 'lt20k':
      return 'tot_20k';
    case '20k-50k':
      return 'van_20k_tot_50k';
    case '50k-100k':
      return 'van_50k_tot_100k';
    case 'ge100k':
      return 'vanaf_100k';
    default:
      return null;
  }
}

/**
 * The stratum variables of a frame person as the outline names them (bg_*), for the response row
 * (copied, never linked) and for exports. `organisation` only when the caller decides it may be kept.
 */
export function frameStrata(
  p: Pick<FramePerson, 'layer' | 'role' | 'provinceCode' | 'sizeClass' | 'gender' | 'ageGroup' | 'strata'>,
): Record<string, string | null> {
  return {
    bg_layer: p.layer,
    bg_role: p.role,
    bg_role_group: roleGroupOf(p.role),
    bg_province: p.provinceCode ? (provinceOutlineCodes[p.provinceCode] ?? p.provinceCode) : null,
    bg_org_size: p.sizeClass,
    bg_gender: p.gender,
    bg_age_group: p.ageGroup,
    ...Object.fromEntries(
      Object.entries((p.strata ?? {}) as Record<string, string>).map(([k, v]) => [k, String(v)]),
    ),
  };
}

// ---- mail templates ----

export const mailKinds = ['invitation', 'reminder'] as const;
export type MailKind = (typeof mailKinds)[number];
export const placeholders = ['naam', 'link', 'einddatum', 'organisatie', 'afmeldlink', 'minuten'] as const;

export interface MailText {
  subject: string;
  body: string;
}
export type WaveMailTemplates = Record<MailKind, Record<'nl' | 'en', MailText>>;

export const defaultMailTemplates: WaveMailTemplates = {
  invitation: {
    nl: {
      subject: 'Uitnodiging: Monitor Integriteit en Veiligheid',
      body:
        'Beste {naam},\n\n' +
        'Wij nodigen u uit om mee te doen aan de Monitor Integriteit en Veiligheid. ' +
        'Met uw antwoorden helpt u het openbaar bestuur veiliger en weerbaarder te maken. ' +
        'Het invullen duurt ongeveer {minuten} minuten.\n\n' +
        'Vul de vragenlijst in via uw persoonlijke link:\n{link}\n\n' +
        'U kunt meedoen tot en met {einddatum}. U kunt tussendoor stoppen en later verdergaan met dezelfde link.\n\n' +
        'U ontvangt deze uitnodiging als medewerker of bestuurder van {organisatie}.\n\n' +
        'Wilt u geen berichten meer over dit onderzoek? Meld u dan af:\n{afmeldlink}\n\n' +
        'Met vriendelijke groet,\nHet onderzoeksteam',
    },
    en: {
      subject: 'Invitation: Integrity and Safety Monitor',
      body:
        'Dear {naam},\n\n' +
        'We invite you to take part in the Integrity and Safety Monitor. ' +
        'Your answers help make public administration safer and more resilient. ' +
        'It takes about {minuten} minutes.\n\n' +
        'Please answer through your personal link:\n{link}\n\n' +
        'You can take part until {einddatum}. You can stop and continue later with the same link.\n\n' +
        'You receive this invitation as an office holder or employee of {organisatie}.\n\n' +
        'Do not want any more messages about this study? Unsubscribe:\n{afmeldlink}\n\n' +
        'Kind regards,\nThe research team',
    },
  },
  reminder: {
    nl: {
      subject: 'Herinnering: Monitor Integriteit en Veiligheid',
      body:
        'Beste {naam},\n\n' +
        'Kort geleden nodigden wij u uit voor de Monitor Integriteit en Veiligheid. ' +
        'Wij hebben uw antwoorden nog niet ontvangen. Uw mening telt, ook als u weinig heeft meegemaakt.\n\n' +
        '{link}\n\n' +
        'U kunt meedoen tot en met {einddatum}.\n\n' +
        'Wilt u geen berichten meer over dit onderzoek? Meld u dan af:\n{afmeldlink}\n\n' +
        'Met vriendelijke groet,\nHet onderzoeksteam',
    },
    en: {
      subject: 'Reminder: Integrity and Safety Monitor',
      body:
        'Dear {naam},\n\n' +
        'Recently we invited you to take part in the Integrity and Safety Monitor. ' +
        'We have not received your answers yet. Your view counts, even if you experienced little.\n\n' +
        '{link}\n\n' +
        'You can take part until {einddatum}.\n\n' +
        'Do not want any more messages about this study? Unsubscribe:\n{afmeldlink}\n\n' +
        'Kind regards,\nThe research team',
    },
  },
};

// ---- inputs ----

const trimmed = z.string().trim();
const isoDate = z.iso.date();

const mailTextSchema = z.strictObject({
  subject: trimmed.min(1).max(200),
  body: trimmed.min(1).max(20_000),
});
export const mailTemplatesSchema = z.strictObject({
  invitation: z.strictObject({ nl: mailTextSchema, en: mailTextSchema }),
  reminder: z.strictObject({ nl: mailTextSchema, en: mailTextSchema }),
});

/**
 * The wave's privacy statement for respondents (shown on /r/:token/privacy): who is responsible
 * (the controller), on what legal basis, how long the answers and the frame are kept, and whom to
 * ask. Written by the researcher for each wave; a part not set is said to be missing, never guessed.
 */
export const wavePrivacySchema = z.strictObject({
  controller: trimmed.max(500).optional(),
  legalBasis: trimmed.max(1000).optional(),
  retention: trimmed.max(1000).optional(),
  contact: trimmed.max(500).optional(),
});
export type WavePrivacy = z.infer<typeof wavePrivacySchema>;

const WAVE_CODE_MESSAGE = 'letters, digits, - and _, e.g. monitor-2026';

export const waveCreateSchema = z.strictObject({
  code: trimmed
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, WAVE_CODE_MESSAGE),
  name: trimmed.min(1).max(200),
  anonymity: z.enum(anonymityLevels).default('anonymous'),
  fieldworkStart: isoDate.nullish(),
  fieldworkEnd: isoDate.nullish(),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(10).default([7, 14]),
  mailTemplates: mailTemplatesSchema.optional(),
  privacy: wavePrivacySchema.optional(),
});
export type WaveCreate = z.input<typeof waveCreateSchema>;

export const waveUpdateSchema = z.strictObject({
  name: trimmed.min(1).max(200).optional(),
  anonymity: z.enum(anonymityLevels).optional(),
  fieldworkStart: isoDate.nullish(),
  fieldworkEnd: isoDate.nullish(),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(10).optional(),
  mailTemplates: mailTemplatesSchema.optional(),
  privacy: wavePrivacySchema.optional(),
});
export type WaveUpdate = z.input<typeof waveUpdateSchema>;

/** The Dutch of the schemas' own messages (zod keeps them in English only). */
const ownMessagesNl: Record<string, string> = {
  [WAVE_CODE_MESSAGE]: 'Gebruik alleen letters, cijfers, - en _, bijvoorbeeld monitor-2026.',
};

/** Parses with a schema; a failure becomes AppError('validation') with one invalidParam per issue. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const invalidParams: InvalidParam[] = r.error.issues.map((i) => ({
    name: i.path.join('.') || 'body',
    code: i.code,
    reason: ownMessagesNl[i.message] ? { nl: ownMessagesNl[i.message]!, en: i.message } : zodReason(i),
  }));
  throw new AppError('validation', { detail: reasonsOf(invalidParams), invalidParams });
}

/** Fills `{placeholder}`s; unknown placeholders are refused when the template is saved (see checkTemplates). */
export function fillTemplate(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? params[name]! : m));
}

/** Every placeholder used that Weerbaar does not know; `{link}` must be in every body. */
export function checkTemplates(t: WaveMailTemplates): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const known = placeholders.map((p) => `{${p}}`).join(', ');
  for (const kind of mailKinds) {
    for (const lang of ['nl', 'en'] as const) {
      for (const part of ['subject', 'body'] as const) {
        for (const m of t[kind][lang][part].matchAll(/\{(\w+)\}/g)) {
          if (!(placeholders as readonly string[]).includes(m[1]!)) {
            problems.push({
              name: `mailTemplates.${kind}.${lang}.${part}`,
              code: 'unknown_placeholder',
              reason: {
                nl: `De tekst bevat {${m[1]}}, maar die kent Weerbaar niet. U kunt deze gebruiken: ${known}.`,
                en: `unknown placeholder {${m[1]}}; known: ${known}`,
              },
            });
          }
        }
      }
      if (!t[kind][lang].body.includes('{link}')) {
        problems.push({
          name: `mailTemplates.${kind}.${lang}.body`,
          code: 'missing_link',
          reason: {
            nl: 'De tekst moet {link} bevatten: daar komt de link naar de vragenlijst.',
            en: 'the body must contain {link}',
          },
        });
      }
    }
  }
  return problems;
}
