/** The respondent's pages: start, one section, check and send, and the short message pages. */
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, Layout } from '../../../platform/ui/layout.js';
import { displayValue, pipe, type Relevance } from '../../questionnaires/engine.js';
import {
  type QuestionnaireDefinition,
  type Section,
  textIn,
  variablesOf,
} from '../../questionnaires/model.js';
import { estimatedMinutes } from '../../questionnaires/progress.js';
import { questionId, RenderItem } from '../../questionnaires/views/render-item.js';
import { RespondentErrorSummary } from './error-summary.js';

export const PRIVACY_PATH = '/vragenlijst/privacy';

export function messagePage(ctx: PageContext, title: MessageKey, body: MessageKey, waveName?: string) {
  return (
    <Layout ctx={ctx} title={ctx.t(title)}>
      <div class="respondent">
        {waveName && <p class="wave-name">{waveName}</p>}
        <h1>{ctx.t(title)}</h1>
        <p>{ctx.t(body)}</p>
      </div>
    </Layout>
  );
}

function AnonymityStatement(props: {
  ctx: PageContext;
  anonymity: string;
  organisationPolicy: boolean;
  privacyHref?: string;
}) {
  const { ctx } = props;
  const kind =
    props.anonymity === 'named' ? 'named' : props.anonymity === 'confidential' ? 'confidential' : 'anonymous';
  return (
    <section class="notice" aria-labelledby="anonymity-title">
      <h2 id="anonymity-title">{ctx.t(`answer.${kind}.title`)}</h2>
      <p>{props.organisationPolicy ? ctx.t('answer.organisation.text') : ctx.t(`answer.${kind}.text`)}</p>
      <p>
        <a href={props.privacyHref ?? `${PRIVACY_PATH}?lang=${ctx.lang}`}>{ctx.t('answer.privacyLink')}</a>
      </p>
    </section>
  );
}

export function startPage(
  ctx: PageContext,
  p: {
    base: string;
    waveName: string;
    def: QuestionnaireDefinition;
    anonymity: string;
    organisationPolicy: boolean;
    /** The sections that apply or may still apply (questionnaires/progress.ts). */
    parts: number;
    /** Where "Verder waar u was" goes, when the respondent has started. */
    resumeHref?: string;
    resumeIsCheck?: boolean;
  },
) {
  const minutes = estimatedMinutes(p.def);
  return (
    <Layout ctx={ctx} title={p.waveName}>
      <div class="respondent">
        <p class="wave-name">{textIn(p.def.title, ctx.lang)}</p>
        <h1>{p.waveName}</h1>
        <p>{ctx.t('answer.start.about')}</p>
        <ul>
          <li>{ctx.t('answer.start.duration', { minutes })}</li>
          <li>{ctx.t('answer.start.parts', { count: p.parts })}</li>
          <li>{ctx.t('answer.start.save')}</li>
        </ul>
        <AnonymityStatement
          ctx={ctx}
          anonymity={p.anonymity}
          organisationPolicy={p.organisationPolicy}
          privacyHref={`${p.base}/privacy`}
        />
        <p class="hint">{ctx.t('answer.keepLink')}</p>
        {p.resumeHref ? (
          <p>
            <a class="button" href={p.resumeHref}>
              {ctx.t(p.resumeIsCheck ? 'answer.start.check' : 'answer.start.resume')}
            </a>
          </p>
        ) : (
          <form method="post" action={`${p.base}/start`}>
            <CsrfField ctx={ctx} />
            <button type="submit">{ctx.t('answer.start.begin')}</button>
          </form>
        )}
      </div>
    </Layout>
  );
}

function Progress(props: { ctx: PageContext; n: number; total: number }) {
  const label = props.ctx.t('answer.progress', { n: props.n, total: props.total });
  return (
    <div class="progress">
      <p id="progress-label">{label}</p>
      <progress max={props.total} value={props.n} aria-labelledby="progress-label">
        {label}
      </progress>
    </div>
  );
}

export function sectionPage(
  ctx: PageContext,
  p: {
    base: string;
    def: QuestionnaireDefinition;
    section: Section;
    relevance: Relevance;
    values: Readonly<Record<string, unknown>>;
    errors: Array<{ field: string; message: string }>;
    n: number;
    total: number;
  },
) {
  const title = pipe(textIn(p.section.title, ctx.lang), p.def, p.relevance, ctx.lang);
  const errorMap = new Map(p.errors.map((e) => [e.field, e.message]));
  return (
    <Layout
      ctx={ctx}
      title={p.errors.length ? `${ctx.t('form.errorSummary', { count: p.errors.length })}: ${title}` : title}
    >
      <div class="respondent">
        <Progress ctx={ctx} n={p.n} total={p.total} />
        <RespondentErrorSummary
          ctx={ctx}
          title={ctx.t('form.errorSummary', { count: p.errors.length })}
          def={p.def}
          relevance={p.relevance}
          entries={p.errors.map((e) => ({ ...e, href: `#${questionId(e.field)}` }))}
          focus
        />
        <h1>{title}</h1>
        <form method="post" action={`${p.base}/s/${p.section.id}`} class="questions" noValidate>
          <CsrfField ctx={ctx} />
          {p.section.items
            .filter((item) => p.relevance.items.get(item.code))
            .map((item) => (
              <RenderItem
                def={p.def}
                item={item}
                lang={ctx.lang}
                relevance={p.relevance}
                values={p.values}
                errors={errorMap}
                t={ctx.t}
              />
            ))}
          <div class="form-buttons">
            <button type="submit" name="_action" value="next">
              {ctx.t('answer.next')}
            </button>
            <button type="submit" name="_action" value="back" class="secondary">
              {ctx.t('answer.back')}
            </button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function checkPage(
  ctx: PageContext,
  p: {
    base: string;
    def: QuestionnaireDefinition;
    relevance: Relevance;
    answers: Readonly<Record<string, unknown>>;
    sections: number[];
    problems: Array<{ sectionId: string; field: string; message: string }>;
    /** A submit just failed: the summary takes the focus. */
    failed: boolean;
  },
) {
  const vars = variablesOf(p.def);
  const piped = (text: Parameters<typeof textIn>[0]) =>
    pipe(textIn(text, ctx.lang), p.def, p.relevance, ctx.lang);
  return (
    <Layout ctx={ctx} title={ctx.t('answer.check.title')}>
      <div class="respondent">
        <Progress ctx={ctx} n={p.sections.length} total={p.sections.length} />
        <RespondentErrorSummary
          ctx={ctx}
          title={ctx.t('answer.check.missing')}
          def={p.def}
          relevance={p.relevance}
          entries={p.problems.map((e) => ({
            ...e,
            href: `${p.base}/s/${e.sectionId}#${questionId(e.field)}`,
          }))}
          focus={p.failed}
        />
        <h1>{ctx.t('answer.check.title')}</h1>
        <p>{ctx.t('answer.check.intro')}</p>
        {p.sections.map((i) => {
          const section = p.def.sections[i]!;
          const title = piped(section.title);
          const shown = vars.filter(
            (v) =>
              v.section === section &&
              v.kind !== 'other_text' &&
              p.relevance.items.get(v.kind === 'matrix_row' ? v.code : v.item.code),
          );
          return (
            <section class="check-section" aria-labelledby={`check-${section.id}`}>
              <h2 id={`check-${section.id}`}>{title}</h2>
              <dl class="answers">
                {shown.map((v) => {
                  const shownValue = displayValue(p.def, v.code, p.answers[v.code], ctx.lang);
                  // Option labels are texts of the questionnaire and may hold `${…}`; typed answers are not piped.
                  const value =
                    v.kind === 'single_choice' || v.kind === 'multiple_choice' || v.kind === 'matrix_row'
                      ? pipe(shownValue, p.def, p.relevance, ctx.lang)
                      : shownValue;
                  const other = vars.find(
                    (o) => o.kind === 'other_text' && o.item === v.item && p.answers[o.code] !== undefined,
                  );
                  return (
                    <>
                      <dt>{piped(v.row?.label ?? v.item.label)}</dt>
                      <dd>
                        {value || <span class="hint">{ctx.t('answer.check.noAnswer')}</span>}
                        {other && `: ${String(p.answers[other.code])}`}
                      </dd>
                    </>
                  );
                })}
              </dl>
              <p>
                <a href={`${p.base}/s/${section.id}`}>
                  {ctx.t('answer.check.change')}
                  <span class="visually-hidden">: {title}</span>
                </a>
              </p>
            </section>
          );
        })}
        <form method="post" action={`${p.base}/submit`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{ctx.t('answer.check.send')}</button>
        </form>
      </div>
    </Layout>
  );
}

export function privacyPage(ctx: PageContext) {
  return (
    <Layout ctx={ctx} title={ctx.t('answer.privacy.title')}>
      <div class="respondent">
        <h1>{ctx.t('answer.privacy.title')}</h1>
        <p>{ctx.t('answer.privacy.p1')}</p>
        <p>{ctx.t('answer.privacy.p2')}</p>
        <p>{ctx.t('answer.privacy.p3')}</p>
        <p>{ctx.t('answer.privacy.p4')}</p>
        <p>{ctx.t('answer.privacy.p5')}</p>
      </div>
    </Layout>
  );
}
