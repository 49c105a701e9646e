/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * Questionnaire pages for researchers: the list, one questionnaire with its versions, the import
 * form with its problem table, and the preview (one section per page, without JavaScript).
 */
import type { ComponentChildren } from 'preact';
import { can } from '../../../platform/access/policy.js';
import { formatDateTime as formatDate_ } from '../../../platform/format.js';
import { catalogue, type MessageKey, type Translate } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import type { DefinitionChange } from '../diff.js';
import type { Relevance } from '../engine.js';
import { type QuestionnaireDefinition, textIn } from '../model.js';
import type { QuestionnaireSummary, VersionSummary } from '../service.js';
import type { XlsFormProblem } from '../xlsform.js';
import { ChangesTable } from './changes.js';
import { fieldId, SectionItems } from './render-item.js';

const formatDateTime = (ctx: PageContext, d: Date | null) => (d ? formatDate_(ctx.lang, d) : ctx.t('q.none'));

const title = (ctx: PageContext, text: { nl: string; en?: string }) => textIn(text, ctx.lang);

export function listPage(ctx: PageContext, items: QuestionnaireSummary[]) {
  const t = ctx.t;
  const manage = ctx.principal && can(ctx.principal, 'questionnaire.manage');
  return (
    <Layout ctx={ctx} title={t('q.list.title')} wide>
      <h1>{t('q.list.title')}</h1>
      <p>{t('q.list.intro')}</p>
      {manage && (
        <p>
          <a class="button" href="/questionnaires/import">
            {t('q.list.import')}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('q.list.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        <section class="table-scroll" tabIndex={0} aria-label={t('q.list.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('q.col.title')}</th>
                <th scope="col">{t('q.col.code')}</th>
                <th scope="col" class="num">
                  {t('q.col.latest')}
                </th>
                <th scope="col" class="num">
                  {t('q.col.published')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr>
                  <td>
                    <a href={`/questionnaires/${q.id}`}>{title(ctx, q.title)}</a>
                  </td>
                  <td>
                    <code>{q.code}</code>
                  </td>
                  <td class="num">{q.latestVersion ?? t('q.none')}</td>
                  <td class="num">{q.publishedVersion ?? t('q.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}

export function detailPage(
  ctx: PageContext,
  q: QuestionnaireSummary & { versions: VersionSummary[] },
  notice?: string,
  /** The newest draft's differences from the published version before it, to check before publishing. */
  pending?: { version: number; since: number; changes: DefinitionChange[] },
) {
  const t = ctx.t;
  const manage = ctx.principal && can(ctx.principal, 'questionnaire.manage');
  const base = `/questionnaires/${q.id}`;
  const api = `/api/v1/questionnaires/${q.id}`;
  return (
    <Layout ctx={ctx} title={title(ctx, q.title)} wide>
      <p>
        <a href="/questionnaires">{t('q.back')}</a>
      </p>
      <h1>{title(ctx, q.title)}</h1>
      {notice && (
        <div class="notice success" role="status">
          <p>{notice}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{t('q.col.code')}</dt>
        <dd>
          <code>{q.code}</code>
        </dd>
      </dl>
      <h2>{t('q.detail.versions')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section class="table-scroll" tabIndex={0} aria-label={t('q.detail.versions')}>
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('q.col.version')}
              </th>
              <th scope="col">{t('q.col.status')}</th>
              <th scope="col" class="num">
                {t('q.col.items')}
              </th>
              <th scope="col">{t('q.col.created')}</th>
              <th scope="col">{t('q.col.publishedAt')}</th>
              <th scope="col">{t('q.col.source')}</th>
              <th scope="col">{t('q.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {q.versions.map((v) => (
              <tr>
                <td class="num">{v.version}</td>
                <td>
                  <span class={`badge status-${v.status}`}>{t(`q.status.${v.status}`)}</span>
                </td>
                <td class="num">{v.itemCount}</td>
                <td>{formatDateTime(ctx, v.createdAt)}</td>
                <td>{formatDateTime(ctx, v.publishedAt)}</td>
                <td>{v.source ?? t('q.none')}</td>
                <td>
                  <ul class="action-list">
                    <li>
                      <a href={`${base}/versions/${v.version}/preview`}>{t('q.action.preview')}</a>
                    </li>
                    <li>
                      <a href={`${api}/versions/${v.version}/xlsform`} download>
                        {t('q.action.xlsform')}
                      </a>
                    </li>
                    <li>
                      <a
                        href={`${api}/versions/${v.version}/definition`}
                        download={`${q.code}-v${v.version}.json`}
                      >
                        {t('q.action.json')}
                      </a>
                    </li>
                    {manage && v.status === 'draft' && (
                      <li>
                        <form
                          method="post"
                          action={`${base}/versions/${v.version}/publish`}
                          class="inline-form"
                        >
                          <CsrfField ctx={ctx} />
                          <button type="submit" class="link-button">
                            {t('q.action.publishVersion', { version: v.version })}
                          </button>
                        </form>
                      </li>
                    )}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pending && (
        <ChangesTable
          ctx={ctx}
          id="draft-changes"
          since={pending.since}
          version={pending.version}
          changes={pending.changes}
        />
      )}
      {manage && (
        <p>
          {t('q.detail.newVersion')} <a href="/questionnaires/import">{t('q.list.import')}</a>
        </p>
      )}
    </Layout>
  );
}

/** A short name of a problem code in the user's language (the detail stays as the importer wrote it). */
function problemLabel(t: Translate, code: string): string {
  const key = `q.problem.${code}`;
  return Object.hasOwn(catalogue.nl, key) ? t(key as MessageKey) : '';
}

function ProblemTable(props: { ctx: PageContext; problems: XlsFormProblem[]; caption: string }) {
  const t = props.ctx.t;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
    <section class="table-scroll" tabIndex={0} aria-label={props.caption}>
      <table class="problems">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('q.col.severity')}</th>
            <th scope="col">{t('q.col.sheet')}</th>
            <th scope="col" class="num">
              {t('q.col.row')}
            </th>
            <th scope="col">{t('q.col.column')}</th>
            <th scope="col">{t('q.col.cell')}</th>
            <th scope="col">{t('q.col.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {props.problems.map((p) => (
            <tr class={`problem-${p.severity}`}>
              <td>{t(`q.severity.${p.severity}`)}</td>
              <td>{p.sheet}</td>
              <td class="num">{p.row ?? t('q.none')}</td>
              <td>{p.column ? <code>{p.column}</code> : t('q.none')}</td>
              <td>{p.cell ?? t('q.none')}</td>
              <td>
                {problemLabel(t, p.code) && <strong>{problemLabel(t, p.code)}: </strong>}
                {textIn(p.message, props.ctx.lang)} <span class="problem-code">({p.code})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface ImportOutcome {
  /** Problems that stopped the import (and any notices alongside them). */
  problems?: XlsFormProblem[];
  /** A file-level error (no file, unreadable JSON). */
  error?: string;
  done?: {
    questionnaireId: string;
    code: string;
    version: number;
    warnings: XlsFormProblem[];
    /** Equal to the latest version: nothing was made. */
    unchanged?: boolean;
    /** The differences from the version before (`comparedWith`). */
    changes?: DefinitionChange[];
    comparedWith?: number;
  };
}

export function importPage(ctx: PageContext, outcome: ImportOutcome = {}) {
  const t = ctx.t;
  const errors = outcome.problems?.filter((p) => p.severity === 'error') ?? [];
  const fileError = outcome.error;
  return (
    <Layout ctx={ctx} title={t('q.import.title')} wide>
      <p>
        <a href="/questionnaires">{t('q.back')}</a>
      </p>
      <h1>{t('q.import.title')}</h1>
      {outcome.done && (
        <div class="notice success" role="status">
          <p>
            {t(outcome.done.unchanged ? 'q.import.unchanged' : 'q.import.done', {
              version: outcome.done.version,
              code: outcome.done.code,
            })}{' '}
            <a href={`/questionnaires/${outcome.done.questionnaireId}`}>{t('q.import.open')}</a>
          </p>
        </div>
      )}
      {outcome.done?.comparedWith !== undefined && outcome.done.changes && (
        <ChangesTable
          ctx={ctx}
          id="import-changes"
          since={outcome.done.comparedWith}
          version={outcome.done.version}
          changes={outcome.done.changes}
        />
      )}
      {outcome.done && outcome.done.warnings.length > 0 && (
        <>
          <h2>{t('q.import.warnings')}</h2>
          <p>{t('q.import.warningsIntro')}</p>
          <ProblemTable ctx={ctx} problems={outcome.done.warnings} caption={t('q.import.warnings')} />
        </>
      )}
      {fileError && <ErrorSummary ctx={ctx} errors={[{ field: 'file', message: fileError }]} />}
      {errors.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="import-failed">
          <h2 id="import-failed">{t('q.import.failed')}</h2>
          <p>{t('q.import.problemsIntro', { count: errors.length })}</p>
        </div>
      )}
      {outcome.problems && outcome.problems.length > 0 && (
        <ProblemTable ctx={ctx} problems={outcome.problems} caption={t('q.import.failed')} />
      )}
      {!outcome.done && <p>{t('q.import.intro')}</p>}
      <form method="post" action="/questionnaires/import" enctype="multipart/form-data" class="stack">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="file">{t('q.import.file')}</label>
          <p class="hint" id="file-hint">
            {t('q.import.fileHint')}
          </p>
          {fileError && (
            <p class="field-error" id="file-error">
              {fileError}
            </p>
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </div>
        <button type="submit">{t('q.import.submit')}</button>
      </form>
    </Layout>
  );
}

export interface PreviewState {
  questionnaireId: string;
  version: number;
  definition: QuestionnaireDefinition;
  /** Index of the section shown, or the number of sections for "the end". */
  section: number;
  relevance: Relevance;
  /** Every answer so far (carried from page to page in hidden fields). */
  answers: Readonly<Record<string, unknown>>;
  errors: ReadonlyMap<string, string>;
  context: Record<string, string>;
  /** The layer and role the preview is shown for (`_layer`, `_role`), carried from page to page. */
  as?: { layer?: string; role?: string };
  /** Whether there is a relevant section before / after this one. */
  hasPrevious: boolean;
  hasNext: boolean;
}

function HiddenAnswers(props: { answers: Readonly<Record<string, unknown>>; except: Set<string> }) {
  const out: ComponentChildren[] = [];
  for (const [k, v] of Object.entries(props.answers)) {
    if (props.except.has(k) || v === undefined || v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) out.push(<input type="hidden" name={k} value={String(x)} />);
  }
  return <>{out}</>;
}

export function previewPage(ctx: PageContext, s: PreviewState, fieldsOnPage: string[]) {
  const t = ctx.t;
  const def = s.definition;
  const total = def.sections.length;
  const section = def.sections[s.section];
  const base = `/questionnaires/${s.questionnaireId}/versions/${s.version}/preview`;
  const errorList = [...s.errors].map(([field, message]) => ({ field: fieldId(field), message }));
  const contextValues = Object.entries(s.context)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return (
    <Layout ctx={ctx} title={t('q.preview.title', { title: textIn(def.title, ctx.lang) })}>
      <p>
        <a href={`/questionnaires/${s.questionnaireId}`}>
          {t('q.backTo', { title: textIn(def.title, ctx.lang) })}
        </a>
      </p>
      <div class="notice preview-banner" role="note">
        <p>{t('q.preview.banner', { version: s.version })}</p>
        {contextValues && <p class="hint">{t('q.preview.context', { values: contextValues })}</p>}
      </div>
      <div class="respondent">
        <p class="wave-name">{textIn(def.title, ctx.lang)}</p>
        {section ? (
          <form method="get" action={base} novalidate>
            <input type="hidden" name="section" value={String(s.section)} />
            {ctx.lang === 'en' && <input type="hidden" name="lang" value="en" />}
            {s.as?.layer && <input type="hidden" name="_layer" value={s.as.layer} />}
            {s.as?.role && <input type="hidden" name="_role" value={s.as.role} />}
            <HiddenAnswers answers={s.answers} except={new Set(fieldsOnPage)} />
            <div class="progress">
              <p>{t('q.preview.progress', { n: s.section + 1, total })}</p>
              <progress max={total} value={s.section + 1}>
                {`${s.section + 1}/${total}`}
              </progress>
            </div>
            <h1>{textIn(section.title, ctx.lang)}</h1>
            <ErrorSummary ctx={ctx} errors={errorList} />
            {s.relevance.sections.get(section.id) === false && <p class="notice">{t('q.preview.skipped')}</p>}
            <SectionItems
              def={def}
              section={section}
              lang={ctx.lang}
              relevance={s.relevance}
              values={s.answers}
              errors={s.errors}
              t={t}
            />
            <div class="form-buttons">
              <button type="submit" name="go" value="next">
                {t('q.preview.next')}
              </button>
              {s.hasPrevious && (
                <button type="submit" name="go" value="previous" class="secondary">
                  {t('q.preview.previous')}
                </button>
              )}
            </div>
          </form>
        ) : (
          <>
            <h1>{t('q.preview.end')}</h1>
            <p>
              <a href={base}>{t('q.preview.restart')}</a>
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}
