/**
 * The Meldpunt pages in Chromium: the reporting flow without JavaScript (the pages ship none) and with
 * the keyboard only, and axe on every page and error state in Dutch and English (axe itself needs
 * scripting, so those checks run in a context with JavaScript on).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { type SignedInUser, signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
let browser: Browser;
let orgId: string;
let reporter: SignedInUser;
let coordinator: SignedInUser;
const contexts: BrowserContext[] = [];

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
  orgId = (
    await server.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9301', 'gemeente', 'Gemeente Browserdorp') returning id",
    )
  )[0]!.id;
  reporter = await signedInUser(server.app, server.database, 'melder@browser.test', [
    { organisationId: orgId, role: 'reporter' },
  ]);
  coordinator = await signedInUser(server.app, server.database, 'coord@browser.test', [
    { organisationId: orgId, role: 'coordinator' },
  ]);
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

test('a reporter completes a report without JavaScript, with the keyboard only', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const page = await (await contextFor(reporter, false)).newPage();
  await page.goto(`${server.url}/meldpunt`);
  await page.click(`a[href="/organisations/${orgId}/incidents/new"]`);
  // Keyboard only: focus the first choice and move through the form with Tab, space and typing.
  await page.focus('#reporterRelation');
  await page.keyboard.press('Space'); // "Ikzelf"
  await page.keyboard.press('Tab'); // → name of the person concerned
  await page.keyboard.press('Tab'); // → role
  await page.keyboard.type('Raadslid'); // a select picks the option as you type
  await page.keyboard.press('Tab');
  await page.keyboard.type('11302026'); // the date field's segments (month, day, year in headless Chromium)
  // A send with fields still empty: the summary lists them, what was typed stays.
  await page.focus('button[value=submit]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('.error-summary').count(), 1);
  assert.equal(await page.inputValue('#occurredOn'), '2026-11-30');
  assert.equal(await page.isChecked('#reporterRelation'), true);
  // Follow the summary's link to a field, as a keyboard user would.
  await page.focus('.error-summary a[href="#recurrence"]');
  await page.keyboard.press('Enter');
  await page.focus('#recurrence');
  await page.keyboard.press('Space');
  await page.focus('#location-online');
  await page.keyboard.press('Space');
  await page.focus('#channel-social_media');
  await page.keyboard.press('Space');
  await page.focus('#forms-threat');
  await page.keyboard.press('Space');
  await page.focus('#description');
  await page.keyboard.type('Op sociale media werd gedreigd mij iets aan te doen na de raadsvergadering.');
  await page.focus('#severity-serious');
  await page.keyboard.press('Space');
  await page.focus('button[value=submit]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match((await page.textContent('main')) ?? '', /Uw melding is ontvangen en opgeslagen/);
  const rows = await server.database.query<{ state: string; forms: string[] }>(
    'select state, forms from incidents where organisation_id = $1',
    [orgId],
  );
  assert.deepEqual(
    rows.map((r) => [r.state, r.forms]),
    [['gemeld', ['threat']]],
  );
});

test('the Meldpunt pages and their error states pass axe in Dutch and English', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const [incident] = await server.database.query<{ id: string }>(
    "select id from incidents where organisation_id = $1 and state = 'gemeld' limit 1",
    [orgId],
  );
  assert.ok(incident, 'the first test reported an incident');
  const rep = await (await contextFor(reporter, true)).newPage();
  const coord = await (await contextFor(coordinator, true)).newPage();
  for (const lang of ['nl', 'en']) {
    await rep.goto(`${server.url}/meldpunt?lang=${lang}`);
    await check(`home (${lang})`, rep);
    await rep.goto(`${server.url}/organisations/${orgId}/incidents/new?lang=${lang}`);
    await check(`form (${lang})`, rep);
    await rep.click('button[value=submit]');
    assert.equal(await rep.locator('.error-summary').count(), 1);
    await check(`form with errors (${lang})`, rep);
    await rep.fill('#description', 'Concept');
    await rep.click('button[value=draft]');
    assert.match(rep.url(), /\/edit\?saved=1/);
    await check(`draft saved (${lang})`, rep);
    await rep.goto(`${server.url}/incidents/${incident.id}?lang=${lang}`);
    await check(`incident as reporter (${lang})`, rep);

    await coord.goto(`${server.url}/organisations/${orgId}/incidents?lang=${lang}`);
    await check(`list (${lang})`, coord);
    await coord.goto(`${server.url}/organisations/${orgId}/incidents/overview?lang=${lang}`);
    await check(`overview (${lang})`, coord);
    await coord.goto(`${server.url}/organisations/${orgId}/incidents/benchmark?lang=${lang}`);
    await check(`benchmark (${lang})`, coord);
    await coord.goto(`${server.url}/organisations/${orgId}/incidents/registration-gap?lang=${lang}`);
    await check(`registration gap (${lang})`, coord);
    await coord.goto(`${server.url}/organisations/${orgId}/incidents/settings?lang=${lang}`);
    await check(`settings (${lang})`, coord);
    await coord.fill('#retentionYears', '99');
    await coord.click('form[action$="/settings"] button[type=submit]');
    assert.equal(await coord.locator('.error-summary').count(), 1);
    await check(`settings with an error (${lang})`, coord);
    await coord.goto(`${server.url}/incidents/${incident.id}?lang=${lang}`);
    await check(`incident as coordinator (${lang})`, coord);
    await coord.goto(`${server.url}/incidents/${incident.id}/aangifte?lang=${lang}`);
    await check(`aangifte (${lang})`, coord);
    await coord.goto(`${server.url}/incidents/${incident.id}?lang=${lang}`);
    await coord.click(
      'summary:has-text("' + (lang === 'nl' ? 'Maatregel vastleggen' : 'Record a measure') + '")',
    );
    await coord.fill('#decidedOn', '');
    await coord.click('form[action$="/measures"] button[type=submit]');
    assert.equal(await coord.locator('.error-summary').count(), 1);
    await check(`incident with a form error (${lang})`, coord);
  }
  assert.deepEqual(failures, []);
});
