/**
 * The organisation pages with the real registry loaded, in Chromium with axe: the list with filters
 * and paging, a detail page with merger history, and the forms in their error states (which the
 * generic every-page test does not reach). The pages ship no scripts, so this is how they work without
 * JavaScript too (axe itself needs scripting, so it stays enabled).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { systemActor } from '../audit/audit.js';
import { loadRegistry } from './registry.js';
import { getOrganisationByCode } from './service.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let amsterdam: string;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction((tx) => loadRegistry(tx, systemActor));
  amsterdam = (await getOrganisationByCode(server.database.db, 'GM0363')).id;
  const admin = await signedInUser(server.app, server.database, 'admin@orgs-pages.test', [], ['admin']);
  browser = await launchBrowser();
  context = await browser.newContext();
  const [name, value] = admin.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('organisation pages and form error states pass axe', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: import('playwright-core').Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const page = await context.newPage();

  for (const lang of ['nl', 'en']) {
    await page.goto(`${server.url}/organisations?lang=${lang}`);
    await check(`list (${lang})`, page);
    await page.goto(`${server.url}/organisations/${amsterdam}?lang=${lang}`);
    await check(`detail (${lang})`, page);
    await page.goto(`${server.url}/organisations/mergers?lang=${lang}`);
    await check(`mergers (${lang})`, page);
  }
  assert.match(await page.content(), /Haaren/);

  // Filters by GET form: layer and province, then the next page.
  await page.goto(`${server.url}/organisations?lang=nl`);
  await page.selectOption('#layer', 'gemeente');
  await page.selectOption('#province', 'PV27');
  await page.click('form.filters button[type=submit]');
  assert.match(page.url(), /layer=gemeente/);
  assert.match((await page.textContent('main'))!, /44 organisaties/);
  await page.click('a[rel=next]');
  assert.match(page.url(), /page=2/);

  // The new-organisation form with errors: summary, messages next to the fields.
  await page.goto(`${server.url}/organisations/new`);
  await page.fill('#code', 'XX');
  await page.fill('#inhabitants', 'veel');
  await page.click('main button[type=submit]');
  assert.equal(await page.locator('.error-summary').count(), 1);
  await check('new with errors', page);

  await page.goto(`${server.url}/organisations/${amsterdam}/merge`);
  await check('merge form', page);
  await page.fill('#sources', 'GM0000');
  await page.fill('#effectiveDate', '2030-01-01');
  await page.click('main button[type=submit]');
  assert.match((await page.textContent('#sources-error'))!, /GM0000/);
  await check('merge with errors', page);

  await page.goto(`${server.url}/organisations/import`);
  await check('import form', page);
  await page.fill(
    '#content',
    'code,name,layer,province_code,inhabitants\nGM9901,Testdorp,gemeente,PV99,10\n',
  );
  await page.click('button[value=check]');
  assert.match(await page.content(), /organisaties\.csv:2:26/);
  await check('import with problems', page);
  await page.fill(
    '#content',
    'code,name,layer,province_code,inhabitants\nGM9901,Testdorp,gemeente,PV22,10\n',
  );
  await page.click('button[value=check]');
  assert.match(await page.content(), /GM9901 Testdorp/);
  await check('import report', page);
  // A real file upload (multipart) from the browser.
  await page.fill('#content', '');
  await page.setInputFiles('#file', {
    name: 'upload.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'code,name,layer,province_code,inhabitants\r\nGM9902,Uploaddorp,gemeente,PV22,10\r\n',
    ),
  });
  await page.click('button[value=check]');
  assert.match(await page.content(), /GM9902 Uploaddorp/);
  assert.equal(await page.inputValue('#fileName'), 'upload.csv');

  assert.deepEqual(failures, []);
});
