/**
 * Limits while tokenizing (issue 13, row 6): a table within the limits reads exactly as without them
 * (sync and async alike); a table over one is refused with `file-too-large` where it is crossed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AppError } from '../errors.js';
import { type CsvLimits, formatCsv, parseCsv, readCsvTable, readCsvTableAsync } from './csv.js';

const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é'), maxLength: 12 });

test('property: within the limits the same table, sync and async; over them file-too-large', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.array(field, { minLength: 6, maxLength: 6 }), { maxLength: 12 }),
      fc.record({
        maxRows: fc.integer({ min: 0, max: 12 }),
        maxColumns: fc.integer({ min: 1, max: 7 }),
        maxCellLength: fc.integer({ min: 0, max: 14 }),
      }),
      async (width, body, limits: Required<CsvLimits>) => {
        const header = Array.from({ length: width }, (_, i) => `h${i}`);
        const text = formatCsv([header, ...body.map((r) => r.slice(0, width))]);
        const records = parseCsv(text);
        const over =
          records.length - 1 > limits.maxRows ||
          records.some((r) => r.values.length > limits.maxColumns) ||
          records.some((r) => r.values.some((v) => v.length > limits.maxCellLength));
        const sync = () => readCsvTable(text, { file: 'f.csv', limits });
        if (over) {
          const isLimit = (e: AppError) => e.code === 'file-too-large' && e.location?.file === 'f.csv';
          assert.throws(sync, isLimit);
          await assert.rejects(readCsvTableAsync(text, { file: 'f.csv', limits, sliceMs: 0 }), isLimit);
        } else {
          const expected = readCsvTable(text, { file: 'f.csv' });
          const strip = (t: typeof expected) => t.rows.map((r) => [r.line, r.values]);
          assert.deepEqual(strip(sync()), strip(expected));
          assert.deepEqual(
            strip(await readCsvTableAsync(text, { file: 'f.csv', limits, sliceMs: 0 })),
            strip(expected),
          );
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('a line break inside quotes counts towards the cell length (found by the property above)', () => {
  const text = 'h0,h1\n,"aaaaaaaa\n"\n';
  const limits = { maxRows: 1, maxColumns: 2, maxCellLength: 8 };
  assert.throws(
    () => readCsvTable(text, { file: 'f.csv', limits }),
    (e: AppError) => e.code === 'file-too-large',
  );
});
