/**
 * The incident record (issue 16, item 1): the picklists and the validation of a report. The lists follow
 * the public sources in ../shared/domain/meldpunt.md (GIR minimum record, local protocols, the monitor's
 * categories); codes are stable (API, exports), labels are in ./messages.ts.
 */
import { z } from 'zod';

export const incidentStates = ['draft', 'gemeld', 'in_behandeling', 'maatregelen', 'afgesloten'] as const;
export type IncidentState = (typeof incidentStates)[number];
/** The states of a submitted incident (a draft is the reporter's alone). */
export const followUpStates = ['gemeld', 'in_behandeling', 'maatregelen', 'afgesloten'] as const;
export type FollowUpState = (typeof followUpStates)[number];

/** Which state may follow which: forward through the follow-up, closing early, and reopening. */
export const transitions: Record<FollowUpState, readonly FollowUpState[]> = {
  gemeld: ['in_behandeling', 'afgesloten'],
  in_behandeling: ['maatregelen', 'afgesloten'],
  maatregelen: ['afgesloten', 'in_behandeling'],
  afgesloten: ['in_behandeling'],
};

export const recurrences = ['once', 'repeated', 'ongoing'] as const;
export const locations = ['work', 'home', 'public', 'online'] as const;
export const channels = ['in_person', 'phone', 'mail', 'letter', 'social_media', 'other'] as const;
export const forms = [
  'verbal_scolding',
  'verbal_insult',
  'verbal_discriminatory',
  'threat',
  'intimidation',
  'stalking',
  'doxing',
  'sexual_intimidation',
  'physical_violence',
  'property_damage',
  'against_family',
] as const;
export type IncidentForm = (typeof forms)[number];
/** Forms for which the police report is due within 2 working days (VPT agreements). */
export const policeForms: readonly IncidentForm[] = ['threat', 'physical_violence'];
export const traits = ['gender', 'origin', 'religion', 'sexual_orientation', 'other'] as const;
export const roles = [
  'burgemeester',
  'wethouder',
  'raadslid',
  'commissielid',
  'gedeputeerde',
  'statenlid',
  'commissaris',
  'dijkgraaf',
  'db_lid',
  'ab_lid',
  'griffier',
  'secretaris',
  'employee',
  'other',
] as const;
export const reporterRelations = [
  'self',
  'griffier',
  'secretaris',
  'manager',
  'colleague',
  'third_party',
  'coordinator_phone',
] as const;
export const perpetratorKnowns = ['unknown', 'known'] as const;
export const perpetratorKinds = ['individual', 'group', 'organisation'] as const;
export const severities = ['not_serious', 'serious', 'very_serious'] as const;
export const consequences = [
  'injury',
  'absence',
  'damage',
  'work',
  'decisions',
  'considered_quitting',
  'family',
] as const;
export const taskKinds = [
  'first_contact',
  'police_report',
  'aftercare_1w',
  'aftercare_4w',
  'aftercare_3m',
  'other',
] as const;
export type TaskKind = (typeof taskKinds)[number];
export const measureKinds = [
  'talk',
  'warning_letter',
  'building_ban',
  'police_report',
  'damages',
  'home_security',
  'other',
] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), text(max).optional());

/**
 * The report as a reporter fills it in. Everything is optional in a draft (`draftSchema`); a submitted
 * report needs what follow-up cannot do without (`reportSchema`).
 */
export const draftSchema = z.strictObject({
  reporterRelation: z.enum(reporterRelations).optional(),
  concernedName: optionalText(200),
  concernedRole: z.enum(roles).optional(),
  occurredOn: z.iso.date().optional(),
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  recurrence: z.enum(recurrences).optional(),
  location: z.enum(locations).optional(),
  channel: z.enum(channels).optional(),
  channelDetail: optionalText(200),
  forms: z.array(z.enum(forms)).max(forms.length).default([]),
  traits: z.array(z.enum(traits)).max(traits.length).default([]),
  perpetratorKnown: z.enum(perpetratorKnowns).optional(),
  perpetratorKind: z.enum(perpetratorKinds).optional(),
  perpetratorDescription: optionalText(2000),
  /** Kept apart (its own table) and shown only to the coordinator once the report is submitted. */
  perpetratorName: optionalText(200),
  severity: z.enum(severities).optional(),
  consequences: z.array(z.enum(consequences)).max(consequences.length).default([]),
  description: optionalText(10_000),
  policeContacted: z.boolean().default(false),
  aangifteMade: z.boolean().default(false),
  aangifteWanted: z.boolean().default(false),
  wantsContact: z.boolean().default(false),
  wantsSupport: z.boolean().default(false),
  wantsAftercare: z.boolean().default(false),
});
export type DraftInput = z.input<typeof draftSchema>;
export type Draft = z.output<typeof draftSchema>;

/** The fields a submitted report must have. */
export const requiredOnSubmit = [
  'reporterRelation',
  'concernedRole',
  'occurredOn',
  'recurrence',
  'location',
  'channel',
  'forms',
  'severity',
  'description',
] as const;

/** Problems that block submitting a draft: the missing required fields, a date in the future. */
export function submitProblems(d: Draft, today: string): Array<{ field: string; code: string }> {
  const out: Array<{ field: string; code: string }> = [];
  for (const f of requiredOnSubmit) {
    const v = d[f];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) out.push({ field: f, code: 'required' });
  }
  if (d.occurredOn && d.occurredOn > today) out.push({ field: 'occurredOn', code: 'future' });
  if (d.reporterRelation !== undefined && d.reporterRelation !== 'self' && !d.concernedName) {
    out.push({ field: 'concernedName', code: 'required' });
  }
  return out;
}
