/**
 * For tests: the small demo waves 2022 and 2024 (demo/small.ts) with a run each, 2022 first so that
 * 2024 carries tested changes from 2022.
 */
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { runResults } from '../runs/service.js';

export async function loadSmallRuns(database: Database): Promise<void> {
  const actor = cliActor('test');
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    for (const truth of demoWaveTruths) await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
  await runResults(database, 'monitor-2022', actor);
  await runResults(database, 'monitor-2024', actor);
}
