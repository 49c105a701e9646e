/**
 * The integrity pages in Chromium with axe, in Dutch and English: the reporter's form (empty, with
 * errors), the receipt code, coming back with it and the conversation; the officer's dashboard,
 * report page and key pages. The pages ship no scripts; the reporter's path is driven by plain form
 * submissions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/principals.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { systemActor } from '../../platform/audit/audit.js';
import { createTestOrganisation, setUpHandler, testOptions } from './fixtures.js';
import { setUpChannel } from './keys-service.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('reporter and officer pages pass axe in both languages', {
  skip: browserSkip,
  timeout: 480_000,
}, async () => {
  const org = await createTestOrganisation(server.database);
  const empty = await createTestOrganisation(server.database);
  const locked = await createTestOrganisation(server.database);
  const officer = await createUser(server, {
    memberships: [
      { organisationId: org.id, role: 'integrity_officer' },
      { organisationId: empty.id, role: 'integrity_officer' },
      { organisationId: locked.id, role: 'integrity_officer' },
    ],
  });
  await setUpChannel(
    server.database.db,
    systemActor,
    { organisationId: locked.id, userId: officer.id, passphrase: 'vergrendeld wachtwoord' },
    testOptions(),
  );
  await setUpHandler(server.database, org.id, officer, testOptions());

  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const scripts: string[] = [];

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || !r.url().startsWith(server.url)) scripts.push(r.url());
  });
  for (const lang of ['nl', 'en']) {
    await page.goto(`${server.url}/integriteit/${org.code}?lang=${lang}`);
    await check(`form (${lang})`, page);
    await page.click('button[type=submit]');
    await check(`form with errors (${lang})`, page);
    await page.check('#category-4');
    await page.fill('#what', 'De burgemeester werd onder druk gezet door een projectontwikkelaar.');
    await page.check('#identityMode-1');
    await page.fill('#name', 'Anna Melder');
    await page.setInputFiles('#attachment', {
      name: 'verslag.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Verslag van het gesprek.'),
    });
    await page.click('button[type=submit]');
    const receipt = (await page.textContent('strong.secret'))?.trim();
    assert.match(receipt ?? '', /^[0-9 ]{19}$/);
    await check(`receipt (${lang})`, page);
    await page.goto(`${server.url}/integriteit/${org.code}/terugkomen?lang=${lang}`);
    await check(`return (${lang})`, page);
    await page.fill('#receipt', '0000 0000 0000 0000');
    await page.click('button[type=submit]');
    await check(`return with error (${lang})`, page);
    await page.fill('#receipt', receipt!);
    await page.click('button[type=submit]');
    assert.match(await page.content(), /projectontwikkelaar/);
    assert.match(await page.content(), /verslag\.txt/, 'the attachment arrived through the browser');
    await page.fill('#message', 'Nog een aanvulling.');
    await page.click('form[action$="/bericht"] button[type=submit]');
    assert.match(await page.content(), /Nog een aanvulling/);
    await check(`reporter view (${lang})`, page);
    await page.goto(`${server.url}/integriteit/XX0000?lang=${lang}`);
    await check(`unknown channel (${lang})`, page);
  }
  assert.deepEqual(scripts, [], 'no scripts and nothing from elsewhere');

  const officerContext = await browser.newContext();
  const [name, value] = officer.cookie.split('=');
  await officerContext.addCookies([{ name: name!, value: decodeURIComponent(value!), url: server.url }]);
  const o = await officerContext.newPage();
  for (const lang of ['nl', 'en']) {
    await o.goto(`${server.url}/integrity/${org.id}?lang=${lang}`);
    await check(`dashboard (${lang})`, o);
    await o.click('table a');
    assert.match(await o.content(), /projectontwikkelaar/);
    await check(`report (${lang})`, o);
    await o.goto(`${server.url}/integrity/${org.id}/statistics?lang=${lang}`);
    await check(`statistics (${lang})`, o);
    await o.goto(`${server.url}/integrity/${org.id}/statistics?from=x&lang=${lang}`);
    await check(`statistics, bad period (${lang})`, o);
    await o.goto(`${server.url}/integrity/${org.id}/keys?lang=${lang}`);
    await check(`keys, unlocked (${lang})`, o);
    await o.goto(`${server.url}/integrity/${empty.id}/keys?lang=${lang}`);
    await check(`keys, no channel (${lang})`, o);
    await o.goto(`${server.url}/integrity/${locked.id}/keys?lang=${lang}`);
    await check(`keys, locked (${lang})`, o);
    await o.fill('#passphrase', 'niet het goede wachtwoord');
    await o.click('form[action$="/unlock"] button[type=submit]');
    await check(`keys, wrong passphrase (${lang})`, o);
  }
  for (const lang of ['nl', 'en']) {
    // an oral report: the form (empty, with errors), the receipt for the reporter, the record panel
    await o.goto(`${server.url}/integrity/${org.id}/oral?lang=${lang}`);
    await check(`oral form (${lang})`, o);
    await o.click('form[action$="/oral"] button[type=submit]');
    await check(`oral form with errors (${lang})`, o);
    await o.check('#medium-0');
    await o.check('#category-2');
    await o.fill('#what', 'Telefonisch: een raadslid nam een dure reis aan.');
    await o.check('#consent');
    await o.click('form[action$="/oral"] button[type=submit]');
    const oralReceipt = (await o.textContent('strong.secret'))?.trim();
    assert.match(oralReceipt ?? '', /^[0-9 ]{19}$/);
    await check(`oral receipt (${lang})`, o);
    await o.click('main a[href*="/reports/"]');
    await check(`oral report, unsigned (${lang})`, o);
    const reporter = await visitor.newPage();
    await reporter.goto(`${server.url}/integriteit/${org.code}/terugkomen?lang=${lang}`);
    await reporter.fill('#receipt', oralReceipt!);
    await reporter.click('button[type=submit]');
    await check(`reporter checks the oral record (${lang})`, reporter);
    await reporter.fill('#signature', 'K. Beller');
    await reporter.click('form[action$="/ondertekenen"] button[type=submit]');
    await check(`reporter signed (${lang})`, reporter);
    await reporter.close();
    await o.reload();
    assert.match(await o.content(), /K\. Beller/);
  }
  assert.deepEqual(failures, []);
});
