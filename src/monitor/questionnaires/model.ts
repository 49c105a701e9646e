/**
 * The questionnaire definition model: zod schemas are the single source of its types.
 *
 * A definition is plain JSON (stored in questionnaire_versions.definition, exchanged as JSON and
 * as XLSForm). Its shape:
 *
 *   questionnaire { code, title{nl,en}, context[], sections[] }
 *   section       { id, title{nl,en}, relevant?, items[] }
 *   item          single_choice | multiple_choice | matrix | number | date | text | note
 *
 * Every answerable thing has a stable code (item codes, matrix row codes) that survives rewording;
 * a change in meaning needs a new code (enforced by the item-code registry, see service.ts).
 * `relevant` and `constraint` are expressions in the small XLSForm-compatible language of
 * ./expression.ts; `${code}` in labels and hints is replaced by the answer (piping, ./engine.ts).
 *
 * Structural rules a schema cannot express (unique codes, references only to earlier answers,
 * parseable expressions) are checked by `checkDefinition` in ./check.ts.
 */
import { z } from 'zod';

/** Item, row and context codes: a letter, then letters, digits and underscores (snake_case preferred). */
export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Option codes may also start with a digit (Kobo's `1`, `2`, …) and contain `-` and `.`; never spaces. */
export const OPTION_CODE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export const codeSchema = z
  .string()
  .max(64)
  .regex(CODE_PATTERN, 'a code starts with a letter and has only letters, digits and _');
export const optionCodeSchema = z
  .string()
  .max(64)
  .regex(OPTION_CODE_PATTERN, 'an option code has only letters, digits, _, - and . (no spaces)');

/** A text in Dutch (the source, required) and English (optional: respondents then see Dutch). */
export const localTextSchema = z.strictObject({
  nl: z.string().trim().min(1, 'Dutch text is required'),
  en: z.string().trim().min(1).optional(),
});
export type LocalText = z.infer<typeof localTextSchema>;

/** An expression in the language of ./expression.ts, e.g. `${agr_verbal_12m} != 'nooit'`. */
export const expressionSchema = z.string().trim().min(1).max(4000);

export const optionSchema = z.strictObject({
  code: optionCodeSchema,
  label: localTextSchema,
  /** "Anders, namelijk": choosing it asks for a text, stored under `otherTextCode(item, option)`. */
  other: z.boolean().optional(),
  /** Multiple choice only: this option cannot be combined with others ("Nee", "Niemand"). */
  exclusive: z.boolean().optional(),
});
export type Option = z.infer<typeof optionSchema>;

const itemBase = {
  code: codeSchema,
  label: localTextSchema,
  hint: localTextSchema.optional(),
  /** Shown only when this evaluates to true on the answers given so far; otherwise skipped (`nvt`). */
  relevant: expressionSchema.optional(),
  /** XLSForm appearance, kept as is (e.g. `multiline`, `horizontal`, `likert`). */
  appearance: z.string().trim().min(1).max(200).optional(),
};

const answerableBase = {
  ...itemBase,
  required: z.boolean().optional(),
  requiredMessage: localTextSchema.optional(),
  /** Extra rule on the answer; `.` is the answer itself, e.g. `. != ${other_field}`. */
  constraint: expressionSchema.optional(),
  constraintMessage: localTextSchema.optional(),
};

/** Name of the option list in an XLSForm; kept so that an export looks like the import. */
const listName = z.string().trim().min(1).max(64).optional();

export const singleChoiceSchema = z.strictObject({
  type: z.literal('single_choice'),
  ...answerableBase,
  options: z.array(optionSchema).min(1),
  listName,
});
export const multipleChoiceSchema = z.strictObject({
  type: z.literal('multiple_choice'),
  ...answerableBase,
  options: z.array(optionSchema).min(1),
  listName,
});

export const matrixRowSchema = z.strictObject({
  code: codeSchema,
  label: localTextSchema,
  hint: localTextSchema.optional(),
  relevant: expressionSchema.optional(),
});
export type MatrixRow = z.infer<typeof matrixRowSchema>;

/** A grid: rows are sub-items with their own codes; all rows share one option list. */
export const matrixSchema = z.strictObject({
  type: z.literal('matrix'),
  ...itemBase,
  /** Each row must be answered (when relevant). */
  required: z.boolean().optional(),
  requiredMessage: localTextSchema.optional(),
  /** Rows allow several options each (select_multiple) instead of one. */
  multiple: z.boolean().optional(),
  rows: z.array(matrixRowSchema).min(1),
  options: z.array(optionSchema).min(1),
  listName,
});

export const numberSchema = z.strictObject({
  type: z.literal('number'),
  ...answerableBase,
  integer: z.boolean(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
});
export const dateSchema = z.strictObject({
  type: z.literal('date'),
  ...answerableBase,
});
export const textSchema = z.strictObject({
  type: z.literal('text'),
  ...answerableBase,
  maxLength: z.number().int().positive().optional(),
});
/** Display only: an introduction or explanation. Not answered, not stored. */
export const noteSchema = z.strictObject({
  type: z.literal('note'),
  ...itemBase,
});

export const itemSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleChoiceSchema,
  matrixSchema,
  numberSchema,
  dateSchema,
  textSchema,
  noteSchema,
]);
export type Item = z.infer<typeof itemSchema>;
export type ItemType = Item['type'];
export type ChoiceItem = Extract<Item, { type: 'single_choice' | 'multiple_choice' }>;
export type MatrixItem = Extract<Item, { type: 'matrix' }>;
export type NumberItem = Extract<Item, { type: 'number' }>;
export const itemTypes = itemSchema.options.map((o) => o.shape.type.value) as ItemType[];

export const sectionSchema = z.strictObject({
  id: codeSchema,
  title: localTextSchema,
  relevant: expressionSchema.optional(),
  items: z.array(itemSchema),
});
export type Section = z.infer<typeof sectionSchema>;

/**
 * A value the questionnaire does not ask but gets from outside, e.g. from the sample frame
 * (`bg_role`) or the wave (`organisatie` = "gemeente"). Usable in expressions and labels like an answer.
 */
export const contextVariableSchema = z.strictObject({
  name: codeSchema,
  description: localTextSchema.optional(),
  /** Shown in the preview and in XLSForm exports as the default. */
  example: z.string().max(200).optional(),
});
export type ContextVariable = z.infer<typeof contextVariableSchema>;

export const definitionSchema = z.strictObject({
  code: codeSchema,
  title: localTextSchema,
  context: z.array(contextVariableSchema).optional(),
  sections: z.array(sectionSchema).min(1),
});
export type QuestionnaireDefinition = z.infer<typeof definitionSchema>;

/** The code under which the text of an "anders, namelijk" option is stored: `<item>_<option>_tekst`. */
export const otherTextCode = (itemCode: string, optionCode: string) => `${itemCode}_${optionCode}_tekst`;

/** An answer as stored and as used in expressions: a single code, several codes, a number, a date or text. */
export type AnswerValue = string | number | string[];
/** Answers by code (items, matrix rows, other-texts) plus context variables. */
export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

/** Every code that holds data, in questionnaire order, with what it is (for exports and the registry). */
export interface Variable {
  code: string;
  kind: 'single_choice' | 'multiple_choice' | 'matrix_row' | 'number' | 'date' | 'text' | 'other_text';
  item: Item;
  section: Section;
  row?: MatrixRow;
  option?: Option;
}

export function variablesOf(def: QuestionnaireDefinition): Variable[] {
  const out: Variable[] = [];
  for (const section of def.sections) {
    for (const item of section.items) {
      switch (item.type) {
        case 'note':
          break;
        case 'matrix':
          for (const row of item.rows) out.push({ code: row.code, kind: 'matrix_row', item, section, row });
          break;
        case 'single_choice':
        case 'multiple_choice':
          out.push({ code: item.code, kind: item.type, item, section });
          for (const option of item.options)
            if (option.other)
              out.push({
                code: otherTextCode(item.code, option.code),
                kind: 'other_text',
                item,
                section,
                option,
              });
          break;
        default:
          out.push({ code: item.code, kind: item.type, item, section });
      }
    }
  }
  return out;
}

/** Items of every section in order, with their section. */
export function* allItems(
  def: QuestionnaireDefinition,
): Generator<{ item: Item; section: Section; index: number }> {
  let index = 0;
  for (const section of def.sections)
    for (const item of section.items) yield { item, section, index: index++ };
}

/** Text in the asked language, falling back to Dutch. */
export const textIn = (text: LocalText | undefined, lang: 'nl' | 'en'): string =>
  text ? (lang === 'en' ? (text.en ?? text.nl) : text.nl) : '';
