/**
 * The respondent's error summary (after a failed "Volgende" or "Verzenden"). It takes the focus when
 * the page loads (`autofocus`, no script needed), so a screen reader reads it first; each link goes
 * to the whole question (questionId: the question text, its message and its inputs), not only to the
 * first radio button; and a message that appears more than once names its question, so "Geef een
 * antwoord op deze vraag" three times still says which three.
 */
import type { PageContext } from '../../../platform/ui/context.js';
import { pipe, type Relevance } from '../../questionnaires/engine.js';
import { type QuestionnaireDefinition, textIn, variablesOf } from '../../questionnaires/model.js';

export interface SummaryEntry {
  href: string;
  field: string;
  message: string;
}

/** The text of the question a field belongs to, as the respondent reads it (piped). */
export function questionTextOf(
  def: QuestionnaireDefinition,
  relevance: Relevance,
  lang: 'nl' | 'en',
  field: string,
): string {
  const v = variablesOf(def).find((x) => x.code === field);
  if (!v) return field;
  const label = v.kind === 'matrix_row' ? v.row?.label : v.item.label;
  return pipe(textIn(label, lang), def, relevance, lang);
}

export function RespondentErrorSummary(props: {
  ctx: PageContext;
  title: string;
  def: QuestionnaireDefinition;
  relevance: Relevance;
  entries: SummaryEntry[];
  /** Take the focus when the page loads: after a failed submit. */
  focus: boolean;
}) {
  const { ctx, entries } = props;
  if (entries.length === 0) return null;
  const times = new Map<string, number>();
  for (const e of entries) times.set(e.message, (times.get(e.message) ?? 0) + 1);
  return (
    <div
      class="error-summary"
      role="alert"
      tabIndex={-1}
      autofocus={props.focus}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        {entries.map((e) => (
          <li>
            <a href={e.href}>
              {(times.get(e.message) ?? 0) > 1
                ? `${questionTextOf(props.def, props.relevance, ctx.lang, e.field)}: ${e.message}`
                : e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
