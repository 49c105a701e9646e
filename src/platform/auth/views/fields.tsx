/** Form errors: field id → message, in the order they appear on the form. */
export type FieldErrors = Array<{ field: string; message: string }>;

export const errorFor = (errors: FieldErrors, field: string) =>
  errors.find((e) => e.field === field)?.message;

/** The ids a field's input is described by: its hint and its error, if present. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHint(props: { id: string; hint?: string; error?: string }) {
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

export function TextField(props: {
  id: string;
  name?: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date';
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  required?: boolean;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <FieldHint id={props.id} hint={props.hint} error={props.error} />
      <input
        id={props.id}
        name={props.name ?? props.id}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        spellcheck={props.type === 'email' || props.type === 'password' ? false : undefined}
      />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  name?: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  required?: boolean;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <FieldHint id={props.id} hint={props.hint} error={props.error} />
      <select
        id={props.id}
        name={props.name ?? props.id}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Check boxes in a fieldset; the first box carries the id the error summary links to. */
export function CheckboxesField(props: {
  id: string;
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  checked: readonly string[];
  hint?: string;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      <FieldHint id={props.id} hint={props.hint} error={props.error} />
      {props.options.map((o, i) => (
        <div class="choice">
          <input
            type="checkbox"
            id={i === 0 ? props.id : `${props.id}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.checked.includes(o.value)}
          />
          <label for={i === 0 ? props.id : `${props.id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Date and time in the Netherlands, e.g. "23 november 2026, 14:05" (the one formatter: src/platform/format.ts). */
export { formatDateTime } from '../../format.js';
