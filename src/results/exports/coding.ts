/**
 * How questionnaire variables become export columns (pure): the coding of answers as numbers with value
 * labels, the user-missing codes and the measurement level. One place, so every format says the same.
 *
 * - single choice and matrix rows: numeric; an option whose code is an integer keeps it, other options
 *   are numbered 1, 2, … in questionnaire order; "weet niet" (weet_niet) is 98 and "wil niet zeggen"
 *   (wil_niet_zeggen) is 99, both user-missing. Matrix rows (one scale for a grid) are ordinal, single
 *   choice nominal.
 * - multiple choice (and multiple-answer grids): one 0/1 column per option, `<item>_<option>`.
 * - number: numeric, scale. date: text `YYYY-MM-DD`. text and "anders, namelijk": free text.
 */
import type { AnswerValue, LocalText, Option, Variable } from '../../monitor/questionnaires/model.js';
import { textIn } from '../../monitor/questionnaires/model.js';
import type { ColumnMeta, Label, MeasurementLevel, NumericColumn, ValueLabel } from './dataset.js';

export const MISSING_CODES: Readonly<Record<string, number>> = { weet_niet: 98, wil_niet_zeggen: 99 };

const label = (text: LocalText | undefined): Label => ({ nl: textIn(text, 'nl'), en: textIn(text, 'en') });
const joined = (a: Label, b: Label): Label => ({ nl: `${a.nl}: ${b.nl}`, en: `${a.en}: ${b.en}` });

/** Option code → its number in the export. */
export function optionNumbers(options: readonly Option[]): Map<string, number> {
  const out = new Map<string, number>();
  const integer = options.filter((o) => /^-?\d+$/.test(o.code) && !(o.code in MISSING_CODES));
  if (integer.length === options.length) {
    for (const o of options) out.set(o.code, Number(o.code));
    return out;
  }
  let n = 0;
  for (const o of options) out.set(o.code, MISSING_CODES[o.code] ?? ++n);
  return out;
}

/** A code safe in every format: letters, digits and `_`, starting with a letter. */
export const safeCode = (code: string) => {
  const s = code.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `v_${s}`;
};

export interface ColumnPlan {
  column: ColumnMeta;
  /** The cell of one respondent from their answers. */
  value(answers: Readonly<Record<string, AnswerValue | null | undefined>>): number | string | null;
}

function choice(
  code: string,
  lbl: Label,
  options: readonly Option[],
  measurement: MeasurementLevel,
  answerCode: string,
): ColumnPlan {
  const numbers = optionNumbers(options);
  const valueLabels: ValueLabel<number>[] = options.map((o) => ({
    value: numbers.get(o.code)!,
    label: label(o.label),
  }));
  const missing = options.filter((o) => o.code in MISSING_CODES).map((o) => numbers.get(o.code)!);
  const column: Omit<NumericColumn, 'values'> = {
    code,
    label: lbl,
    role: 'answer',
    type: 'numeric',
    measurement,
    decimals: 0,
    valueLabels,
    missing,
  };
  return {
    column,
    value: (a) => {
      const v = a[answerCode];
      return typeof v === 'string' ? (numbers.get(v) ?? null) : null;
    },
  };
}

const chosenLabels: ValueLabel<number>[] = [
  { value: 0, label: { nl: 'Niet gekozen', en: 'Not selected' } },
  { value: 1, label: { nl: 'Gekozen', en: 'Selected' } },
];

function multiple(prefix: string, lbl: Label, options: readonly Option[], answerCode: string): ColumnPlan[] {
  return options.map((o) => ({
    column: {
      code: safeCode(`${prefix}_${o.code}`),
      label: joined(lbl, label(o.label)),
      role: 'answer',
      type: 'numeric',
      measurement: 'nominal',
      decimals: 0,
      valueLabels: chosenLabels,
      missing: [],
    },
    value: (a) => {
      const v = a[answerCode];
      return Array.isArray(v) ? (v.includes(o.code) ? 1 : 0) : null;
    },
  }));
}

function text(code: string, lbl: Label, role: 'answer' | 'free-text', answerCode = code): ColumnPlan {
  return {
    column: { code, label: lbl, role, type: 'string', measurement: 'nominal', valueLabels: [], missing: [] },
    value: (a) => {
      const v = a[answerCode];
      return v === null || v === undefined ? null : String(v);
    },
  };
}

/** The columns of one questionnaire variable. */
export function columnsOf(v: Variable): ColumnPlan[] {
  const item = v.item;
  switch (v.kind) {
    case 'single_choice':
      return item.type === 'single_choice'
        ? [choice(v.code, label(item.label), item.options, 'nominal', v.code)]
        : [];
    case 'multiple_choice':
      return item.type === 'multiple_choice' ? multiple(v.code, label(item.label), item.options, v.code) : [];
    case 'matrix_row': {
      if (item.type !== 'matrix' || !v.row) return [];
      const lbl = joined(label(item.label), label(v.row.label));
      return item.multiple
        ? multiple(v.code, lbl, item.options, v.code)
        : [choice(v.code, lbl, item.options, 'ordinal', v.code)];
    }
    case 'number':
      return item.type === 'number'
        ? [
            {
              column: {
                code: v.code,
                label: label(item.label),
                role: 'answer',
                type: 'numeric',
                measurement: 'scale',
                decimals: item.integer ? 0 : 2,
                valueLabels: [],
                missing: [],
              },
              value: (a) => {
                const x = a[v.code];
                return typeof x === 'number' && Number.isFinite(x) ? x : null;
              },
            },
          ]
        : [];
    case 'date':
      return [text(v.code, label(item.label), 'answer')];
    case 'text':
      return [text(v.code, label(item.label), 'free-text')];
    case 'other_text':
      return [text(v.code, joined(label(item.label), label(v.option?.label)), 'free-text')];
  }
}
