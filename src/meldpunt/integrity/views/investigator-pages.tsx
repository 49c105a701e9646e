/** The external investigator's pages: their key, the reports granted to them, one granted report (read only). */
import {
  errorFor,
  type FieldErrors,
  formatDateTime,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { ReportContent } from '../model.js';
import type { Message } from '../reports-service.js';
import type { KeyState } from './handler-pages.js';
import { Conversation, MultiLine } from './parts.js';

export function investigationsPage(
  ctx: PageContext,
  p: {
    orgId: string;
    state: KeyState;
    grants: Array<{ reportId: string; expiresAt: Date }>;
    errors?: FieldErrors;
  },
) {
  const errors = p.errors ?? [];
  const base = `/integrity/${p.orgId}/investigations`;
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.investigations.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{ctx.t('integrity.investigations.title')}</h1>
      <p>{ctx.t('integrity.investigations.intro')}</p>
      {p.state === 'no-key' && (
        <form method="post" action={`${base}/key`} class="stack" novalidate>
          <h2>{ctx.t('integrity.keys.createTitle')}</h2>
          <CsrfField ctx={ctx} />
          <TextField
            id="passphrase"
            type="password"
            label={ctx.t('integrity.keys.passphrase')}
            hint={ctx.t('integrity.keys.passphraseHint')}
            autocomplete="new-password"
            error={errorFor(errors, 'passphrase')}
            required
          />
          <div>
            <button type="submit">{ctx.t('integrity.keys.create')}</button>
          </div>
        </form>
      )}
      {p.state === 'pending' && <p role="status">{ctx.t('integrity.investigations.pending')}</p>}
      {p.state === 'locked' && (
        <form method="post" action={`${base}/unlock`} class="stack" novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            id="passphrase"
            type="password"
            label={ctx.t('integrity.keys.passphrase')}
            autocomplete="current-password"
            error={errorFor(errors, 'passphrase')}
            required
          />
          <div>
            <button type="submit">{ctx.t('integrity.keys.unlock')}</button>
          </div>
        </form>
      )}
      <h2>{ctx.t('integrity.investigations.granted')}</h2>
      {p.grants.length === 0 ? (
        <p>{ctx.t('integrity.investigations.none')}</p>
      ) : (
        <ul>
          {p.grants.map((g) => (
            <li>
              <a href={`${base}/${g.reportId}`}>{g.reportId.slice(0, 8)}</a>{' '}
              {ctx.t('integrity.investigations.until', { date: formatDateTime(ctx.lang, g.expiresAt) })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function investigationPage(
  ctx: PageContext,
  p: {
    orgId: string;
    expiresAt: Date;
    category: string;
    state: string;
    content: ReportContent | undefined;
    messages: Message[];
  },
) {
  return (
    <Layout ctx={ctx} title={ctx.t('integrity.investigations.report')}>
      <p>
        <a href={`/integrity/${p.orgId}/investigations`}>{ctx.t('integrity.investigations.title')}</a>
      </p>
      <h1>{ctx.t('integrity.investigations.report')}</h1>
      <p>{ctx.t('integrity.investigations.until', { date: formatDateTime(ctx.lang, p.expiresAt) })}</p>
      <dl>
        <dt>{ctx.t('integrity.investigations.category')}</dt>
        <dd>{p.category}</dd>
        <dt>{ctx.t('integrity.investigations.state')}</dt>
        <dd>{p.state}</dd>
      </dl>
      {p.content && <MultiLine text={p.content.what} />}
      <Conversation ctx={ctx} messages={p.messages} viewer="handler" />
    </Layout>
  );
}

/** On the officer's report page: give an external investigator access to this report until a date. */
export function GrantForm(props: {
  ctx: PageContext;
  base: string;
  investigators: Array<{ userId: string; name: string }>;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={`${props.base}/investigators`} class="stack" novalidate>
      <h2>{ctx.t('integrity.grant.title')}</h2>
      <CsrfField ctx={ctx} />
      <div class="field">
        <label for="investigator">{ctx.t('integrity.grant.investigator')}</label>
        <select id="investigator" name="investigator">
          {props.investigators.map((i) => (
            <option value={i.userId}>{i.name}</option>
          ))}
        </select>
      </div>
      <TextField id="until" type="date" label={ctx.t('integrity.grant.until')} required />
      <div>
        <button type="submit">{ctx.t('integrity.grant.submit')}</button>
      </div>
    </form>
  );
}

/** On the officer's report page: the running grants, each with a button that withdraws it at once. */
export function RunningGrants(props: {
  ctx: PageContext;
  base: string;
  grants: Array<{ id: string; name: string; expiresAt: Date }>;
}) {
  const { ctx } = props;
  if (props.grants.length === 0) return null;
  return (
    <section aria-labelledby="running-grants">
      <h2 id="running-grants">{ctx.t('integrity.grant.running')}</h2>
      <p class="hint">{ctx.t('integrity.grant.withdrawHint')}</p>
      <ul class="plain-list">
        {props.grants.map((g) => (
          <li>
            <form method="post" action={`${props.base}/investigators/${g.id}/withdraw`}>
              <CsrfField ctx={ctx} />
              {ctx.t('integrity.grant.runningItem', {
                name: g.name,
                date: formatDateTime(ctx.lang, g.expiresAt),
              })}{' '}
              <button type="submit">{ctx.t('integrity.grant.withdraw', { name: g.name })}</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
