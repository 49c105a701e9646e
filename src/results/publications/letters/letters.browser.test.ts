/**
 * The letters in Chromium with axe, in Dutch and English: a letter's printable document (one with
 * withheld benchmarks and their notes), the researchers' letters page with its confirmation (the error
 * summary when it is not ticked, the count when sent), and a letter in the app.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../../test/support/browser.js';
import { signedInUser } from '../../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../../test/support/server.js';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../../monitor/questionnaires/templates/index.js';
import { systemActor } from '../../../platform/audit/audit.js';
import { loadRegistry } from '../../../platform/orgs/registry.js';
import { loadDemoWave } from '../../demo/demo-step.js';
import { smallDemoOrganisations } from '../../demo/small.js';
import { setDisclosureRules } from '../../disclosure/settings.js';
import { releaseRun } from '../../release/service.js';
import { runResults } from '../../runs/service.js';
import { productDocument } from '../document.js';
import type { ProductScope } from '../product.js';
import { letterRefs, renderLetterOf } from './definition.js';
import { LETTER_THRESHOLD, letterTruth } from './test-fixture.js';

let server: TestServer;
let browser: Browser;
let scope: ProductScope;
let cookie: { name: string; value: string };

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  const { database } = server;
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    await loadDemoWave(tx, letterTruth, systemActor, smallDemoOrganisations());
  });
  await setDisclosureRules(database, letterTruth.code, { minRespondents: LETTER_THRESHOLD }, systemActor);
  const run = await runResults(database, letterTruth.code, systemActor);
  await releaseRun(database, run.waveId, run.id, systemActor);
  scope = { database, wave: await findWave(database.db, run.waveId), visibility: 'embargoed' };
  const researcher = await signedInUser(server.app, database, 'onderzoeker@letters.test', [], ['researcher']);
  const [name, value] = researcher.cookie.split('=');
  cookie = { name: name!, value: value! };
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const violations = async (label: string, page: Page, into: string[]) => {
  for (const v of await axeViolations(page))
    into.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
};

test('a letter document passes axe in both languages', { skip: browserSkip, timeout: 240_000 }, async () => {
  const refs = await letterRefs(scope);
  const withheld = async (key: string) =>
    (await renderLetterOf({ ...scope, lang: 'nl' }, key)).figures.filter((f) => f.suppressed).length;
  let key = refs[0]!.key;
  for (const r of refs) if ((await withheld(r.key)) > (await withheld(key))) key = r.key;
  const page = await browser.newPage();
  const failures: string[] = [];
  for (const lang of ['nl', 'en'] as const) {
    await page.setContent(productDocument(await renderLetterOf({ ...scope, lang }, key)));
    assert.equal(await page.locator('table').count(), 1);
    assert.ok((await page.locator('ul.notes li').count()) > 0, 'the letter says why a benchmark is missing');
    await violations(`document ${lang}`, page, failures);
  }
  await page.close();
  assert.deepEqual(failures, []);
});

test('the letters page and a letter in the app pass axe; sending asks for a confirmation', {
  skip: browserSkip,
  timeout: 240_000,
}, async () => {
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.addCookies([{ ...cookie, url: server.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const failures: string[] = [];
  const base = `${server.url}/results/${scope.wave.id}/letters`;
  const [first] = await letterRefs(scope);
  for (const lang of ['nl', 'en'] as const) {
    await page.goto(`${base}?lang=${lang}`);
    await violations(`letters ${lang}`, page, failures);
    await page.goto(`${base}/${first!.key}?lang=${lang}`);
    assert.equal(await page.locator('.publication table').count(), 1);
    await violations(`letter ${lang}`, page, failures);
  }
  await page.goto(`${base}?lang=nl`);
  await page.getByRole('button', { name: 'Versturen' }).click();
  assert.equal(await page.locator('.error-summary').count(), 1, 'not ticked: the error summary');
  await violations('letters, not confirmed', page, failures);
  await page.getByLabel(/Ja, verstuur \d+ brieven/).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  assert.match(
    (await page.locator('main [role="status"]').first().textContent()) ?? '',
    /\d+ brieven zijn klaargezet/,
  );
  await violations('letters, sent', page, failures);
  await context.close();
  assert.deepEqual(failures, []);
});
