/** A letter in Chromium with axe, in Dutch and English (one with withheld benchmarks and their notes). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, browserSkip, launchBrowser } from '../../../../test/support/browser.js';
import { productDocument } from '../document.js';
import { letterRefs, renderLetterOf } from './definition.js';
import { letterWorld } from './test-fixture.js';

test('a letter passes axe in both languages', { skip: browserSkip, timeout: 240_000 }, async () => {
  const { database, scope } = await letterWorld();
  const browser = await launchBrowser();
  try {
    const refs = await letterRefs(scope);
    const withheld = async (key: string) =>
      (await renderLetterOf({ ...scope, lang: 'nl' }, key)).figures.filter((f) => f.suppressed).length;
    let key = refs[0]!.key;
    for (const r of refs) if ((await withheld(r.key)) > (await withheld(key))) key = r.key;
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      await page.setContent(productDocument(await renderLetterOf({ ...scope, lang }, key)));
      assert.equal(await page.locator('table').count(), 1);
      assert.ok(
        (await page.locator('ul.notes li').count()) > 0,
        'the letter says why a benchmark is missing',
      );
      for (const v of await axeViolations(page))
        failures.push(`${lang}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
    }
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
    await database.close();
  }
});
