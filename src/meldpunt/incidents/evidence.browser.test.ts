/**
 * Evidence in Chromium: the reporter adds a screenshot without JavaScript, a wrong file gets its message
 * beside the field; axe on the evidence page and its error state in Dutch and English.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { type SignedInUser, signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
let browser: Browser;
let incidentId: string;
let reporter: SignedInUser;
const contexts: BrowserContext[] = [];

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);

async function contextFor(user: SignedInUser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'nl-NL',
    viewport: { width: 390, height: 844 },
  });
  contexts.push(context);
  const [name, value] = user.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  return context;
}

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  const orgId = (
    await server.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9411', 'gemeente', 'Gemeente Bewijsdorp') returning id",
    )
  )[0]!.id;
  reporter = await signedInUser(server.app, server.database, 'melder@bewijs.test', [
    { organisationId: orgId, role: 'reporter' },
  ]);
  incidentId = (
    await server.database.query<{ id: string }>(
      `insert into incidents (organisation_id, state, reporter_user_id, description, forms, submitted_at)
       values ($1, 'gemeld', $2, 'Dreiging', '{threat}', now()) returning id`,
      [orgId, reporter.id],
    )
  )[0]!.id;
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

test('the reporter adds evidence without JavaScript; the pages pass axe in Dutch and English', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  const page = await (await contextFor(reporter, false)).newPage();
  await page.goto(`${server.url}/incidents/${incidentId}`);
  await page.click(`a[href="/incidents/${incidentId}/evidence"]`);
  await page.setInputFiles('#evidence', { name: 'scherm.png', mimeType: 'image/png', buffer: PNG });
  await page.click('main form button[type=submit]');
  assert.match(page.url(), /done=added/);
  assert.equal(await page.locator(`a[href^="/incidents/${incidentId}/evidence/"]`).count(), 1);

  const failures: string[] = [];
  const check = async (label: string, p: Page) => {
    for (const v of await axeViolations(p))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const js = await (await contextFor(reporter, true)).newPage();
  for (const lang of ['nl', 'en']) {
    await js.goto(`${server.url}/incidents/${incidentId}/evidence?lang=${lang}`);
    await check(`evidence (${lang})`, js);
    await js.setInputFiles('#evidence', {
      name: 'pagina.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html>'),
    });
    await js.click('main form button[type=submit]');
    assert.equal(await js.locator('#evidence-error').count(), 1);
    await check(`evidence refused (${lang})`, js);
    await js.goto(`${server.url}/incidents/${incidentId}?lang=${lang}`);
    await check(`incident with evidence (${lang})`, js);
  }
  assert.deepEqual(failures, []);
});
