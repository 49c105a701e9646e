/**
 * Fills a questionnaire the way a respondent would: every item gets an answer from the respondent
 * model when the model knows the item, otherwise a plausible random one; then the questionnaire's own
 * routing (the monitor's engine) drops what a respondent would never have seen. Pure and seeded.
 */

import { relevanceOf } from '../../monitor/questionnaires/engine.js';
import type {
  Answers,
  AnswerValue,
  Item,
  QuestionnaireDefinition,
} from '../../monitor/questionnaires/model.js';
import { chance, pick, type Rng } from './random.js';

/** A respondent model: the answer to an item, or undefined to let the filler choose. */
export type ItemModel = (
  code: string,
  item: Item,
  answers: Readonly<Record<string, AnswerValue>>,
) => AnswerValue | null | undefined;

/** Share of optional items left empty by respondents who skip now and then. */
const SKIP = 0.03;

function randomAnswer(item: Item, rng: Rng): AnswerValue | undefined {
  switch (item.type) {
    case 'single_choice': {
      const options = item.options.filter((o) => !o.other);
      return pick(rng, options).code;
    }
    case 'multiple_choice': {
      const plain = item.options.filter((o) => !o.other && !o.exclusive);
      const chosen = plain.filter(() => chance(rng, 0.25)).map((o) => o.code);
      if (chosen.length) return chosen;
      const exclusive = item.options.find((o) => o.exclusive);
      return [exclusive ? exclusive.code : pick(rng, plain).code];
    }
    case 'number':
      return Math.round((item.min ?? 0) + rng.next() * Math.min(20, (item.max ?? 20) - (item.min ?? 0)));
    default:
      return undefined; // notes, free text and dates: no synthetic text
  }
}

/** Answers for one respondent; `context` is what routing sees (the monitor's contextOf(strata)). */
export function fillQuestionnaire(
  def: QuestionnaireDefinition,
  context: Readonly<Record<string, string>>,
  model: ItemModel,
  rng: Rng,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  for (const section of def.sections)
    for (const item of section.items) {
      if (item.type === 'matrix') {
        for (const row of item.rows) {
          const v =
            model(row.code, item, answers) ??
            pick(
              rng,
              item.options.filter((o) => !o.other),
            ).code;
          answers[row.code] = v;
        }
        continue;
      }
      const modelled = model(item.code, item, answers);
      if (modelled === null) continue;
      if (modelled === undefined && !('required' in item && item.required) && chance(rng, SKIP)) continue;
      const v = modelled ?? randomAnswer(item, rng);
      if (v !== undefined) answers[item.code] = v;
    }
  // what routing skips is never asked: keep only the answers of relevant items
  const relevance = relevanceOf(def, answers, context);
  const kept: Record<string, AnswerValue> = {};
  for (const [code, v] of Object.entries(answers)) if (relevance.items.get(code)) kept[code] = v;
  return kept;
}
