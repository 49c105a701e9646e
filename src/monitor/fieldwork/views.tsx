/**
 * Fieldwork pages: wave list, new wave, wave overview, frame upload with its problem report, mail
 * templates with preview, response monitoring, and the respondent's opt-out page. Server-rendered,
 * no JavaScript needed.
 */
import type { ComponentChildren } from 'preact';
import { can } from '../../platform/access/policy.js';
import { FieldHint, formatDateTime, SelectField, TextField } from '../../platform/auth/views/fields.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../platform/ui/layout.js';
import type { FrameImportReport, StratumCount } from './frame-service.js';
import { anonymityLevels, targetGroups, type Wave, type WaveMailTemplates } from './model.js';
import type { Breakdown, RateRow, ResponseRates } from './monitoring.js';
import type { VersionInfo } from './questionnaire-link.js';
import type { UndeliveredPerson } from './undelivered.js';
import type { WaveQuestionnaire, WaveSummary } from './waves-service.js';

type Errors = Array<{ field: string; message: string }>;
const k = (s: string) => s as MessageKey;

const statusLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.status.${s}`));
const tgLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.targetGroup.${s}`));
const anonLabel = (ctx: PageContext, s: string) => ctx.t(k(`wave.anonymity.${s}`));
// Made once (a rates table formats thousands of numbers).
const numberFormats = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };
const percentFormats = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
};
const nf = (ctx: PageContext) => numberFormats[ctx.lang];
const pct = (ctx: PageContext, r: number | null) => (r === null ? '—' : percentFormats[ctx.lang].format(r));
const fieldworkDates = (w: Pick<Wave, 'fieldworkStart' | 'fieldworkEnd'>) =>
  [w.fieldworkStart, w.fieldworkEnd].filter(Boolean).join(' – ');

/** A column header of numbers. */
const NumTh = (props: { children: ComponentChildren }) => (
  <th scope="col" class="num">
    {props.children}
  </th>
);

function WaveNav(props: { ctx: PageContext; wave: Wave; current: string }) {
  const { ctx, wave } = props;
  const read = ctx.principal ? can(ctx.principal, 'wave.read') : false;
  const links = [
    ...(read
      ? [
          { href: `/waves/${wave.id}`, label: ctx.t('wave.nav.overview') },
          { href: `/waves/${wave.id}/frame`, label: ctx.t('wave.nav.frame') },
          { href: `/waves/${wave.id}/mail`, label: ctx.t('wave.nav.mail') },
        ]
      : []),
    { href: `/waves/${wave.id}/monitoring`, label: ctx.t('wave.nav.monitoring') },
  ];
  return (
    <nav aria-label={ctx.t('wave.nav.label')} class="subnav">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.href === props.current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of one wave: the title with the wave's name, and the wave's navigation. */
function WavePage(props: {
  ctx: PageContext;
  wave: Wave;
  title: string;
  /** Below /waves/<id>, for the navigation's current page. */
  path: string;
  children: ComponentChildren;
}) {
  const { ctx, wave, title } = props;
  return (
    <Layout ctx={ctx} title={`${title} · ${wave.name}`} wide>
      <h1>
        {title} <span class="subtitle">{wave.name}</span>
      </h1>
      <WaveNav ctx={ctx} wave={wave} current={`/waves/${wave.id}${props.path}`} />
      {props.children}
    </Layout>
  );
}

/** CSV and Excel links of one export of the wave. */
function ExportLinks(props: {
  wave: Wave;
  file: 'non-respondents' | 'responses';
  csv: string;
  xlsx: string;
}) {
  const base = `/api/v1/waves/${props.wave.id}/${props.file}?format=`;
  return (
    <p>
      <a href={`${base}csv`}>{props.csv}</a>
      {' · '}
      <a href={`${base}xlsx`}>{props.xlsx}</a>
    </p>
  );
}

function Notice(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <p class="notice success" role="status">
      {props.text}
    </p>
  );
}

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
        <div class="table-scroll">
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
}

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
  const versionLabel = (id: string) => d.versions.find((v) => v.id === id)?.label ?? id;
  const action = (name: string, label: string, secondary = false) => (
    <form method="post" action={`/waves/${wave.id}/${name}`} class="inline-form">
      <CsrfField ctx={ctx} />
      <button type="submit" class={secondary ? 'button secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={wave.name} wide>
      <h1>{wave.name}</h1>
      <WaveNav ctx={ctx} wave={wave} current={`/waves/${wave.id}`} />
      <Notice text={d.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
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
              d.pending > 0 &&
              action('invitations', t('wave.action.invite', { count: d.pending }))}
            {status === 'open' && action('reminders', t('wave.action.remind'), true)}
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
        <div class="table-scroll">
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
                    <td>{q ? versionLabel(q.questionnaireVersionId) : '—'}</td>
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
              options={d.versions.map((v) => ({ value: v.id, label: v.label }))}
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

export function framePage(
  ctx: PageContext,
  d: {
    wave: Wave;
    counts: StratumCount[];
    imports: Array<{
      id: string;
      fileName: string;
      rowsImported: number;
      rowsRejected: number;
      createdAt: Date;
    }>;
    report?: FrameImportReport;
    errors?: Errors;
  },
) {
  const t = ctx.t;
  const { wave } = d;
  const n = nf(ctx);
  const manage = ctx.principal ? can(ctx.principal, 'wave.manage') : false;
  const canImport = manage && (wave.status === 'draft' || wave.status === 'open');
  const r = d.report;
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.frame.title')} path="/frame">
      <ErrorSummary ctx={ctx} errors={d.errors ?? []} />
      {r && (
        <section
          aria-labelledby="report-title"
          class={r.written ? 'notice success' : 'notice'}
          role={r.written ? 'status' : 'alert'}
        >
          <h2 id="report-title">
            {r.written ? t('wave.frame.report.written') : t('wave.frame.report.notWritten')}
          </h2>
          <p>
            {t('wave.frame.report.summary', {
              file: r.fileName,
              read: r.rowsRead,
              imported: r.rowsImported,
              rejected: r.rowsRejected,
            })}
          </p>
          {!r.written && r.problems.length > 0 && <p>{t('wave.frame.report.fixOrValid')}</p>}
        </section>
      )}
      {r && r.problems.length > 0 && (
        <div class="table-scroll">
          <table class="problems">
            <caption>
              {t('wave.frame.problems.caption', { count: r.problemCount })}
              {r.problemCount > r.problems.length &&
                ` ${t('wave.frame.problems.firstShown', { shown: r.problems.length })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('wave.frame.problems.line')}
                </th>
                <th scope="col">{t('wave.frame.problems.column')}</th>
                <th scope="col">{t('wave.frame.problems.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p) => (
                <tr>
                  <td class="num">{p.line}</td>
                  <td>{p.column}</td>
                  <td>{problemText(ctx, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canImport ? (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('wave.frame.upload')}</h2>
          <p>{t('wave.frame.uploadIntro')}</p>
          <form method="post" action={`/waves/${wave.id}/frame`} enctype="multipart/form-data" class="stack">
            <CsrfField ctx={ctx} />
            <div>
              <label for="file">{t('wave.frame.file')}</label>
              <FieldHint
                id="file"
                hint={t('wave.frame.fileHint')}
                error={d.errors?.find((e) => e.field === 'file')?.message}
              />
              <input
                type="file"
                id="file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="file-hint"
                required
              />
            </div>
            <SelectField
              id="targetGroup"
              label={t('wave.field.targetGroup')}
              options={targetGroups.map((g) => ({ value: g, label: tgLabel(ctx, g) }))}
              value={r?.targetGroup}
            />
            <fieldset>
              <legend>{t('wave.frame.mode')}</legend>
              <div class="choice">
                <input type="radio" id="mode-all" name="mode" value="all" checked={r?.mode !== 'valid'} />
                <label for="mode-all">{t('wave.frame.modeAll')}</label>
              </div>
              <div class="choice">
                <input type="radio" id="mode-valid" name="mode" value="valid" checked={r?.mode === 'valid'} />
                <label for="mode-valid">{t('wave.frame.modeValid')}</label>
              </div>
            </fieldset>
            <div>
              <button type="submit">{t('wave.frame.submit')}</button>
            </div>
          </form>
        </section>
      ) : (
        <p>{t('wave.frame.locked')}</p>
      )}
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('wave.frame.counts')}</h2>
        {d.counts.length === 0 ? (
          <p>{t('wave.frame.empty')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption>{t('wave.frame.countsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wave.field.targetGroup')}</th>
                  <th scope="col">{t('wave.col.layer')}</th>
                  <th scope="col">{t('wave.col.role')}</th>
                  <th scope="col">{t('wave.col.province')}</th>
                  <th scope="col">{t('wave.col.sizeClass')}</th>
                  <th scope="col" class="num">
                    {t('wave.col.frame')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.counts.map((c) => (
                  <tr>
                    <td>{tgLabel(ctx, c.targetGroup)}</td>
                    <td>{c.layer}</td>
                    <td>{c.role}</td>
                    <td>{c.provinceCode ?? '—'}</td>
                    <td>{c.sizeClass ?? '—'}</td>
                    <td class="num">{n.format(c.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {manage && wave.status === 'draft' && d.counts.length > 0 && (
        <form method="post" action={`/waves/${wave.id}/frame/clear`} class="stack">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('wave.frame.clearHint')}</p>
          <div>
            <button type="submit" class="button secondary">
              {t('wave.frame.clear')}
            </button>
          </div>
        </form>
      )}
      {d.imports.length > 0 && (
        <section aria-labelledby="imports-title">
          <h2 id="imports-title">{t('wave.frame.imports')}</h2>
          <ul>
            {d.imports.map((i) => (
              <li>
                {formatDateTime(ctx.lang, i.createdAt)}: {i.fileName} —{' '}
                {t('wave.frame.importLine', { imported: i.rowsImported, rejected: i.rowsRejected })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </WavePage>
  );
}

export function problemText(ctx: PageContext, p: { code: string; value: string; message: string }): string {
  const key = k(`wave.problem.${p.code}`);
  const text = ctx.t(key, { value: p.value });
  return text === key ? p.message : text;
}

export function mailPage(
  ctx: PageContext,
  d: {
    wave: Wave;
    templates: WaveMailTemplates;
    previews: Record<'invitation' | 'reminder', Record<'nl' | 'en', { subject: string; text: string }>>;
    errors?: Errors;
    notice?: string;
  },
) {
  const t = ctx.t;
  const { wave } = d;
  const editable =
    ctx.principal && can(ctx.principal, 'wave.manage') && (wave.status === 'draft' || wave.status === 'open');
  const errors = d.errors ?? [];
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.mail.title')} path="/mail">
      <Notice text={d.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('wave.mail.intro')}</p>
      <p>
        <code>{'{naam}'}</code>, <code>{'{link}'}</code>, <code>{'{einddatum}'}</code>,{' '}
        <code>{'{organisatie}'}</code>, <code>{'{afmeldlink}'}</code>
      </p>
      <form method="post" action={`/waves/${wave.id}/mail`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        {(['invitation', 'reminder'] as const).map((kind) => (
          <fieldset>
            <legend>{t(k(`wave.mail.kind.${kind}`))}</legend>
            {(['nl', 'en'] as const).map((lang) => {
              const id = `${kind}-${lang}`;
              const err = (part: string) => errors.find((e) => e.field === `${id}-${part}`)?.message;
              return (
                <div class="mail-template">
                  <TextField
                    id={`${id}-subject`}
                    label={t(k(`wave.mail.subject.${lang}`))}
                    value={d.templates[kind][lang].subject}
                    error={err('subject')}
                  />
                  <div>
                    <label for={`${id}-body`}>{t(k(`wave.mail.body.${lang}`))}</label>
                    <FieldHint id={`${id}-body`} error={err('body')} />
                    <textarea
                      id={`${id}-body`}
                      name={`${id}-body`}
                      rows={14}
                      readOnly={!editable}
                      aria-invalid={err('body') ? 'true' : undefined}
                      aria-describedby={err('body') ? `${id}-body-error` : undefined}
                    >
                      {d.templates[kind][lang].body}
                    </textarea>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
        {editable && (
          <div>
            <button type="submit">{t('wave.mail.save')}</button>
          </div>
        )}
      </form>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t('wave.mail.preview')}</h2>
        {(['invitation', 'reminder'] as const).flatMap((kind) =>
          (['nl', 'en'] as const).map((lang) => (
            <article class="mail-preview" lang={lang}>
              <h3>
                {t(k(`wave.mail.kind.${kind}`))} ({lang})
              </h3>
              <p>
                <strong>{t('wave.mail.previewSubject')}</strong> {d.previews[kind][lang].subject}
              </p>
              <pre class="mail-body">{d.previews[kind][lang].text}</pre>
            </article>
          )),
        )}
      </section>
    </WavePage>
  );
}

const breakdownOrder: Breakdown[] = ['total', 'target_group', 'layer_role', 'province', 'organisation'];

/** The columns of a rates table: header and value, in one list. */
const rateColumns: Array<[MessageKey, (ctx: PageContext, r: RateRow) => string]> = [
  ['wave.col.frame', (ctx, r) => nf(ctx).format(r.frame)],
  ['wave.col.invited', (ctx, r) => nf(ctx).format(r.invited)],
  ['wave.col.started', (ctx, r) => nf(ctx).format(r.started)],
  ['wave.col.completed', (ctx, r) => nf(ctx).format(r.completed)],
  ['wave.col.rate', (ctx, r) => pct(ctx, r.responseRate)],
  ['wave.col.reminders', (ctx, r) => nf(ctx).format(r.remindersSent)],
  ['wave.col.optedOut', (ctx, r) => nf(ctx).format(r.optedOut)],
];

function RatesTable(props: { ctx: PageContext; b: Breakdown; rows: RateRow[] }) {
  const { ctx, b, rows } = props;
  const t = ctx.t;
  return (
    <div class="table-scroll">
      <table class="rates">
        <caption>{t(k(`wave.monitoring.by.${b}`))}</caption>
        <thead>
          <tr>
            <th scope="col">{t(k(`wave.monitoring.stratum.${b}`))}</th>
            {rateColumns.map(([key]) => (
              <NumTh>{t(key)}</NumTh>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {b === 'total'
                  ? t('wave.monitoring.all')
                  : b === 'target_group'
                    ? tgLabel(ctx, r.label)
                    : r.label}
              </th>
              {rateColumns.map(([, value]) => (
                <td class="num">{value(ctx, r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** At most this many rows on the page; the non-respondent export has them all. */
const UNDELIVERED_SHOWN = 200;

function UndeliveredTable(props: {
  ctx: PageContext;
  wave: Wave;
  rows: Array<UndeliveredPerson & { organisation: string }>;
}) {
  const { ctx, wave, rows } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="undelivered-title">
      <h2 id="undelivered-title">{t('wave.undelivered.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('wave.undelivered.none')}</p>
      ) : (
        <>
          <p>
            {t('wave.undelivered.intro')}{' '}
            <a href={`/api/v1/waves/${wave.id}/non-respondents?format=xlsx`}>
              {t('wave.overview.nonRespondentsXlsx')}
            </a>
          </p>
          <div class="table-scroll">
            <table>
              <caption>
                {rows.length > UNDELIVERED_SHOWN
                  ? t('wave.undelivered.captionFirst', { shown: UNDELIVERED_SHOWN, count: rows.length })
                  : t('wave.undelivered.caption', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('wave.undelivered.col.name')}</th>
                  <th scope="col">{t('wave.undelivered.col.email')}</th>
                  <th scope="col">{t('wave.monitoring.stratum.organisation')}</th>
                  <th scope="col">{t('wave.undelivered.col.mail')}</th>
                  <th scope="col">{t('wave.undelivered.col.status')}</th>
                  <th scope="col">{t('wave.undelivered.col.reason')}</th>
                  <th scope="col">{t('wave.undelivered.col.at')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, UNDELIVERED_SHOWN).map((p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td>{p.email}</td>
                    <td>{p.organisation}</td>
                    <td>
                      {p.reminder
                        ? t('wave.undelivered.mail.reminder', { n: p.reminder })
                        : t('wave.undelivered.mail.invitation')}
                    </td>
                    <td>{t(k(`wave.undelivered.status.${p.status}`))}</td>
                    <td>{p.reason ?? '—'}</td>
                    <td>{p.at ? formatDateTime(ctx.lang, p.at) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function monitoringPage(
  ctx: PageContext,
  wave: Wave,
  rates: ResponseRates,
  /** Persons whose mail did not arrive; shown only to those who may see them (undefined: not shown). */
  undelivered?: Array<UndeliveredPerson & { organisation: string }>,
) {
  const t = ctx.t;
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.monitoring.title')} path="/monitoring">
      <p>
        {t('wave.monitoring.intro')}{' '}
        {t('wave.monitoring.computedAt', { at: formatDateTime(ctx.lang, rates.computedAt) })}{' '}
        <a href={`/waves/${wave.id}/monitoring`}>{t('wave.monitoring.refresh')}</a>
      </p>
      {breakdownOrder.map((b) => (
        <section>
          <RatesTable ctx={ctx} b={b} rows={rates.breakdowns[b]} />
        </section>
      ))}
      {undelivered && <UndeliveredTable ctx={ctx} wave={wave} rows={undelivered} />}
    </WavePage>
  );
}

export function optOutPage(
  ctx: PageContext,
  d: { token: string; state: 'confirm' | 'done' | 'unknown'; waveName?: string },
) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('optout.title')}>
      <h1>{t('optout.title')}</h1>
      {d.state === 'unknown' && <p>{t('optout.unknown')}</p>}
      {d.state === 'done' && (
        <p class="notice success" role="status">
          {t('optout.done')}
        </p>
      )}
      {d.state === 'confirm' && (
        <>
          <p>{t('optout.question', { wave: d.waveName ?? '' })}</p>
          <form method="post" action={`/r/${d.token}/afmelden`}>
            <CsrfField ctx={ctx} />
            <button type="submit">{t('optout.confirm')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
