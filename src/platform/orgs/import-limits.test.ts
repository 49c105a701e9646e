/**
 * Issue 13, row 6 for the organisation registry's import: hostile CSV files (generated here) become
 * problems at the place a limit is crossed, read no further, and the answer lists a bounded number.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importError, importLimits, parseImportFiles } from './import.js';

const header = 'cbs_code,name,province_code,province_name\n';
const row = (i: number) => `GM${String(i % 10000).padStart(4, '0')},Gemeente ${i},PV27,Noord-Holland\n`;

const only = (content: string, name = 'gemeenten.csv') => {
  const { problems } = parseImportFiles([{ name, content }]);
  assert.equal(problems.length, 1, JSON.stringify(problems.slice(0, 3)));
  return problems[0]!;
};

test('a file with a million rows stops at the first row over the limit', () => {
  const p = only(header + row(1).repeat(1_000_000).slice(0, 4_000_000));
  assert.equal(p.line, importLimits.rows + 2);
  assert.match(p.message, /more than 10000 rows/);
});

test('a header of a million columns stops at the first column over the limit', () => {
  const names = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
  const p = only(`${names.slice(0, 4_000_000)}\n`);
  assert.equal(p.line, 1);
  assert.equal(p.column, `${Array.from({ length: 20 }, (_, i) => `c${i}`).join(',')},`.length + 1);
  assert.match(p.message, /more than 20 columns/);
});

test('one giant cell stops at that cell', () => {
  const p = only(`${header}GM0363,${'x'.repeat(3_000_000)},PV27,Noord-Holland\n`);
  assert.deepEqual([p.line, p.column], [2, 8]);
  assert.match(p.message, /longer than 1000 characters/);
});

test('files over the total size are refused before parsing', () => {
  const big = header + row(1).repeat(Math.ceil(importLimits.totalChars / row(1).length));
  const p = only(big);
  assert.equal(p.line, 1);
  assert.match(p.message, /at most 5000000/);
});

test('the error lists at most 1,000 problems and counts them all', () => {
  // 3,000 rows whose number of inhabitants is not a number: one problem each.
  const content =
    'cbs_code,inhabitants,reference_date,source\n' +
    Array.from({ length: 3000 }, (_, i) => `GM${String(i).padStart(4, '0')},veel,2024-01-01,CBS\n`).join('');
  const { problems } = parseImportFiles([{ name: 'inhabitants.csv', content }]);
  assert.ok(problems.length >= 3000, String(problems.length));
  const err = importError(problems);
  assert.equal(err.invalidParams.length, importLimits.listedProblems);
  assert.match(err.detail!, new RegExp(`and ${problems.length - 1} more problems`));
  assert.equal((err.cause as unknown[]).length, importLimits.listedProblems);
});
