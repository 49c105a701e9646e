/**
 * Hostile frame files (issue 13, row 6): each is generated here (nothing big is committed) and must be
 * refused with AppError('file-too-large') at the place the limit is crossed, early, while streaming.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { makeZip, replacePart, unzipParts } from '../../../test/support/zip.js';
import type { AppError } from '../../platform/errors.js';
import { frameLimits, readFrameFile } from './frame-file.js';

const header = 'naam,email,rol,organisatie\n';

async function smallXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('kader');
  ws.addRow(['naam', 'email', 'rol', 'organisatie']);
  ws.addRow(['Anna', 'anna@voorbeeld.nl', 'raadslid', 'GM0363']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A worksheet part with these rows of inline strings (row 1 the header). */
function sheetXml(rows: Iterable<string[]>): Buffer {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let r = 0;
  for (const row of rows) {
    r++;
    parts.push(
      `<row r="${r}">${row.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
    );
  }
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''));
}

const refused = (
  p: Promise<unknown>,
  expect: { re: RegExp; line?: number; column?: number; code?: string },
) =>
  assert.rejects(p, (e: AppError) => {
    assert.equal(e.code, expect.code ?? 'file-too-large', String(e));
    assert.match(String(e.detail), expect.re);
    assert.ok(e.detailIn('nl') && e.detailIn('nl') !== e.detail, 'a Dutch text');
    if (expect.line !== undefined) assert.equal(e.location?.line, expect.line);
    if (expect.column !== undefined) assert.equal(e.location?.column, expect.column);
    assert.match(e.cliMessage(), /^f\.(csv|xlsx):/);
    return true;
  });

test('CSV of 1.5 million rows: refused at the first row over the limit', async () => {
  const data = Buffer.from(header + 'Anna,anna@voorbeeld.nl,raadslid,GM0363\n'.repeat(1_500_000));
  await refused(readFrameFile('f.csv', data), {
    re: /more than 200000 rows/,
    line: frameLimits.rows + 2,
    column: 1,
  });
});

test('CSV with 1,000,000 columns: refused in the header, at the first column over the limit', async () => {
  const data = Buffer.from(`${Array.from({ length: 1_000_000 }, (_, i) => `k${i}`).join(',')}\nx\n`);
  // The 61st field starts after 60 names and their commas (a character position on line 1).
  const at = `${Array.from({ length: 60 }, (_, i) => `k${i}`).join(',')},`.length + 1;
  await refused(readFrameFile('f.csv', data), { re: /more than 60 columns/, line: 1, column: at });
});

test('CSV with one giant cell (quoted or not): refused at that cell without reading it all', async () => {
  const giant = 'x'.repeat(5_000_000);
  await refused(readFrameFile('f.csv', Buffer.from(`${header}Anna,${giant},raadslid,GM0363\n`)), {
    re: /longer than 1000 characters/,
    line: 2,
  });
  await refused(readFrameFile('f.csv', Buffer.from(`${header}"${giant}",a@b.nl,raadslid,GM0363\n`)), {
    re: /longer than 1000 characters/,
    line: 2,
    column: 1,
  });
});

test('XLSX that unpacks far beyond the limit (compresses 1000:1): refused while inflating', async () => {
  const parts = unzipParts(await smallXlsx());
  const pad = { name: 'xl/media/image1.png', data: Buffer.alloc(frameLimits.unpackedBytes + 1) };
  const bomb = makeZip([...parts, pad]);
  assert.ok(bomb.length < 1_000_000, `the bomb is small: ${bomb.length}`);
  await refused(readFrameFile('f.xlsx', bomb), { re: /unpacks to more than 268\.4 MB/ });
});

test('XLSX with more rows than the limit: refused at the first row over it (empty rows count too)', async () => {
  const head = sheetXml([['naam', 'email', 'rol', 'organisatie']]).toString();
  const empty = Array.from({ length: frameLimits.rows + 10 }, (_, i) => `<row r="${i + 2}"/>`).join('');
  const xml = head.replace('</sheetData>', `${empty}</sheetData>`);
  const xlsx = replacePart(await smallXlsx(), 'xl/worksheets/sheet1.xml', Buffer.from(xml));
  await refused(readFrameFile('f.xlsx', xlsx), { re: /more than 200000 rows/, line: frameLimits.rows + 2 });
});

test('XLSX with one giant cell: refused while streaming (over 256 kB), or at the cell (over 1,000 characters)', async () => {
  const base = await smallXlsx();
  const giant = replacePart(
    base,
    'xl/worksheets/sheet1.xml',
    sheetXml([
      ['naam', 'email', 'rol', 'organisatie'],
      ['x'.repeat(20_000_000), 'a@b.nl', 'raadslid', 'GM0363'],
    ]),
  );
  assert.ok(giant.length < 1_000_000);
  await refused(readFrameFile('f.xlsx', giant), { re: /holds a cell or text over 256 kB/ });
  const long = replacePart(
    base,
    'xl/worksheets/sheet1.xml',
    sheetXml([
      ['naam', 'email', 'rol', 'organisatie'],
      ['Anna', 'a@b.nl', 'r'.repeat(1001), 'GM0363'],
    ]),
  );
  await refused(readFrameFile('f.xlsx', long), { re: /longer than 1000 characters/, line: 2, column: 3 });
  // Just at the limits: read.
  const ok = replacePart(
    base,
    'xl/worksheets/sheet1.xml',
    sheetXml([
      ['naam', 'email', 'rol', 'organisatie'],
      ['Anna', 'a@b.nl', 'r'.repeat(1000), 'GM0363'],
    ]),
  );
  assert.equal((await readFrameFile('f.xlsx', ok)).rows.length, 1);
});

test('XLSX with trailing bytes after the ZIP: refused as not readable', async () => {
  await refused(readFrameFile('f.xlsx', Buffer.concat([await smallXlsx(), Buffer.alloc(70_000)])), {
    code: 'invalid-file',
    re: /end of central directory/,
  });
});
