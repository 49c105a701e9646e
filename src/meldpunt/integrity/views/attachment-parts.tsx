/** Attachments on the integrity pages: the file field of the forms, and the list with downloads. */
import { formatDateTime } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField } from '../../../platform/ui/layout.js';
import type { AttachmentInfo } from '../attachments.js';
import { TextArea } from './parts.js';

export function AttachmentField(props: {
  ctx: PageContext;
  error?: string;
  label?: string;
  required?: boolean;
}) {
  const { ctx } = props;
  const described = ['attachment-hint', props.error ? 'attachment-error' : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for="attachment">{props.label ?? ctx.t('integrity.field.attachments')}</label>
      <p class="hint" id="attachment-hint">
        {ctx.t('integrity.field.attachmentsHint')}
      </p>
      {props.error && (
        <p class="field-error" id="attachment-error">
          {props.error}
        </p>
      )}
      <input
        type="file"
        id="attachment"
        name="attachment"
        multiple
        accept=".pdf,.png,.jpg,.jpeg,.txt,.docx,.xlsx,.pptx,.odt,.ods,application/pdf,image/png,image/jpeg,text/plain"
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described}
      />
    </div>
  );
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * The attachments: links for a handler (`href`), or, for the reporter, a small form per file that posts
 * the receipt code again (the reporter has no session).
 */
export function AttachmentList(props: {
  ctx: PageContext;
  attachments: AttachmentInfo[];
  href?: (id: string) => string;
  reporter?: { code: string; receipt: string };
}) {
  const { ctx } = props;
  if (props.attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{ctx.t('integrity.attachments')}</h2>
      <ul class="plain-list">
        {props.attachments.map((a) => (
          <li>
            {props.href ? (
              <a href={props.href(a.id)} download={a.name}>
                {a.name}
              </a>
            ) : (
              <form method="post" action={`/integriteit/${props.reporter!.code}/bijlage`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="receipt" value={props.reporter!.receipt} />
                <input type="hidden" name="attachment" value={a.id} />
                <button type="submit" class="link-button">
                  {ctx.t('integrity.download', { name: a.name })}
                </button>
              </form>
            )}{' '}
            <span class="hint">
              {size(a.size)}, {formatDateTime(ctx.lang, a.at)}
              {props.href &&
                a.author === 'handler' &&
                `, ${ctx.t(a.visibleToReporter ? 'integrity.documents.shared' : 'integrity.documents.internal')}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The officer's form to add documents to the case file (multipart, works without JavaScript); the
 * reporter sees them only when "show to the reporter" is ticked (../documents.ts).
 */
export function DocumentForm(props: { ctx: PageContext; base: string; error?: string }) {
  const { ctx } = props;
  return (
    <form
      method="post"
      action={`${props.base}/documents`}
      enctype="multipart/form-data"
      class="stack"
      novalidate
    >
      <h2>{ctx.t('integrity.documents.title')}</h2>
      <p>{ctx.t('integrity.documents.hint')}</p>
      <CsrfField ctx={ctx} />
      <AttachmentField ctx={ctx} error={props.error} label={ctx.t('integrity.documents.files')} required />
      <TextArea id="documentNote" label={ctx.t('integrity.documents.note')} rows={2} />
      <div class="choice">
        <input
          type="checkbox"
          id="shareWithReporter"
          name="shareWithReporter"
          value="yes"
          aria-describedby="shareWithReporter-hint"
        />
        <label for="shareWithReporter">{ctx.t('integrity.documents.share')}</label>
      </div>
      <p class="hint" id="shareWithReporter-hint">
        {ctx.t('integrity.documents.shareHint')}
      </p>
      <div>
        <button type="submit">{ctx.t('integrity.documents.submit')}</button>
      </div>
    </form>
  );
}
