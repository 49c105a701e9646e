import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { buildExportDataset } from './builder.js';
import { xlsxWorkbook } from './xlsx.js';

describe('XLSX export', () => {
  it('has a data sheet with every value and a codebook sheet with every variable and value label', async () => {
    const def = templates[0] as QuestionnaireDefinition;
    const d = buildExportDataset({
      title: { nl: 'MIV', en: 'MIV' },
      questionnaire: def,
      respondents: [
        { id: 'r1', strata: { bg_layer: 'gemeente' }, answers: { bg_gender: 'vrouw' } },
        { id: 'r2', strata: { bg_layer: '=1+1' }, answers: { bg_gender: 'man' } },
      ],
      strata: ['bg_layer'],
      anonymous: true,
      weighting: { responseIds: ['r2', 'r1'], stratum: ['a', 'b'], fpc: [3, 4], final: [0.5, 1.25] },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxWorkbook(d, 'en')) as unknown as ArrayBuffer);
    const data = wb.getWorksheet('Data')!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(
      header,
      d.columns.map((c) => c.code),
    );
    for (let i = 0; i < d.cases; i++) {
      const cells = (data.getRow(i + 2).values as unknown[]).slice(1);
      d.columns.forEach((c, j) => {
        assert.equal(cells[j] ?? null, c.values[i] ?? null, `${c.code}[${i}]`);
      });
    }
    // text that looks like a formula stays text
    assert.equal(data.getRow(2).getCell(header.indexOf('bg_layer') + 1).formula, undefined);
    const book = wb.getWorksheet('Codebook')!;
    assert.equal(
      book.rowCount - 1,
      d.columns.reduce((n, c) => n + 1 + c.valueLabels.length, 0),
    );
  });
});
