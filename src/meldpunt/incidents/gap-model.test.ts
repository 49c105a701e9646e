import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultCountRules } from '../../stats/disclosure/index.js';
import { type FrameCount, gapRows, MIN_FRAME, type RegisteredCount } from './gap-model.js';

const roles = ['burgemeester', 'wethouder', 'raadslid'];
const input = fc
  .record({
    frame: fc.array(fc.nat({ max: 60 }), { minLength: 3, maxLength: 3 }),
    registered: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 5 }),
        role: fc.constantFrom(...roles),
        persons: fc.nat({ max: 4 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ frame, registered }) => ({
    frame: roles.map((role, k): FrameCount => ({ layer: 'gemeente', role, n: frame[k]! })),
    registered: registered.map(
      (r): RegisteredCount => ({
        organisationId: `o${r.org}`,
        layer: 'gemeente',
        role: r.role,
        persons: r.persons,
      }),
    ),
  }));

const prevalence = () => ({ estimate: 0.4, ci: [0.35, 0.45] as [number, number], suppressed: false });

test('the registration gap never shows a small cell (nationally: nor one of few or one dominant organisation)', () => {
  fc.assert(
    fc.property(input, fc.constantFrom('national', 'organisation'), ({ frame, registered }, scope) => {
      const rows = gapRows(frame, registered, prevalence, scope as 'national' | 'organisation');
      for (const row of rows) {
        const mine = registered.filter((r) => row.role === null || r.role === row.role);
        const byOrg = new Map<string, number>();
        for (const r of mine) byOrg.set(r.organisationId, (byOrg.get(r.organisationId) ?? 0) + r.persons);
        const sum = [...byOrg.values()].reduce((a, b) => a + b, 0);
        if (row.registered === null) {
          assert.equal(row.rate, null);
          continue;
        }
        assert.equal(row.registered, sum);
        assert.ok(row.frame >= MIN_FRAME, `a rate over ${row.frame} office holders`);
        assert.ok(sum === 0 || sum >= defaultCountRules.minCount, `${sum} registered shown`);
        assert.equal(row.rate, sum / row.frame);
        if (scope === 'national' && sum > 0) {
          const parts = [...byOrg.values()].filter((x) => x > 0);
          assert.ok(parts.length >= defaultCountRules.minContributors);
          assert.ok(Math.max(...parts) <= defaultCountRules.maxLargestShare * sum);
        }
      }
      // one withheld role never stands alone next to a shown layer total
      const hidden = rows.filter((r) => r.registered === null);
      assert.notEqual(hidden.length, 1);
    }),
    { numRuns: 300 },
  );
});
