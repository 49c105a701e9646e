/** The report page's workflow parts: the history, the next step, a note, and recusal. */
import {
  errorFor,
  type FieldErrors,
  formatDateTime,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField } from '../../../platform/ui/layout.js';
import type { HistoryEntry } from '../history-service.js';
import type { ReportState } from '../model.js';
import { outcomes } from '../workflow.js';
import { MultiLine, TextArea } from './parts.js';

export interface WorkflowProps {
  history: Array<HistoryEntry & { actorName?: string }>;
  nextSteps: readonly ReportState[];
  holders: Array<{ keyId: string; name: string }>;
  /** The next step is a decision reserved to the chair, and this handler is no chair. */
  awaitsChair?: boolean;
}

const stateName = (ctx: PageContext, s: string | null) =>
  s ? ctx.t(`integrity.stateName.${s}` as MessageKey) : '';

export function History(props: { ctx: PageContext; history: WorkflowProps['history'] }) {
  const { ctx } = props;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{ctx.t('integrity.history')}</h2>
      <ol class="plain-list">
        {props.history.map((h) => (
          <li>
            <p>
              <strong>
                {h.kind === 'transition'
                  ? ctx.t('integrity.history.transition', {
                      from: stateName(ctx, h.fromState),
                      to: stateName(ctx, h.toState),
                    })
                  : ctx.t(`integrity.history.${h.kind}`)}
              </strong>{' '}
              {h.outcome && <>({ctx.t(`integrity.outcome.${h.outcome}` as MessageKey)}) </>}
              <span class="hint">
                {formatDateTime(ctx.lang, h.at)}
                {h.actorName ? ` ${ctx.t('integrity.history.by', { name: h.actorName })}` : ''}
              </span>
            </p>
            {h.note && <MultiLine text={h.note} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function WorkflowForms(props: {
  ctx: PageContext;
  base: string;
  workflow: WorkflowProps;
  errors: FieldErrors;
}) {
  const { ctx, base, workflow, errors } = props;
  return (
    <>
      {workflow.awaitsChair && <p role="status">{ctx.t('integrity.awaitsChair')}</p>}
      {!workflow.awaitsChair && workflow.nextSteps.length > 0 && (
        <form method="post" action={`${base}/move`} class="stack" novalidate>
          <h2>{ctx.t('integrity.nextStep')}</h2>
          <CsrfField ctx={ctx} />
          <div>
            <label for="to">{ctx.t('integrity.field.to')}</label>
            {errorFor(errors, 'to') && (
              <p class="field-error" id="to-error">
                {errorFor(errors, 'to')}
              </p>
            )}
            <select id="to" name="to" aria-describedby={errorFor(errors, 'to') ? 'to-error' : undefined}>
              {workflow.nextSteps.map((s) => (
                <option value={s}>{stateName(ctx, s)}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="outcome">{ctx.t('integrity.field.outcome')}</label>
            <select id="outcome" name="outcome">
              <option value="">{ctx.t('integrity.outcome.none')}</option>
              {outcomes
                .filter((o) => o !== 'geen_vervolg')
                .map((o) => (
                  <option value={o}>{ctx.t(`integrity.outcome.${o}` as MessageKey)}</option>
                ))}
            </select>
          </div>
          <TextArea id="stepNote" label={ctx.t('integrity.field.note')} rows={3} />
          <div>
            <button type="submit">{ctx.t('integrity.move')}</button>
          </div>
        </form>
      )}
      <form method="post" action={`${base}/notes`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea id="note" label={ctx.t('integrity.field.note')} error={errorFor(errors, 'note')} rows={3} />
        <div>
          <button type="submit">{ctx.t('integrity.noteAdd')}</button>
        </div>
      </form>
      {workflow.holders.length > 1 && (
        <section aria-labelledby="recusal">
          <h2 id="recusal">{ctx.t('integrity.recusalTitle')}</h2>
          <p>{ctx.t('integrity.recusalText')}</p>
          {workflow.holders.map((h, i) => (
            <form method="post" action={`${base}/recuse`} class="stack" novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="keyId" value={h.keyId} />
              <TextField
                id={`reason-${i}`}
                name="reason"
                label={`${ctx.t('integrity.field.reason')} (${h.name})`}
              />
              <div>
                <button type="submit">{ctx.t('integrity.recuse', { name: h.name })}</button>
              </div>
            </form>
          ))}
        </section>
      )}
    </>
  );
}
