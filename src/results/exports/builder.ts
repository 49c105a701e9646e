/**
 * Builds the export dataset of one target group of a wave (pure): the questionnaire's variables coded
 * as in coding.ts, the frame strata as design variables, and, when the wave has a results run, the
 * weighting stratum, its population size (fpc) and the final weight, in the run's respondent order.
 *
 * Privacy: an anonymous wave never gets the response id (or anything else that points to a person);
 * free-text answers ("anders, namelijk" and open questions) are left out unless `includeFreeText`.
 */
import type { Answers, QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { variablesOf } from '../../monitor/questionnaires/model.js';
import { type ColumnPlan, columnsOf } from './coding.js';
import type { Column, ExportDataset, Label } from './dataset.js';

export interface ExportRespondent {
  id: string;
  strata: Readonly<Record<string, string | null>>;
  answers: Answers;
}

export interface ExportWeighting {
  /** Response ids in the order of the arrays below. */
  responseIds: readonly string[];
  stratum: readonly string[];
  fpc: readonly number[];
  final: readonly number[];
}

export interface ExportInput {
  title: Label;
  questionnaire: QuestionnaireDefinition;
  respondents: readonly ExportRespondent[];
  /** Stratum variables of the frame (bg_layer, bg_role, …), exported as design variables. */
  strata: readonly string[];
  weighting?: ExportWeighting;
  anonymous: boolean;
  includeFreeText?: boolean;
}

const label = (nl: string, en: string): Label => ({ nl, en });

export const WEIGHT_CODE = 'weight';

/** Words SPSS (and PSPP) reserve; a variable may not be named so. */
const RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);

/**
 * Makes a column code unique (case-insensitively, as SPSS compares names), at most 64 characters and not
 * an SPSS reserved word, by a numbered suffix: an item called `weight`, `by` or `a_b` next to the
 * multiple-choice column `a_b` never breaks an export.
 */
function uniqueCodes(): (code: string) => string {
  const used = new Set<string>();
  return (code) => {
    let candidate = code.slice(0, 64);
    for (let n = 2; used.has(candidate.toLowerCase()) || RESERVED.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`;
      candidate = `${code.slice(0, 64 - suffix.length)}${suffix}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

export function buildExportDataset(input: ExportInput): ExportDataset {
  const w = input.weighting;
  // the results run's order when there is one (the order of the weights), else by response id
  let rows: ExportRespondent[];
  if (w) {
    const byId = new Map(input.respondents.map((r) => [r.id, r]));
    rows = w.responseIds.flatMap((id) => byId.get(id) ?? []);
  } else rows = [...input.respondents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(w?.responseIds.map((id, i) => [id, i]));

  const columns: Column[] = [];
  const unique = uniqueCodes();
  const numeric = (
    code: string,
    lbl: Label,
    role: 'design' | 'weight' | 'identifier',
    values: (number | null)[],
    decimals = 0,
  ) =>
    columns.push({
      code: unique(code),
      label: lbl,
      role,
      type: 'numeric',
      measurement: role === 'weight' || decimals > 0 ? 'scale' : 'nominal',
      decimals,
      valueLabels: [],
      missing: [],
      values,
    });
  const string = (code: string, lbl: Label, role: 'design' | 'identifier', values: (string | null)[]) =>
    columns.push({
      code: unique(code),
      label: lbl,
      role,
      type: 'string',
      measurement: 'nominal',
      valueLabels: [],
      missing: [],
      values,
    });

  numeric(
    'case_no',
    label('Volgnummer in dit bestand', 'Sequence number in this file'),
    'design',
    rows.map((_, i) => i + 1),
  );
  if (!input.anonymous)
    string(
      'response_id',
      label('Respons-id', 'Response id'),
      'identifier',
      rows.map((r) => r.id),
    );

  const plans = variablesOf(input.questionnaire)
    .flatMap(columnsOf)
    .filter((p: ColumnPlan) => p.column.role !== 'free-text' || input.includeFreeText);
  const answerCodes = new Set(plans.map((p) => p.column.code.toLowerCase()));
  for (const s of input.strata) {
    const code = answerCodes.has(s.toLowerCase()) ? `${s}_frame` : s;
    string(
      code,
      label(`Steekproefkader: ${s}`, `Sample frame: ${s}`),
      'design',
      rows.map((r) => r.strata[s] ?? null),
    );
  }
  if (w) {
    const at = <T>(xs: readonly T[], r: ExportRespondent) => xs[index.get(r.id) ?? -1] ?? null;
    string(
      'stratum',
      label('Weegstratum', 'Weighting stratum'),
      'design',
      rows.map((r) => at(w.stratum, r)),
    );
    numeric(
      'fpc',
      label(
        'Populatiegrootte van het stratum (eindige-populatiecorrectie)',
        'Population size of the stratum (finite population correction)',
      ),
      'design',
      rows.map((r) => at(w.fpc, r)),
    );
    numeric(
      WEIGHT_CODE,
      label('Eindgewicht (na raking)', 'Final weight (after raking)'),
      'weight',
      rows.map((r) => at(w.final, r)),
      6,
    );
  }
  for (const p of plans) {
    const values = rows.map((r) => p.value(r.answers));
    columns.push({ ...p.column, code: unique(p.column.code), values } as Column);
  }
  return { title: input.title, cases: rows.length, columns, ...(w ? { weight: WEIGHT_CODE } : {}) };
}
