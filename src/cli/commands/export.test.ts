/** `weerbaar export …` as a real process: bad input exits 2 with a clear message; nothing is written. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-export-cli-'));
before(() => seedDataDir(join(dir, 'data')));
after(() => rmSync(dir, { recursive: true, force: true }));

const weerbaar = (...args: string[]) => runWeerbaar(args, { dataDir: join(dir, 'data'), timeout: 180_000 });

test('export: an unknown format, a wave that is not closed and an unknown wave are refused; no file is written', () => {
  const out = join(dir, 'x.sav');
  const format = weerbaar('export', 'any', '--format', 'pdf', '--out', out);
  assert.equal(format.status, 2, format.stderr);
  assert.match(format.stderr, /--format: expected one of csv, codebook-csv, xlsx, sav, parquet, ddi, html/);
  const created = weerbaar('wave', 'create', '--code', 'exp-cli', '--name', 'Export CLI');
  assert.equal(created.status, 0, created.stderr);
  const open = weerbaar('export', 'exp-cli', '--format', 'sav', '--out', out);
  assert.notEqual(open.status, 0);
  assert.match(open.stderr, /close it before exporting|niet gesloten/);
  const unknown = weerbaar('export', 'no-such-wave', '--format', 'csv', '--out', out);
  assert.notEqual(unknown.status, 0);
  assert.ok(!existsSync(out));
});
