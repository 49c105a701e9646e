/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
/**
 * The questionnaire pages in Chromium with axe, without JavaScript: the list, a questionnaire's
 * versions, the import page with a problem table, and the preview of every section of the three
 * built-in templates (choices, matrices, numbers, "anders, namelijk") including an error state.
 * The preview is walked with plain form submits (GET), as a browser without JavaScript does.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { systemActor } from '../../platform/audit/audit.js';
import { listQuestionnaires } from './service.js';
import { loadTemplates } from './templates/index.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction((tx) => loadTemplates(tx, systemActor));
  const researcher = await signedInUser(
    server.app,
    server.database,
    'researcher@q-pages.test',
    [],
    ['researcher'],
  );
  browser = await launchBrowser();
  // JavaScript stays on only because axe needs it to run (it hangs in a context without); the pages
  // themselves have no script at all, which check() asserts on every page.
  context = await browser.newContext();
  const [name, value] = researcher.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('questionnaire pages and every preview section pass axe, without JavaScript', {
  skip: browserSkip,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    if ((await page.locator('script').count()) > 0) failures.push(`${label}: has a script`);
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const page = await context.newPage();
  const qs = await listQuestionnaires(server.database.db);
  assert.equal(qs.length, 3);

  for (const lang of ['en', 'nl']) {
    await page.goto(`${server.url}/questionnaires?lang=${lang}`);
    await check(`list (${lang})`, page);
  }
  for (const q of qs) {
    await page.goto(`${server.url}/questionnaires/${q.id}`);
    await check(`detail ${q.code}`, page);
    // Every section of the preview, shown directly (skipped sections say so).
    const v = await server.database.query<{ n: number }>(
      "select jsonb_array_length(definition->'sections')::int as n from questionnaire_versions where questionnaire_id = $1",
      [q.id],
    );
    for (let s = 0; s < v[0]!.n; s++) {
      await page.goto(`${server.url}/questionnaires/${q.id}/versions/1/preview?section=${s}`);
      await check(`preview ${q.code} section ${s}`, page);
    }
  }

  // Walk the office-holder preview: an error state, then routing into the follow-up sections.
  const p = qs.find((q) => q.code === 'office_holders')!;
  await page.goto(`${server.url}/questionnaires/${p.id}/versions/1/preview`);
  await page.click('button[value=next]');
  assert.match((await page.textContent('.error-summary')) ?? '', /Er zijn 4 fouten gevonden/);
  await check('preview with errors', page);
  await page.check('#q-agr_verbal_12m-1'); // een_keer
  await page.check('#q-agr_threat_12m');
  await page.check('#q-agr_intimidation_12m');
  await page.check('#q-agr_physical_12m');
  await page.click('button[value=next]');
  assert.match((await page.textContent('h1')) ?? '', /Melden en aangifte/);
  // Only the matrix row of the form experienced is shown.
  assert.equal(await page.locator('fieldset.matrix-row').count(), 2);
  await check('preview matrix', page);
  await page.click('button[value=previous]');
  assert.match((await page.textContent('h1')) ?? '', /Agressie en geweld/);
  assert.equal(await page.isChecked('#q-agr_verbal_12m-1'), true);

  // Import page with a problem table.
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  survey.addRow(['type', 'name', 'label', 'relevant']);
  survey.addRow(['select_one nope', 'a', 'A', '']);
  survey.addRow(['text', 'b', 'B', '${a} ==']);
  wb.addWorksheet('settings').addRow(['form_id']);
  wb.getWorksheet('settings')!.addRow(['broken']);
  const file = join(tmpdir(), `broken-${process.pid}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  await page.goto(`${server.url}/questionnaires/import`);
  await check('import', page);
  await page.setInputFiles('#file', file);
  await page.click('form.stack button[type=submit]');
  assert.match((await page.textContent('table.problems')) ?? '', /unknown_list/);
  assert.match((await page.textContent('table.problems')) ?? '', /bad_expression/);
  await check('import problems', page);

  assert.deepEqual(failures, []);
});
