import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { holm } from './holm.js';

test('Holm matches R p.adjust(c(0.01, 0.04, 0.03, 0.2), "holm")', () => {
  // R: 0.04 0.09 0.09 0.20
  const got = holm([0.01, 0.04, 0.03, 0.2]);
  for (const [i, x] of [0.04, 0.09, 0.09, 0.2].entries()) assert.ok(Math.abs(got[i]! - x) < 1e-15);
  assert.deepEqual(holm([null, 0.5]), [null, 0.5]);
});

test('Holm: adjusted ≥ raw, ≤ 1, order preserved, never below Bonferroni of the smallest', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
      (p) => {
        const a = holm(p) as number[];
        const m = p.length;
        for (let i = 0; i < m; i++) {
          assert.ok(a[i]! >= p[i]! - 1e-15 && a[i]! <= 1);
          for (let j = 0; j < m; j++) if (p[i]! < p[j]!) assert.ok(a[i]! <= a[j]! + 1e-15);
        }
        const min = Math.min(...p);
        assert.ok(Math.abs(Math.min(...a) - Math.min(1, m * min)) < 1e-12);
      },
    ),
  );
});
