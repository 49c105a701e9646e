/**
 * Renders questionnaire items as accessible form fields (no JavaScript). Each item is a fieldset
 * with a legend (choices, matrices) or a labelled input; hints and errors are tied to the field
 * with aria-describedby, and the first input of an item has the id the error summary links to
 * (`fieldId(code)`).
 *
 * Interface shared with the questionnaire preview (src/monitor/questionnaires/views/render-item.tsx):
 * `RenderItem(props: ItemRenderProps)`. Until that renderer lands, answering uses this one.
 */
import type { Translate } from '../../../platform/i18n/catalogue.js';
import { pipe, type Relevance } from '../../questionnaires/engine.js';
import {
  type Item,
  type LocalText,
  type Option,
  otherTextCode,
  type QuestionnaireDefinition,
  textIn,
} from '../../questionnaires/model.js';

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

/** The id of the first input of a field; the error summary links here. */
export const fieldId = (code: string) => `q-${code}`;

const describedBy = (...ids: Array<string | false | undefined>) => {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
};

function text(p: ItemRenderProps, t: LocalText | undefined): string {
  return t ? pipe(textIn(t, p.lang), p.def, p.relevance, p.lang) : '';
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

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)];
const asText = (v: unknown): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v);

function Choices(props: {
  p: ItemRenderProps;
  code: string;
  legend: string;
  hint?: string;
  options: Option[];
  multiple: boolean;
  required: boolean;
  /** "Anders, namelijk" texts belong to items, not to matrix rows. */
  withOther: boolean;
  nested?: boolean;
}) {
  const { p, code } = props;
  const id = fieldId(code);
  const error = p.errors.get(code);
  const chosen = asList(p.values[code]);
  return (
    <fieldset
      class={props.nested ? 'question matrix-row' : 'question'}
      aria-describedby={describedBy(props.hint && `${id}-hint`, error && `${id}-error`)}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend>
        {props.legend}
        {!props.required && !props.nested && <span class="optional"> {p.t('answer.optional')}</span>}
      </legend>
      <HintAndError id={id} hint={props.hint} error={error} />
      <div class="choices">
        {props.options.map((o, i) => {
          const optId = i === 0 ? id : `${id}-${i}`;
          const checked = chosen.includes(o.code);
          const otherCode = otherTextCode(code, o.code);
          const otherError = p.errors.get(otherCode);
          return (
            <div class="choice">
              <input
                type={props.multiple ? 'checkbox' : 'radio'}
                id={optId}
                name={code}
                value={o.code}
                checked={checked}
              />
              <label for={optId}>{textIn(o.label, p.lang)}</label>
              {props.withOther && o.other && (
                <div class="other-text">
                  <label for={fieldId(otherCode)}>{p.t('answer.otherText')}</label>
                  {otherError && (
                    <p class="field-error" id={`${fieldId(otherCode)}-error`}>
                      {otherError}
                    </p>
                  )}
                  <input
                    type="text"
                    id={fieldId(otherCode)}
                    name={otherCode}
                    value={asText(p.values[otherCode])}
                    maxLength={2000}
                    aria-invalid={otherError ? 'true' : undefined}
                    aria-describedby={otherError ? `${fieldId(otherCode)}-error` : undefined}
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

/** One item of a section page. */
export function RenderItem(p: ItemRenderProps) {
  const { item } = p;
  const label = text(p, item.label);
  const hint = text(p, item.hint) || undefined;
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
          hint={hint ?? p.t(item.type === 'single_choice' ? 'answer.chooseOne' : 'answer.chooseAny')}
          options={item.options}
          multiple={item.type === 'multiple_choice'}
          required={item.required === true}
          withOther
        />
      );
    case 'matrix':
      return (
        <fieldset class="question matrix">
          <legend>
            {label}
            {!item.required && <span class="optional"> {p.t('answer.optional')}</span>}
          </legend>
          {hint && <p class="hint">{hint}</p>}
          {item.rows
            .filter((r) => p.relevance.items.get(r.code) !== false)
            .map((r) => (
              <Choices
                p={p}
                code={r.code}
                legend={text(p, r.label)}
                hint={text(p, r.hint) || undefined}
                options={item.options}
                multiple={item.multiple === true}
                required={item.required === true}
                withOther={false}
                nested
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
        <div class="question">
          <label for={id}>
            {label}
            {!item.required && <span class="optional"> {p.t('answer.optional')}</span>}
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
