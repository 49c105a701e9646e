/**
 * What an organisation is, in types and zod schemas shared by the service, the API, the pages and
 * the import: layers, size classes, code formats, inputs.
 */
import { z } from 'zod';
import { AppError, type InvalidParam, type Localised, reasonsOf } from '../errors.js';
import { zodReason } from '../i18n/zod-issues.js';
import type { organisationMergers, organisations } from './schema.js';

export const layers = ['gemeente', 'provincie', 'waterschap', 'rijk', 'overig'] as const;
export type Layer = (typeof layers)[number];

export const sizeClasses = ['lt20k', '20k-50k', '50k-100k', 'ge100k'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** Size class by inhabitants; each class includes its lower bound (20 000 is 20k-50k). */
export function sizeClassOf(inhabitants: number | null | undefined): SizeClass | null {
  if (inhabitants === null || inhabitants === undefined) return null;
  if (inhabitants < 20_000) return 'lt20k';
  if (inhabitants < 50_000) return '20k-50k';
  if (inhabitants < 100_000) return '50k-100k';
  return 'ge100k';
}

export const mergerTypes = ['samenvoeging', 'uitbreiding', 'opsplitsing'] as const;
export type MergerType = (typeof mergerTypes)[number];

/** The twelve provinces (CBS codes). Provincie organisations in the database count as known too. */
export const provinceCodes = [
  'PV20',
  'PV21',
  'PV22',
  'PV23',
  'PV24',
  'PV25',
  'PV26',
  'PV27',
  'PV28',
  'PV29',
  'PV30',
  'PV31',
] as const;

/** Code format per layer: CBS for gemeenten and provincies, TOOI for waterschappen, own codes otherwise. */
export const codePatterns: Record<Layer, RegExp> = {
  gemeente: /^GM\d{4}$/,
  provincie: /^PV\d{2}$/,
  waterschap: /^ws\d{4}$/,
  rijk: /^[A-Za-z][A-Za-z0-9_-]{1,31}$/,
  overig: /^[A-Za-z][A-Za-z0-9_-]{1,31}$/,
};
export const codeFormatHint: Record<Layer, Localised> = {
  gemeente: {
    nl: 'GM met 4 cijfers (CBS), bijvoorbeeld GM0363',
    en: 'GM followed by 4 digits (CBS), e.g. GM0363',
  },
  provincie: {
    nl: 'PV met 2 cijfers (CBS), bijvoorbeeld PV27',
    en: 'PV followed by 2 digits (CBS), e.g. PV27',
  },
  waterschap: {
    nl: 'ws met 4 cijfers (TOOI), bijvoorbeeld ws0155',
    en: 'ws followed by 4 digits (TOOI), e.g. ws0155',
  },
  rijk: {
    nl: 'een letter, dan 1 tot 31 letters, cijfers, - of _, bijvoorbeeld BZK',
    en: 'a letter, then 1–31 letters, digits, - or _, e.g. BZK',
  },
  overig: {
    nl: 'een letter, dan 1 tot 31 letters, cijfers, - of _',
    en: 'a letter, then 1–31 letters, digits, - or _',
  },
};

export type Organisation = typeof organisations.$inferSelect;
export type MergerRecord = typeof organisationMergers.$inferSelect;

export interface MergerSource {
  code: string;
  name: string;
  partial: boolean;
}
export interface Merger extends MergerRecord {
  sources: MergerSource[];
}

const isoDate = z.iso.date();
const trimmed = z.string().trim();

export const organisationCreateSchema = z.strictObject({
  code: trimmed.min(1).max(32),
  name: trimmed.min(1).max(200),
  layer: z.enum(layers),
  provinceCode: trimmed.regex(/^PV\d{2}$/, 'a province code PV20…PV31').nullish(),
  inhabitants: z.number().int().min(0).max(100_000_000).nullish(),
  inhabitantsDate: isoDate.nullish(),
  validFrom: isoDate.nullish(),
});
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationUpdateSchema = z.strictObject({
  name: trimmed.min(1).max(200).optional(),
  layer: z.enum(layers).optional(),
  provinceCode: trimmed.regex(/^PV\d{2}$/, 'a province code PV20…PV31').nullish(),
  inhabitants: z.number().int().min(0).max(100_000_000).nullish(),
  inhabitantsDate: isoDate.nullish(),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
});
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;

export const mergerCreateSchema = z.strictObject({
  effectiveDate: isoDate,
  type: z.enum(mergerTypes),
  /** The organisation that continues (uitbreiding, opsplitsing) or was formed (samenvoeging); must exist. */
  successorCode: trimmed.min(1).max(32),
  sources: z
    .array(z.strictObject({ code: trimmed.min(1).max(32), partial: z.boolean().optional() }))
    .min(1)
    .max(50),
  notes: trimmed.max(2000).nullish(),
});
export type MergerCreate = z.infer<typeof mergerCreateSchema>;

/** Parses with a schema; a failure becomes AppError('validation') with one invalidParam per issue. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(
    r.error.issues.map((i) => ({
      name: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : 'body'),
      code: i.code,
      reason: zodReason(i),
    })),
  );
}

export function validationError(invalidParams: InvalidParam[]): AppError {
  return new AppError('validation', {
    detail: reasonsOf(invalidParams),
    invalidParams,
  });
}
