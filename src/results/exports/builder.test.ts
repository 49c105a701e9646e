import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertSame, psppMissing, readWithPspp } from '../../../test/support/pspp.js';
import type { AnswerValue, QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { variablesOf } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { buildExportDataset, type ExportRespondent } from './builder.js';
import { MISSING_CODES, optionNumbers } from './coding.js';
import { assertDataset } from './dataset.js';
import { writeSav } from './sav/writer.js';

const officeHolders = templates[0] as QuestionnaireDefinition;

/** Random (not necessarily routed) answers to every variable of a questionnaire. */
function answersOf(def: QuestionnaireDefinition) {
  const entries = variablesOf(def).map((v) => {
    const item = v.item;
    let arb: fc.Arbitrary<AnswerValue>;
    if (item.type === 'single_choice' || (item.type === 'matrix' && !item.multiple))
      arb = fc.constantFrom(...item.options.map((o) => o.code));
    else if (item.type === 'multiple_choice' || item.type === 'matrix')
      arb = fc.subarray(item.options.map((o) => o.code));
    else if (item.type === 'number') arb = fc.integer({ min: 0, max: 1000 });
    else arb = fc.string({ maxLength: 20 });
    return [v.code, fc.option(arb)] as const;
  });
  return fc.record(Object.fromEntries(entries));
}

const respondents = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    strata: fc.record({
      bg_layer: fc.constantFrom('gemeente', 'provincie'),
      bg_role: fc.constantFrom('raadslid', 'wethouder'),
    }),
    answers: answersOf(officeHolders),
  }),
  { minLength: 1, maxLength: 8, selector: (r: { id: string }) => r.id },
);

describe('export dataset of a wave', () => {
  it('codes every answer so its value label is the option label, keeps the weights in run order, and leaves identifiers and free text out of an anonymous wave', () => {
    fc.assert(
      fc.property(
        respondents,
        fc.boolean(),
        fc.boolean(),
        (rs: ExportRespondent[], anonymous, includeFreeText) => {
          const order = [...rs].reverse();
          const d = buildExportDataset({
            title: { nl: 'Proef', en: 'Test' },
            questionnaire: officeHolders,
            respondents: rs,
            strata: ['bg_layer', 'bg_role'],
            anonymous,
            includeFreeText,
            weighting: {
              responseIds: order.map((r) => r.id),
              stratum: order.map((r) => `${r.strata.bg_layer} × ${r.strata.bg_role}`),
              fpc: order.map(() => 100),
              final: order.map((_, i) => i + 0.5),
            },
          });
          assertDataset(d);
          assert.equal(d.cases, rs.length);
          const col = (code: string) => d.columns.find((c) => c.code === code);
          assert.deepEqual(
            col('weight')?.values,
            order.map((_, i) => i + 0.5),
          );
          assert.equal(col('response_id') !== undefined, !anonymous);
          if (anonymous) assert.ok(d.columns.every((c) => c.role !== 'identifier'));
          assert.equal(
            d.columns.some((c) => c.role === 'free-text'),
            includeFreeText &&
              variablesOf(officeHolders).some((v) => v.kind === 'text' || v.kind === 'other_text'),
          );
          for (const v of variablesOf(officeHolders)) {
            const item = v.item;
            if (v.kind !== 'single_choice' && v.kind !== 'matrix_row') continue;
            if (item.type !== 'single_choice' && !(item.type === 'matrix' && !item.multiple)) continue;
            const c = col(v.code);
            assert.ok(c && c.type === 'numeric', v.code);
            const numbers = optionNumbers(item.options);
            for (const o of item.options)
              if (o.code in MISSING_CODES) assert.ok(c.missing.includes(numbers.get(o.code)!));
            order.forEach((r, i) => {
              const answer = r.answers[v.code];
              const value = c.values[i];
              if (typeof answer !== 'string') {
                assert.equal(value, null);
                return;
              }
              const shown = c.valueLabels.find((l) => l.value === value)?.label.nl;
              assert.equal(
                shown,
                item.options.find((o) => o.code === answer)?.label.nl,
                `${v.code}: ${answer}`,
              );
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('export dataset of every built-in questionnaire as .sav, read back by PSPP', {
  skip: psppMissing,
}, () => {
  it('keeps every value, label and missing code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sav-templates-'));
    try {
      for (const def of templates) {
        const [rs] = fc.sample(
          fc.uniqueArray(
            fc.record({
              id: fc.uuid(),
              strata: fc.record({ bg_layer: fc.constantFrom('gemeente', 'waterschap') }),
              answers: answersOf(def),
            }),
            {
              minLength: 5,
              maxLength: 5,
              selector: (r: { id: string }) => r.id,
            },
          ),
          { numRuns: 1, seed: 7 },
        );
        const d = buildExportDataset({
          title: { nl: def.title.nl, en: def.title.en ?? def.title.nl },
          questionnaire: def,
          respondents: rs as ExportRespondent[],
          strata: ['bg_layer'],
          anonymous: false,
          includeFreeText: true,
        });
        for (const language of ['nl', 'en'] as const) {
          const file = join(dir, `${def.code}-${language}.sav`);
          writeFileSync(file, writeSav(d, { language }));
          assertSame(d, language, readWithPspp(file));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('export column codes', () => {
  it('stay unique, valid and never an SPSS reserved word, whatever the item codes', () => {
    const def: QuestionnaireDefinition = {
      code: 'lastig',
      title: { nl: 'Lastige codes' },
      sections: [
        {
          id: 's',
          title: { nl: 'S' },
          items: [
            { type: 'number', code: 'weight', label: { nl: 'Gewicht in kg' }, integer: true },
            { type: 'number', code: 'BY', label: { nl: 'By' }, integer: true },
            {
              type: 'multiple_choice',
              code: 'a',
              label: { nl: 'A' },
              options: [
                { code: 'b', label: { nl: 'B' } },
                { code: '1.5', label: { nl: 'Anderhalf' } },
              ],
            },
            {
              type: 'single_choice',
              code: 'a_b',
              label: { nl: 'A_B' },
              options: [{ code: 'x', label: { nl: 'X' } }],
            },
            { type: 'number', code: `${'l'.repeat(62)}_z`, label: { nl: 'Lang' }, integer: true },
            {
              type: 'multiple_choice',
              code: 'l'.repeat(62),
              label: { nl: 'Lang' },
              options: [{ code: 'z', label: { nl: 'Z' } }],
            },
          ],
        },
      ],
    };
    const d = buildExportDataset({
      title: { nl: 'x', en: 'x' },
      questionnaire: def,
      respondents: [{ id: 'r', strata: {}, answers: { weight: 80, BY: 1, a: ['b'], a_b: 'x' } }],
      strata: [],
      anonymous: true,
      weighting: { responseIds: ['r'], stratum: ['s'], fpc: [1], final: [2] },
    });
    assertDataset(d);
    assert.equal(d.columns.find((c) => c.code === 'weight')?.values[0], 2);
    assert.equal(d.columns.find((c) => c.code === 'weight_2')?.values[0], 80);
    assert.equal(d.columns.find((c) => c.code === 'BY_2')?.values[0], 1);
    assert.deepEqual(
      d.columns.filter((c) => c.code.startsWith('a_b')).map((c) => [c.code, c.values[0]]),
      [
        ['a_b', 1],
        ['a_b_2', 1],
      ],
    );
    assert.ok(writeSav(d, { language: 'nl' }).length > 0);
  });
});
