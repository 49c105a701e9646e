import { z } from 'zod';
import { specError } from './errors.js';

/**
 * The analysis spec (test/fixtures/r-survey/README.md): zod is the contract, so validation messages name
 * the JSON path and the TypeScript types come from the same source.
 */
const name = z.string().min(1);
const label = z.union([z.string(), z.number()]).transform(String);

export const designSchema = z
  .object({
    strata: name.optional(),
    cluster: name.optional(),
    weights: name.optional(),
    fpc: name.optional(),
    lonely_psu: z.enum(['fail', 'adjust', 'average', 'remove', 'certainty']).optional(),
    /** PSU labels repeat across strata (R nest = TRUE). */
    nest: z.boolean().optional(),
  })
  .strict();

const marginSchema = z
  .object({ variable: name, totals: z.record(z.string(), z.number().nonnegative()) })
  .strict();

export const calibrateSchema = z
  .object({
    method: z.enum(['raking', 'poststratify', 'linear']),
    margins: z.array(marginSchema).min(1),
    epsilon: z.number().positive().optional(),
    maxit: z.number().int().positive().optional(),
  })
  .strict();

const common = {
  id: name,
  by: z.array(name).default([]),
  confidence: z.number().gt(0).lt(1).optional(),
};

export const estimateSchema = z.discriminatedUnion('statistic', [
  z.object({ ...common, statistic: z.enum(['mean', 'total']), variable: name }).strict(),
  z
    .object({
      ...common,
      statistic: z.literal('proportion'),
      variable: name,
      level: label.optional(),
      ci: z.enum(['wald', 'logit', 'likelihood', 'beta', 'mean', 'xlogit']).optional(),
    })
    .strict(),
  z
    .object({
      ...common,
      statistic: z.literal('difference'),
      variable: name,
      level: label.optional(),
      between: z.object({ variable: name, from: label, to: label }).strict(),
    })
    .strict(),
  z
    .object({
      ...common,
      statistic: z.literal('chisq'),
      variables: z.tuple([name, name]),
      test: z.enum(['F', 'Chisq']).optional(),
    })
    .strict(),
]);

export const specSchema = z
  .object({
    description: z.string().optional(),
    data: name,
    design: designSchema.default({}),
    calibrate: calibrateSchema.optional(),
    estimates: z.array(estimateSchema).min(1),
  })
  .strict();

export type Spec = z.infer<typeof specSchema>;
export type EstimateSpec = z.infer<typeof estimateSchema>;
export type DesignSpec = z.infer<typeof designSchema>;
export type CalibrateSpec = z.infer<typeof calibrateSchema>;

/** `estimates[2].ci` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}

/** Validates a parsed JSON spec; the error names every wrong JSON path and what is wrong there. */
export function parseSpec(json: unknown): Spec {
  const r = specSchema.safeParse(json);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  const first = r.error.issues[0]!;
  throw specError(
    issues.length > 1 ? `${issues.join('; ')}` : first.message,
    issues.length > 1 ? undefined : formatPath(first.path),
  );
}
