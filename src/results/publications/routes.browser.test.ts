/**
 * The publications page in Chromium with axe, in Dutch and English: stored files with their download
 * links (a click downloads the stored HTML), a render under way with its progress, a failed render
 * with its errors, and the render form as a plain post. Products come from the test-only definition
 * (./test-fixture.ts), rendered into storage by the job's own code.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import { performRender, requestRender } from './render-service.js';
import { storedPublicationFile } from './stored-files.js';
import { fixtureDefinition } from './test-fixture.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let waveId: string;
const actor = cliActor('test');

before(async () => {
  if (browserSkip) return;
  // the jobs do not run here: the test performs each render itself, with the fixture's products
  server = await startTestServer({ WEERBAAR_JOBS_IN_PROCESS: 'false' });
  waveId = (await createWave(server.database.db, { code: 'pub-2024', name: 'Monitor 2024' }, actor)).id;
  const r = await requestRender(server.database.db, waveId, actor, { langs: ['nl', 'en'], pdf: false });
  await performRender(server.database, r.render.id, { definitions: [fixtureDefinition()] });
  const researcher = await signedInUser(
    server.app,
    server.database,
    'onderzoeker@pub.test',
    [],
    ['researcher'],
  );
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true });
  const [name, value] = researcher.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (lang: string) => `${server.url}/results/${waveId}/publications?lang=${lang}`;

async function check(page: Page, label: string, failures: string[]) {
  for (const v of await axeViolations(page))
    failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
}

test('the publications page: files, downloads, progress and errors pass axe in both languages', {
  skip: browserSkip,
  timeout: 300_000,
}, async () => {
  const failures: string[] = [];
  const page = await context.newPage();
  for (const lang of ['nl', 'en']) {
    const res = await page.goto(url(lang));
    assert.equal(res?.status(), 200);
    await check(page, `files (${lang})`, failures);
    assert.equal(
      await page.locator('main table a[download]').count(),
      4,
      'HTML in nl and en of two products',
    );
  }
  // a click on a file link downloads the stored file
  await page.goto(url('nl'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a[href*="/annex/main/download?lang=en&format=html"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'pub-2024-annex-en.html');
  const stored = await storedPublicationFile(server.database, waveId, 'annex', 'main', 'en', 'html');
  const saved = join(mkdtempSync(join(tmpdir(), 'weerbaar-download-')), 'file.html');
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  rmSync(dirname(saved), { recursive: true, force: true });
  assert.equal(createHash('sha256').update(bytes).digest('hex'), stored!.sha256);

  // the form posts a render; the page then shows it queued, with no second form
  await page.selectOption('#render-lang', 'both');
  await page.getByRole('button', { name: 'Bestanden maken' }).click();
  await page.waitForURL(/notice=queued/);
  assert.match((await page.locator('main').textContent()) ?? '', /staat klaar|is queued/);
  assert.equal(await page.locator('#render-lang').count(), 0);
  await check(page, 'queued (nl)', failures);
  // under way: progress
  await server.database.query(
    "update results_publication_renders set state = 'running', done = 1, total = 4 where state = 'queued'",
  );
  for (const lang of ['nl', 'en']) {
    await page.goto(url(lang));
    assert.equal(await page.locator('progress[value="1"][max="4"]').count(), 1);
    await check(page, `running (${lang})`, failures);
  }
  // a failed render lists what went wrong, and the form is back
  await server.database.query(
    "update results_publication_renders set state = 'queued', pdf = false where state = 'running'",
  );
  const [open] = await server.database.query<{ id: string }>(
    "select id from results_publication_renders where state = 'queued'",
  );
  await performRender(server.database, open!.id, { definitions: [fixtureDefinition({ failing: true })] });
  for (const lang of ['nl', 'en']) {
    await page.goto(url(lang));
    assert.match((await page.locator('[role=alert]').textContent()) ?? '', /this product cannot be rendered/);
    assert.equal(await page.locator('main table a[download]').count(), 4, 'the previous files are kept');
    await check(page, `failed (${lang})`, failures);
  }
  assert.deepEqual(failures, []);
});
