import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import { crc32, zip } from './zip.js';

test('crc32 of "123456789" is the check value of the standard', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});

test('an independent reader (jszip) reads back every file of the archive', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(
        fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/),
        fc.string({ unit: 'binary', maxLength: 2000 }),
        {
          maxKeys: 5,
        },
      ),
      async (files) => {
        const archive = await JSZip.loadAsync(zip(files));
        assert.deepEqual(Object.keys(archive.files).sort(), Object.keys(files).sort());
        for (const [name, text] of Object.entries(files))
          assert.equal(await archive.file(name)!.async('string'), text);
      },
    ),
    { numRuns: 40 },
  );
});
