import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { importXlsForm } from './map.js';
import { cellText, readCell } from './read.js';

/** Every shape of value exceljs gives for a cell (see exceljs' CellValue), with hostile contents. */
const plain = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
);
const runs = fc.array(fc.record({ text: fc.oneof(fc.string(), fc.anything()), font: fc.anything() }), {
  maxLength: 4,
});
const errorValue = fc.record({ error: fc.constantFrom('#N/A', '#REF!', '#NAME?', '#DIV/0!', '#VALUE!') });
const cellValue = fc.oneof(
  plain,
  errorValue,
  fc.record({ richText: runs }),
  fc.record({ text: fc.oneof(fc.string(), fc.record({ richText: runs })), hyperlink: fc.string() }),
  fc.record(
    { formula: fc.string(), result: fc.oneof(plain, errorValue, fc.anything()), date1904: fc.boolean() },
    { requiredKeys: ['formula'] },
  ),
  fc.record(
    { sharedFormula: fc.string(), result: fc.oneof(plain, errorValue) },
    { requiredKeys: ['sharedFormula'] },
  ),
  fc.anything(),
  fc.constant(Object.create(null)),
);

test('cellText never throws and never shows an object, for any value exceljs can give', () => {
  fc.assert(
    fc.property(cellValue, (v) => {
      const text = cellText(v);
      assert.equal(typeof text, 'string');
      assert.ok(!text.includes('[object '), text);
    }),
    { numRuns: 2000 },
  );
});

test('cellText: formulas give their cached result, dates an ISO date, rich text its runs', () => {
  assert.equal(cellText({ formula: 'A1&"x"', result: 'abc' }), 'abc');
  assert.equal(cellText({ sharedFormula: 'B2', result: 7 }), '7');
  assert.equal(cellText(new Date(Date.UTC(2024, 2, 1))), '2024-03-01');
  assert.equal(cellText(new Date(Date.UTC(2024, 2, 1, 12, 30))), '2024-03-01 12:30:00');
  assert.equal(cellText({ richText: [{ text: 'select_' }, { text: 'one yn' }] }), 'select_one yn');
  assert.equal(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }), 'ab');
  assert.equal(cellText({ text: 'link', hyperlink: 'https://example.org' }), 'link');
  const none = readCell({ formula: 'NOW()' });
  assert.deepEqual(none, { text: '', kind: 'formula', issue: 'formula_without_value', formula: 'NOW()' });
  assert.equal(readCell({ formula: 'X', result: new Date(Number.NaN) }).issue, 'invalid_date');
  assert.equal(readCell({ error: '#N/A' }).issue, 'error_value');
});

/** A workbook whose cells may be exceljs values (formulas, dates), written and read back by exceljs. */
async function workbook(sheets: Record<string, unknown[][]>, numFmt?: Record<string, string>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        const cell = ws.getRow(i + 1).getCell(j + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = numFmt?.[`${name}!${cell.address}`];
        if (fmt) cell.numFmt = fmt;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const survey = [
  ['type', 'name', 'label'],
  ['text', 'q1', 'Vraag 1'],
];

test('a form_id that is a formula or a date falls back to the file name, with a warning', async () => {
  // A string result under a date format: exceljs reads it back as an invalid date (the 500 of #19).
  const invalidDate = await workbook(
    { survey, settings: [['form_id'], [{ formula: 'TEXT(TODAY(),"yyyy")', result: 'abc' }]] },
    { 'settings!A2': 'yyyy-mm-dd' },
  );
  const noResult = await workbook({ survey, settings: [['form_id'], [{ formula: 'A1&"x"' }]] });
  const date = await workbook({ survey, settings: [['form_id'], [new Date(Date.UTC(2024, 0, 31))]] });
  for (const data of [invalidDate, noResult, date]) {
    const res = await importXlsForm(data, { fallbackCode: 'uit_bestand' });
    assert.ok(res.ok, JSON.stringify(!res.ok && res.problems));
    assert.equal(res.definition.code, 'uit_bestand');
    const w = res.warnings.find((p) => p.code === 'form_id_from_file_name');
    assert.ok(w, JSON.stringify(res.warnings));
    assert.equal(w.cell, 'A2');
  }
  // A formula whose cached result is a valid code is used as it is.
  const good = await workbook({
    survey,
    settings: [['form_id'], [{ formula: '"mijn"&"_form"', result: 'mijn_form' }]],
  });
  const res = await importXlsForm(good, { fallbackCode: 'uit_bestand' });
  assert.ok(res.ok);
  assert.equal(res.definition.code, 'mijn_form');
});

test('formula cells in the survey use their cached result; one without result is named by cell', async () => {
  const data = await workbook({
    survey: [
      ['type', 'name', 'label'],
      ['text', 'q1', { formula: '"Vraag "&"1"', result: 'Vraag 1' }],
      ['text', 'q2', { formula: 'C2&"!"' }],
      ['note', 'n1', { error: '#N/A' }],
    ],
    settings: [['form_id'], ['f']],
  });
  const res = await importXlsForm(data);
  assert.equal(res.ok, false);
  const problems = res.ok ? [] : res.problems;
  const at = (cell: string) => problems.filter((p) => p.cell === cell).map((p) => `${p.severity} ${p.code}`);
  assert.deepEqual(at('C2'), []);
  assert.ok(at('C3').includes('warning formula_without_value'), JSON.stringify(problems));
  assert.ok(at('C3').includes('error missing_label'), JSON.stringify(problems));
  assert.ok(at('C4').includes('warning error_value'), JSON.stringify(problems));
  const w = problems.find((p) => p.code === 'formula_without_value')!;
  assert.equal(w.sheet, 'survey');
  assert.equal(w.row, 3);
  assert.equal(w.column, 'label');
  assert.match(w.message.en, /=C2&"!"/);
});

/** exceljs writes only plain objects (it calls hasOwnProperty). */
const plainRecord = { noNullPrototype: true } as const;
/** Cell values a real workbook can hold after exceljs writes and reads it back. */
const storedValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('type', 'name', 'label', 'text', 'select_one yn', 'yn', 'q1', '${q1}'),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  fc.integer(),
  fc.boolean(),
  fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.record(
    {
      formula: fc.constantFrom('NOW()', 'A1&"x"', 'TEXT(TODAY(),"yyyy")'),
      result: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
    },
    plainRecord,
  ),
  fc.record(
    { richText: fc.array(fc.record({ text: fc.string({ maxLength: 6 }) }, plainRecord), { maxLength: 3 }) },
    plainRecord,
  ),
  fc.record(
    { text: fc.string({ maxLength: 6 }), hyperlink: fc.constant('https://example.org') },
    plainRecord,
  ),
  fc.record({ error: fc.constantFrom('#N/A', '#REF!') }, plainRecord),
  fc.constant(null),
);
const sheetRows = fc.array(fc.array(storedValue, { maxLength: 5 }), { maxLength: 6 });

test('no workbook of random cells (formulas, dates, rich text, errors) makes the import throw', async () => {
  await fc.assert(
    fc.asyncProperty(
      sheetRows,
      sheetRows,
      sheetRows,
      fc.boolean(),
      async (survey, choices, settings, fmt) => {
        const numFmt = fmt ? { 'settings!A2': 'yyyy-mm-dd', 'survey!C2': 'yyyy-mm-dd' } : undefined;
        const data = await workbook({ survey, choices, settings }, numFmt);
        const res = await importXlsForm(data, { fallbackCode: 'uit_bestand' });
        const problems = res.ok ? res.warnings : res.problems;
        for (const p of problems) {
          assert.equal(typeof p.message.nl, 'string');
          assert.ok(!`${p.message.nl} ${p.message.en}`.includes('[object '), p.message.en);
        }
      },
    ),
    { numRuns: 40 },
  );
});
