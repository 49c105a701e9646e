import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type BenchmarkOrganisation, benchmark, benchmarkTable, groupOf, type Value } from './benchmark.js';

const indicators = ['a', 'b', 'c'];
const value = fc.constantFrom<Value>(0, 1, null);
const organisation = fc.record({
  group: fc.constantFrom(
    groupOf('gemeente', 'lt20k'),
    groupOf('gemeente', 'ge100k'),
    groupOf('provincie', null),
  ),
  values: fc.record({ a: value, b: value, c: value }),
});
const world = fc.record({
  organisations: fc.array(organisation, { maxLength: 60 }),
  threshold: fc.integer({ min: 1, max: 12 }),
});

/** The same answers counted independently of the code under test. */
const answered = (orgs: readonly BenchmarkOrganisation[], group: string, code: string) => {
  const vs = orgs.filter((o) => o.group === group).map((o) => o.values[code]);
  return { n: vs.filter((v) => v === 0 || v === 1).length, yes: vs.filter((v) => v === 1).length };
};

test('every member of a group gets the same benchmark, whatever the order of the organisations', () => {
  fc.assert(
    fc.property(world, fc.infiniteStream(fc.nat()), ({ organisations, threshold }, seeds) => {
      const table = benchmarkTable(organisations, indicators, threshold);
      const shuffled = organisations
        .map((o) => ({ o, k: seeds.next().value }))
        .sort((x, y) => x.k - y.k)
        .map((x) => x.o);
      const again = benchmarkTable(shuffled, indicators, threshold);
      for (const member of organisations) {
        const own = table.get(member.group);
        assert.ok(own, 'every member has its group');
        assert.deepEqual(again.get(member.group), own);
        for (const other of organisations.filter((o) => o.group === member.group))
          assert.deepEqual(table.get(other.group), own);
      }
    }),
  );
});

test('a benchmark is never shown with fewer than N other organisations, nor 0% or 100% below 2N', () => {
  fc.assert(
    fc.property(world, ({ organisations, threshold }) => {
      const table = benchmarkTable(organisations, indicators, threshold);
      for (const [group, byCode] of table)
        for (const code of indicators) {
          const b = byCode[code]!;
          const { n, yes } = answered(organisations, group, code);
          if (!b.shown) continue;
          // any member that answered has n − 1 others; one that did not has n others: both at least N
          assert.ok(n - 1 >= threshold, `shown with ${n} answers at threshold ${threshold}`);
          assert.equal(b.n, n);
          assert.equal(b.percent, Math.round((100 * yes) / n));
          if (n < 2 * threshold) assert.ok(b.percent > 0 && b.percent < 100, `${b.percent}% of ${n}`);
        }
    }),
  );
});

test('a benchmark is withheld only for a reason, and the reason is the right one', () => {
  fc.assert(
    fc.property(fc.array(value, { maxLength: 40 }), fc.integer({ min: 1, max: 15 }), (values, threshold) => {
      const b = benchmark(values, threshold);
      const n = values.filter((v) => v !== null).length;
      const yes = values.filter((v) => v === 1).length;
      if (n < threshold + 1) return assert.deepEqual(b, { shown: false, reason: 'too-few' });
      const percent = Math.round((100 * yes) / n);
      const extreme = n < 2 * threshold && (percent === 0 || percent === 100);
      assert.deepEqual(b, extreme ? { shown: false, reason: 'extreme' } : { shown: true, percent, n });
    }),
  );
});

test('examples: the threshold counts the others, 0% and 100% wait for 2N', () => {
  const ones = (k: number, zeros = 0): Value[] => [...Array(k).fill(1), ...Array(zeros).fill(0)];
  assert.deepEqual(benchmark(ones(5, 5), 10), { shown: false, reason: 'too-few' });
  assert.deepEqual(benchmark(ones(6, 5), 10), { shown: true, percent: 55, n: 11 });
  assert.deepEqual(benchmark(ones(19), 10), { shown: false, reason: 'extreme' });
  assert.deepEqual(benchmark(ones(20), 10), { shown: true, percent: 100, n: 20 });
  assert.deepEqual(benchmark([...ones(0, 15), null, null], 10), { shown: false, reason: 'extreme' });
});
