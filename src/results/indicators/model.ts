/**
 * Indicator definitions: a named, versioned 0/1 variable over a target group's answers, with the
 * population it is a share of, the breakdowns to publish and the group comparisons to test. Numerator
 * and population are expressions in the questionnaires' own routing language (`${item} != 'nooit'`,
 * `selected(${item}, 'code')`), evaluated with the monitor's expression engine over the answers and
 * the respondent's strata (bg_*).
 */
import { z } from 'zod';
import {
  compile,
  type Environment,
  type Expr,
  evaluateBoolean,
  referencesOf,
} from '../../monitor/questionnaires/expression.js';
import { type QuestionnaireDefinition, variablesOf } from '../../monitor/questionnaires/model.js';
import { AppError } from '../../platform/errors.js';
import { typeProblems } from './types.js';

export const themes = ['aggression', 'consequences', 'follow_up', 'integrity', 'policy'] as const;

/** Stratum variables a breakdown or an expression may use (what response rows hold). */
export const strataVariables = [
  'bg_layer',
  'bg_role',
  'bg_role_group',
  'bg_province',
  'bg_org_size',
  'bg_gender',
  'bg_age_group',
] as const;

/** Wave-level variables an expression may use. */
export const waveVariables = ['wave_year'] as const;

const localText = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

export const indicatorSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  version: z.number().int().positive(),
  theme: z.enum(themes),
  targetGroup: z.enum(['office_holders', 'organisation_policy', 'employees']),
  label: localText,
  /** 1 when true, 0 when false (for respondents in the population). */
  numerator: z.string().min(1).max(4000),
  /** Who the share is of; absent: every respondent. */
  population: z.string().min(1).max(4000).optional(),
  /** Items that must be answered for the respondent to count (otherwise missing). */
  answered: z.array(z.string()).default([]),
  statistic: z.literal('proportion'),
  breakdowns: z.array(z.array(z.enum(strataVariables))),
  /** Differences tested: to − from within the variable. */
  comparisons: z
    .array(z.strictObject({ variable: z.enum(strataVariables), from: z.string(), to: z.string() }))
    .default([]),
});
export type IndicatorDefinition = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;

export interface CompiledIndicator {
  definition: IndicatorDefinition;
  /** 1, 0, or null (not in the population or not answered). */
  valueOf(strata: Readonly<Record<string, string>>, answers: Readonly<Record<string, unknown>>): 0 | 1 | null;
  /**
   * valueOf of every respondent, computed once per array of respondents (a run's estimates and its
   * disclosure tables read the same column; the respondents must not change afterwards).
   */
  valuesOf(
    respondents: readonly {
      strata: Readonly<Record<string, string>>;
      answers: Readonly<Record<string, unknown>>;
    }[],
  ): readonly (0 | 1 | null)[];
}

function invalid(nl: string, en: string, name: string): AppError {
  return new AppError('validation', {
    detail: { nl, en },
    invalidParams: [{ name, code: 'invalid', reason: { nl, en } }],
  });
}

function parse(src: string, code: string, field: string): Expr {
  const r = compile(src);
  if (!r.ok)
    throw invalid(
      `Indicator ${code}: de formule in ${field} is ongeldig: ${r.error.message.nl}`,
      `indicator ${code}: ${field} does not parse: ${r.error.message.en}`,
      field,
    );
  return r.expr;
}

/**
 * Checks a definition against the questionnaire its target group answers: every item code it names
 * must exist there (or be a stratum variable). Returns the compiled indicator.
 */
export function compileIndicator(
  input: IndicatorInput,
  def: QuestionnaireDefinition,
  /** Wave-level values expressions may use: `${wave_year}`. */
  context: Readonly<Record<string, string>> = {},
): CompiledIndicator {
  const parsed = indicatorSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.join('.');
    throw invalid(`Indicator: ${where}: ${first.message}`, `indicator: ${where}: ${first.message}`, where);
  }
  const d = parsed.data;
  const numerator = parse(d.numerator, d.code, 'numerator');
  const population = d.population ? parse(d.population, d.code, 'population') : undefined;
  const known = new Set<string>([
    ...variablesOf(def).map((v) => v.code),
    ...strataVariables,
    ...waveVariables,
  ]);
  const named = [...referencesOf(numerator), ...(population ? referencesOf(population) : []), ...d.answered];
  for (const ref of named)
    if (!known.has(ref))
      throw invalid(
        `Indicator ${d.code}: vraagcode ${ref} bestaat niet in vragenlijst ${def.code}.`,
        `indicator ${d.code}: unknown item code ${ref} in questionnaire ${def.code}`,
        ref,
      );
  for (const [field, expr] of [
    ['numerator', numerator],
    ['population', population],
  ] as const) {
    const problem = expr ? typeProblems(expr, def)[0] : undefined;
    if (problem)
      throw invalid(
        `Indicator ${d.code}, ${field}: ${problem.nl}`,
        `indicator ${d.code}, ${field}: ${problem.en}`,
        field,
      );
  }
  const memo = new WeakMap<object, readonly (0 | 1 | null)[]>();
  const valueOfRespondent: CompiledIndicator['valueOf'] = (strata, answers) => {
    const env: Environment = {
      get: (name) =>
        Object.hasOwn(answers, name)
          ? answers[name]
          : Object.hasOwn(strata, name)
            ? strata[name]
            : context[name],
    };
    if (population && !evaluateBoolean(population, env)) return null;
    for (const a of d.answered) if (answers[a] === undefined || answers[a] === null) return null;
    return evaluateBoolean(numerator, env) ? 1 : 0;
  };
  return {
    definition: d,
    valueOf: valueOfRespondent,
    valuesOf(respondents) {
      let values = memo.get(respondents);
      if (!values) {
        values = respondents.map((r) => valueOfRespondent(r.strata, r.answers));
        memo.set(respondents, values);
      }
      return values;
    },
  };
}
