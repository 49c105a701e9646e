/**
 * A respondent completes a questionnaire in real Chromium with JavaScript switched off, using only
 * the keyboard (Tab, Space, Enter, and typing into fields); every page passes axe, and a question
 * page weighs under 50 KB transferred with no script at all.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type SeededWave, seedAnsweringWave } from '../../src/monitor/answering/seed-wave.js';
import { axeViolations, browserSkip, launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let wave: SeededWave;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  wave = await seedAnsweringWave(server.database, { persons: 3 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const failures: string[] = [];
/**
 * axe needs JavaScript, the respondent's page has none: the exact HTML the respondent sees (no
 * script can have changed it) is replayed at the same URL in a context where axe can run (one
 * context and tab for all checks; only the page's own URL is replayed, its assets come from the server).
 */
let axePage: Page | undefined;
let replay = { url: '', html: '' };
async function checkAxe(page: Page, what: string) {
  replay = { url: page.url(), html: await page.content() };
  if (!axePage) {
    axePage = await (await browser.newContext()).newPage();
    await axePage.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().url() === replay.url
        ? route.fulfill({ body: replay.html, contentType: 'text/html; charset=utf-8' })
        : route.continue(),
    );
  }
  await axePage.goto(replay.url);
  assert.equal(await axePage.content(), replay.html, `${what}: the replayed page is the respondent's`);
  for (const v of await axeViolations(axePage))
    failures.push(`${what}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
}

/** What has focus: tag, type, name, value and text. */
const focused = (page: Page) =>
  page.locator(':focus').evaluate((el) => ({
    tag: el.tagName.toLowerCase(),
    type: el.getAttribute('type') ?? '',
    name: el.getAttribute('name') ?? '',
    value: el.getAttribute('value') ?? '',
    text: (el.textContent ?? '').trim(),
  }));

/** Presses Tab until the focused element matches (at most 60 times). */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(':focus').count()) && match(await focused(page))) return;
  }
  throw new Error(`could not reach ${what} with Tab`);
}

async function pressAndWait(page: Page, key: 'Enter' | 'Space') {
  await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
}

test('keyboard-only completion without JavaScript, axe on every page', { skip: browserSkip }, async () => {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const base = `${server.url}/r/${wave.tokens[0]}`;

  await page.goto(base);
  await checkAxe(page, 'start page');
  assert.equal(await page.locator('script').count(), 0);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Begin', 'Begin');
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/s\/agressie$/);
  await checkAxe(page, 'section 1');

  // Submit without answers: errors in the summary and next to the fields.
  await tabTo(page, (f) => f.tag === 'button' && f.value === 'next', 'Volgende');
  await pressAndWait(page, 'Enter');
  assert.equal(await page.locator('.error-summary li').count(), 3);
  await checkAxe(page, 'section 1 with errors');

  // With no radio checked, Tab lands on the first option of each group; Space chooses it.
  await page.goto(page.url()); // the same page by GET: the tab order starts at the top again
  await tabTo(page, (f) => f.name === 'agr_verbal_12m', 'first question');
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.name === 'agr_physical_12m', 'second question');
  await page.keyboard.press('Space');
  await tabTo(page, (f) => f.name === 'bg_years_in_office', 'number field');
  await page.keyboard.type('12');
  await tabTo(page, (f) => f.tag === 'button' && f.value === 'next', 'Volgende');
  await pressAndWait(page, 'Enter');
  // "Nooit" twice: the reporting section is skipped.
  assert.match(page.url(), /\/s\/afsluiting$/);
  assert.match((await page.locator('.progress').textContent()) ?? '', /Deel 2 van 2/);
  await checkAxe(page, 'section 3');

  await tabTo(page, (f) => f.name === 'remarks', 'open question');
  await page.keyboard.type('Alles goed.');
  await tabTo(page, (f) => f.tag === 'button' && f.value === 'next', 'Volgende');
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/check$/);
  await checkAxe(page, 'check page');
  assert.match((await page.locator('main').textContent()) ?? '', /Alles goed\./);

  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Verzenden', 'Verzenden');
  await pressAndWait(page, 'Enter');
  assert.match(page.url(), /\/done$/);
  assert.match((await page.locator('h1').textContent()) ?? '', /Hartelijk dank/);
  await checkAxe(page, 'thank-you page');

  await page.goto(base);
  assert.match((await page.locator('h1').textContent()) ?? '', /al ingevuld/);
  await checkAxe(page, 'already completed');

  // The other pages a respondent can meet, in both languages.
  for (const path of [`/r/${'x'.repeat(43)}`, '/vragenlijst/privacy', `/r/${wave.tokens[1]}?lang=en`]) {
    await page.goto(server.url + path);
    await checkAxe(page, path.slice(0, 20));
  }
  await context.close();
  assert.deepEqual(failures, []);
});

test('a question page weighs under 50 KB transferred and has no script', { skip: browserSkip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const base = `${server.url}/r/${wave.tokens[2]}`;
  await page.goto(base);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/s\/agressie$/);
  // A fresh context: nothing cached, so the page and its style sheet are both counted.
  const fresh = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await context.storageState(),
  });
  const p2 = await fresh.newPage();
  let bytes = 0;
  const types: string[] = [];
  p2.on('response', async (res) => {
    const headers = await res.allHeaders();
    const size = Number(headers['content-length'] ?? (await res.body()).length);
    bytes += size + JSON.stringify(headers).length;
    types.push(headers['content-type'] ?? '');
  });
  await p2.goto(`${base}/s/agressie`, { waitUntil: 'networkidle' });
  assert.ok(bytes > 1000, `measured ${bytes} bytes`);
  assert.ok(bytes < 50 * 1024, `question page weighs ${bytes} bytes`);
  assert.ok(!types.some((t) => /javascript/.test(t)), `no script loaded: ${types.join(', ')}`);
  assert.equal(await p2.locator('script').count(), 0);
  await fresh.close();
  await context.close();
});
