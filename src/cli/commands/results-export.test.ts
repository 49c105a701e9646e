/**
 * `weerbaar results export-analysis <wave> --out DIR` end to end: a real process on an embedded data
 * directory holding a small demo wave with a results run.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { openDatabase } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../../results/demo/demo-step.js';
import { smallDemoOrganisations } from '../../results/demo/small.js';
import { demoWaveTruths } from '../../results/demo/waves.js';
import { runResults } from '../../results/runs/service.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-export-cli-'));
const dataDir = join(dir, 'data');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
before(async () => {
  await seedDataDir(dataDir);
  const database = await openDatabase({ dataDir });
  const actor = cliActor('test');
  try {
    await database.db.transaction(async (tx) => {
      await loadRegistry(tx, actor);
      await loadTemplates(tx, actor);
      await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
    });
    await runResults(database, truth.code, actor);
  } finally {
    await database.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('writes the reproduction files of every weighted target group; an unknown wave exits non-zero', () => {
  const out = join(dir, 'export');
  const r = runWeerbaar(['results', 'export-analysis', truth.code, '--out', out], {
    dataDir,
    timeout: 300_000,
  });
  assert.equal(r.status, 0, r.stderr);
  for (const group of ['office_holders', 'employees'])
    for (const f of [
      'analysis.csv',
      'design.json',
      'reproduce.R',
      'analyse.json',
      'weerbaar.csv',
      'README.txt',
    ])
      assert.ok(existsSync(join(out, group, f)), `${group}/${f}`);
  const design = JSON.parse(readFileSync(join(out, 'office_holders', 'design.json'), 'utf8'));
  assert.equal(design.wave, truth.code);
  assert.ok(design.indicators.length > 10);
  assert.match(r.stdout, /run 1 of monitor-2024/);
  const missing = runWeerbaar(['results', 'export-analysis', 'no-such-wave', '--out', out], { dataDir });
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no-such-wave/);
});
