/**
 * `weerbaar orgs import` end to end: a real process on an embedded data directory in a temp folder.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-orgs-cli-'));
before(() => seedDataDir(join(dir, 'data')));
after(() => rmSync(dir, { recursive: true, force: true }));

function weerbaar(...args: string[]) {
  return runWeerbaar(args, { dataDir: join(dir, 'data'), timeout: 120_000 });
}

const header = 'code,name,layer,province_code,inhabitants\r\n';

test('orgs import: prints what changed; a bad file gives file:line:column, exit 2, and changes nothing', () => {
  const good = join(dir, 'good.csv');
  writeFileSync(good, `${header}PV27,Noord-Holland,provincie,,\r\nGM9001,Proefdorp,gemeente,PV27,1500\r\n`);
  const first = weerbaar('orgs', 'import', good);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /\+ GM9001 Proefdorp \(gemeente\)/);
  assert.match(first.stdout, /2 added, 0 updated/);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, `${header}GM9001,Proefstad,gemeente,PV27,1500\r\nGM9002,Tweedorp,gemeente,PV99,100\r\n`);
  const failed = weerbaar('orgs', 'import', bad);
  assert.equal(failed.status, 2);
  assert.match(
    failed.stderr,
    new RegExp(`${bad.replaceAll('\\', '\\\\')}:3:26: province_code: unknown province PV99`),
  );
  assert.equal(failed.stdout, '');

  // The valid first row was not written either (the list below still says Proefdorp).
  const dry = weerbaar('orgs', 'import', '--dry-run', good);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(
    dry.stdout,
    /dry run, nothing written: 0 added, 0 updated, 0 ended, 0 not in list, 2 unchanged/,
  );

  const list = weerbaar('orgs', 'list', '--layer', 'gemeente');
  assert.equal(list.status, 0, list.stderr);
  assert.equal(list.stdout, 'GM9001\tProefdorp\tgemeente\tPV27\t1500\tlt20k\t\n');
});
