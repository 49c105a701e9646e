/**
 * The results pages in Chromium (the pages carry no script of their own), with axe, in Dutch and English: the list, a wave's
 * results (weighting report, indicators), an indicator (tables, comparisons, trend), and the release
 * button as a plain form post.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { systemActor } from '../../platform/audit/audit.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { runResults } from '../runs/service.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let waveId: string;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    for (const truth of demoWaveTruths) await loadDemoWave(tx, truth, systemActor, smallDemoOrganisations());
  });
  await runResults(server.database, 'monitor-2022', systemActor);
  waveId = (await runResults(server.database, 'monitor-2024', systemActor)).waveId;
  const researcher = await signedInUser(
    server.app,
    server.database,
    'onderzoeker@results.test',
    [],
    ['researcher'],
  );
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: true });
  const [name, value] = researcher.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('results pages work without JavaScript and pass axe', {
  skip: browserSkip,
  timeout: 240_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const page = await context.newPage();
  for (const lang of ['nl', 'en'])
    for (const path of ['/results', `/results/${waveId}`, `/results/${waveId}/indicators/agr_any_12m`]) {
      const res = await page.goto(`${server.url}${path}?lang=${lang}`);
      assert.equal(res?.status(), 200, `${path} (${lang})`);
      await check(`${path} (${lang})`, page);
    }
  assert.deepEqual(failures, []);

  // every table sits in its own scroll box
  await page.goto(`${server.url}/results/${waveId}/indicators/agr_any_12m?lang=nl`);
  // the trend chart: an SVG named by the figure's title, its points in words in the caption
  assert.equal(
    await page.locator('figure.trend-chart svg[role=img][aria-labelledby=trend-title]').count(),
    1,
  );
  assert.match(
    (await page.locator('figure.trend-chart figcaption').textContent()) ?? '',
    /2014: .*gepubliceerd/,
  );
  const tables = await page.locator('main table').count();
  assert.ok(tables >= 3);
  assert.equal(await page.locator('.table-scroll > table').count(), tables);
  assert.equal(
    await page
      .locator('.table-scroll')
      .first()
      .evaluate((e) => getComputedStyle(e).overflowX),
    'auto',
  );

  // from the wave page, the release button works as a plain form
  await page.goto(`${server.url}/results/${waveId}?lang=nl`);
  await page.getByRole('button', { name: 'Versie 1 vrijgeven' }).click();
  await page.waitForURL(/notice=released/);
  assert.match((await page.locator('[role=status]').textContent()) ?? '', /vrijgegeven/);
  assert.equal(await page.getByRole('button', { name: 'Versie 1 vrijgeven' }).count(), 0);
  await check('after release', page);
  assert.deepEqual(failures, []);
});

test('comparison, computation in progress and indicator editing: plain forms, with axe, in both languages', {
  skip: browserSkip,
  timeout: 900_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  // the pages carry no script of their own; the context runs only axe
  const page = await context.newPage();
  const compare = `/results/${waveId}/indicators/agr_any_12m/compare`;
  for (const lang of ['nl', 'en']) {
    for (const path of [
      '/results/indicators',
      '/results/indicators/new',
      '/results/indicators/agr_any_12m/edit',
    ]) {
      const res = await page.goto(`${server.url}${path}?lang=${lang}`);
      assert.equal(res?.status(), 200, `${path} (${lang})`);
      await check(`${path} (${lang})`, page);
    }
    // choosing two groups with the form (a plain GET)
    const first = await page.goto(`${server.url}${compare}?lang=${lang}`);
    assert.equal(first?.status(), 200);
    await page.locator('select#a').selectOption('bg_layer=gemeente');
    await page.locator('select#b').selectOption('bg_layer=provincie');
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/a=bg_layer/);
    assert.equal(await page.locator('main table').count(), 2);
    await check(`comparison (${lang})`, page);
  }
  // two groups of different breakdowns: the message, still accessible
  await page.locator('select#b').selectOption('bg_gender=man');
  await page.locator('form.filters button[type=submit]').click();
  await page.waitForURL(/b=bg_gender/);
  assert.equal(await page.locator('[role=alert]').count(), 1);
  await check('comparison problem', page);

  // a computation waiting for the job: its status with a refresh link instead of a second button
  await page.goto(`${server.url}/results/${waveId}?lang=nl`);
  await page.getByRole('button', { name: 'Resultaten berekenen' }).click();
  await page.waitForURL(/notice=queued/);
  assert.match((await page.locator('#computation-title').textContent()) ?? '', /Berekening/);
  assert.equal(await page.getByRole('button', { name: 'Resultaten berekenen' }).count(), 0);
  await check('computation queued', page);

  // an edit with an unknown item code: the error at its field, linked from the summary
  await page.goto(`${server.url}/results/indicators/agr_any_12m/edit?lang=nl`);
  await page.locator('textarea#numerator').fill("${agr_nope} = 'ja'");
  await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
  assert.match((await page.locator('#numerator-error').textContent()) ?? '', /agr_nope/);
  assert.equal(await page.locator('textarea#numerator').getAttribute('aria-invalid'), 'true');
  await check('indicator form error', page);
  await page.close();
  assert.deepEqual(failures, []);
});
