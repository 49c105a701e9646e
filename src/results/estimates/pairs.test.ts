import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { IndicatorDefinition } from '../indicators/model.js';
import { comparisonsOf, orientComparison } from './pairs.js';

const definition = (over: Partial<IndicatorDefinition>): IndicatorDefinition => ({
  code: 'x',
  version: 1,
  theme: 'aggression',
  targetGroup: 'office_holders',
  label: { nl: 'x', en: 'x' },
  numerator: "${a} = 'ja'",
  answered: [],
  statistic: 'proportion',
  breakdowns: [],
  comparisons: [],
  ...over,
});

test('every pair of groups of each one-variable breakdown once; defined comparisons keep their direction', () => {
  const d = definition({
    breakdowns: [[], ['bg_gender'], ['bg_layer'], ['bg_layer', 'bg_role']],
    comparisons: [{ variable: 'bg_gender', from: 'man', to: 'vrouw' }],
  });
  const levels: Record<string, string[]> = {
    bg_gender: ['anders', 'man', 'vrouw'],
    bg_layer: ['gemeente', 'provincie', 'waterschap'],
    bg_role: ['raadslid', 'wethouder'],
  };
  const pairs = comparisonsOf(d, (v) => levels[v] ?? []);
  assert.deepEqual(pairs[0], { variable: 'bg_gender', from: 'man', to: 'vrouw' });
  assert.equal(pairs.filter((p) => p.variable === 'bg_gender').length, 3);
  assert.equal(pairs.filter((p) => p.variable === 'bg_layer').length, 3);
  assert.equal(pairs.filter((p) => p.variable === 'bg_role').length, 0, 'no pairs of a two-variable breakdown');
});

test('property: k groups give k(k−1)/2 unordered pairs, each once, never a group with itself', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 12 }), (ls) => {
      const pairs = comparisonsOf(definition({ breakdowns: [['bg_province']] }), () => [...ls].sort());
      assert.equal(pairs.length, (ls.length * Math.max(0, ls.length - 1)) / 2);
      const keys = new Set(pairs.map((p) => [p.from, p.to].sort().join('|')));
      assert.equal(keys.size, pairs.length);
      assert.ok(pairs.every((p) => p.from !== p.to));
    }),
  );
});

test('property: a comparison asked the other way round is the same test with the sign flipped', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (diff, half, p) => {
        const stored = {
          variable: 'bg_gender',
          from: 'man',
          to: 'vrouw',
          difference: diff,
          ci: [diff - half, diff + half] as [number, number],
          pHolm: p,
          significant: p < 0.05,
        };
        const same = orientComparison([stored], 'bg_gender', 'man', 'vrouw')!;
        const back = orientComparison([stored], 'bg_gender', 'vrouw', 'man')!;
        assert.equal(same, stored);
        assert.equal(back.difference, -diff);
        assert.deepEqual(back.ci, [-(diff + half), -(diff - half)]);
        assert.equal(back.pHolm, p);
        assert.equal(back.significant, stored.significant);
        assert.equal(orientComparison([stored], 'bg_gender', 'man', 'anders'), undefined);
      },
    ),
  );
});
