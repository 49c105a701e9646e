import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { renderToString } from 'preact-render-to-string';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { t } from '../i18n/catalogue.js';
import { ChartFigure } from './figure.js';
import type { ChartInput } from './model.js';
import { renderChart } from './render.js';

let browser: Browser;
let context: BrowserContext;
before(async () => {
  if (browserSkip) return;
  browser = await launchBrowser();
  context = await browser.newContext();
});
after(async () => {
  await context?.close();
  await browser?.close();
});

const css = readFileSync(new URL('../ui/assets/weerbaar.css', import.meta.url), 'utf8');

const trend: ChartInput = {
  key: 'trend',
  kind: 'trend',
  title: 'Agressie in de afgelopen 12 maanden',
  categoryTitle: 'Jaar',
  valueTitle: 'Percentage',
  unit: 'share',
  categories: ['2014', '2016', '2018', '2024'].map((y) => ({ id: y, label: y })),
  values: [
    { category: '2014', value: 0.23, style: 'p' },
    { category: '2016', value: 0.27, style: 'p' },
    { category: '2018', value: null, suppressed: true },
    { category: '2024', value: 0.45, ci: [0.42, 0.48], style: 'w' },
  ],
  pointStyles: [
    { id: 'p', label: 'Gepubliceerd', filled: false },
    { id: 'w', label: 'Berekend in Weerbaar', filled: true },
  ],
  pointStyleTitle: 'Bron',
};

const stacked: ChartInput = {
  key: 'per-day',
  kind: 'stacked-bar',
  title: 'Ingevulde vragenlijsten per dag',
  categoryTitle: 'Dag',
  valueTitle: 'Aantal',
  unit: 'count',
  categories: ['2 mrt', '3 mrt', '4 mrt'].map((d) => ({ id: d, label: d })),
  series: [
    { id: 'gemeente', label: 'Gemeente' },
    { id: 'provincie', label: 'Provincie' },
  ],
  seriesTitle: 'Bestuurslaag',
  values: [
    { category: '2 mrt', series: 'gemeente', value: 12 },
    { category: '2 mrt', series: 'provincie', value: 10 },
    { category: '3 mrt', series: 'gemeente', value: 0 },
    { category: '3 mrt', series: 'provincie', value: 4, suppressed: true },
    { category: '4 mrt', series: 'gemeente', value: 31 },
    { category: '4 mrt', series: 'provincie', value: 11 },
  ],
  marks: [{ category: '3 mrt', label: 'Herinnering 1' }],
  markTitle: 'Herinnering',
};

test('a page with charts: each drawing is an image named by its title, its table beside it, no axe violations', {
  skip: browserSkip,
}, async () => {
  for (const lang of ['nl', 'en'] as const) {
    const ctx = { t: (k: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(lang, k, p) };
    const figures = await Promise.all([trend, stacked].map((c) => renderChart(c, lang)));
    const body = renderToString(
      <main>
        <h1>Grafieken</h1>
        <ChartFigure ctx={ctx} chart={figures[0]!} />
        <ChartFigure
          ctx={ctx}
          chart={figures[1]!}
          describe="hidden"
          note="Geteld per dag van de verwerking."
        />
      </main>,
    );
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html lang="${lang}"><head><title>Grafieken</title><style>${css}</style></head><body>${body}</body></html>`,
    );
    const image = page.getByRole('img', { name: 'Agressie in de afgelopen 12 maanden' });
    assert.equal(await image.count(), 1);
    assert.match((await image.getAttribute('aria-describedby')) ?? '', /^trend-desc$/);
    assert.match(
      (await page.locator('#trend-desc').textContent()) ?? '',
      lang === 'nl' ? /2018: onderdrukt; 2024: 45%/ : /2018: suppressed; 2024: 45%/,
    );
    assert.equal(await page.getByRole('img', { name: 'Ingevulde vragenlijsten per dag' }).count(), 1);
    // the suppressed cell: a dash with its note in the table, not 0
    const cell = page.locator('#per-day table tbody tr').nth(1).locator('td').nth(1);
    assert.match((await cell.textContent()) ?? '', /^–/);
    assert.ok(await page.locator('#per-day-note').isVisible());
    assert.deepEqual(await axeViolations(page), [], lang);
    await page.close();
  }
});
