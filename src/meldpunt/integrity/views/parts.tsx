/** Pieces shared by the reporter's and the handler's pages. */
import { formatDateTime } from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import type { Countdown } from '../deadlines.js';
import type { Message } from '../reports-service.js';

export function countdownText(ctx: PageContext, c: Countdown): string {
  const due = formatDateTime(ctx.lang, c.due);
  if (c.state === 'met' || c.state === 'late') return ctx.t(`integrity.countdown.${c.state}`);
  if (c.state === 'overdue') return ctx.t('integrity.countdown.overdue', { due });
  if (c.daysLeft === 0) return ctx.t('integrity.countdown.lastDay', { due });
  return ctx.t('integrity.countdown.open', { days: c.daysLeft, due });
}

export function CountdownCell(props: { ctx: PageContext; c: Countdown }) {
  const text = countdownText(props.ctx, props.c);
  return props.c.state === 'overdue' || props.c.state === 'late' ? (
    <strong class="field-error">{text}</strong>
  ) : (
    text
  );
}

export function Deadlines(props: {
  ctx: PageContext;
  receivedAt: Date;
  state: string;
  acknowledgement: Countdown;
  feedback: Countdown;
}) {
  const { ctx } = props;
  return (
    <dl>
      <dt>{ctx.t('integrity.receivedOn')}</dt>
      <dd>{formatDateTime(ctx.lang, props.receivedAt)}</dd>
      <dt>{ctx.t('integrity.state')}</dt>
      <dd>{ctx.t(`integrity.stateName.${props.state}` as MessageKey)}</dd>
      <dt>{ctx.t('integrity.ackDeadline')}</dt>
      <dd>
        <CountdownCell ctx={ctx} c={props.acknowledgement} />
      </dd>
      <dt>{ctx.t('integrity.feedbackDeadline')}</dt>
      <dd>
        <CountdownCell ctx={ctx} c={props.feedback} />
      </dd>
    </dl>
  );
}

export function Conversation(props: {
  ctx: PageContext;
  messages: Message[];
  viewer: 'reporter' | 'handler';
}) {
  const { ctx } = props;
  return (
    <section aria-labelledby="conversation">
      <h2 id="conversation">{ctx.t('integrity.conversation')}</h2>
      {props.messages.length === 0 ? (
        <p>{ctx.t('integrity.noMessages')}</p>
      ) : (
        <ol class="plain-list">
          {props.messages.map((m) => (
            <li>
              <p>
                <strong>
                  {m.author === 'handler'
                    ? ctx.t('integrity.from.handler')
                    : props.viewer === 'reporter'
                      ? ctx.t('integrity.from.reporter')
                      : ctx.t('integrity.from.reporterForHandler')}
                </strong>{' '}
                <span class="hint">{formatDateTime(ctx.lang, m.at)}</span>
              </p>
              <MultiLine text={m.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function TextArea(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  required?: boolean;
  rows?: number;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label for={props.id}>{props.label}</label>
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
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 6}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** A text with its line breaks kept (no inline styles: the CSP forbids them). */
export function MultiLine(props: { text: string }) {
  const paragraphs = props.text.split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((p) => (
        <p>{p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
      ))}
    </>
  );
}
