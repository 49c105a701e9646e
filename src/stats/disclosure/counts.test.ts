import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type CountCell,
  type CountRelation,
  type CountRules,
  countOf,
  defaultCountRules,
  primaryCountReason,
  protectCounts,
} from './counts.js';

/** A hierarchical table: groups of organisations, per group a total and a few category parts; a grand total. */
const table = fc
  .array(
    fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: 7 }),
    { minLength: 1, maxLength: 5 },
  )
  .map((groups) => {
    const cells: CountCell[] = [];
    const relations: CountRelation[] = [];
    const all: number[] = [];
    const categoryTotals: number[][] = [[], [], []];
    groups.forEach((orgs, g) => {
      const parts = [0, 1, 2].map((k) => {
        const id = `g${g}-c${k}`;
        cells.push({ id, contributions: orgs.map((o) => o[k]!), groupSize: orgs.length });
        categoryTotals[k]!.push(...orgs.map((o) => o[k]!));
        return id;
      });
      const totals = orgs.map((o) => o.reduce((a, b) => a + b, 0));
      cells.push({ id: `g${g}`, contributions: totals, groupSize: orgs.length });
      all.push(...totals);
      relations.push({ total: `g${g}`, parts });
    });
    cells.push({ id: 'all', contributions: all });
    relations.push({ total: 'all', parts: groups.map((_, g) => `g${g}`) });
    // the categories over all groups, too: a second dimension of the same table
    [0, 1, 2].forEach((k) => {
      cells.push({ id: `c${k}`, contributions: categoryTotals[k]! });
      relations.push({ total: `c${k}`, parts: groups.map((_, g) => `g${g}-c${k}`) });
    });
    relations.push({ total: 'all', parts: ['c0', 'c1', 'c2'] });
    return { cells, relations };
  });

const rules = fc.record<CountRules>({
  minCount: fc.integer({ min: 1, max: 10 }),
  minContributors: fc.integer({ min: 1, max: 4 }),
  maxLargestShare: fc.double({ min: 0.3, max: 1, noNaN: true }),
});

test('no shown cell is small, has too few organisations or is dominated by one', () => {
  fc.assert(
    fc.property(table, rules, fc.constantFrom('parts', 'total'), ({ cells, relations }, r, prefer) => {
      const { suppressed } = protectCounts(cells, relations, r, prefer as 'parts' | 'total');
      for (const c of cells) {
        const reason = primaryCountReason(c, r);
        if (reason) assert.equal(suppressed[c.id], reason, `${c.id} must be suppressed (${reason})`);
        if (!suppressed[c.id]) {
          const n = countOf(c);
          assert.ok(n === 0 || n >= r.minCount, `${c.id}: ${n} shown`);
          if (n > 0) {
            assert.ok(c.contributions.filter((x) => x > 0).length >= r.minContributors);
            assert.ok(Math.max(...c.contributions) <= r.maxLargestShare * n);
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('no suppressed cell can be worked out from the shown cells of a relation', () => {
  fc.assert(
    fc.property(table, rules, fc.constantFrom('parts', 'total'), ({ cells, relations }, r, prefer) => {
      const { suppressed } = protectCounts(cells, relations, r, prefer as 'parts' | 'total');
      const count = new Map(cells.map((c) => [c.id, countOf(c)]));
      for (const rel of relations) {
        const hidden = [rel.total, ...rel.parts].filter((id) => suppressed[id]);
        assert.notEqual(hidden.length, 1, `one suppressed cell in ${rel.total} = ${rel.parts.join('+')}`);
        const hiddenParts = rel.parts.filter((id) => suppressed[id]);
        if (!suppressed[rel.total] && hiddenParts.length > 0 && hiddenParts.length < rel.parts.length) {
          // the attacker knows the hidden parts' sum: each lies in [0, sum], which must not be a small cell
          const sum = hiddenParts.reduce((s, id) => s + count.get(id)!, 0);
          assert.ok(sum >= r.minCount, `hidden parts of ${rel.total} sum to ${sum}`);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('the rules on examples: a threshold, three organisations, no dominance; zero is shown', () => {
  const d = protectCounts(
    [
      { id: 'small', contributions: [2, 1, 1] },
      { id: 'two', contributions: [5, 5, 0] },
      { id: 'dominated', contributions: [20, 3, 3] },
      { id: 'fine', contributions: [4, 3, 3] },
      { id: 'zero', contributions: [0, 0, 0] },
      { id: 'tiny-group', contributions: [10, 10], groupSize: 2 },
    ],
    [],
    defaultCountRules,
  );
  assert.deepEqual(d.suppressed, {
    small: 'few-units',
    two: 'few-contributors',
    dominated: 'dominance',
    'tiny-group': 'few-contributors',
  });
});

test('a single small part of a shown total takes the next smallest part with it', () => {
  const d = protectCounts(
    [
      { id: 'total', contributions: [10, 10, 10] },
      { id: 'a', contributions: [1, 1, 0] },
      { id: 'b', contributions: [3, 3, 3] },
      { id: 'c', contributions: [6, 6, 7] },
    ],
    [{ total: 'total', parts: ['a', 'b', 'c'] }],
  );
  assert.deepEqual(d.suppressed, { a: 'few-units', b: 'complementary' });
  const margin = protectCounts(
    [
      { id: 'total', contributions: [10, 10, 10] },
      { id: 'a', contributions: [1, 1, 0] },
      { id: 'b', contributions: [3, 3, 3] },
      { id: 'c', contributions: [6, 6, 7] },
    ],
    [{ total: 'total', parts: ['a', 'b', 'c'] }],
    defaultCountRules,
    'total',
  );
  assert.deepEqual(margin.suppressed, { a: 'few-units', total: 'complementary' });
  assert.throws(() => protectCounts([], [], { ...defaultCountRules, minCount: 0 }), /minCount/);
});
