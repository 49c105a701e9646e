/** Form parts the incident pages need beyond the platform's fields: radios, a text area, a check box. */
import { FieldHint } from '../../../platform/auth/views/fields.js';

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function RadioField(props: {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  hint?: string;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(props.id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      <FieldHint id={props.id} hint={props.hint} error={props.error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? props.id : `${props.id}-${o.value}`;
        return (
          <div class="choice">
            <input type="radio" id={id} name={props.id} value={o.value} checked={props.value === o.value} />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TextAreaField(props: {
  id: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string;
  rows?: number;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <FieldHint id={props.id} hint={props.hint} error={props.error} />
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export function CheckField(props: { id: string; label: string; checked: boolean }) {
  return (
    <div class="choice">
      <input type="checkbox" id={props.id} name={props.id} value="true" checked={props.checked} />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}
