/**
 * A report part and a factsheet in Chromium with axe, in Dutch and English: the self-contained
 * document (document.ts) of each, from a small seeded demo (both waves computed, so the trend has a
 * tested change). Also: the table of contents links every chapter, and a suppressed cell is a dash.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeViolations, browserSkip, launchBrowser } from '../../../../test/support/browser.js';
import { createTestDatabase } from '../../../../test/support/database.js';
import { modules } from '../../../../test/support/modules.js';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../../monitor/questionnaires/templates/index.js';
import { systemActor } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { registerMessages } from '../../../platform/i18n/catalogue.js';
import { loadRegistry } from '../../../platform/orgs/registry.js';
import { loadDemoWave } from '../../demo/demo-step.js';
import { smallDemoOrganisations } from '../../demo/small.js';
import { demoWaveTruths } from '../../demo/waves.js';
import { runResults } from '../../runs/service.js';
import { productDocument } from '../document.js';
import type { ProductKind, ProductLang, ProductScope } from '../product.js';
import { productDefinition } from '../products.js';

registerMessages(modules);
let database: Database;
let scope: ProductScope;

before(async () => {
  if (browserSkip) return;
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    for (const truth of demoWaveTruths) await loadDemoWave(tx, truth, systemActor, smallDemoOrganisations());
  });
  await runResults(database, 'monitor-2022', systemActor);
  await runResults(database, 'monitor-2024', systemActor);
  scope = { database, wave: await findWave(database.db, 'monitor-2024'), visibility: 'embargoed' };
});
after(() => database?.close());

test('a report part and a factsheet pass axe in Dutch and English', {
  skip: browserSkip,
  timeout: 600_000,
}, async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const [kind, key] of [
      ['report-safety', 'main'],
      ['factsheet', 'role-raadslid'],
    ] as Array<[ProductKind, string]>) {
      const definition = await productDefinition(kind);
      const ref = (await definition.list(scope)).find((r) => r.key === key);
      assert.ok(ref, `${kind}/${key} is listed`);
      for (const lang of ['nl', 'en'] as ProductLang[]) {
        const product = await definition.render({ ...scope, lang }, ref);
        await page.setContent(productDocument(product));
        for (const v of await axeViolations(page))
          failures.push(`${kind} ${lang}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
        // every heading of the outline is in the page under its id
        for (const h of product.outline)
          assert.equal(await page.locator(`[id="${h.id}"]`).count(), 1, `${kind} ${lang}: #${h.id}`);
        if (kind === 'report-safety') {
          const toc = await page
            .locator('nav.toc a')
            .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          for (const h of product.outline.filter((o) => o.level === 2))
            assert.ok(toc.includes(`#${h.id}`), h.id);
          assert.ok((await page.locator('figure.chart svg[role=img]').count()) > 0, 'charts are drawn');
        }
        // a suppressed cell reads as a dash with words for screen readers, never as a number
        for (const text of await page.locator('td.suppressed').allTextContents())
          assert.doesNotMatch(text, /\d/);
      }
    }
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
  }
});
