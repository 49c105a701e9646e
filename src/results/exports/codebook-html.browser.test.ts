/** The HTML codebook in Chromium with axe, in Dutch and English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { buildExportDataset } from './builder.js';
import { codebookHtml } from './codebook-html.js';

test('the HTML codebook passes axe in both languages', { skip: browserSkip, timeout: 120_000 }, async () => {
  const def = templates[0] as QuestionnaireDefinition;
  const d = buildExportDataset({
    title: { nl: 'Monitor 2024 — politieke ambtsdragers', en: 'Monitor 2024 — office holders' },
    questionnaire: def,
    respondents: [],
    strata: ['bg_layer', 'bg_role'],
    anonymous: true,
    includeFreeText: true,
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      await page.setContent(codebookHtml(d, lang));
      assert.equal(await page.locator('section').count(), d.columns.length);
      for (const v of await axeViolations(page))
        failures.push(`${lang}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
    }
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
  }
});
