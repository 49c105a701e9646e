/** Integrity statistics: counts, deadline shares, and small-cell suppression (fast-check properties). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { acknowledgementDue, feedbackDue } from './deadlines.js';
import { integrityStatistics, minimumCount, type StatLine, suppressTable } from './statistics.js';

const keys = ['a', 'b', 'c', 'd', 'e'] as const;

test('property: no shown count is below the threshold, no lone suppressed cell, shown cells never exceed the total', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 12 }), { minLength: 5, maxLength: 5 }),
      fc.integer({ min: 2, max: 10 }),
      (counts, threshold) => {
        const rule = minimumCount(threshold);
        const t = suppressTable('category', new Map(keys.map((k, i) => [k, counts[i]!])), keys, rule);
        const total = counts.reduce((a, b) => a + b, 0);
        for (const c of t.cells) if (c.count !== null) assert.ok(c.count === 0 || c.count >= threshold);
        if (t.total === null) {
          assert.ok(total > 0 && total < threshold);
          assert.ok(t.cells.every((c) => c.count === null));
          return;
        }
        assert.equal(t.total, total);
        const hidden = t.cells.filter((c) => c.count === null);
        assert.notEqual(hidden.length, 1, 'a single suppressed cell would follow from the total');
        const shown = t.cells.reduce((a, c) => a + (c.count ?? 0), 0);
        assert.ok(shown <= total);
        // what is hidden is never a zero that could have been shown
        for (const c of hidden) assert.ok(counts[keys.indexOf(c.key as (typeof keys)[number])]! > 0);
      },
    ),
  );
});

const line = (receivedAt: string, p: Partial<StatLine> = {}): StatLine => {
  const at = new Date(receivedAt);
  return {
    receivedAt: at,
    channel: 'web',
    category: 'geschenken',
    state: 'intake',
    outcome: null,
    acknowledgedAt: null,
    acknowledgementDueAt: acknowledgementDue(at),
    feedbackAt: null,
    feedbackDueAt: feedbackDue(at),
    ...p,
  };
};

test('counts per period and the share of acknowledgements within 7 days', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const inTime = (d: string) => line(d, { acknowledgedAt: new Date(new Date(d).getTime() + 86_400_000) });
  const late = (d: string) => line(d, { acknowledgedAt: new Date(new Date(d).getTime() + 10 * 86_400_000) });
  const lines = [
    ...Array.from({ length: 6 }, () => inTime('2026-02-03T10:00:00Z')),
    ...Array.from({ length: 5 }, () => late('2026-02-04T10:00:00Z')),
    line('2026-05-31T10:00:00Z'), // acknowledgement not yet due: counts for neither side
    line('2025-12-31T23:30:00Z', { category: 'declaraties' }), // 00:30 on 1 January in Amsterdam
    line('2026-07-01T10:00:00Z'), // outside the period
  ];
  const s = integrityStatistics(lines, { from: '2026-01-01', to: '2026-06-30' }, now, minimumCount(5));
  assert.equal(s.reports, 13);
  const category = s.tables.find((t) => t.name === 'category')!;
  assert.equal(category.cells.find((c) => c.key === 'geschenken')!.count, null, 'suppressed with the lone 1');
  assert.equal(category.cells.find((c) => c.key === 'declaraties')!.count, null);
  assert.equal(category.cells.find((c) => c.key === 'overig')!.count, 0);
  const ack = s.shares.find((x) => x.name === 'acknowledgedInTime')!;
  assert.deepEqual(ack, { name: 'acknowledgedInTime', due: 12, met: 6, share: 0.5 });
  const small = integrityStatistics(lines.slice(0, 3), { from: '2026-01-01', to: '2026-06-30' }, now);
  assert.equal(small.reports, null, 'three reports: nothing shown');
});
