import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cliCommand, seedDataDir } from '../../../test/support/cli.js';
import { openDatabase } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'wb-lock-'));
before(() => seedDataDir(dir));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a second process on the same embedded data directory fails at once with what to do', async () => {
  const database = await openDatabase({ dataDir: dir });
  try {
    const started = Date.now();
    const r = spawnSync(process.execPath, [...cliCommand(), 'migrate'], {
      env: { ...process.env, WEERBAAR_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /in use by another Weerbaar process \(pid \d+\)/);
    assert.match(r.stderr, /DATABASE_URL/);
    assert.ok(Date.now() - started < 15_000);
    // The same process cannot open it twice either.
    await assert.rejects(openDatabase({ dataDir: dir }), /in use/);
  } finally {
    await database.close();
  }
  // Released on close: the next owner gets in.
  const again = await openDatabase({ dataDir: dir });
  await again.close();
});

test('a lock left by a process that died is taken over', async () => {
  writeFileSync(join(dir, 'weerbaar.lock'), '999999999\n');
  const database = await openDatabase({ dataDir: dir });
  await database.close();
});
