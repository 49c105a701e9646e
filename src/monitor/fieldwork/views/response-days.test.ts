import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modules } from '../../../../test/support/modules.js';
import { type MessageKey, registerMessages, t } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import type { DayCount } from '../response-days.js';
import { responseDaysChart } from './response-days.js';

registerMessages(modules);
const ctx = {
  lang: 'nl',
  t: (key: MessageKey, params?: Record<string, string | number>) => t('nl', key, params),
} as PageContext;

test('every day from the first to the last is a bar, reminder days are marks, each stratum a series', () => {
  const chart = responseDaysChart(ctx, {
    dayKind: 'recorded',
    counts: [
      { day: '2026-03-02', targetGroup: 'office_holders', layer: 'gemeente', completed: 12 },
      { day: '2026-03-04', targetGroup: 'office_holders', layer: 'provincie', completed: 10 },
    ],
    reminders: [{ day: '2026-03-05', sent: 1234 }],
  })!;
  assert.deepEqual(
    chart.categories.map((c) => c.label),
    ['2 mrt', '3 mrt', '4 mrt', '5 mrt'],
  );
  assert.equal(chart.series!.length, 2);
  assert.equal(chart.values.length, 8, 'a value (0 included) for every day and stratum');
  assert.equal(
    chart.values.reduce((s, v) => s + (v.value ?? 0), 0),
    22,
  );
  assert.deepEqual(chart.marks, [{ category: '2026-03-05', label: 'Herinnering (1.234)' }]);
  assert.equal(responseDaysChart(ctx, { dayKind: 'recorded', counts: [], reminders: [] }), undefined);
});

test('more strata than colours: one series per target group', () => {
  const layers = ['gemeente', 'provincie', 'waterschap', 'rijk', 'a', 'b', 'c', 'd', 'e'];
  const counts: DayCount[] = layers.map((layer) => ({
    day: '2026-03-02',
    targetGroup: layer === 'e' ? 'employees' : 'office_holders',
    layer,
    completed: 10,
  }));
  const chart = responseDaysChart(ctx, { dayKind: 'completed', counts, reminders: [] })!;
  assert.equal(chart.series!.length, 2);
  assert.equal(
    chart.values.reduce((s, v) => s + (v.value ?? 0), 0),
    90,
  );
});
