import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { cliCommand } from '../../test/support/cli.js';

/** `weerbaar analyse` end to end (the compiled CLI in a full test run): output, formats and exit codes. */
const root = resolve(import.meta.dirname, '../..');
const analyse = (...args: string[]) =>
  spawnSync(process.execPath, [...cliCommand(), 'analyse', ...args], {
    encoding: 'utf8',
    cwd: root,
  });
const caseSpec = join(root, 'test/fixtures/r-survey/cases/p13-difference-waves/spec.json');

test('prints the expected.json shape and matches R', () => {
  const r = analyse(caseSpec);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const expected = JSON.parse(readFileSync(caseSpec.replace('spec.json', 'expected.json'), 'utf8'));
  assert.equal(out.estimates.length, expected.estimates.length);
  assert.ok(Math.abs(out.estimates[0].rows[0].se - expected.estimates[0].rows[0].se) < 1e-12);
});

test('csv and table formats, --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-'));
  const r = analyse(caseSpec, '--format', 'csv', '--out', join(dir, 'o.csv'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(dir, 'o.csv'), 'utf8'), /^id,by,level,estimate,se,ci_lower,ci_upper/);
  assert.match(analyse(caseSpec, '--format', 'table').stdout, /layer=gemeente/);
});

test('bad input exits 2 naming the JSON path or the CSV line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyse-'));
  writeFileSync(join(dir, 'd.csv'), 'g;y\na;1\nb;x\n');
  writeFileSync(
    join(dir, 'bad.json'),
    JSON.stringify({ data: 'd.csv', estimates: [{ id: 'e', statistic: 'mean', variable: 'y', ci: 1 }] }),
  );
  let r = analyse(join(dir, 'bad.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /estimates\[0\]/);
  writeFileSync(
    join(dir, 'ok.json'),
    JSON.stringify({ data: 'd.csv', estimates: [{ id: 'e', statistic: 'mean', variable: 'y' }] }),
  );
  r = analyse(join(dir, 'ok.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /d\.csv:3:2: column "y": "x" is not a number/);
  writeFileSync(
    join(dir, 'lonely.json'),
    JSON.stringify({
      data: 'd.csv',
      design: { strata: 'g' },
      estimates: [{ id: 'e', statistic: 'proportion', variable: 'y' }],
    }),
  );
  r = analyse(join(dir, 'lonely.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /only one PSU/);
});
