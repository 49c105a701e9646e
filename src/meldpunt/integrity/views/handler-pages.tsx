/** The integrity officer's pages: key setup and unlocking, the dashboard, one report. */
import {
  errorFor,
  type FieldErrors,
  formatDateTime,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { AttachmentInfo } from '../attachments.js';
import type { Countdown } from '../deadlines.js';
import type { ReportContent, ReporterIdentity } from '../model.js';
import type { OralStatus } from '../report-repository.js';
import type { Message } from '../reports-service.js';
import { AttachmentList, DocumentForm } from './attachment-parts.js';
import { GrantForm, RunningGrants } from './investigator-pages.js';
import { OralRecordPanel } from './oral-pages.js';
import { Conversation, CountdownCell, Deadlines, MultiLine, TextArea } from './parts.js';
import { DestroyForm, RetentionForm } from './retention-parts.js';
import { History, WorkflowForms, type WorkflowProps } from './workflow-parts.js';

export type KeyState = 'no-channel' | 'no-key' | 'pending' | 'locked' | 'unlocked';

function PassphraseFields(props: { ctx: PageContext; errors: FieldErrors; repeat?: boolean }) {
  const { ctx, errors } = props;
  return (
    <>
      <TextField
        id="passphrase"
        type="password"
        label={ctx.t('integrity.keys.passphrase')}
        hint={props.repeat ? ctx.t('integrity.keys.passphraseHint') : undefined}
        autocomplete={props.repeat ? 'new-password' : 'current-password'}
        error={errorFor(errors, 'passphrase')}
        required
      />
      {props.repeat && (
        <TextField
          id="passphraseRepeat"
          type="password"
          label={ctx.t('integrity.keys.passphraseRepeat')}
          autocomplete="new-password"
          error={errorFor(errors, 'passphraseRepeat')}
          required
        />
      )}
    </>
  );
}

/** A new passphrase twice, with ids that do not clash with the unlock form on the same page. */
function NewPassphraseFields(props: { ctx: PageContext; errors: FieldErrors }) {
  const { ctx, errors } = props;
  return (
    <>
      <TextField
        id="newPassphrase"
        type="password"
        label={ctx.t('integrity.keys.new')}
        hint={ctx.t('integrity.keys.passphraseHint')}
        autocomplete="new-password"
        error={errorFor(errors, 'newPassphrase')}
        required
      />
      <TextField
        id="newPassphraseRepeat"
        type="password"
        label={ctx.t('integrity.keys.passphraseRepeat')}
        autocomplete="new-password"
        error={errorFor(errors, 'newPassphraseRepeat')}
        required
      />
    </>
  );
}

export function keysPage(
  ctx: PageContext,
  p: {
    orgId: string;
    state: KeyState;
    pending: Array<{ keyId: string; name: string }>;
    errors?: FieldErrors;
    notice?: string;
  },
) {
  const errors = p.errors ?? [];
  const action = `/integrity/${p.orgId}/keys`;
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.keysTitle')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.keysTitle')}</h1>
      {p.notice && (
        <p class="success" role="status">
          {p.notice}
        </p>
      )}
      <p>{ctx.t('integrity.keysIntro')}</p>
      {p.state === 'no-channel' && (
        <form method="post" action={`${action}/setup`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.setUpTitle')}</h2>
          <p>{ctx.t('integrity.keys.setUpText')}</p>
          <CsrfField ctx={ctx} />
          <PassphraseFields ctx={ctx} errors={errors} repeat />
          <div>
            <button type="submit">{ctx.t('integrity.keys.setUp')}</button>
          </div>
        </form>
      )}
      {p.state === 'no-key' && (
        <form method="post" action={`${action}/create`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.createTitle')}</h2>
          <p>{ctx.t('integrity.keys.createText')}</p>
          <CsrfField ctx={ctx} />
          <PassphraseFields ctx={ctx} errors={errors} repeat />
          <div>
            <button type="submit">{ctx.t('integrity.keys.create')}</button>
          </div>
        </form>
      )}
      {p.state === 'pending' && <p class="notice">{ctx.t('integrity.keys.pending')}</p>}
      {(p.state === 'locked' || p.state === 'pending') && (
        <form method="post" action={`${action}/unlock`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.unlockTitle')}</h2>
          <p>{ctx.t('integrity.keys.unlockText')}</p>
          <CsrfField ctx={ctx} />
          <PassphraseFields ctx={ctx} errors={errors} />
          <div>
            <button type="submit">{ctx.t('integrity.keys.unlock')}</button>
          </div>
          <p class="hint">{ctx.t('integrity.keys.forgotten')}</p>
        </form>
      )}
      {p.state === 'unlocked' && <p>{ctx.t('integrity.keys.unlocked')}</p>}
      {p.state === 'unlocked' && (
        <form method="post" action={`${action}/passphrase`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.changeTitle')}</h2>
          <CsrfField ctx={ctx} />
          <TextField
            id="current"
            type="password"
            label={ctx.t('integrity.keys.current')}
            autocomplete="current-password"
            error={errorFor(errors, 'current')}
            required
          />
          <NewPassphraseFields ctx={ctx} errors={errors} />
          <div>
            <button type="submit">{ctx.t('integrity.keys.change')}</button>
          </div>
        </form>
      )}
      {(p.state === 'locked' || p.state === 'pending') && (
        <form method="post" action={`${action}/recover`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.recoverTitle')}</h2>
          <p>{ctx.t('integrity.keys.recoverText')}</p>
          <CsrfField ctx={ctx} />
          <TextField
            id="recoveryKey"
            label={ctx.t('integrity.keys.recoveryKey')}
            autocomplete="off"
            error={errorFor(errors, 'recoveryKey')}
            required
          />
          <NewPassphraseFields ctx={ctx} errors={errors} />
          <div>
            <button type="submit">{ctx.t('integrity.keys.recover')}</button>
          </div>
        </form>
      )}
      {p.state === 'unlocked' && p.pending.length > 0 && (
        <section aria-labelledby="pending">
          <h2 id="pending">{ctx.t('integrity.keys.pendingList')}</h2>
          <ul class="plain-list">
            {p.pending.map((k) => (
              <li>
                <form method="post" action={`${action}/${k.keyId}/certify`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <button type="submit">{ctx.t('integrity.keys.certify', { name: k.name })}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={`/integrity/${p.orgId}`}>{ctx.t('integrity.back')}</a>
      </p>
    </Layout>
  );
}

export function recoveryKeyPage(ctx: PageContext, p: { orgId: string; recoveryKey: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.keys.recoveryTitle')}>
      <h1>{ctx.t('integrity.keys.recoveryTitle')}</h1>
      <p class="notice">{ctx.t('integrity.keys.recoveryText')}</p>
      <pre class="secret wrap">
        <code>{p.recoveryKey}</code>
      </pre>
      <p>
        <a href={`/integrity/${p.orgId}`}>{ctx.t('integrity.back')}</a>
      </p>
    </Layout>
  );
}

export interface DashboardLine {
  reportId: string;
  receivedAt: Date;
  category: string;
  state: string;
  deadlines: { acknowledgement: Countdown; feedback: Countdown };
}

export function dashboardPage(
  ctx: PageContext,
  p: {
    orgId: string;
    organisation: string;
    publicUrl: string;
    unlocked: boolean;
    lines: DashboardLine[];
    retentionMonths?: number;
  },
) {
  const overdue = p.lines.filter(
    (l) => l.deadlines.acknowledgement.state === 'overdue' || l.deadlines.feedback.state === 'overdue',
  );
  const title = ctx.t('integrity.dashboardTitle', { organisation: p.organisation });
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <p>{ctx.t('integrity.publicAddress', { url: p.publicUrl })}</p>
      {!p.unlocked && (
        <p class="notice">
          {ctx.t('integrity.locked')} <a href={`/integrity/${p.orgId}/keys`}>{ctx.t('integrity.toKeys')}</a>
        </p>
      )}
      {p.unlocked && (
        <p>
          <a href={`/integrity/${p.orgId}/oral`}>{ctx.t('integrity.oral.new')}</a>
        </p>
      )}
      {overdue.length > 0 && (
        <p class="error-summary" role="status">
          <strong>{ctx.t('integrity.overdueCount', { count: overdue.length })}</strong>
        </p>
      )}
      {p.lines.length === 0 ? (
        <p>{ctx.t('integrity.noReports')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t('integrity.col.received')}</th>
                <th scope="col">{ctx.t('integrity.col.category')}</th>
                <th scope="col">{ctx.t('integrity.col.state')}</th>
                <th scope="col">{ctx.t('integrity.col.ack')}</th>
                <th scope="col">{ctx.t('integrity.col.feedback')}</th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <tr>
                  <td>
                    <a href={`/integrity/${p.orgId}/reports/${l.reportId}`}>
                      {formatDateTime(ctx.lang, l.receivedAt)}
                    </a>
                  </td>
                  <td>{ctx.t(`integrity.category.${l.category}` as MessageKey)}</td>
                  <td>{ctx.t(`integrity.stateName.${l.state}` as MessageKey)}</td>
                  <td>
                    <CountdownCell ctx={ctx} c={l.deadlines.acknowledgement} />
                  </td>
                  <td>
                    <CountdownCell ctx={ctx} c={l.deadlines.feedback} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul class="link-list">
        <li>
          <a href={`/integrity/${p.orgId}/register.csv`}>{ctx.t('integrity.registerCsv')}</a>
        </li>
        <li>
          <a href={`/integrity/${p.orgId}/register.xlsx`}>{ctx.t('integrity.registerXlsx')}</a>
        </li>
        <li>
          <a href={`/integrity/${p.orgId}/statistics`}>{ctx.t('integrity.stats.link')}</a>
        </li>
        <li>
          <a href={`/integrity/${p.orgId}/keys`}>{ctx.t('integrity.keysTitle')}</a>
        </li>
      </ul>
      {p.retentionMonths !== undefined && (
        <RetentionForm ctx={ctx} orgId={p.orgId} months={p.retentionMonths} />
      )}
    </Layout>
  );
}

export interface HandlerReportProps {
  orgId: string;
  reportId: string;
  receivedAt: Date;
  category: string;
  state: string;
  acknowledged: boolean;
  deadlines: { acknowledgement: Countdown; feedback: Countdown };
  content?: ReportContent;
  hasIdentity: boolean;
  identity?: ReporterIdentity;
  messages: Message[];
  attachments: AttachmentInfo[];
  oral: OralStatus;
  workflow: WorkflowProps;
  /** External investigators with a certified key who could be granted this report. */
  investigators?: Array<{ userId: string; name: string }>;
  /** Running grants of this report (withdrawable). */
  grants?: Array<{ id: string; name: string; expiresAt: Date }>;
  notice?: string;
  errors?: FieldErrors;
}

export function handlerReportPage(ctx: PageContext, p: HandlerReportProps) {
  const errors = p.errors ?? [];
  const base = `/integrity/${p.orgId}/reports/${p.reportId}`;
  const title = ctx.t('integrity.reportTitle', { date: formatDateTime(ctx.lang, p.receivedAt) });
  return (
    <Layout ctx={ctx} title={title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {p.notice && (
        <p class="success" role="status">
          {p.notice}
        </p>
      )}
      <p>{ctx.t(`integrity.category.${p.category}` as MessageKey)}</p>
      <Deadlines ctx={ctx} receivedAt={p.receivedAt} state={p.state} {...p.deadlines} />
      {p.content && (
        <section aria-labelledby="content">
          <h2 id="content">{ctx.t('integrity.field.what')}</h2>
          <MultiLine text={p.content.what} />
          <h3>{ctx.t('integrity.field.involved')}</h3>
          <MultiLine text={p.content.involved || '—'} />
          <h3>{ctx.t('integrity.field.when')}</h3>
          <p>{p.content.when || '—'}</p>
        </section>
      )}
      {p.identity ? (
        <section aria-labelledby="identity">
          <h2 id="identity">{ctx.t('integrity.identity')}</h2>
          <p>
            {p.identity.name}
            {p.identity.contact ? ` — ${p.identity.contact}` : ''}
          </p>
        </section>
      ) : (
        p.hasIdentity && (
          <form method="post" action={`${base}/identity`} class="stack">
            <p>{ctx.t('integrity.identityHidden')}</p>
            <CsrfField ctx={ctx} />
            <div>
              <button type="submit">{ctx.t('integrity.revealIdentity')}</button>
            </div>
          </form>
        )
      )}
      {!p.acknowledged && (
        <form method="post" action={`${base}/acknowledge`} class="stack" novalidate>
          <h2>{ctx.t('integrity.acknowledgeTitle')}</h2>
          <CsrfField ctx={ctx} />
          <TextArea
            id="ackMessage"
            label={ctx.t('integrity.messageTitle')}
            value={ctx.t('integrity.acknowledgeDefault')}
            rows={3}
          />
          <div>
            <button type="submit">{ctx.t('integrity.acknowledge')}</button>
          </div>
        </form>
      )}
      <OralRecordPanel ctx={ctx} base={base} status={p.oral} content={p.content} />
      <AttachmentList ctx={ctx} attachments={p.attachments} href={(id) => `${base}/attachments/${id}`} />
      <DocumentForm ctx={ctx} base={base} error={errorFor(errors, 'attachment')} />
      <Conversation ctx={ctx} messages={p.messages} viewer="handler" />
      <form method="post" action={`${base}/messages`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <TextArea
          id="message"
          label={ctx.t('integrity.messageTitle')}
          error={errorFor(errors, 'message')}
          required
        />
        <div class="choice">
          <input type="checkbox" id="feedback" name="feedback" value="yes" />
          <label for="feedback">{ctx.t('integrity.isFeedback')}</label>
        </div>
        <div>
          <button type="submit">{ctx.t('integrity.send')}</button>
        </div>
      </form>
      <WorkflowForms ctx={ctx} base={base} workflow={p.workflow} errors={errors} />
      <History ctx={ctx} history={p.workflow.history} />
      <RunningGrants ctx={ctx} base={base} grants={p.grants ?? []} />
      {p.investigators && p.investigators.length > 0 && (
        <GrantForm ctx={ctx} base={base} investigators={p.investigators} />
      )}
      {p.state === 'gearchiveerd' && <DestroyForm ctx={ctx} base={base} />}
      <p>
        <a href={`/integrity/${p.orgId}`}>{ctx.t('integrity.back')}</a>
      </p>
    </Layout>
  );
}
