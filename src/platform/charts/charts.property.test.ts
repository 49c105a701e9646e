import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { markShapes, parseSvg, texts } from '../../../test/support/svg.js';
import { type ChartInput, chartKinds } from './model.js';
import { renderChart } from './render.js';
import { formatValue } from './text.js';

/** Random charts: any kind, 1–6 categories, 1–4 series, values that are shares, counts, missing or suppressed. */
const chartArb = fc
  .record({
    kind: fc.constantFrom(...chartKinds),
    unit: fc.constantFrom('share' as const, 'count' as const),
    nCat: fc.integer({ min: 1, max: 6 }),
    nSeries: fc.integer({ min: 1, max: 4 }),
    label: fc.string({ minLength: 0, maxLength: 12 }),
  })
  .chain((shape) =>
    fc
      .array(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => ({ kind: 'value' as const, n })),
          },
          { weight: 2, arbitrary: fc.constant({ kind: 'suppressed' as const }) },
          { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
        ),
        { minLength: shape.nCat * shape.nSeries, maxLength: shape.nCat * shape.nSeries },
      )
      .map((cells): ChartInput => {
        const series = Array.from({ length: shape.nSeries }, (_, i) => ({
          id: `s${i}`,
          label: `${shape.label}<s${i}>`,
        }));
        const categories = Array.from({ length: shape.nCat }, (_, i) => ({
          id: `c${i}`,
          label: `${i}&${shape.label}`,
        }));
        const values = cells.map((cell, i) => {
          const category = `c${Math.floor(i / shape.nSeries)}`;
          const s = `s${i % shape.nSeries}`;
          const raw =
            shape.unit === 'share'
              ? cell.kind === 'value'
                ? cell.n / 1000
                : 0.5
              : cell.kind === 'value'
                ? cell.n
                : 3;
          return {
            category,
            series: s,
            // a suppressed cell still carries its true value: it must never show, nor show as 0
            value: cell.kind === 'missing' ? null : raw,
            suppressed: cell.kind === 'suppressed',
          };
        });
        return {
          key: 'prop',
          kind: shape.kind,
          title: 'T',
          categoryTitle: 'C',
          valueTitle: 'V',
          unit: shape.unit,
          categories,
          series: shape.nSeries > 1 ? series : undefined,
          values: shape.nSeries > 1 ? values : values.map(({ series: _, ...v }) => v),
        };
      }),
  );

test('any chart: well-formed SVG, every value named, suppressed never drawn or said as a value', async () => {
  await fc.assert(
    fc.asyncProperty(chartArb, async (input) => {
      const chart = await renderChart(input, 'nl');
      const root = parseSvg(chart.svg!);
      const drawn = input.values.filter((v) => !v.suppressed && v.value !== null);
      const suppressed = input.values.filter((v) => v.suppressed);
      // bars: one shape per shown value; trend: one point per shown value
      const shapes = markShapes(root, input.kind === 'trend' ? 'mark-symbol' : 'mark-rect');
      assert.equal(shapes.length, drawn.length);
      // the word, at least once per suppressed value (stacked: once per bar)
      const words = texts(root).filter((s) => s === 'onderdrukt').length;
      if (input.kind === 'stacked-bar') assert.equal(words, new Set(suppressed.map((v) => v.category)).size);
      else assert.equal(words, suppressed.length);
      // the text alternative: every shown value, and "onderdrukt" for each suppressed one
      for (const v of drawn)
        assert.ok(chart.text.includes(formatValue(input, 'nl', v.value!)), String(v.value));
      assert.equal(chart.text.split('onderdrukt').length - 1, suppressed.length);
      // the table: a dash for each suppressed value, and never its value
      const cells = chart.table.rows.flatMap((r) => r.cells);
      assert.equal(cells.filter((c) => c.suppressed).length, suppressed.length);
      assert.ok(cells.filter((c) => c.suppressed).every((c) => c.text === '–'));
      assert.equal(chart.table.note !== undefined, suppressed.length > 0);
    }),
    { numRuns: 25 },
  );
});
