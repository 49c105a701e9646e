/**
 * The reporter's pages at /integriteit/<organisation code>: the form, the receipt code (after commit),
 * coming back with the code, and the friendly page for an unknown channel. No JavaScript, no
 * third-party assets: the Layout's own stylesheet only.
 */
import { errorFor, type FieldErrors, TextField } from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { AttachmentInfo } from '../attachments.js';
import { formatReceiptCode } from '../crypto/receipt.js';
import type { Countdown } from '../deadlines.js';
import { categories, identityModes } from '../model.js';
import type { OralStatus } from '../report-repository.js';
import type { Message } from '../reports-service.js';
import { AttachmentField, AttachmentList } from './attachment-parts.js';
import { OralSignPanel } from './oral-pages.js';
import { Conversation, Deadlines, MultiLine, TextArea } from './parts.js';

export interface ReportFormValues {
  category?: string;
  what?: string;
  involved?: string;
  when?: string;
  identityMode?: string;
  name?: string;
  contact?: string;
  exclude?: string[];
}

export interface PublicChannel {
  code: string;
  organisation: string;
  handlers: Array<{ keyId: string; name: string }>;
}

function External(props: { ctx: PageContext }) {
  return (
    <section aria-labelledby="external">
      <h2 id="external">{props.ctx.t('integrity.external')}</h2>
      <p>{props.ctx.t('integrity.externalText')}</p>
    </section>
  );
}

export function Radios(props: {
  id: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  value?: string;
  error?: string;
}) {
  return (
    <fieldset id={props.id} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o, i) => (
        <div class="choice">
          <input
            type="radio"
            id={`${props.id}-${i}`}
            name={props.id}
            value={o.value}
            checked={props.value === o.value}
          />
          <label for={`${props.id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function reportFormPage(
  ctx: PageContext,
  props: { channel: PublicChannel; values?: ReportFormValues; errors?: FieldErrors },
) {
  const errors = props.errors ?? [];
  const v = props.values ?? {};
  const organisation = props.channel.organisation;
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.title')}</h1>
      <p>{ctx.t('integrity.intro', { organisation })}</p>
      <p>
        <a href={`/integriteit/${props.channel.code}/terugkomen`}>{ctx.t('integrity.return')}</a>
      </p>
      <form
        method="post"
        action={`/integriteit/${props.channel.code}`}
        enctype="multipart/form-data"
        class="stack"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <Radios
          id="category"
          legend={ctx.t('integrity.field.category')}
          options={categories.map((c) => ({
            value: c,
            label: ctx.t(`integrity.category.${c}` as MessageKey),
          }))}
          value={v.category}
          error={errorFor(errors, 'category')}
        />
        <TextArea
          id="what"
          label={ctx.t('integrity.field.what')}
          hint={ctx.t('integrity.field.whatHint')}
          value={v.what}
          error={errorFor(errors, 'what')}
          required
          rows={8}
        />
        <TextArea
          id="involved"
          label={ctx.t('integrity.field.involved')}
          hint={ctx.t('integrity.field.involvedHint')}
          value={v.involved}
          error={errorFor(errors, 'involved')}
          rows={3}
        />
        <TextField
          id="when"
          label={ctx.t('integrity.field.when')}
          hint={ctx.t('integrity.field.whenHint')}
          value={v.when}
          error={errorFor(errors, 'when')}
        />
        <AttachmentField ctx={ctx} error={errorFor(errors, 'attachment')} />
        <Radios
          id="identityMode"
          legend={ctx.t('integrity.field.identityMode')}
          options={identityModes.map((m) => ({
            value: m,
            label: ctx.t(`integrity.identity.${m}` as MessageKey),
          }))}
          value={v.identityMode ?? 'anonymous'}
        />
        <TextField
          id="name"
          label={ctx.t('integrity.field.name')}
          hint={ctx.t('integrity.field.nameHint')}
          value={v.name}
          error={errorFor(errors, 'name')}
          autocomplete="off"
        />
        <TextField
          id="contact"
          label={ctx.t('integrity.field.contact')}
          value={v.contact}
          error={errorFor(errors, 'contact')}
          autocomplete="off"
        />
        <section aria-labelledby="who">
          <h2 id="who">{ctx.t('integrity.who')}</h2>
          <p>{ctx.t('integrity.whoText', { organisation })}</p>
          {props.channel.handlers.length > 1 && (
            <fieldset>
              <legend>{ctx.t('integrity.excludeLabel')}</legend>
              {props.channel.handlers.map((h, i) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`exclude-${i}`}
                    name="exclude"
                    value={h.keyId}
                    checked={v.exclude?.includes(h.keyId)}
                  />
                  <label for={`exclude-${i}`}>{h.name}</label>
                </div>
              ))}
            </fieldset>
          )}
          {props.channel.handlers.length === 1 && (
            <ul>
              <li>{props.channel.handlers[0]!.name}</li>
            </ul>
          )}
        </section>
        <div>
          <button type="submit">{ctx.t('integrity.submit')}</button>
        </div>
      </form>
      <External ctx={ctx} />
    </Layout>
  );
}

export function unknownChannelPage(ctx: PageContext, code: string) {
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.unknownTitle')}>
      <h1>{ctx.t('integrity.unknownTitle')}</h1>
      <p>{ctx.t('integrity.unknownText', { code })}</p>
      <External ctx={ctx} />
    </Layout>
  );
}

export function receiptPage(ctx: PageContext, props: { code: string; receiptCode: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.thanksTitle')}>
      <h1>{ctx.t('integrity.thanksTitle')}</h1>
      <p>{ctx.t('integrity.thanksText')}</p>
      <h2>{ctx.t('integrity.receiptCode')}</h2>
      <p class="notice">
        <strong class="secret">{formatReceiptCode(props.receiptCode)}</strong>
      </p>
      <p>{ctx.t('integrity.thanksNext')}</p>
      <p>
        <a href={`/integriteit/${props.code}/terugkomen`}>{ctx.t('integrity.return')}</a>
      </p>
    </Layout>
  );
}

export function returnPage(ctx: PageContext, props: { code: string; errors?: FieldErrors }) {
  const errors = props.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.returnTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.returnTitle')}</h1>
      <p>{ctx.t('integrity.returnIntro')}</p>
      <form method="post" action={`/integriteit/${props.code}/terugkomen`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="receipt"
          label={ctx.t('integrity.field.receipt')}
          hint={ctx.t('integrity.field.receiptHint')}
          error={errorFor(errors, 'receipt')}
          autocomplete="off"
          required
        />
        <div>
          <button type="submit">{ctx.t('integrity.open')}</button>
        </div>
      </form>
    </Layout>
  );
}

export interface ReporterPageProps {
  code: string;
  receipt: string;
  receivedAt: Date;
  state: string;
  deadlines: { acknowledgement: Countdown; feedback: Countdown };
  content?: { what: string; involved: string; when: string };
  messages: Message[];
  attachments: AttachmentInfo[];
  oral: OralStatus;
  sent?: boolean;
  errors?: FieldErrors;
}

/** The reporter's view, reached by posting the receipt code; replies post the code again (hidden). */
export function reporterPage(ctx: PageContext, p: ReporterPageProps) {
  const errors = p.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.yourReport')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.yourReport')}</h1>
      {p.sent && (
        <p class="success" role="status">
          {ctx.t('integrity.sent')}
        </p>
      )}
      <Deadlines ctx={ctx} receivedAt={p.receivedAt} state={p.state} {...p.deadlines} />
      {p.content && (
        <section aria-labelledby="content">
          <h2 id="content">{ctx.t('integrity.field.what')}</h2>
          <MultiLine text={p.content.what} />
          {p.content.involved && (
            <>
              <h3>{ctx.t('integrity.field.involved')}</h3>
              <MultiLine text={p.content.involved} />
            </>
          )}
          {p.content.when && (
            <>
              <h3>{ctx.t('integrity.field.when')}</h3>
              <p>{p.content.when}</p>
            </>
          )}
        </section>
      )}
      <OralSignPanel
        ctx={ctx}
        code={p.code}
        receipt={p.receipt}
        status={p.oral}
        error={errorFor(errors, 'signature')}
      />
      <AttachmentList ctx={ctx} attachments={p.attachments} reporter={{ code: p.code, receipt: p.receipt }} />
      <Conversation ctx={ctx} messages={p.messages} viewer="reporter" />
      <form
        method="post"
        action={`/integriteit/${p.code}/bericht`}
        enctype="multipart/form-data"
        class="stack"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="receipt" value={p.receipt} />
        <TextArea
          id="message"
          label={ctx.t('integrity.reply')}
          error={errorFor(errors, 'message')}
          required
        />
        <AttachmentField ctx={ctx} error={errorFor(errors, 'attachment')} />
        <div>
          <button type="submit">{ctx.t('integrity.send')}</button>
        </div>
      </form>
    </Layout>
  );
}
