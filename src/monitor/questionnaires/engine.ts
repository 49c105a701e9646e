/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Running a questionnaire: which sections, items and rows are relevant for a set of answers
 * (routing), validation of answers, reading answers from a form post, piping of `${code}` into
 * texts, and section navigation. Pure functions over a definition; the preview uses them and so
 * will the answering pages.
 *
 * Semantics (as in XLSForm): an item is shown when its section's and its own `relevant` are true;
 * the answer to an item that is not relevant counts as missing for every later expression (and is
 * stored as `nvt` by the answering pages, never as "nee").
 */
import { hasControlCharacter } from '../../platform/http/control-characters.js';
import { compile, type Environment, evaluateBoolean, toText, toValue } from './expression.js';
import {
  type Answers,
  type AnswerValue,
  type Item,
  type LocalText,
  type Option,
  otherTextCode,
  type QuestionnaireDefinition,
  type Section,
  textIn,
} from './model.js';

export type Lang = 'nl' | 'en';

const envOf = (values: Map<string, unknown>, self?: unknown, today?: string): Environment => ({
  get: (name) => values.get(name),
  self,
  today,
});

/** `relevant` source → boolean; absent is true, unparseable is false (checkDefinition refuses those). */
function isRelevant(src: string | undefined, env: Environment): boolean {
  if (src === undefined) return true;
  const r = compile(src);
  return r.ok ? evaluateBoolean(r.expr, env) : false;
}

export interface Relevance {
  sections: Map<string, boolean>;
  /** Item codes and matrix row codes → shown or skipped. */
  items: Map<string, boolean>;
  /** Answers as later expressions see them: context plus the answers of relevant items only. */
  values: Map<string, unknown>;
}

/** Evaluates routing for the whole questionnaire, in order. */
export function relevanceOf(
  def: QuestionnaireDefinition,
  answers: Answers,
  context: Readonly<Record<string, unknown>> = {},
): Relevance {
  const values = new Map<string, unknown>();
  for (const c of def.context ?? []) if (context[c.name] != null) values.set(c.name, context[c.name]);
  const sections = new Map<string, boolean>();
  const items = new Map<string, boolean>();
  const env = envOf(values);
  for (const section of def.sections) {
    const shown = isRelevant(section.relevant, env);
    sections.set(section.id, shown);
    for (const item of section.items) {
      const itemShown = shown && isRelevant(item.relevant, env);
      items.set(item.code, itemShown);
      if (!itemShown) continue;
      if (item.type === 'matrix') {
        for (const row of item.rows) {
          const rowShown = isRelevant(row.relevant, env);
          items.set(row.code, rowShown);
          if (rowShown && answers[row.code] != null) values.set(row.code, answers[row.code]);
        }
        for (const row of item.rows) if (!items.has(row.code)) items.set(row.code, false);
        continue;
      }
      if (item.type === 'note') continue;
      if (answers[item.code] != null) values.set(item.code, answers[item.code]);
      if ('options' in item)
        for (const o of item.options)
          if (o.other) {
            const code = otherTextCode(item.code, o.code);
            if (answers[code] != null && isSelected(answers[item.code], o.code))
              values.set(code, answers[code]);
          }
    }
    // Rows of skipped matrices are skipped too.
    for (const item of section.items)
      if (item.type === 'matrix')
        for (const row of item.rows) if (!items.has(row.code)) items.set(row.code, false);
  }
  return { sections, items, values };
}

const isSelected = (answer: AnswerValue | null | undefined, code: string) =>
  Array.isArray(answer) ? answer.includes(code) : answer === code;

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

// ---------------------------------------------------------------------------------------------
// Validation

export type FieldErrorKind =
  | 'required'
  | 'not_a_number'
  | 'not_an_integer'
  | 'below_min'
  | 'above_max'
  | 'not_a_date'
  | 'unknown_option'
  | 'exclusive'
  | 'too_long'
  | 'control_character'
  | 'constraint';

export interface FieldError {
  /** The form field: an item code, a matrix row code or an other-text code. */
  field: string;
  kind: FieldErrorKind;
  params?: Record<string, string | number>;
  /** The definition's own message (requiredMessage / constraintMessage), when it has one. */
  message?: LocalText;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

function checkChoice(
  field: string,
  value: unknown,
  options: Option[],
  multiple: boolean,
  errors: FieldError[],
): void {
  const codes = new Set(options.map((o) => o.code));
  const chosen = Array.isArray(value) ? value.map(String) : [String(value)];
  if (!multiple && Array.isArray(value) && value.length > 1) {
    errors.push({ field, kind: 'unknown_option', params: { value: chosen.join(' ') } });
    return;
  }
  const unknown = chosen.filter((c) => !codes.has(c));
  if (unknown.length) {
    errors.push({ field, kind: 'unknown_option', params: { value: unknown.join(' ') } });
    return;
  }
  if (multiple && chosen.length > 1) {
    const exclusive = options.find((o) => o.exclusive && chosen.includes(o.code));
    if (exclusive) errors.push({ field, kind: 'exclusive', params: { option: exclusive.code } });
  }
}

/** Validates the answers to one item (which must be relevant). */
export function validateItem(
  item: Item,
  answers: Answers,
  relevance: Relevance,
  options: { today?: string } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (item.type === 'note') return errors;
  const required = item.required === true;
  const requiredError = (field: string) =>
    errors.push(
      item.requiredMessage
        ? { field, kind: 'required', message: item.requiredMessage }
        : { field, kind: 'required' },
    );

  if (item.type === 'matrix') {
    for (const row of item.rows) {
      if (!relevance.items.get(row.code)) continue;
      const v = answers[row.code];
      if (isEmpty(v)) {
        if (required) requiredError(row.code);
        continue;
      }
      checkChoice(row.code, v, item.options, item.multiple === true, errors);
    }
    return errors;
  }

  const value = answers[item.code];
  if (isEmpty(value)) {
    if (required) requiredError(item.code);
    return errors;
  }
  const before = errors.length;
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice':
      checkChoice(item.code, value, item.options, item.type === 'multiple_choice', errors);
      for (const o of item.options) {
        const code = otherTextCode(item.code, o.code);
        const text = answers[code];
        if (o.other && typeof text === 'string' && text.length > 2000)
          errors.push({ field: code, kind: 'too_long', params: { max: 2000 } });
        else if (o.other && typeof text === 'string' && hasControlCharacter(text))
          errors.push({ field: code, kind: 'control_character' });
      }
      break;
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      if (typeof value !== 'number' && !/^\s*-?(\d+([.,]\d*)?|[.,]\d+)\s*$/.test(String(value))) {
        errors.push({ field: item.code, kind: 'not_a_number' });
        break;
      }
      if (!Number.isFinite(n)) errors.push({ field: item.code, kind: 'not_a_number' });
      else if (item.integer && !Number.isInteger(n))
        errors.push({ field: item.code, kind: 'not_an_integer' });
      else if (item.min !== undefined && n < item.min)
        errors.push({ field: item.code, kind: 'below_min', params: { min: item.min } });
      else if (item.max !== undefined && n > item.max)
        errors.push({ field: item.code, kind: 'above_max', params: { max: item.max } });
      break;
    }
    case 'date':
      if (typeof value !== 'string' || !validDate(value))
        errors.push({ field: item.code, kind: 'not_a_date' });
      break;
    case 'text': {
      const max = item.maxLength ?? 10_000;
      if (String(value).length > max) errors.push({ field: item.code, kind: 'too_long', params: { max } });
      // A NUL byte cannot be stored, and no one types a control character on purpose.
      else if (hasControlCharacter(String(value)))
        errors.push({ field: item.code, kind: 'control_character' });
      break;
    }
  }
  if (errors.length === before && item.constraint) {
    const r = compile(item.constraint);
    const self = toValue(
      typeof value === 'string' && item.type === 'number' ? Number(value.replace(',', '.')) : value,
    );
    const values = new Map(relevance.values);
    values.set(item.code, value);
    if (!r.ok || !evaluateBoolean(r.expr, envOf(values, self, options.today)))
      errors.push(
        item.constraintMessage
          ? { field: item.code, kind: 'constraint', message: item.constraintMessage }
          : { field: item.code, kind: 'constraint' },
      );
  }
  return errors;
}

/** Validates the relevant items of one section. */
export function validateSection(
  def: QuestionnaireDefinition,
  sectionIndex: number,
  answers: Answers,
  context: Readonly<Record<string, unknown>> = {},
  options: { today?: string } = {},
): FieldError[] {
  const section = def.sections[sectionIndex];
  if (!section) return [];
  const relevance = relevanceOf(def, answers, context);
  if (!relevance.sections.get(section.id)) return [];
  return section.items.flatMap((item) =>
    relevance.items.get(item.code) ? validateItem(item, answers, relevance, options) : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a form post / query string

/** The form field names a section uses (item codes, row codes, other-text codes). */
export function fieldsOf(section: Section): string[] {
  const out: string[] = [];
  for (const item of section.items) {
    if (item.type === 'note') continue;
    if (item.type === 'matrix') out.push(...item.rows.map((r) => r.code));
    else out.push(item.code);
    if ('options' in item && item.type !== 'matrix')
      for (const o of item.options) if (o.other) out.push(otherTextCode(item.code, o.code));
  }
  return out;
}

/**
 * Reads one section's answers from submitted form values (strings or string arrays). Numbers are
 * converted when they are numbers and otherwise kept as typed, so validation can say so; empty
 * fields become absent.
 */
export function readSectionAnswers(
  section: Section,
  input: Readonly<Record<string, unknown>>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const str = (v: unknown): string | undefined => {
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
  };
  const list = (v: unknown): string[] =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
  for (const item of section.items) {
    switch (item.type) {
      case 'note':
        break;
      case 'matrix':
        for (const row of item.rows) {
          if (item.multiple) {
            const l = list(input[row.code]);
            if (l.length) out[row.code] = l;
          } else {
            const s = str(input[row.code]);
            if (s !== undefined) out[row.code] = s;
          }
        }
        break;
      case 'multiple_choice': {
        const l = list(input[item.code]);
        if (l.length) out[item.code] = l;
        break;
      }
      case 'number': {
        const s = str(input[item.code]);
        if (s === undefined) break;
        const n = Number(s.replace(',', '.'));
        out[item.code] = /^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(s) && Number.isFinite(n) ? n : s;
        break;
      }
      default: {
        const raw = input[item.code];
        const s = item.type === 'text' && typeof raw === 'string' ? raw.trim() || undefined : str(raw);
        if (s !== undefined) out[item.code] = s;
      }
    }
    if (item.type === 'single_choice' || item.type === 'multiple_choice')
      for (const o of item.options)
        if (o.other) {
          const code = otherTextCode(item.code, o.code);
          const s = str(input[code]);
          if (s !== undefined) out[code] = s;
        }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Navigation

/** The next (or previous) section that is relevant, or undefined at the end (start). */
export function nextSection(
  def: QuestionnaireDefinition,
  answers: Answers,
  from: number,
  direction: 1 | -1 = 1,
  context: Readonly<Record<string, unknown>> = {},
): number | undefined {
  const relevance = relevanceOf(def, answers, context);
  for (let i = from + direction; i >= 0 && i < def.sections.length; i += direction) {
    const s = def.sections[i]!;
    if (relevance.sections.get(s.id) && s.items.some((it) => relevance.items.get(it.code))) return i;
  }
  return undefined;
}

/** The first relevant section (0 when there is none, so a page can still render). */
export const firstSection = (def: QuestionnaireDefinition, answers: Answers = {}, context = {}) =>
  nextSection(def, answers, -1, 1, context) ?? 0;

// ---------------------------------------------------------------------------------------------
// Piping

/** The answer to `code` as a respondent reads it: option labels for choices, the value otherwise. */
export function displayValue(def: QuestionnaireDefinition, code: string, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '';
  for (const section of def.sections)
    for (const item of section.items) {
      const options =
        'options' in item &&
        (item.code === code || (item.type === 'matrix' && item.rows.some((r) => r.code === code)))
          ? item.options
          : undefined;
      if (options) {
        const codes = Array.isArray(value) ? value.map(String) : [String(value)];
        return codes.map((c) => textIn(options.find((o) => o.code === c)?.label, lang) || c).join(', ');
      }
    }
  return Array.isArray(value) ? value.join(', ') : toText(toValue(value));
}

/** Replaces `${code}` in a text by the (relevant) answer or context value; unknown or missing → "…". */
export function pipe(text: string, def: QuestionnaireDefinition, relevance: Relevance, lang: Lang): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{([^}]*)\}/g, (_, raw: string) => {
    const code = raw.trim();
    const shown = displayValue(def, code, relevance.values.get(code), lang);
    return shown === '' ? '…' : shown;
  });
}
