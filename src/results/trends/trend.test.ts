import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CellEstimate } from '../estimates/compute.js';
import { coveredFigures } from '../published.js';
import { trendSeries, trendTests } from './trend.js';

const cell = (estimate: number, se: number, by: Record<string, string> = {}): CellEstimate => ({
  indicator: 'agr_any_12m',
  version: 1,
  by,
  estimate,
  se,
  ci: [estimate - 2 * se, estimate + 2 * se],
  n: 3000,
});

test('a change between two runs is a z test on independent samples', () => {
  const [t] = trendTests([cell(0.45, 0.0075)], [cell(0.49, 0.0072)], 'monitor-2022');
  const se = Math.sqrt(0.0075 ** 2 + 0.0072 ** 2);
  assert.ok(Math.abs(t!.se - se) < 1e-15);
  assert.ok(Math.abs(t!.change + 0.04) < 1e-15);
  assert.ok(t!.p < 0.001);
  assert.equal(trendTests([cell(0.45, 0.01, { bg_gender: 'man' })], [cell(0.49, 0.01)], 'x').length, 0);
});

test('trend p-values are symmetric and never below 0 or above 1', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
      (a, b, se) => {
        const [ab] = trendTests([cell(b, se)], [cell(a, se)], 'x');
        const [ba] = trendTests([cell(a, se)], [cell(b, se)], 'x');
        assert.ok(ab!.p >= 0 && ab!.p <= 1);
        assert.ok(Math.abs(ab!.p - ba!.p) < 1e-12);
      },
    ),
  );
});

test('the series joins published values since 2014, marked as such and never tested', () => {
  const published = coveredFigures().filter(
    (f) => f.indicator === 'agr_any_12m' && Object.keys(f.by).length === 0,
  );
  const points = trendSeries([{ year: 2024, wave: 'monitor-2024', cell: cell(0.447, 0.0074) }], published);
  assert.deepEqual(
    points.map((p) => [p.year, p.source]),
    [
      [2014, 'published'],
      [2016, 'published'],
      [2018, 'published'],
      [2020, 'published'],
      [2022, 'published'],
      [2024, 'weerbaar'],
    ],
  );
  assert.equal(points[0]!.estimate, 0.23);
  assert.equal(points[0]!.published?.source, '000_cbaedf467a4d8a15.txt');
  assert.equal(points[1]!.published?.approx, true, '"ruim een kwart" is a verbal approximation');
  const last = points.at(-1)!;
  assert.deepEqual(last.change, {
    from: 2022,
    tested: false,
    reason: 'published value without a standard error',
  });
  assert.equal(last.published?.id, 'agr_any_12m_2024', 'the published 2024 value stays beside the run');
});

test('between two runs the stored, Holm-corrected test is used', () => {
  const [t] = trendTests([cell(0.45, 0.0075)], [cell(0.49, 0.0072)], 'monitor-2022');
  t!.pHolm = 0.0004;
  t!.significant = true;
  const points = trendSeries(
    [
      { year: 2022, wave: 'monitor-2022', cell: cell(0.49, 0.0072) },
      { year: 2024, wave: 'monitor-2024', cell: cell(0.45, 0.0075), trend: t! },
    ],
    [],
  );
  assert.deepEqual(points[1]!.change, { from: 2022, tested: true, p: 0.0004, significant: true });
});
