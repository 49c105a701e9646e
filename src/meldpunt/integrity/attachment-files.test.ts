/** Attachment checks without I/O: type from the bytes, limits, metadata removal, names, padding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  attachmentProblem,
  cleanAttachment,
  cleanName,
  MAX_ATTACHMENT_BYTES,
  PAD_BYTES,
  pad,
  sniff,
  stripJpeg,
  stripPng,
} from './attachment-files.js';
import { jpegWithExif, pngWithText } from './attachment-fixtures.js';

test('the type comes from the bytes: PDF, PNG, JPEG, ZIP-based office files, UTF-8 text; nothing else', () => {
  assert.equal(sniff(Buffer.from('%PDF-1.7\n')), 'pdf');
  assert.equal(sniff(pngWithText('x')), 'png');
  assert.equal(sniff(jpegWithExif('x')), 'jpeg');
  assert.equal(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), 'office');
  assert.equal(sniff(Buffer.from('Gewone tekst met é en ü.\n')), 'text');
  assert.equal(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00])), undefined, 'an .exe');
  assert.equal(sniff(Buffer.from([0xc3, 0x28])), undefined, 'not UTF-8');
});

test('limits: count, size per file and together, empty files, unknown types', () => {
  const file = (n: number) => ({ name: 'a.txt', data: Buffer.alloc(n, 0x61) });
  assert.equal(attachmentProblem([]), undefined);
  assert.equal(attachmentProblem([file(10)]), undefined);
  assert.equal(attachmentProblem(Array.from({ length: 6 }, () => file(10))), 'tooMany');
  assert.equal(attachmentProblem([file(MAX_ATTACHMENT_BYTES + 1)]), 'tooLarge');
  assert.equal(
    attachmentProblem([file(MAX_ATTACHMENT_BYTES), file(MAX_ATTACHMENT_BYTES), file(1)]),
    'totalTooLarge',
  );
  assert.equal(attachmentProblem([file(0)]), 'empty');
  assert.equal(attachmentProblem([{ name: 'x.exe', data: Buffer.from([0x4d, 0x5a, 0]) }]), 'type');
});

test('photos lose their Exif, comments and text chunks; the image data stays', () => {
  const jpeg = jpegWithExif('52.0907N-5.1214E');
  const clean = stripJpeg(jpeg);
  assert.equal(clean.includes('52.0907N'), false);
  assert.ok(clean.includes(Buffer.from('JFIF')), 'other segments stay');
  assert.ok(clean.subarray(-9).equals(jpeg.subarray(-9)), 'the scan stays');
  const png = stripPng(pngWithText('Piet Fotograaf'));
  assert.equal(png.includes('Piet Fotograaf'), false);
  assert.ok(png.includes(Buffer.from('IDAT')));
  assert.equal(cleanAttachment(Buffer.from('%PDF-1.4 x')).kind, 'pdf');
});

test('property: stripping never throws and never grows a file, whatever the bytes after the signature', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
      const j = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), tail]);
      const p = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), tail]);
      assert.ok(stripJpeg(j).length <= j.length);
      assert.ok(stripPng(p).length <= p.length);
    }),
  );
});

test('property: a clean name has no path, no control characters, no quotes, and is never empty', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (name) => {
      const n = cleanName(name);
      assert.ok(n.length > 0 && n.length <= 200);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking their absence
      assert.doesNotMatch(n, /[/\\"\u0000-\u001f\u007f]/);
    }),
  );
  assert.equal(cleanName('C:\\Users\\piet\\Documents\\bewijs.pdf'), 'bewijs.pdf');
});

test('property: padding hides the size to within PAD_BYTES and keeps the bytes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 3 * PAD_BYTES }), (n) => {
      const data = Buffer.alloc(n, 7);
      const p = pad(data);
      assert.equal(p.length % PAD_BYTES, 0);
      assert.ok(p.length > n && p.length <= n + PAD_BYTES);
      assert.ok(p.subarray(0, n).equals(data));
    }),
  );
});
