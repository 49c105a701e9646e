/** The wave list, the new-wave form and a wave's overview. */
import { can } from '../../../platform/access/policy.js';
import { formatDateTime, SelectField, TextField } from '../../../platform/auth/views/fields.js';
import { formatDate } from '../../../platform/orgs/views/common.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import { textIn } from '../../questionnaires/model.js';
import type { StratumCount } from '../frame-service.js';
import { anonymityLevels, pastEnd, targetGroups, type Wave } from '../model.js';
import type { VersionInfo } from '../questionnaire-link.js';
import type { WaveQuestionnaire, WaveSummary } from '../waves-service.js';
import {
  anonLabel,
  type Errors,
  ExportLinks,
  fieldworkDates,
  k,
  Notice,
  NumTh,
  nf,
  statusLabel,
  tgLabel,
  WaveNav,
} from './common.js';

export function wavesListPage(ctx: PageContext, list: WaveSummary[]) {
  const t = ctx.t;
  const n = nf(ctx);
  const manage = ctx.principal ? can(ctx.principal, 'wave.manage') : false;
  const read = ctx.principal ? can(ctx.principal, 'wave.read') : false;
  return (
    <Layout ctx={ctx} title={t('wave.list.title')} wide>
      <h1>{t('wave.list.title')}</h1>
      <p>{t('wave.list.intro')}</p>
      {manage && (
        <p>
          <a class="button" href="/waves/new">
            {t('wave.list.new')}
          </a>
        </p>
      )}
      {list.length === 0 ? (
        <p>{t('wave.list.none')}</p>
      ) : (
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table>
            <caption>{t('wave.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wave.field.name')}</th>
                <th scope="col">{t('wave.field.code')}</th>
                <th scope="col">{t('wave.field.status')}</th>
                <th scope="col">{t('wave.field.fieldwork')}</th>
                <NumTh>{t('wave.col.frame')}</NumTh>
                <NumTh>{t('wave.col.invited')}</NumTh>
                <NumTh>{t('wave.col.completed')}</NumTh>
              </tr>
            </thead>
            <tbody>
              {list.map((w) => (
                <tr>
                  <th scope="row">
                    <a href={read ? `/waves/${w.id}` : `/waves/${w.id}/monitoring`}>{w.name}</a>
                  </th>
                  <td>
                    <code>{w.code}</code>
                  </td>
                  <td>
                    <span class={`badge status-${w.status}`}>{statusLabel(ctx, w.status)}</span>
                  </td>
                  <td>{fieldworkDates(w)}</td>
                  <td class="num">{n.format(w.framePersons)}</td>
                  <td class="num">{n.format(w.invited)}</td>
                  <td class="num">{n.format(w.completed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface WaveFormValues {
  code?: string;
  name?: string;
  anonymity?: string;
  fieldworkStart?: string;
  fieldworkEnd?: string;
  reminderDays?: string;
  privacyController?: string;
  privacyLegalBasis?: string;
  privacyRetention?: string;
  privacyContact?: string;
}

/** The wave's privacy statement for respondents (model.ts wavePrivacySchema), as form fields. */
export const privacyFields = ['Controller', 'LegalBasis', 'Retention', 'Contact'] as const;

function WaveFields(props: {
  ctx: PageContext;
  values: WaveFormValues;
  errors: Errors;
  isNew: boolean;
  draft: boolean;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      {props.isNew && (
        <TextField
          id="code"
          label={t('wave.field.code')}
          hint={t('wave.field.codeHint')}
          value={values.code}
          error={err('code')}
          required
        />
      )}
      <TextField id="name" label={t('wave.field.name')} value={values.name} error={err('name')} required />
      {props.draft ? (
        <SelectField
          id="anonymity"
          label={t('wave.field.anonymity')}
          hint={t('wave.field.anonymityHint')}
          value={values.anonymity ?? 'anonymous'}
          error={err('anonymity')}
          options={anonymityLevels.map((a) => ({ value: a, label: anonLabel(ctx, a) }))}
        />
      ) : null}
      <TextField
        id="fieldworkStart"
        type="date"
        label={t('wave.field.start')}
        value={values.fieldworkStart}
        error={err('fieldworkStart')}
      />
      <TextField
        id="fieldworkEnd"
        type="date"
        label={t('wave.field.end')}
        value={values.fieldworkEnd}
        error={err('fieldworkEnd')}
      />
      <TextField
        id="reminderDays"
        label={t('wave.field.reminderDays')}
        hint={t('wave.field.reminderDaysHint')}
        value={values.reminderDays}
        error={err('reminderDays')}
      />
      <fieldset class="stack">
        <legend>{t('wave.field.privacyTitle')}</legend>
        <p class="hint">{t('wave.field.privacyIntro')}</p>
        {privacyFields.map((f) => (
          <TextField
            id={`privacy${f}`}
            label={t(`wave.field.privacy${f}`)}
            hint={f === 'Contact' ? undefined : t(`wave.field.privacy${f}Hint`)}
            value={values[`privacy${f}`]}
            error={err(`privacy${f}`)}
          />
        ))}
      </fieldset>
    </>
  );
}

export function waveNewPage(ctx: PageContext, values: WaveFormValues = {}, errors: Errors = []) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('wave.new.title')}>
      <h1>{t('wave.new.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/waves" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <WaveFields ctx={ctx} values={{ reminderDays: '7, 14', ...values }} errors={errors} isNew draft />
        <div>
          <button type="submit">{t('wave.new.submit')}</button>
        </div>
      </form>
    </Layout>
  );
}

export interface OverviewData {
  wave: Wave;
  questionnaires: WaveQuestionnaire[];
  versions: VersionInfo[];
  counts: StratumCount[];
  pending: number;
  notice?: string;
  errors?: Errors;
  values?: WaveFormValues;
}

export function waveOverviewPage(ctx: PageContext, d: OverviewData) {
  const t = ctx.t;
  const { wave } = d;
  const n = nf(ctx);
  const manage = ctx.principal ? can(ctx.principal, 'wave.manage') : false;
  const errors = d.errors ?? [];
  const total = d.counts.reduce((s, c) => s + c.n, 0);
  const byGroup = new Map<string, number>();
  for (const c of d.counts) byGroup.set(c.targetGroup, (byGroup.get(c.targetGroup) ?? 0) + c.n);
  const status = wave.status;
  const ended = status === 'open' && pastEnd(wave);
  const versionOf = (id: string) => d.versions.find((v) => v.id === id);
  /** The other target group an attached questionnaire is meant for, if it is meant for another. */
  const mismatch = (group: string, id: string) => {
    const meant = versionOf(id)?.intendedFor;
    return meant && meant !== group ? meant : undefined;
  };
  const versionText = (v: VersionInfo) => `${textIn(v.title, ctx.lang)} (${v.label})`;
  const versionLabel = (id: string) => {
    const v = versionOf(id);
    return v ? versionText(v) : id;
  };
  // Each action asks first (GET: a page saying what will happen, with the POST form that does it).
  const action = (name: string, label: string, secondary = false) => (
    <a href={`/waves/${wave.id}/${name}`} class={secondary ? 'button secondary' : 'button'}>
      {label}
    </a>
  );
  return (
    <Layout ctx={ctx} title={wave.name} wide>
      <h1>{wave.name}</h1>
      <WaveNav ctx={ctx} wave={wave} current={`/waves/${wave.id}`} />
      <Notice text={d.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {ended && (
        <p class="notice" id="past-end">
          {t('wave.overview.pastEnd', { date: formatDate(ctx, wave.fieldworkEnd) })}
        </p>
      )}
      <dl class="facts">
        <dt>{t('wave.field.code')}</dt>
        <dd>
          <code>{wave.code}</code>
        </dd>
        <dt>{t('wave.field.status')}</dt>
        <dd>
          <span class={`badge status-${status}`}>{statusLabel(ctx, status)}</span>
        </dd>
        <dt>{t('wave.field.anonymity')}</dt>
        <dd>{anonLabel(ctx, wave.anonymity)}</dd>
        <dt>{t('wave.field.fieldwork')}</dt>
        <dd>{fieldworkDates(wave) || '—'}</dd>
        <dt>{t('wave.field.reminderDays')}</dt>
        <dd>{wave.reminderDays.length ? wave.reminderDays.join(', ') : '—'}</dd>
        <dt>{t('wave.overview.frame')}</dt>
        <dd>
          {n.format(total)} {[...byGroup].map(([g, c]) => `(${tgLabel(ctx, g)}: ${n.format(c)})`).join(' ')}
        </dd>
        {wave.openedAt && (
          <>
            <dt>{t('wave.overview.openedAt')}</dt>
            <dd>{formatDateTime(ctx.lang, wave.openedAt)}</dd>
          </>
        )}
        {wave.closedAt && (
          <>
            <dt>{t('wave.overview.closedAt')}</dt>
            <dd>{formatDateTime(ctx.lang, wave.closedAt)}</dd>
          </>
        )}
      </dl>

      {manage && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('wave.overview.actions')}</h2>
          <p class="hint">{t(k(`wave.overview.stateHint.${status}`))}</p>
          <div class="actions">
            {status === 'draft' && action('open', t('wave.action.open'))}
            {status === 'open' &&
              !ended &&
              d.pending > 0 &&
              action('invitations', t('wave.action.invite', { count: d.pending }))}
            {status === 'open' && !ended && action('reminders', t('wave.action.remind'), true)}
            {status === 'open' && action('close', t('wave.action.close'), true)}
            {status === 'closed' && action('reopen', t('wave.action.reopen'), true)}
            {status === 'closed' && action('archive', t('wave.action.archive'), true)}
          </div>
          {status !== 'draft' && (
            <ExportLinks
              wave={wave}
              file="non-respondents"
              csv={t('wave.overview.nonRespondentsCsv')}
              xlsx={t('wave.overview.nonRespondentsXlsx')}
            />
          )}
          {ctx.principal && can(ctx.principal, 'responses.export') && status !== 'draft' && (
            <ExportLinks
              wave={wave}
              file="responses"
              csv={t('wave.overview.responsesCsv')}
              xlsx={t('wave.overview.responsesXlsx')}
            />
          )}
        </section>
      )}

      <section aria-labelledby="q-title">
        <h2 id="q-title">{t('wave.overview.questionnaires')}</h2>
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table>
            <caption class="visually-hidden">{t('wave.overview.questionnaires')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wave.field.targetGroup')}</th>
                <th scope="col">{t('wave.field.version')}</th>
              </tr>
            </thead>
            <tbody>
              {targetGroups.map((g) => {
                const q = d.questionnaires.find((x) => x.targetGroup === g);
                return (
                  <tr>
                    <th scope="row">{tgLabel(ctx, g)}</th>
                    <td>
                      {q ? versionLabel(q.questionnaireVersionId) : '—'}
                      {q && mismatch(g, q.questionnaireVersionId) && (
                        <p class="notice" id={`mismatch-${g}`}>
                          {t('wave.overview.otherGroup', {
                            group: tgLabel(ctx, mismatch(g, q.questionnaireVersionId)!),
                          })}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {manage && status === 'draft' && (
          <form method="post" action={`/waves/${wave.id}/questionnaires`} class="stack">
            <CsrfField ctx={ctx} />
            <SelectField
              id="targetGroup"
              label={t('wave.field.targetGroup')}
              options={targetGroups.map((g) => ({ value: g, label: tgLabel(ctx, g) }))}
              error={errors.find((e) => e.field === 'targetGroup')?.message}
            />
            <SelectField
              id="questionnaireVersionId"
              label={t('wave.field.version')}
              hint={d.versions.length ? undefined : t('wave.overview.noVersions')}
              placeholder={t('wave.overview.detach')}
              options={d.versions.map((v) => ({ value: v.id, label: versionText(v) }))}
              error={errors.find((e) => e.field === 'questionnaireVersionId')?.message}
            />
            <div>
              <button type="submit">{t('wave.overview.attach')}</button>
            </div>
          </form>
        )}
      </section>

      {manage && (status === 'draft' || status === 'open') && (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{t('wave.overview.settings')}</h2>
          <form method="post" action={`/waves/${wave.id}`} class="stack" novalidate>
            <CsrfField ctx={ctx} />
            <WaveFields
              ctx={ctx}
              values={
                d.values ?? {
                  name: wave.name,
                  anonymity: wave.anonymity,
                  fieldworkStart: wave.fieldworkStart ?? '',
                  fieldworkEnd: wave.fieldworkEnd ?? '',
                  reminderDays: wave.reminderDays.join(', '),
                  ...privacyValues(wave),
                }
              }
              errors={errors}
              isNew={false}
              draft={status === 'draft'}
            />
            <div>
              <button type="submit">{t('form.save')}</button>
            </div>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** The wave's privacy settings as form values. */
function privacyValues(wave: Wave): WaveFormValues {
  const p = (wave.privacy ?? {}) as Record<string, string | undefined>;
  return Object.fromEntries(
    privacyFields.map((f) => [`privacy${f}`, p[f[0]!.toLowerCase() + f.slice(1)] ?? '']),
  );
}
