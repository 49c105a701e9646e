/**
 * The analysis file of a target group (pure): one row per respondent in the run's canonical order,
 * with the design variables (stratum, fpc), the base, start and final weights, the raking margins'
 * categories, the stratum variables (bg_*), the answers by item code and every indicator's 0/1 value.
 * No direct identifiers: no response or person id, no organisation, no free text and no dates (an
 * open answer or a date can name a person); numbers are written with all their digits (shortest
 * round-trip form), so R reads back the very same doubles.
 */
import { type QuestionnaireDefinition, variablesOf } from '../../monitor/questionnaires/model.js';
import { formatCsv } from '../../platform/csv/csv.js';
import type { Respondent } from '../estimates/compute.js';
import type { CompiledIndicator } from '../indicators/model.js';
import { strataVariables } from '../indicators/model.js';
import type { AppliedMargin } from '../weighting/weighting.js';

/** What the analysis file needs of a weighting run (stored or just computed). */
export interface ReproducibleWeighting {
  rows: number;
  stratum: string[];
  fpc: ArrayLike<number>;
  baseWeights: ArrayLike<number>;
  startWeights: ArrayLike<number>;
  finalWeights: ArrayLike<number>;
  margins: AppliedMargin[];
  epsilon: number;
  maxit: number;
}

export const marginColumn = (name: string) => `m_${name}`;
/** Indicator columns carry a prefix so they can never collide with an item code. */
export const indicatorColumn = (code: string) => `i_${code}`;

export type Column = ReadonlyArray<string | number | null>;

/** Item columns: choices, matrix rows and numbers; several choices as their codes joined by a space. */
function itemColumns(
  respondents: readonly Respondent[],
  questionnaire: QuestionnaireDefinition,
): Array<[string, Column]> {
  const out: Array<[string, Column]> = [];
  for (const v of variablesOf(questionnaire)) {
    if (
      v.kind !== 'single_choice' &&
      v.kind !== 'multiple_choice' &&
      v.kind !== 'matrix_row' &&
      v.kind !== 'number'
    )
      continue;
    out.push([
      v.code,
      respondents.map((r) => {
        const a = r.answers[v.code];
        if (a === null || a === undefined) return null;
        return Array.isArray(a) ? a.join(' ') : a;
      }),
    ]);
  }
  return out;
}

/** The analysis file's columns in their order. */
export function analysisColumns(
  respondents: readonly Respondent[],
  weighting: ReproducibleWeighting,
  questionnaire: QuestionnaireDefinition,
  indicators: readonly CompiledIndicator[],
): Array<[string, Column]> {
  if (respondents.length !== weighting.rows) throw new Error('respondents and weights differ in number');
  const columns: Array<[string, Column]> = [
    ['row', respondents.map((_, i) => i + 1)],
    ['stratum', weighting.stratum],
    ['fpc', Array.from(weighting.fpc)],
    ['w_base', Array.from(weighting.baseWeights)],
    ['w_start', Array.from(weighting.startWeights)],
    ['w_final', Array.from(weighting.finalWeights)],
  ];
  for (const m of weighting.margins) columns.push([marginColumn(m.name), m.values]);
  for (const s of strataVariables)
    if (respondents.some((r) => r.strata[s])) columns.push([s, respondents.map((r) => r.strata[s] || null)]);
  // an item that is also a stratum variable (bg_gender asked in the questionnaire) keeps the stratum's value
  const named = new Set(columns.map(([name]) => name));
  columns.push(...itemColumns(respondents, questionnaire).filter(([code]) => !named.has(code)));
  for (const ind of indicators)
    columns.push([
      indicatorColumn(ind.definition.code),
      respondents.map((r) => ind.valueOf(r.strata, r.answers)),
    ]);
  return columns;
}

const cell = (x: string | number | null) => (x === null ? '' : String(x));

/** CSV (RFC 4180, UTF-8, comma, CRLF); an empty field is a missing value (R `na.strings = ""`). */
export function analysisCsv(columns: ReadonlyArray<[string, Column]>): string {
  const n = columns[0]?.[1].length ?? 0;
  const lines: string[][] = [columns.map(([name]) => name)];
  for (let i = 0; i < n; i++) lines.push(columns.map(([, c]) => cell(c[i] ?? null)));
  return formatCsv(lines);
}
