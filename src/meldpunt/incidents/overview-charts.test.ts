import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkChart } from '../../platform/charts/model.js';
import { t as translate } from '../../platform/i18n/catalogue.js';
import '../module.js';
import { forms } from './model.js';
import { monthsOf, type Overview } from './overview.js';
import { breakdownChart, monthChart, overviewBreakdowns } from './overview-charts.js';

const day = fc
  .record({
    y: fc.integer({ min: 2000, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

test('monthsOf lists consecutive months from the first to the last (at most 36, the latest)', () => {
  fc.assert(
    fc.property(day, day, (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const months = monthsOf(from, to);
      const span =
        (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
        Number(to.slice(5, 7)) -
        Number(from.slice(5, 7)) +
        1;
      assert.equal(months.length, Math.min(span, 36));
      assert.equal(months.at(-1), to.slice(0, 7));
      if (span <= 36) assert.equal(months[0], from.slice(0, 7));
      for (let i = 1; i < months.length; i++) assert.ok(months[i - 1]! < months[i]!);
    }),
  );
});

test('every chart of the overview is valid and shows exactly the non-zero counts', () => {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, unknown>) =>
    translate('nl', k, v as never);
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 50 }), { minLength: forms.length, maxLength: forms.length }), (ns) => {
      const byForm = Object.fromEntries(forms.map((f, i) => [f, ns[i]!]));
      const o = {
        total: ns.reduce((a, b) => a + b, 0),
        byForm,
        byState: {},
        byChannel: {},
        byRole: {},
        bySeverity: {},
        overdueByKind: {},
        byMonth: { '2026-01': 2, '2026-02': 0 },
      } as unknown as Overview;
      const input = breakdownChart(t as never, o, overviewBreakdowns.find((b) => b.key === 'by-form')!);
      const shown = forms.filter((f) => byForm[f]! > 0);
      if (shown.length === 0) return assert.equal(input, undefined);
      checkChart(input!);
      assert.deepEqual(
        input!.values.map((v) => [v.category, v.value]),
        shown.map((f) => [f, byForm[f]]),
      );
      const months = monthChart(t as never, 'nl', o);
      checkChart(months);
      assert.deepEqual(
        months.values.map((v) => v.value),
        [2, 0],
      );
    }),
  );
});
