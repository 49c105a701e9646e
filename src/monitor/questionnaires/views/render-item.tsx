/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * The server-side renderer of questionnaire items, shared by the preview and the answering pages.
 * Works without JavaScript and without inline styles.
 *
 * - Choices are a fieldset with a legend; each option a radio or checkbox with its own label;
 *   "anders, namelijk" gets a text field right below its option.
 * - A matrix is a fieldset (legend = the question) holding one fieldset per row (legend = the row),
 *   so every radio has its row and option in its accessible name, and it reflows on a phone.
 * - Number, date and text are a labelled input.
 * - Hints and error messages sit next to the field and are tied to it with aria-describedby;
 *   `required` is said in text in the label, not only with a symbol. The first input of a field has
 *   the id `fieldId(code)`, which an error summary links to.
 *
 * Interface: `RenderItem(props: ItemRenderProps)`; `SectionItems` renders the relevant items of a
 * section; `fieldErrorMessages` turns the engine's FieldErrors into texts.
 */
import type { Translate } from '../../../platform/i18n/catalogue.js';
import { type FieldError, pipe, type Relevance } from '../engine.js';
import {
  type Item,
  type LocalText,
  type Option,
  otherTextCode,
  type QuestionnaireDefinition,
  type Section,
  textIn,
} from '../model.js';

export type Lang = 'nl' | 'en';

export interface ItemRenderProps {
  def: QuestionnaireDefinition;
  item: Item;
  lang: Lang;
  relevance: Relevance;
  /** Values to show: stored answers, or what the respondent just submitted. */
  values: Readonly<Record<string, unknown>>;
  /** Field code (item, matrix row or other-text code) → message to show next to it. */
  errors: ReadonlyMap<string, string>;
  t: Translate;
}

/** The id of the first input of a field. */
export const fieldId = (code: string) => `q-${code}`;
/**
 * The id of a field's whole question (its fieldset or block: question text, hint, message and
 * inputs). An error summary links here, so following the link shows the question, not only its
 * first radio button.
 */
export const questionId = (code: string) => `${fieldId(code)}-question`;

/** Engine errors as texts: the definition's own message when it has one, else the standard one. */
export function fieldErrorMessages(errors: FieldError[], lang: Lang, t: Translate): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) {
    if (out.has(e.field)) continue;
    out.set(e.field, e.message ? textIn(e.message, lang) : t(`q.err.${e.kind}`, e.params ?? {}));
  }
  return out;
}

const describedBy = (...ids: Array<string | false | undefined>) => {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
};

const piped = (p: ItemRenderProps, text: LocalText | undefined): string =>
  text ? pipe(textIn(text, p.lang), p.def, p.relevance, p.lang) : '';

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)];
const asText = (v: unknown): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v);

function Required(props: { t: Translate; required: boolean }) {
  return props.required ? <span class="required"> {props.t('q.field.required')}</span> : null;
}

function HintAndError(props: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

function Choices(props: {
  p: ItemRenderProps;
  code: string;
  legend: string;
  hint?: string;
  options: Option[];
  multiple: boolean;
  required: boolean;
  /** Matrix rows: no "anders, namelijk" texts, and a row style. */
  row?: boolean;
}) {
  const { p, code } = props;
  const id = fieldId(code);
  const error = p.errors.get(code);
  const chosen = asList(p.values[code]);
  return (
    <fieldset
      id={questionId(code)}
      class={props.row ? 'question matrix-row' : 'question'}
      aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>
        {props.legend}
        <Required t={p.t} required={props.required} />
      </legend>
      <HintAndError id={id} hint={props.hint} error={error} />
      <div class={props.row ? 'choices choices-row' : 'choices'}>
        {props.options.map((o, i) => {
          const optId = i === 0 ? id : `${id}-${i}`;
          const otherCode = otherTextCode(code, o.code);
          const otherId = fieldId(otherCode);
          const otherError = p.errors.get(otherCode);
          return (
            <div class="choice">
              <input
                type={props.multiple ? 'checkbox' : 'radio'}
                id={optId}
                name={code}
                value={o.code}
                checked={chosen.includes(o.code)}
                aria-invalid={error ? 'true' : undefined}
              />
              <label for={optId}>{piped(p, o.label)}</label>
              {!props.row && o.other && (
                <div class="other-text" id={questionId(otherCode)}>
                  <label for={otherId}>{p.t('q.field.otherText')}</label>
                  {otherError && (
                    <p class="field-error" id={`${otherId}-error`}>
                      {otherError}
                    </p>
                  )}
                  <input
                    type="text"
                    id={otherId}
                    name={otherCode}
                    value={asText(p.values[otherCode])}
                    maxLength={2000}
                    aria-invalid={otherError ? 'true' : undefined}
                    aria-describedby={otherError ? `${otherId}-error` : undefined}
                  />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One item. Skipped (not relevant) items and rows are not rendered. */
export function RenderItem(p: ItemRenderProps) {
  const { item } = p;
  if (p.relevance.items.get(item.code) === false) return null;
  const label = piped(p, item.label);
  const hint = piped(p, item.hint) || undefined;
  const id = fieldId(item.code);
  switch (item.type) {
    case 'note':
      return (
        <div class="question note">
          <p>{label}</p>
          {hint && <p class="hint">{hint}</p>}
        </div>
      );
    case 'single_choice':
    case 'multiple_choice':
      return (
        <Choices
          p={p}
          code={item.code}
          legend={label}
          hint={hint ?? p.t(item.type === 'single_choice' ? 'q.field.chooseOne' : 'q.field.chooseAny')}
          options={item.options}
          multiple={item.type === 'multiple_choice'}
          required={item.required === true}
        />
      );
    case 'matrix':
      return (
        <fieldset
          id={questionId(item.code)}
          class="question matrix"
          aria-describedby={hint ? `${id}-hint` : undefined}
        >
          <legend>
            {label}
            <Required t={p.t} required={item.required === true} />
          </legend>
          {hint && (
            <p class="hint" id={`${id}-hint`}>
              {hint}
            </p>
          )}
          {item.rows
            .filter((r) => p.relevance.items.get(r.code) !== false)
            .map((r) => (
              <Choices
                p={p}
                code={r.code}
                legend={piped(p, r.label)}
                hint={piped(p, r.hint) || undefined}
                options={item.options}
                multiple={item.multiple === true}
                required={false /* said once, in the matrix legend */}
                row
              />
            ))}
        </fieldset>
      );
    default: {
      const error = p.errors.get(item.code);
      const value = asText(p.values[item.code]);
      const common = {
        id,
        name: item.code,
        'aria-invalid': error ? ('true' as const) : undefined,
        'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`),
      };
      return (
        <div class="question" id={questionId(item.code)}>
          <label for={id}>
            {label}
            <Required t={p.t} required={item.required === true} />
          </label>
          <HintAndError id={id} hint={hint} error={error} />
          {item.type === 'number' ? (
            <input
              {...common}
              type="text"
              inputMode={item.integer ? 'numeric' : 'decimal'}
              class="input-number"
              value={value}
              autocomplete="off"
            />
          ) : item.type === 'date' ? (
            <input {...common} type="date" value={value} />
          ) : item.appearance?.includes('multiline') || (item.maxLength ?? 10_000) > 200 ? (
            <textarea {...common} rows={4} maxLength={item.maxLength ?? 10_000}>
              {value}
            </textarea>
          ) : (
            <input {...common} type="text" value={value} maxLength={item.maxLength} />
          )}
        </div>
      );
    }
  }
}

/** The relevant items of a section, in order. */
export function SectionItems(props: Omit<ItemRenderProps, 'item'> & { section: Section }) {
  const { section, ...rest } = props;
  return (
    <>
      {section.items.map((item) => (
        <RenderItem {...rest} item={item} />
      ))}
    </>
  );
}
