import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { schemaErrors, xmllintMissing } from '../../../test/support/xmllint.js';
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { buildExportDataset } from './builder.js';
import { ddiCodebook } from './ddi.js';

const schema = fileURLToPath(
  new URL('../../../test/fixtures/ddi-codebook-2.5/codebook.xsd', import.meta.url),
);

const datasetOf = (
  def: QuestionnaireDefinition,
  title = { nl: def.title.nl, en: def.title.en ?? def.title.nl },
) =>
  buildExportDataset({
    title,
    questionnaire: def,
    respondents: [{ id: 'r1', strata: { bg_layer: 'gemeente' }, answers: {} }],
    strata: ['bg_layer'],
    anonymous: true,
    includeFreeText: true,
    weighting: { responseIds: ['r1'], stratum: ['gemeente'], fpc: [342], final: [1.25] },
  });

describe('DDI-Codebook 2.5', { skip: xmllintMissing }, () => {
  it('the codebook of every built-in questionnaire is valid against the official schema and lists every variable, category and missing code', () => {
    for (const def of templates) {
      const d = datasetOf(def);
      const xml = ddiCodebook(d, { fileName: `${def.code}.sav`, date: '2026-12-07' });
      assert.equal(schemaErrors(xml, schema), '', def.code);
      assert.equal((xml.match(/<var /g) ?? []).length, d.columns.length);
      const categories = d.columns.reduce((n, c) => n + c.valueLabels.length, 0);
      assert.equal((xml.match(/<catgry/g) ?? []).length, categories);
      const missing = d.columns.reduce((n, c) => n + c.missing.length, 0);
      assert.equal((xml.match(/<catgry missing="Y">/g) ?? []).length, missing);
      assert.match(xml, /<var ID="V\d+" name="weight"[^>]* wgt="wgt"/);
    }
  });

  it('stays valid for any title text (escaping), and the validator does reject a broken document', () => {
    const def = templates[0] as QuestionnaireDefinition;
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (nl, en) => {
        const xml = ddiCodebook(datasetOf(def, { nl, en }), { fileName: 'a&b<c>.sav' });
        assert.equal(schemaErrors(xml, schema), '');
      }),
      { numRuns: 5 },
    );
    const good = ddiCodebook(datasetOf(def), { fileName: 'x.sav' });
    assert.notEqual(
      schemaErrors(good.replace('<fileDscr ID="F1">', '<fileDscr ID="F1"><bogus/>'), schema),
      '',
    );
  });
});
