/**
 * What a respondent is told about the length of a questionnaire: the time it takes (the same number
 * in the invitation and on the start page) and the number of parts, which must stay true while
 * answers route past sections.
 *
 * The number of parts counts every section that applies now or may still apply: a section whose
 * routing depends on an answer not given yet (in the section the respondent is on or a later one)
 * is counted until that answer rules it out. So the count never grows while answering: "7 delen" on
 * the start page, then "Deel 2 van 7", and "Deel 5 van 6" once an answer skips a part.
 */

import { relevanceOf } from './engine.js';
import { compile, evaluateBoolean, referencesOf } from './expression.js';
import { type Answers, type QuestionnaireDefinition, variablesOf } from './model.js';

/** Minutes to answer, rounded up to 5 (at least 5): about four questions a minute. */
export function estimatedMinutes(def: QuestionnaireDefinition): number {
  const questions = variablesOf(def).filter((v) => v.kind !== 'other_text').length;
  return Math.max(5, Math.ceil(questions / 4 / 5) * 5);
}

const refsCache = new Map<string, string[]>();
function refs(src: string | undefined): string[] {
  if (src === undefined) return [];
  let out = refsCache.get(src);
  if (!out) {
    const r = compile(src);
    out = r.ok ? referencesOf(r.expr) : [];
    if (refsCache.size > 10_000) refsCache.clear();
    refsCache.set(src, out);
  }
  return out;
}

/**
 * The sections that apply or may still apply, in order.
 * @param from the section the respondent is on; answers in earlier sections are final.
 */
export function possibleSections(
  def: QuestionnaireDefinition,
  answers: Answers,
  context: Readonly<Record<string, unknown>> = {},
  from = 0,
): number[] {
  const relevance = relevanceOf(def, answers, context);
  // Where each answer code lives, to know whether it may still be given.
  const sectionOf = new Map<string, number>();
  def.sections.forEach((s, i) => {
    for (const item of s.items) {
      sectionOf.set(item.code, i);
      if (item.type === 'matrix') for (const r of item.rows) sectionOf.set(r.code, i);
    }
  });
  const pending = (src: string | undefined) =>
    refs(src).some((name) => {
      const at = sectionOf.get(name);
      return at !== undefined && at >= from && answers[name] == null;
    });
  return def.sections.flatMap((s, i) => {
    const shownNow = relevance.sections.get(s.id) && s.items.some((it) => relevance.items.get(it.code));
    if (shownNow) return [i];
    const sectionMay = relevance.sections.get(s.id) || pending(s.relevant);
    const ownRelevance = (src: string | undefined) => {
      if (src === undefined) return true;
      const r = compile(src);
      return r.ok && evaluateBoolean(r.expr, { get: (name) => relevance.values.get(name) });
    };
    const itemMay = s.items.some(
      (it) => it.type !== 'note' && (ownRelevance(it.relevant) || pending(it.relevant)),
    );
    return sectionMay && itemMay ? [i] : [];
  });
}
