/**
 * `weerbaar wave …` end to end: real processes on an embedded data directory in a temp folder,
 * with the demo data (organisations, the built-in questionnaires).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-wave-cli-'));
// The data directory starts with the full demo loaded (the demo template, test/support/template.ts).
before(() => seedDataDir(join(dir, 'data'), { demo: true }));
after(() => rmSync(dir, { recursive: true, force: true }));

function weerbaar(...args: string[]) {
  return runWeerbaar(args, { dataDir: join(dir, 'data'), timeout: 180_000 });
}

test('wave create | import-frame | open | invite | remind | status | close, with exit codes', () => {
  // the demo is there already (the demo template): the command says so, lists the logins and exits 0
  const demo = runWeerbaar(['demo'], { dataDir: join(dir, 'data'), timeout: 600_000 });
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /demo data already loaded/);

  const created = weerbaar(
    'wave',
    'create',
    '--code',
    'cli-2026',
    '--name',
    'CLI wave',
    '--end',
    '2099-03-31',
    '--questionnaire',
    'office_holders=office_holders',
  );
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /\tcli-2026\tdraft/);
  assert.equal(weerbaar('wave', 'create', '--code', 'cli-2026', '--name', 'x').status, 2, 'duplicate code');
  assert.equal(weerbaar('wave', 'create', '--code', 'x', '--name', 'x', '--reminders', 'soon').status, 2);
  assert.equal(weerbaar('wave', 'open', 'cli-2026').status, 2, 'no frame yet');

  const bad = join(dir, 'bad.csv');
  writeFileSync(
    bad,
    'naam,email,rol,organisatie\r\nAnna,anna.cli@voorbeeld.nl,raadslid,GM0363\r\nBert,bert@,raadslid,GM0363\r\nCor,cor.cli@voorbeeld.nl,raadslid,GM9999\r\n',
  );
  const failed = weerbaar('wave', 'import-frame', 'cli-2026', bad);
  assert.equal(failed.status, 2);
  assert.match(
    failed.stderr,
    new RegExp(`${bad.replaceAll('\\', '\\\\')}:3:6: email: "bert@" is not an e-mail address`),
  );
  assert.match(
    failed.stderr,
    new RegExp(`${bad.replaceAll('\\', '\\\\')}:4:35: organisatie: no organisation with code GM9999`),
  );
  assert.match(failed.stderr, /nothing imported/);
  // Over a limit (issue 13): refused where it is crossed, file:line:column, exit 2, nothing imported.
  const giant = join(dir, 'giant.csv');
  writeFileSync(giant, `naam,email,rol,organisatie\r\nAnna,${'x'.repeat(5000)},raadslid,GM0363\r\n`);
  const tooLarge = weerbaar('wave', 'import-frame', 'cli-2026', giant);
  assert.equal(tooLarge.status, 2);
  assert.match(
    tooLarge.stderr,
    new RegExp(`${giant.replaceAll('\\', '\\\\')}:2:6: the field is longer than 1000 characters`),
  );
  assert.equal(weerbaar('wave', 'import-frame', 'cli-2026', join(dir, 'missing.csv')).status, 2);
  assert.equal(weerbaar('wave', 'import-frame', 'no-such-wave', bad).status, 1);

  const valid = weerbaar('wave', 'import-frame', 'cli-2026', bad, '--valid-only');
  assert.equal(valid.status, 0, valid.stderr);
  assert.match(valid.stdout, /1 imported, 2 rejected/);

  assert.equal(weerbaar('wave', 'invite', 'cli-2026').status, 2, 'not open yet');
  assert.equal(weerbaar('wave', 'open', 'cli-2026').status, 0);
  const invited = weerbaar('wave', 'invite', 'cli-2026');
  assert.equal(invited.status, 0, invited.stderr);
  assert.match(invited.stdout, /1 invitations queued/);
  assert.match(weerbaar('wave', 'remind', 'cli-2026').stdout, /1 reminders queued/);

  const status = weerbaar('wave', 'status', 'cli-2026');
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /^total\t1\t1\t0\t0\t0\.0%\t1\t0$/m);
  assert.match(status.stdout, /^gemeente · raadslid\t1\t1/m);
  const json = JSON.parse(weerbaar('wave', 'status', 'cli-2026', '--json').stdout);
  assert.equal(json.breakdowns.total[0].invited, 1);

  assert.match(weerbaar('wave', 'close', 'cli-2026').stdout, /open → closed/);
  assert.equal(weerbaar('wave', 'close', 'cli-2026').status, 2, 'closed already');
});
