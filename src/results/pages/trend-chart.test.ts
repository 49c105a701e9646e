import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartSvg } from '../../platform/charts/render.js';
import type { TrendPoint } from '../trends/trend.js';
import { trendChart } from './trend-chart.js';

const labels = {
  title: 'Trend: agressie, alle respondenten',
  year: 'Jaar',
  percentage: 'Percentage',
  source: 'Bron',
  published: 'Gepubliceerd',
  weerbaar: 'Weerbaar',
};

const trendSvg = (points: TrendPoint[], l: typeof labels) => chartSvg(trendChart('trend', points, l), 'nl');

test('the trend chart is an SVG with one point per year and the interval of Weerbaar runs only', async () => {
  const points: TrendPoint[] = [
    { year: 2014, source: 'published', estimate: 0.23 },
    { year: 2022, source: 'published', estimate: 0.49 },
    { year: 2024, source: 'weerbaar', estimate: 0.451, ci: [0.42, 0.48], n: 900, wave: 'monitor-2024' },
  ];
  const svg = await trendSvg(points, labels);
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(!/<script/i.test(svg));
  for (const year of ['2014', '2022', '2024']) assert.ok(svg.includes(`>${year}<`), year);
  // the drawing is the one image, named by the figure's title
  assert.match(svg, /^<svg id="trend-svg" role="img" aria-labelledby="trend-title"/);
  // the legend names both kinds of point
  assert.ok(svg.includes('Gepubliceerd') && svg.includes('Weerbaar'));
  // the interval rule is drawn for the Weerbaar run only: a published value has none
  const rules = (s: string) =>
    (/<g class="mark-rule role-mark[^>]*>(.*?)<\/g>/.exec(s)?.[1] ?? '').split('<line').length - 1;
  assert.equal(rules(svg), 1);
  assert.equal(rules(await trendSvg(points.slice(0, 2), labels)), 0);
  // three points, one per year
  assert.equal(
    (/<g class="mark-symbol role-mark[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '').split('<path').length - 1,
    3,
  );
});
