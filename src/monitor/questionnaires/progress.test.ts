/**
 * The number of parts stays true: for any layer and role and any answers, walking forward through a
 * built-in questionnaire, the total never grows, every part a respondent reaches was counted on the
 * start page, and "Deel n van total" never has n above total.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { nextSection } from './engine.js';
import type { AnswerValue, QuestionnaireDefinition, Section } from './model.js';
import { estimatedMinutes, possibleSections } from './progress.js';
import { contextValues } from './templates/context.js';
import { templates } from './templates/index.js';

const roles: Record<string, string[]> = {
  gemeente: ['burgemeester', 'wethouder', 'raadslid'],
  provincie: ['cdk', 'gedeputeerde', 'statenlid'],
  waterschap: ['dijkgraaf', 'lid_db', 'lid_ab'],
};

/** Answers to one section from a stream of random numbers (some questions left open). */
function answersFor(section: Section, pick: () => number): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const choose = (options: Array<{ code: string }>) => options[pick() % options.length]!.code;
  for (const item of section.items) {
    if (pick() % 5 === 0) continue;
    switch (item.type) {
      case 'single_choice':
        out[item.code] = choose(item.options);
        break;
      case 'multiple_choice':
        out[item.code] = [...new Set([choose(item.options), choose(item.options)])];
        break;
      case 'matrix':
        for (const r of item.rows) if (pick() % 4) out[r.code] = choose(item.options);
        break;
      case 'number':
        out[item.code] = pick() % 10;
        break;
      case 'date':
        out[item.code] = '2026-01-15';
        break;
      case 'text':
        out[item.code] = 'tekst';
        break;
      default:
        break;
    }
  }
  return out;
}

function walk(def: QuestionnaireDefinition, context: Record<string, string>, seeds: number[]) {
  let k = 0;
  const pick = () => seeds[k++ % seeds.length]!;
  const answers: Record<string, AnswerValue> = {};
  const atStart = possibleSections(def, answers, context, 0);
  let previous = atStart.length;
  let at = nextSection(def, answers, -1, 1, context);
  const visited: number[] = [];
  while (at !== undefined) {
    const possible = possibleSections(def, answers, context, at);
    assert.ok(possible.includes(at), `section ${at} is counted while shown`);
    assert.ok(possible.length <= previous, `total grew from ${previous} to ${possible.length}`);
    const n = possible.indexOf(at) + 1;
    assert.ok(n >= 1 && n <= possible.length);
    previous = possible.length;
    visited.push(at);
    Object.assign(answers, answersFor(def.sections[at]!, pick));
    at = nextSection(def, answers, at, 1, context);
  }
  for (const v of visited)
    assert.ok(atStart.includes(v), `section ${v} reached but not counted at the start`);
}

test('the number of parts never grows while answering, and counts every part reached', () => {
  const contexts = Object.entries(roles).flatMap(([layer, rs]) =>
    rs.map((role) => ({ ...contextValues({ layer, role }), module_medewerkers: 'ja' })),
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...templates),
      fc.constantFrom(...contexts),
      fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }),
      (def, context, seeds) => walk(def, context, seeds),
    ),
    { numRuns: 150 },
  );
});

test('the time to answer comes from the questionnaire: at least 5 minutes, in steps of 5', () => {
  for (const def of templates) {
    const m = estimatedMinutes(def);
    assert.ok(m >= 5 && m % 5 === 0, `${def.code}: ${m}`);
  }
  const small: QuestionnaireDefinition = {
    ...templates[0]!,
    sections: [{ ...templates[0]!.sections[0]!, items: templates[0]!.sections[0]!.items.slice(0, 1) }],
  };
  assert.equal(estimatedMinutes(small), 5);
  assert.ok(
    estimatedMinutes(templates[0]!) > 5,
    'the office-holders questionnaire takes longer than 5 minutes',
  );
});
