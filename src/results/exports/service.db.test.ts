import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { psppMissing, readWithPspp } from '../../../test/support/pspp.js';
import { createWave, findWave } from '../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { completedResponses } from '../../monitor/responses/analysis-source.js';
import { cliActor } from '../../platform/audit/audit.js';
import { parseCsv } from '../../platform/csv/csv.js';
import type { Database } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { runResults, weightingRun } from '../runs/service.js';
import { exportWave } from './service.js';

let database: Database;
const actor = cliActor('test');
const truth = demoWaveTruths.find((w) => w.year === 2024)!;
const dir = mkdtempSync(join(tmpdir(), 'export-db-'));
before(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
});

test('a wave that is not closed cannot be exported', async () => {
  const draft = await createWave(
    database.db,
    { code: 'exp-open', name: 'Open', anonymity: 'anonymous' },
    actor,
  );
  await assert.rejects(exportWave(database, draft.id, { format: 'csv' }), /close it before exporting/);
  await assert.rejects(
    exportWave(database, truth.code, { format: 'csv', targetGroup: 'nobody' }),
    /no target group nobody/,
  );
});

test('the CSV export of the demo wave has every completed response and the run weights; free text only on request', async () => {
  const run = await runResults(database, truth.code, actor);
  const wave = await findWave(database.db, truth.code);
  const file = await exportWave(database, truth.code, { format: 'csv', targetGroup: 'office_holders' });
  const rows = parseCsv(file.body.toString('utf8')).map((r) => r.values);
  const header = rows[0]!;
  const completed = await completedResponses(database.db, wave.id, 'office_holders');
  assert.equal(rows.length - 1, completed.length);
  // the demo wave is confidential: the response id is kept; an anonymous wave never has it (builder.test.ts)
  assert.equal(header.includes('response_id'), wave.anonymity !== 'anonymous');
  assert.ok(!header.some((h) => h.endsWith('_tekst')), 'free text is left out by default');
  const w = await weightingRun(database, run.weightingRuns.office_holders!);
  const final = (w!.weights as { final: number[] }).final;
  const at = header.indexOf('weight');
  assert.deepEqual(
    rows.slice(1).map((r) => Number(r[at])),
    final,
  );
  const withText = await exportWave(database, truth.code, {
    format: 'csv',
    targetGroup: 'office_holders',
    includeFreeText: true,
  });
  assert.ok(parseCsv(withText.body.toString('utf8'))[0]!.values.some((h) => h.endsWith('_tekst')));
});

test('the .sav export of the demo wave reads back in PSPP with its weight and labels', {
  skip: psppMissing,
}, async () => {
  const file = await exportWave(database, truth.code, {
    format: 'sav',
    targetGroup: 'office_holders',
    language: 'en',
  });
  const path = join(dir, file.fileName);
  writeFileSync(path, file.body);
  const back = readWithPspp(path);
  assert.equal(back.weight, 'weight');
  assert.ok(back.cases > 0);
  assert.ok(back.variables.length > 50);
  assert.ok([...back.valueLabels.values()].some((ls) => ls.some(([, l]) => l === "Don't know")));
});
