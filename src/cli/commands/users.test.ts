/**
 * `weerbaar users create` end to end: a real process on an embedded data directory in a temp folder.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-users-cli-'));
before(() => seedDataDir(join(dir, 'data')));
after(() => rmSync(dir, { recursive: true, force: true }));

function weerbaar(...args: string[]) {
  return runWeerbaar(args, { dataDir: join(dir, 'data'), timeout: 120_000 });
}

test('users create: roles by organisation code, a generated password printed once, bad input exits 2', () => {
  const orgs = join(dir, 'orgs.csv');
  writeFileSync(
    orgs,
    'code,name,layer,province_code,inhabitants\r\nPV26,Utrecht,provincie,,\r\nGM0344,Utrecht,gemeente,PV26,1\r\n',
  );
  assert.equal(weerbaar('orgs', 'import', orgs).status, 0);

  const ok = weerbaar(
    'users',
    'create',
    '--email',
    'Co@Gemeente.nl',
    '--name',
    'Co',
    '--org',
    'GM0344',
    '--role',
    'coordinator',
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /created co@gemeente\.nl \(.+\) roles: coordinator@GM0344/);
  assert.match(ok.stdout, /password \(shown once\): [A-Za-z0-9]{20}\n/);

  const given = weerbaar(
    'users',
    'create',
    '--email',
    'ad@min.nl',
    '--name',
    'Ad',
    '--platform-role',
    'admin',
    '--password',
    'a long enough one',
  );
  assert.equal(given.status, 0, given.stderr);
  assert.doesNotMatch(given.stdout, /password/);

  for (const args of [
    ['--email', 'co@gemeente.nl', '--name', 'Again'],
    ['--email', 'x@y.nl', '--name', 'X', '--password', 'short'],
    ['--email', 'x@y.nl', '--name', 'X', '--org', 'GM9999', '--role', 'coordinator'],
    ['--email', 'x@y.nl', '--name', 'X', '--org', 'GM0344'],
    ['--email', 'x@y.nl', '--name', 'X', '--platform-role', 'king'],
    ['--email', 'not-an-address', '--name', 'X'],
  ]) {
    const res = weerbaar('users', 'create', ...args);
    assert.equal(res.status, 2, `${args.join(' ')}: ${res.stderr}`);
    assert.match(res.stderr, /^weerbaar: /);
  }
});
