/** Oral reports: the handler's form and receipt page, and the record panels on both sides. */
import {
  errorFor,
  type FieldErrors,
  formatDateTime,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import { formatReceiptCode } from '../crypto/receipt.js';
import { categories, identityModes, oralMedia, type ReportContent } from '../model.js';
import type { OralStatus } from '../oral-service.js';
import { TextArea } from './parts.js';
import { Radios } from './public-pages.js';

export interface OralFormValues {
  category?: string;
  medium?: string;
  what?: string;
  involved?: string;
  when?: string;
  identityMode?: string;
  name?: string;
  contact?: string;
}

export function oralFormPage(
  ctx: PageContext,
  p: { orgId: string; values?: OralFormValues; errors?: FieldErrors },
) {
  const v = p.values ?? {};
  const errors = p.errors ?? [];
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.oral.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.oral.title')}</h1>
      <p>{ctx.t('integrity.oral.intro')}</p>
      <form method="post" action={`/integrity/${p.orgId}/oral`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <Radios
          id="medium"
          legend={ctx.t('integrity.oral.medium')}
          options={oralMedia.map((m) => ({
            value: m,
            label: ctx.t(`integrity.oral.medium.${m}` as MessageKey),
          }))}
          value={v.medium}
          error={errorFor(errors, 'medium')}
        />
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
          label={ctx.t('integrity.oral.what')}
          value={v.what}
          error={errorFor(errors, 'what')}
          required
          rows={10}
        />
        <TextArea
          id="involved"
          label={ctx.t('integrity.field.involved')}
          value={v.involved}
          error={errorFor(errors, 'involved')}
          rows={3}
        />
        <TextField
          id="when"
          label={ctx.t('integrity.field.when')}
          value={v.when}
          error={errorFor(errors, 'when')}
        />
        <Radios
          id="identityMode"
          legend={ctx.t('integrity.oral.identity')}
          options={identityModes.map((m) => ({
            value: m,
            label: ctx.t(`integrity.identity.${m}` as MessageKey),
          }))}
          value={v.identityMode ?? 'anonymous'}
        />
        <TextField
          id="name"
          label={ctx.t('integrity.oral.name')}
          value={v.name}
          error={errorFor(errors, 'name')}
        />
        <TextField id="contact" label={ctx.t('integrity.oral.contact')} value={v.contact} />
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            aria-invalid={errorFor(errors, 'consent') ? 'true' : undefined}
            aria-describedby={errorFor(errors, 'consent') ? 'consent-error' : undefined}
          />
          <label for="consent">{ctx.t('integrity.oral.consent')}</label>
          {errorFor(errors, 'consent') && (
            <p class="field-error" id="consent-error">
              {errorFor(errors, 'consent')}
            </p>
          )}
        </div>
        <div>
          <button type="submit">{ctx.t('integrity.oral.save')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function oralReceiptPage(
  ctx: PageContext,
  p: { orgId: string; reportId: string; receiptCode: string; returnUrl: string },
) {
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.oral.receiptTitle')}>
      <h1>{ctx.t('integrity.oral.receiptTitle')}</h1>
      <p class="notice">
        <strong class="secret">{formatReceiptCode(p.receiptCode)}</strong>
      </p>
      <p>{ctx.t('integrity.oral.receiptText', { url: p.returnUrl })}</p>
      <p>
        <a href={`/integrity/${p.orgId}/reports/${p.reportId}`}>{ctx.t('integrity.oral.toReport')}</a>
      </p>
    </Layout>
  );
}

/** On the handler's report page: whether the record is signed, and revising it while it is not. */
export function OralRecordPanel(props: {
  ctx: PageContext;
  base: string;
  status: OralStatus;
  content?: ReportContent;
}) {
  const { ctx, status } = props;
  if (!status.oral) return null;
  if (status.signedAt)
    return (
      <p class="success">
        {ctx.t('integrity.oral.signedBy', {
          name: status.signedAs ?? '',
          date: formatDateTime(ctx.lang, status.signedAt),
        })}
      </p>
    );
  return (
    <section aria-labelledby="oral-record">
      <p class="notice">{ctx.t('integrity.oral.unsigned')}</p>
      <h2 id="oral-record">{ctx.t('integrity.oral.revise')}</h2>
      <p>{ctx.t('integrity.oral.reviseHint')}</p>
      <form method="post" action={`${props.base}/record`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea
          id="what"
          label={ctx.t('integrity.oral.what')}
          value={props.content?.what}
          rows={10}
          required
        />
        <TextArea
          id="involved"
          label={ctx.t('integrity.field.involved')}
          value={props.content?.involved}
          rows={3}
        />
        <TextField id="when" label={ctx.t('integrity.field.when')} value={props.content?.when} />
        <div>
          <button type="submit">{ctx.t('integrity.oral.revise')}</button>
        </div>
      </form>
    </section>
  );
}

/** On the reporter's page: check and sign the record of an oral report. */
export function OralSignPanel(props: {
  ctx: PageContext;
  code: string;
  receipt: string;
  status: OralStatus;
  error?: string;
}) {
  const { ctx, status } = props;
  if (!status.oral) return null;
  if (status.signedAt)
    return (
      <p class="success">
        {ctx.t('integrity.oral.signed', { date: formatDateTime(ctx.lang, status.signedAt) })}
      </p>
    );
  return (
    <section aria-labelledby="oral-check">
      <h2 id="oral-check">{ctx.t('integrity.oral.check')}</h2>
      <p>{ctx.t('integrity.oral.checkText')}</p>
      <form method="post" action={`/integriteit/${props.code}/ondertekenen`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="receipt" value={props.receipt} />
        <TextField
          id="signature"
          label={ctx.t('integrity.oral.signature')}
          error={props.error}
          autocomplete="off"
          required
        />
        <div>
          <button type="submit">{ctx.t('integrity.oral.sign')}</button>
        </div>
      </form>
    </section>
  );
}
