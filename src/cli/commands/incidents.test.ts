/** `weerbaar incidents purge-expired|export` end to end: a real process on an embedded data directory. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-incidents-cli-'));
before(() => seedDataDir(join(dir, 'data')));
after(() => rmSync(dir, { recursive: true, force: true }));

const weerbaar = (...args: string[]) => runWeerbaar(args, { dataDir: join(dir, 'data'), timeout: 120_000 });

test('incidents purge-expired runs as the daily job does; export refuses an unknown organisation', () => {
  const purge = weerbaar('incidents', 'purge-expired');
  assert.equal(purge.status, 0, purge.stderr);
  assert.match(purge.stdout, /^0 incident\(s\) purged, 0 draft\(s\) never sent removed$/m);
  const unknown = weerbaar('incidents', 'export', '--org', 'XX9999');
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /no organisation with code XX9999/);
});
