import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors.js';
import { formatCsv, neutraliseFormula, parseCsv, readCsvTable } from './csv.js';

const values = (text: string) => parseCsv(text).map((r) => r.values);

test('plain fields, CRLF and LF line ends, no final newline', () => {
  assert.deepEqual(values('a,b\r\nc,d\r\n'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(values('a,b\nc,d'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(values('a,\r\n,\r\n'), [
    ['a', ''],
    ['', ''],
  ]);
});

test('quoted fields hold commas, doubled quotes and line breaks', () => {
  assert.deepEqual(values('"a,b","say ""hi""","x\r\ny"\r\n'), [['a,b', 'say "hi"', 'x\r\ny']]);
  assert.deepEqual(values('""\r\n'), [['']]);
});

test('a UTF-8 BOM is dropped, empty lines are skipped', () => {
  assert.deepEqual(values('\ufeffcode,name\r\n\r\nGM0363,Amsterdam\r\n\r\n'), [
    ['code', 'name'],
    ['GM0363', 'Amsterdam'],
  ]);
});

test('positions are 1-based line and column of each field', () => {
  const recs = parseCsv('a,bb,"c\nc"\nd,e,f');
  assert.deepEqual(recs[0]!.positions, [
    { line: 1, column: 1 },
    { line: 1, column: 3 },
    { line: 1, column: 6 },
  ]);
  assert.deepEqual(recs[1]!.positions[1], { line: 3, column: 3 });
  assert.equal(recs[1]!.line, 3);
});

function syntaxError(text: string): AppError {
  try {
    parseCsv(text, { file: 'x.csv' });
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err;
  }
  assert.fail('expected an error');
}

test('syntax errors say where: unterminated quote, stray quote, text after a closing quote', () => {
  const open = syntaxError('a,b\r\nc,"d\r\n');
  assert.equal(open.code, 'invalid-file');
  assert.deepEqual(open.location, { file: 'x.csv', line: 2, column: 3 });
  assert.match(open.cliMessage(), /^x\.csv:2:3: quoted field is not closed/);

  const stray = syntaxError('a,b"c\r\n');
  assert.deepEqual(stray.location, { file: 'x.csv', line: 1, column: 4 });

  const after = syntaxError('"a"b,c');
  assert.deepEqual(after.location, { file: 'x.csv', line: 1, column: 4 });
});

test('readCsvTable: header names are normalised, field counts are checked', () => {
  const t = readCsvTable('\ufeff Code ,Name\r\nGM0363,Amsterdam\r\n', { file: 'g.csv' });
  assert.deepEqual(t.header, ['code', 'name']);
  assert.equal(t.rows[0]!.values.name, 'Amsterdam');
  assert.deepEqual(t.rows[0]!.position('name'), { line: 2, column: 8 });
  assert.throws(
    () => readCsvTable('a,b\r\n1,2,3\r\n', { file: 'g.csv' }),
    (e: AppError) => e.location?.line === 2 && e.location.column === 5 && /expected 2 fields/.test(e.message),
  );
  assert.throws(() => readCsvTable('a,a\r\n', { file: 'g.csv' }), /appears twice/);
  assert.throws(() => readCsvTable('', { file: 'g.csv' }), /empty/);
});

const field = fc.oneof(
  fc.string(),
  fc.constantFrom('', ',', '"', '""', '\r\n', '\n', '\r', 'a,"b"\r\nc', ' x '),
  fc
    .array(fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '€'), { maxLength: 8 })
    .map((a) => a.join('')),
);

test('property: formatCsv then parseCsv gives back the same records', () => {
  fc.assert(
    fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
      assert.deepEqual(
        values(formatCsv(rows)),
        rows.map((r) => r.map(neutraliseFormula)),
      );
    }),
    { numRuns: 500 },
  );
});

test('property: with a BOM and without the final line end, the records are the same', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
      (rows) => {
        const text = formatCsv(rows);
        assert.deepEqual(
          values('\ufeff' + text.slice(0, -2)),
          rows.map((r) => r.map(neutraliseFormula)),
        );
      },
    ),
  );
});

test('property: arbitrary input either parses or fails with a location inside the text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n') }), (text) => {
      try {
        parseCsv(text);
      } catch (err) {
        assert.ok(err instanceof AppError && err.code === 'invalid-file');
        const lines = text.split(/\r\n|\r|\n/).length;
        assert.ok(err.location!.line! >= 1 && err.location!.line! <= lines);
      }
    }),
  );
});

// OWASP's CSV injection rule: no written cell starts with a formula sign, unless it is a plain number.
const formulaCell = fc
  .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\uff1d', ''), fc.string({ maxLength: 8 }))
  .map(([a, b]) => a + b);

test('property: formatCsv writes no cell a spreadsheet would run as a formula; text is kept behind a quote', () => {
  fc.assert(
    fc.property(fc.array(fc.array(formulaCell, { minLength: 2, maxLength: 4 }), { maxLength: 6 }), (rows) => {
      const back = values(formatCsv(rows));
      for (const [i, r] of rows.entries()) {
        for (const [j, v] of r.entries()) {
          const cell = back[i]![j]!;
          const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v);
          if (/^[=+\-@\t\r\n\uff1d]/.test(v) && !number) assert.equal(cell, `'${v}`);
          else assert.equal(cell, v);
        }
      }
    }),
    { numRuns: 500 },
  );
  assert.equal(formatCsv([['=1+1', '-3', '@x', '-1+1', 'a']]), "'=1+1,-3,'@x,'-1+1,a\r\n");
});
