import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { neutraliseFormula, parseCsv } from '../../platform/csv/csv.js';
import { buildExportDataset } from './builder.js';
import { codebookHtml } from './codebook-html.js';
import { codebookCsv, codebookCsvColumns, dataCsv } from './csv.js';
import type { ExportDataset } from './dataset.js';

describe('CSV export', () => {
  it('every cell reads back as written (numbers to the last digit, text guarded against formulas)', () => {
    const dataset = fc.integer({ min: 0, max: 6 }).chain((cases) =>
      fc.record({
        nums: fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })), {
          minLength: cases,
          maxLength: cases,
        }),
        texts: fc.array(fc.option(fc.string({ maxLength: 12 })), { minLength: cases, maxLength: cases }),
      }),
    );
    fc.assert(
      fc.property(dataset, ({ nums, texts }) => {
        const d: ExportDataset = {
          title: { nl: 't', en: 't' },
          cases: nums.length,
          columns: [
            {
              code: 'x',
              type: 'numeric',
              role: 'answer',
              measurement: 'scale',
              decimals: 2,
              label: { nl: '', en: '' },
              valueLabels: [],
              missing: [],
              values: nums,
            },
            {
              code: 's',
              type: 'string',
              role: 'free-text',
              measurement: 'nominal',
              label: { nl: '', en: '' },
              valueLabels: [],
              missing: [],
              values: texts,
            },
          ],
        };
        const text = dataCsv(d);
        assert.ok(text.endsWith('\r\n'));
        const records = parseCsv(text).map((r) => r.values);
        assert.deepEqual(records[0], ['x', 's']);
        nums.forEach((x, i) => {
          const [shownX, shownS] = records[i + 1] ?? [];
          assert.equal(shownX === '' ? null : Number(shownX), x === null ? null : x === 0 ? 0 : x);
          assert.equal(shownS, neutraliseFormula(texts[i] ?? ''));
        });
      }),
    );
  });

  it('the codebook CSV and HTML list every variable and value label of a built-in questionnaire', () => {
    const def = templates[0] as QuestionnaireDefinition;
    const d = buildExportDataset({
      title: { nl: 'MIV', en: 'MIV' },
      questionnaire: def,
      respondents: [],
      strata: ['bg_layer'],
      anonymous: true,
    });
    const records = parseCsv(codebookCsv(d)).map((r) => r.values);
    assert.deepEqual(records[0], [...codebookCsvColumns]);
    const lines = d.columns.reduce((n, c) => n + 1 + c.valueLabels.length, 0);
    assert.equal(records.length - 1, lines);
    const feelSafe = d.columns.find((c) => c.missing.length > 0);
    assert.ok(feelSafe);
    assert.ok(records.some((r) => r[0] === feelSafe.code && r[9] === 'yes'));
    for (const lang of ['nl', 'en'] as const) {
      const html = codebookHtml(d, lang);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.equal((html.match(/<section /g) ?? []).length, d.columns.length);
    }
  });
});
