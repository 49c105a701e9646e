/**
 * The report form as posted (application/x-www-form-urlencoded) → the service's draft input, and the
 * problems → messages beside the fields, in the form's order.
 */
import type { FieldErrors } from '../../platform/auth/views/fields.js';
import type { MessageKey, Translate } from '../../platform/i18n/catalogue.js';
import { type Draft, draftSchema, submitProblems } from './model.js';
import type { IncidentRow } from './repository.js';
import type { ReportValues } from './views/report-form.js';

const scalarFields = [
  'reporterRelation',
  'concernedName',
  'concernedRole',
  'occurredOn',
  'occurredTime',
  'recurrence',
  'location',
  'channel',
  'channelDetail',
  'description',
  'severity',
  'perpetratorKnown',
  'perpetratorKind',
  'perpetratorDescription',
  'perpetratorName',
] as const;
const listFields = ['forms', 'traits', 'consequences'] as const;
const flagFields = [
  'policeContacted',
  'aangifteMade',
  'aangifteWanted',
  'wantsContact',
  'wantsSupport',
  'wantsAftercare',
] as const;
/** The order of the fields on the form (for the error summary). */
const formOrder = [
  'reporterRelation',
  'concernedName',
  'concernedRole',
  'occurredOn',
  'occurredTime',
  'recurrence',
  'location',
  'channel',
  'channelDetail',
  'forms',
  'traits',
  'description',
  'severity',
  'perpetratorKnown',
  'perpetratorKind',
  'perpetratorDescription',
  'perpetratorName',
  'consequences',
];
const choiceFields = new Set([
  'reporterRelation',
  'concernedRole',
  'recurrence',
  'location',
  'channel',
  'severity',
  'perpetratorKnown',
  'perpetratorKind',
]);

/** Only the form's own fields, as strings or string arrays (anything else is dropped). */
export function reportValues(body: unknown): ReportValues {
  const out: ReportValues = {};
  if (!body || typeof body !== 'object') return out;
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const f of scalarFields) out[f] = str(Array.isArray(b[f]) ? (b[f] as unknown[])[0] : b[f]);
  for (const f of flagFields) out[f] = str(Array.isArray(b[f]) ? (b[f] as unknown[])[0] : b[f]);
  for (const f of listFields) {
    const v = b[f];
    out[f] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string',
    );
  }
  return out;
}

/** The draft input of the values: empty texts and choices left out, flags true only when ticked. */
export function inputOf(values: ReportValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of scalarFields) {
    const v = values[f];
    if (typeof v === 'string' && v.trim() !== '') input[f] = v.trim();
  }
  for (const f of listFields) input[f] = [...new Set(values[f] ?? [])];
  for (const f of flagFields) input[f] = values[f] === 'true';
  return input;
}

/** A stored incident (with the name, if the principal may read it) as form values. */
export function valuesOfRow(row: IncidentRow, perpetratorName: string | null): ReportValues {
  const out: ReportValues = {};
  for (const f of scalarFields) {
    const v = f === 'perpetratorName' ? perpetratorName : (row as Record<string, unknown>)[f];
    out[f] = typeof v === 'string' ? v : undefined;
  }
  for (const f of listFields) out[f] = row[f];
  for (const f of flagFields) out[f] = row[f] ? 'true' : undefined;
  return out;
}

const order = (errors: FieldErrors) =>
  errors.sort((a, b) => formOrder.indexOf(a.field) - formOrder.indexOf(b.field));

/**
 * Checks the values for a draft (`submit` false: only what is malformed) or for sending (also what is
 * missing). Returns the parsed draft, or the problems.
 */
export function checkReport(
  t: Translate,
  values: ReportValues,
  submit: boolean,
  today: string,
): { draft: Draft; errors: [] } | { draft?: undefined; errors: FieldErrors } {
  const parsed = draftSchema.safeParse(inputOf(values));
  const errors: FieldErrors = [];
  const seen = new Set<string>();
  const add = (field: string, key: MessageKey) => {
    if (seen.has(field)) return;
    seen.add(field);
    errors.push({ field, message: t(key) });
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'description');
      if (issue.code === 'too_big') add(field, 'incidents.error.tooLong');
      else if (field === 'occurredOn') add(field, 'incidents.error.date');
      else if (field === 'occurredTime') add(field, 'incidents.error.time');
      else add(field, 'incidents.error.invalid');
    }
    return { errors: order(errors) };
  }
  if (submit) {
    for (const p of submitProblems(parsed.data, today)) {
      if (p.code === 'future') add(p.field, 'incidents.error.future');
      else if (p.field === 'forms') add(p.field, 'incidents.error.requiredForms');
      else if (p.field === 'concernedName') add(p.field, 'incidents.error.concernedName');
      else
        add(
          p.field,
          choiceFields.has(p.field) ? 'incidents.error.requiredChoice' : 'incidents.error.required',
        );
    }
    if (errors.length) return { errors: order(errors) };
  }
  return { draft: parsed.data, errors: [] };
}
