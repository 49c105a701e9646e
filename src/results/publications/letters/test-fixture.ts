/**
 * Test fixture of the letters: the small demo wave 2024 (a few dozen organisations answer the
 * organisation-policy questionnaire, spread over layers and size classes), a low disclosure threshold so
 * that some comparison groups reach it and others do not, and a computed run.
 */
import { createTestDatabase } from '../../../../test/support/database.js';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { loadRegistry } from '../../../platform/orgs/registry.js';
import { loadDemoWave } from '../../demo/demo-step.js';
import { smallDemoOrganisations } from '../../demo/small.js';
import { demoWaveTruths } from '../../demo/waves.js';
import { setDisclosureRules } from '../../disclosure/settings.js';
import { runResults } from '../../runs/service.js';
import type { ProductScope } from '../product.js';

export const LETTER_THRESHOLD = 3;
export const letterTruth = demoWaveTruths.find((w) => w.year === 2024)!;

export async function letterWorld(): Promise<{ database: Database; scope: ProductScope }> {
  const database = await createTestDatabase();
  const actor = cliActor('test');
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, letterTruth, actor, smallDemoOrganisations());
  });
  await setDisclosureRules(database, letterTruth.code, { minRespondents: LETTER_THRESHOLD }, actor);
  await runResults(database, letterTruth.code, actor);
  const wave = await findWave(database.db, letterTruth.code);
  return { database, scope: { database, wave, visibility: 'embargoed' } };
}
