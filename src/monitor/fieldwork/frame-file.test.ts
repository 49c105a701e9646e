import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { AppError } from '../../platform/errors.js';
import { readFrameFile } from './frame-file.js';

async function xlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('XLSX: the first worksheet, its header in row 1, every cell kind as text, empty rows skipped with true line numbers', async () => {
  const data = await xlsx((wb) => {
    const ws = wb.addWorksheet('kader');
    ws.addRow([' Naam ', 'E-mail', '', 'Geboren', 'Som', 'Opmerking']);
    ws.addRow([
      'Anna',
      'anna@voorbeeld.nl',
      'ignored',
      new Date(Date.UTC(1970, 4, 17)),
      { formula: '1+1', result: 2 },
      { richText: [{ text: 'vet' }, { text: ' en gewoon' }] },
    ]);
    ws.addRow([]);
    ws.addRow(['', '', '', null, null, '']);
    ws.addRow(['Bert', 'bert@voorbeeld.nl', '', null, 7, { text: 'link', hyperlink: 'https://example.org' }]);
    wb.addWorksheet('tweede').addRow(['naam', 'email']);
  });
  const t = await readFrameFile('kader.xlsx', data);
  assert.equal(t.format, 'xlsx');
  assert.deepEqual(t.header, ['naam', 'e-mail', 'geboren', 'som', 'opmerking']);
  assert.deepEqual(
    t.rows.map((r) => [r.line, r.values]),
    [
      [
        2,
        {
          naam: 'Anna',
          'e-mail': 'anna@voorbeeld.nl',
          geboren: '1970-05-17',
          som: '2',
          opmerking: 'vet en gewoon',
        },
      ],
      [5, { naam: 'Bert', 'e-mail': 'bert@voorbeeld.nl', geboren: '', som: '7', opmerking: 'link' }],
    ],
  );
  assert.deepEqual(t.rows[1]!.position('som'), { line: 5, column: 5 });
});

test('XLSX: unreadable files, an empty workbook, no header and a header named twice are refused with where', async () => {
  const refused = (data: Buffer, check: (e: AppError) => boolean) =>
    assert.rejects(readFrameFile('f.xlsx', data), (e: AppError) => e.code === 'invalid-file' && check(e));
  await refused(Buffer.from('PK\u0003\u0004 not really a zip'), (e) =>
    /not a readable \.xlsx/.test(String(e.detail)),
  );
  await refused(await xlsx((wb) => wb.addWorksheet('leeg')), (e) => /no data/.test(String(e.detail)));
  await refused(
    await xlsx((wb) => {
      const ws = wb.addWorksheet('x');
      ws.getCell('A2').value = 'naam';
    }),
    (e) => /no column names/.test(String(e.detail)),
  );
  await refused(
    await xlsx((wb) => wb.addWorksheet('x').addRow(['naam', 'Naam'])),
    (e) => e.location?.column === 2 && /twice/.test(String(e.detail)),
  );
});
