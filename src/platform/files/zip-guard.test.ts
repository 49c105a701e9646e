import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { makeZip, replacePart, unzipParts } from '../../../test/support/zip.js';
import type { AppError } from '../errors.js';
import { checkZip, readZipDirectory } from './zip-guard.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('survey').addRow(['type', 'name', 'label']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refused = (p: Promise<unknown>, code: string, re: RegExp) =>
  assert.rejects(p, (e: AppError) => {
    assert.equal(e.code, code);
    assert.match(String(e.detail), re);
    assert.ok(e.detailIn('nl'), 'a Dutch text too');
    assert.equal(e.location?.file, 'f.xlsx');
    return true;
  });

test('a workbook written by exceljs passes, with its real unpacked size', async () => {
  const xlsx = await workbook();
  const { entries, unpackedBytes } = await checkZip(xlsx, { maxUnpackedBytes: 10_000_000 }, 'f.xlsx');
  assert.ok(entries.some((e) => e.name === 'xl/worksheets/sheet1.xml'));
  assert.equal(
    unpackedBytes,
    unzipParts(xlsx).reduce((n, p) => n + p.data.length, 0),
  );
});

test('no valid end of central directory: trailing bytes (even zeros), a truncated file, no zip at all', async () => {
  const xlsx = await workbook();
  const cases = [
    Buffer.concat([xlsx, Buffer.alloc(70_000)]), // the case: beyond the 65,557-byte window
    Buffer.concat([xlsx, Buffer.from('x')]),
    xlsx.subarray(0, xlsx.length - 1),
    xlsx.subarray(0, xlsx.length - 30),
    Buffer.from('PK\u0003\u0004 not really a zip'),
    Buffer.alloc(0),
  ];
  for (const data of cases)
    await refused(checkZip(data, { maxUnpackedBytes: 1e9 }, 'f.xlsx'), 'invalid-file', /central directory/);
});

test('the unpacked size is counted while inflating, whatever the headers say', async () => {
  const big = Buffer.alloc(5_000_000, 'a');
  // Honest headers, lying headers (declared 100 bytes), and a stored (uncompressed) part.
  for (const zip of [
    makeZip([{ name: 'xl/a.bin', data: big }]),
    makeZip([{ name: 'xl/a.bin', data: big, declaredSize: 100 }]),
    makeZip([{ name: 'xl/a.bin', data: big, method: 0 }]),
    makeZip([
      { name: 'a.bin', data: big.subarray(0, 600_000) },
      { name: 'b.bin', data: big.subarray(0, 600_000) },
    ]),
  ])
    await refused(
      checkZip(zip, { maxUnpackedBytes: 1_000_000 }, 'f.xlsx'),
      'file-too-large',
      /unpacks to more than 1 MB/,
    );
  // Under the limit, a lie about the size is still refused.
  await refused(
    checkZip(makeZip([{ name: 'a.bin', data: big, declaredSize: 100 }]), { maxUnpackedBytes: 1e9 }, 'f.xlsx'),
    'invalid-file',
    /unpacks to 5000000 bytes, not the 100/,
  );
});

test('a giant cell is refused while it streams; long runs in binary parts are fine', async () => {
  const xlsx = await workbook();
  const cell = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(300_000)}</t></is></c></row></sheetData></worksheet>`;
  await refused(
    checkZip(
      replacePart(xlsx, 'xl/worksheets/sheet1.xml', Buffer.from(cell)),
      { maxUnpackedBytes: 1e9 },
      'f.xlsx',
    ),
    'file-too-large',
    /sheet1\.xml holds a cell or text over 256 kB/,
  );
  await checkZip(makeZip([{ name: 'xl/media/image1.png', data: Buffer.alloc(300_000, 7) }]), {
    maxUnpackedBytes: 1e9,
  });
});

test('hidden data between entries, entries that do not match their directory record', async () => {
  const a = { name: 'a.xml', data: Buffer.from('<a/>') };
  const b = { name: 'b.xml', data: Buffer.from('<b/>') };
  const zip = makeZip([a, b]);
  const entries = readZipDirectory(zip);
  // A hidden local entry before the first listed one (a streaming reader would read it).
  const hidden = makeZip([{ name: 'x.xml', data: Buffer.alloc(1000, 'x') }]);
  const hiddenLocal = hidden.subarray(0, readZipDirectory(hidden)[0]!.dataOffset + 20);
  const shifted = makeZip([a, b]);
  await refused(
    checkZip(Buffer.concat([hiddenLocal, shifted]), { maxUnpackedBytes: 1e9 }, 'f.xlsx'),
    'invalid-file',
    /central directory|does not match|outside/,
  );
  // The second local header renamed.
  const renamed = Buffer.from(zip);
  renamed.write('c', entries[1]!.localOffset + 30);
  await refused(checkZip(renamed, { maxUnpackedBytes: 1e9 }, 'f.xlsx'), 'invalid-file', /does not match/);
});

test('property: any bytes are either a checked zip or refused with invalid-file / file-too-large', async () => {
  const xlsx = makeZip([
    { name: 'a.xml', data: Buffer.from('<a>hello</a>') },
    { name: 'b.xml', data: Buffer.from('<b>world</b>'), method: 0 },
  ]);
  await fc.assert(
    fc.asyncProperty(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 }), async (at, byte) => {
      const bad = Buffer.from(xlsx);
      bad[at] = byte;
      try {
        await checkZip(bad, { maxUnpackedBytes: 1e6 });
      } catch (e) {
        assert.ok(['invalid-file', 'file-too-large'].includes((e as AppError).code), String(e));
      }
    }),
    { numRuns: 300 },
  );
});
