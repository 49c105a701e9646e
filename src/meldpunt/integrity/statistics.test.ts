/**
 * Integrity statistics: counts, deadline shares, and disclosure control through src/stats/disclosure
 * (fast-check properties checked against an independent computation of what an attacker can derive).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Highs } from 'highs';
import { loadSolver } from '../../stats/disclosure/index.js';
import { acknowledgementDue, feedbackDue } from './deadlines.js';
import { categories } from './model.js';
import { integrityStatistics, protectCounts, type StatLine } from './statistics.js';
import { statisticsXlsx } from './statistics-service.js';

let highs: Highs;
before(async () => {
  highs = await loadSolver();
});

const keys = ['a', 'b', 'c', 'd', 'e'] as const;

/**
 * Independently of the solver: in a one-way table with its total published, a hidden cell can be
 * anything from 0 to R (the total minus every shown count) when at least one other cell is hidden too,
 * and exactly R when it is the only one. Its required range (`threshold` counts around the true count,
 * shifted into 0..total) must fit in that.
 */
function assertProtected(
  counts: number[],
  cells: Array<{ count: number | null }>,
  total: number | null,
  t: number,
) {
  const sum = counts.reduce((a, b) => a + b, 0);
  cells.forEach((c, i) => {
    if (c.count !== null) {
      assert.equal(c.count, counts[i], 'a shown count is the true count');
      assert.ok(c.count === 0 || c.count >= t, `count ${c.count} below the threshold ${t} is shown`);
    }
  });
  if (total === null) {
    assert.ok(sum > 0 && sum < t, 'only a total below the threshold is hidden');
    assert.ok(cells.every((c) => c.count === null));
    return;
  }
  assert.equal(total, sum);
  const hidden = cells.flatMap((c, i) => (c.count === null ? [i] : []));
  const rest = sum - cells.reduce((a, c) => a + (c.count ?? 0), 0);
  for (const i of hidden) {
    const n = counts[i]!;
    if (!(n > 0 && n < t)) continue; // complementary: needs no protection of its own
    assert.ok(hidden.length >= 2, `count ${n} could be recovered from the total`);
    const width = Math.min(sum, t);
    const lower = Math.min(Math.max(n - t / 2, 0), sum - width);
    assert.ok(rest >= lower + width - 1e-9, `count ${n} narrowed to 0..${rest}, needs ..${lower + width}`);
  }
}

test('property: no count below the threshold is shown and no hidden count can be recovered from the rest', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 14 }), { minLength: 5, maxLength: 5 }),
      fc.integer({ min: 2, max: 10 }),
      (counts, threshold) => {
        const r = protectCounts(highs, new Map(keys.map((k, i) => [k, counts[i]!])), keys, threshold);
        assertProtected(counts, r.cells, r.total, threshold);
      },
    ),
    { numRuns: 150 },
  );
});

test('property: the same over the real categories, with mostly small counts', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 })), {
        minLength: categories.length,
        maxLength: categories.length,
      }),
      (counts) => {
        const r = protectCounts(highs, new Map(categories.map((k, i) => [k, counts[i]!])), categories);
        assertProtected(counts, r.cells, r.total, 5);
      },
    ),
    { numRuns: 150 },
  );
});

test('zeros stay shown when other cells can protect a small one', () => {
  const r = protectCounts(
    highs,
    new Map([
      ['a', 2],
      ['b', 0],
      ['c', 9],
      ['d', 30],
    ]),
    ['a', 'b', 'c', 'd'],
  );
  assert.deepEqual(
    r.cells.map((c) => c.count),
    [null, 0, null, 30],
    'the 2 is hidden with the 9 (the smallest that protects it); the zero stays',
  );
  assert.equal(r.total, 41);
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
  const s = integrityStatistics(highs, lines, { from: '2026-01-01', to: '2026-06-30' }, now);
  assert.equal(s.reports, 13);
  const category = s.tables.find((t) => t.name === 'category')!;
  assert.equal(category.cells.find((c) => c.key === 'geschenken')!.count, null, 'suppressed with the lone 1');
  assert.equal(category.cells.find((c) => c.key === 'declaraties')!.count, null);
  assert.equal(category.cells.find((c) => c.key === 'overig')!.count, 0);
  const ack = s.shares.find((x) => x.name === 'acknowledgedInTime')!;
  assert.deepEqual(ack, { name: 'acknowledgedInTime', due: 12, met: 6, share: 0.5 });
  const small = integrityStatistics(highs, lines.slice(0, 3), { from: '2026-01-01', to: '2026-06-30' }, now);
  assert.equal(small.reports, null, 'three reports: nothing shown');
  // 3 of 9 met: the 3 is hidden and so is the 6 (else 9 − 6); the number due stays, the share goes
  const few = integrityStatistics(
    highs,
    [
      ...Array.from({ length: 3 }, () => inTime('2026-02-03T10:00:00Z')),
      ...Array.from({ length: 6 }, () => late('2026-02-04T10:00:00Z')),
    ],
    { from: '2026-01-01', to: '2026-06-30' },
    now,
  );
  assert.deepEqual(few.shares[0], { name: 'acknowledgedInTime', due: 9, met: null, share: null });
});

test('property: the XLSX shows no count below the threshold and no recoverable one', async () => {
  const now = new Date('2026-06-01T10:00:00Z');
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...categories.slice(0, 6)), { minLength: 0, maxLength: 40 }),
      async (cats) => {
        const lines = cats.map((category) => line('2026-02-03T10:00:00Z', { category }));
        const s = integrityStatistics(highs, lines, { from: '2026-01-01', to: '2026-06-30' }, now);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await statisticsXlsx(s, 'nl')) as unknown as ArrayBuffer);
        const sheet = wb.worksheets[0]!; // by category
        const values: Array<number | null> = [];
        sheet.eachRow((row, i) => {
          if (i === 1) return;
          const v = row.getCell(2).value;
          values.push(typeof v === 'number' ? v : null);
        });
        const total = values.pop()!;
        const counts = categories.map((c) => cats.filter((x) => x === c).length);
        assert.equal(values.length, categories.length);
        assertProtected(
          counts,
          values.map((count) => ({ count })),
          total,
          5,
        );
      },
    ),
    { numRuns: 25 },
  );
});
