/**
 * The text editor and the two products of this branch in Chromium with axe, in Dutch and English: the
 * overview, a section's editor (with and without errors), the 5-minute version and the Kamerbrief
 * annex (in the app and as the self-contained file). The preview button is a plain form post, so the
 * editor works without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { loadSmallRuns } from './test-fixture.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let waveId: string;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await loadSmallRuns(server.database);
  waveId = (await findWave(server.database.db, 'monitor-2024')).id;
  const researcher = await signedInUser(
    server.app,
    server.database,
    'teksten@results.test',
    [],
    ['researcher'],
  );
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: true });
  const [name, value] = researcher.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

test('the editor and both products pass axe in Dutch and English', {
  skip: browserSkip,
  timeout: 300_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const page = await context.newPage();
  for (const lang of ['nl', 'en'])
    for (const path of [
      `/results/${waveId}/texts`,
      `/results/${waveId}/texts/summary/gevolgen?in=${lang}`,
      `/results/${waveId}/publications/summary/main`,
      `/results/${waveId}/publications/annex/main`,
    ]) {
      const res = await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(res?.status(), 200, `${path} (${lang})`);
      await check(`${path} (${lang})`, page);
    }
  for (const lang of ['nl', 'en'])
    for (const kind of ['summary', 'annex']) {
      const path = `/results/${waveId}/publications/${kind}/main?file=1&lang=${lang}`;
      const res = await context.request.get(`${server.url}${path}`);
      assert.equal(res.status(), 200);
      await page.setContent(await res.text());
      await check(path, page);
    }
  assert.deepEqual(failures, []);
});

test('the preview button (a plain form post; the page has no script) shows the errors with their position, then the preview', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/results/${waveId}/texts/summary/gevolgen?in=nl&lang=nl`);
  await page.locator('#body').fill('Eerst {{value agr_any_12m}}.\nDan {{value bestaat_niet}}.');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.waitForLoadState();
  assert.equal(
    await page.locator('#body').inputValue(),
    'Eerst {{value agr_any_12m}}.\nDan {{value bestaat_niet}}.',
  );
  assert.match(
    (await page.locator('#body-errors').textContent()) ?? '',
    /Regel 2, kolom 5: Er is geen indicator bestaat_niet/,
  );
  assert.equal(await page.locator('#body').getAttribute('aria-invalid'), 'true');
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
  );
  await page.locator('#body').fill('Eerst **{{value agr_any_12m}}**.');
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.waitForLoadState();
  assert.match((await page.locator('.texts-preview strong').textContent()) ?? '', /^\d+(,\d)?%$/);
  assert.equal(await page.locator('#body-errors').count(), 0);
});

test('with JavaScript the errors and the preview follow the text as it is typed', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/results/${waveId}/texts/summary/doel?in=en&lang=en`);
  await page.locator('#body').fill('Now {{value agr_any_12m role=nobody}}.');
  await page.locator('#body-errors').waitFor();
  assert.match(
    (await page.locator('#body-errors').textContent()) ?? '',
    /Line 1, column 5: indicator agr_any_12m has no cell/,
  );
  assert.equal(await page.locator('#body').getAttribute('aria-invalid'), 'true');
  await page.locator('#body').fill('Now *{{value agr_any_12m}}*.');
  await page.locator('#preview-body em').waitFor();
  assert.match((await page.locator('#preview-body em').textContent()) ?? '', /^\d+(\.\d)?%$/);
  assert.equal(await page.locator('#body-errors').count(), 0);
  assert.equal(await page.locator('#body').getAttribute('aria-invalid'), null);
  assert.match(page.url(), /texts\/summary\/doel/, 'no page load');
  assert.deepEqual(errors, []);
});
