/**
 * What a respondent sees, in real Chromium (no script on these pages) with axe: the "anders,
 * namelijk" field is a real text field; after a failed "Volgende" the error summary has the focus, a
 * summary link brings the question text and its message into view (on a phone-sized screen), and
 * repeated messages name their question; an English reader's pages are English; the privacy page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';
import { seedTemplateWave, type TemplateWave } from './template-wave.js';

let server: TestServer;
/** The built-in questionnaires share item codes with the test questionnaire: a database of their own. */
let templateServer: TestServer;
let browser: Browser;
let context: BrowserContext;
let wave: SeededWave;
let english: TemplateWave;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  wave = await seedAnsweringWave(server.database, { persons: 3 });
  templateServer = await startTestServer();
  english = await seedTemplateWave(templateServer.database, { lang: 'en', only: 'office_holders' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 390, height: 640 } });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await templateServer?.close();
});

const failures: string[] = [];
async function axe(page: Page, what: string) {
  for (const v of await axeViolations(page))
    failures.push(`${what}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
}

/** Whether the element is wholly inside the viewport. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0
      ? true
      : `${r.top}..${r.bottom} of ${window.innerHeight}, scrolled ${window.scrollY}`;
  });

async function toReporting(page: Page, token: string) {
  const base = `${server.url}/r/${token}`;
  await page.goto(base);
  await Promise.all([page.waitForURL(/\/s\/agressie$/), page.locator('button[type="submit"]').click()]);
  await page.check('#q-agr_verbal_12m-1'); // een_keer: the reporting section applies
  await page.check('#q-agr_physical_12m');
  await page.fill('#q-bg_years_in_office', '3');
  await Promise.all([page.waitForURL(/\/s\/melden$/), page.locator('button[value="next"]').click()]);
}

test('"anders, namelijk" is a full text field', { skip: browserSkip }, async () => {
  const page = await context.newPage();
  await toReporting(page, wave.tokens[0]!);
  const box = await page.locator('input[name="report_to_anders_tekst"]').boundingBox();
  assert.ok(box, 'the field is rendered');
  assert.ok(box.width >= 200, `the field is ${box.width} px wide`);
  assert.ok(box.height >= 36, `the field is ${box.height} px high`);
  // Its label sits above it and names it.
  assert.equal(await page.getByLabel('Vul in wat u bedoelt').count(), 1);
  // Wide screens too: as wide as the other text fields, not a 24 px box.
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = await page.locator('input[name="report_to_anders_tekst"]').boundingBox();
  assert.ok(wide!.width >= 300, `the field is ${wide!.width} px wide at 1280 px`);
  await page.setViewportSize({ width: 390, height: 640 });
  await axe(page, 'reporting section');
  await page.close();
});

test('after a failed submit the summary has the focus and its links show the question', {
  skip: browserSkip,
}, async () => {
  const page = await context.newPage();
  await toReporting(page, wave.tokens[1]!);
  await Promise.all([page.waitForLoadState('load'), page.locator('button[value="next"]').click()]);
  await page.waitForSelector('.error-summary');
  // Focus moved to the summary (autofocus, no script).
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  const links = page.locator('.error-summary a');
  const texts = await links.allTextContents();
  assert.equal(texts.length, 3);
  // The same message three times: each names its question.
  assert.deepEqual(texts, [
    'Bij wie heeft u dit gemeld?: Geef een antwoord op deze vraag.',
    'Collega’s: Geef een antwoord op deze vraag.',
    'Familie: Geef een antwoord op deze vraag.',
  ]);
  await axe(page, 'reporting section with errors');
  // The last link: the row's question text and its message come into view, not only its radio.
  await links.nth(2).click();
  await page.waitForURL(/#q-support_family-question$/);
  assert.equal(await inView(page, '#q-support_family-question legend'), true, 'question text in view');
  assert.equal(await inView(page, '#q-support_family-error'), true, 'message in view');
  await links.nth(0).click();
  await page.waitForURL(/#q-report_to-question$/);
  assert.equal(await inView(page, '#q-report_to-question legend'), true, 'question text in view');
  assert.equal(await inView(page, '#q-report_to-error'), true, 'message in view');
  await page.close();
});

test('an English reader gets the questionnaire in English, the privacy page too', {
  skip: browserSkip,
}, async () => {
  const page = await (await browser.newContext()).newPage();
  const token = english.people[0]!.token;
  await page.goto(`${templateServer.url}/r/${token}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match((await page.locator('main').textContent()) ?? '', /It takes about \d+ minutes/);
  await axe(page, 'English start page');
  await Promise.all([page.waitForURL(/\/s\//), page.locator('button[type="submit"]').click()]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match((await page.locator('.progress').textContent()) ?? '', /Part 1 of \d+/);
  assert.doesNotMatch((await page.content()) ?? '', /\$\{/);
  await axe(page, 'English question page');
  await page.goto(`${templateServer.url}/r/${token}/privacy`);
  assert.match((await page.locator('h1').textContent()) ?? '', /^Privacy: /);
  assert.match((await page.locator('main').textContent()) ?? '', /Your rights/);
  await axe(page, 'English privacy page');
  await page.goto(`${server.url}/r/${wave.tokens[2]}/privacy`);
  await axe(page, 'Dutch privacy page');
  await page.context().close();
  assert.deepEqual(failures, []);
});
