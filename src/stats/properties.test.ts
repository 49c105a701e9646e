import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { calibrateLinear, postStratify, rake } from './calibrate.js';
import { makeDesign } from './design.js';
import { allRows } from './domains.js';
import { domainMean, domainTotal } from './estimate.js';

/** Properties the engine must keep on any data, beyond the R reference cases. */

const near = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= Math.max(1e-12, rel * Math.abs(b));

const sample = fc
  .integer({ min: 8, max: 80 })
  .chain((n) =>
    fc.record({
      y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      w: fc.array(fc.double({ min: 0.2, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
      stratum: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: n, maxLength: n }),
      scale: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    }),
  )
  .filter((s) => ['a', 'b', 'c'].every((h) => s.stratum.filter((x) => x === h).length >= 2));

test('scaling every weight by a constant leaves proportions and their SEs unchanged', () => {
  fc.assert(
    fc.property(sample, ({ y, w, stratum, scale }) => {
      const rows = allRows(y.length);
      const yy = Float64Array.from(y);
      const d1 = makeDesign({ rows: y.length, strata: stratum, weights: w });
      const d2 = makeDesign({ rows: y.length, strata: stratum, weights: w.map((x) => x * scale) });
      const a = domainMean(d1, rows, yy);
      const b = domainMean(d2, rows, yy);
      assert.ok(near(b.estimate, a.estimate));
      assert.ok(near(b.se, a.se, 1e-7));
    }),
  );
});

test('one stratum, no clusters, equal weights: textbook simple random sampling', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 60 }),
      fc.integer({ min: 0, max: 1000 }),
      (y, extra) => {
        const n = y.length;
        const N = n + extra;
        const mean = y.reduce((s, v) => s + v, 0) / n;
        const s2 = y.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
        const rows = allRows(n);
        const yy = Float64Array.from(y);
        const srs = domainMean(makeDesign({ rows: n }), rows, yy);
        assert.ok(near(srs.estimate, mean, 1e-9) || Math.abs(srs.estimate - mean) < 1e-9);
        assert.ok(Math.abs(srs.se - Math.sqrt(s2 / n)) <= 1e-9 * Math.max(1, Math.sqrt(s2 / n)));
        // with a finite population N (weights N/n from the fpc): (1 − n/N) s² / n, total N ȳ
        const fpc = makeDesign({ rows: n, fpc: new Array(n).fill(N) });
        const m = domainMean(fpc, rows, yy);
        assert.ok(
          Math.abs(m.se - Math.sqrt(((1 - n / N) * s2) / n)) <= 1e-9 * Math.max(1, Math.sqrt(s2 / n)),
        );
        const t = domainTotal(fpc, rows, yy);
        assert.ok(Math.abs(t.estimate - N * mean) <= 1e-9 * Math.max(1, Math.abs(N * mean)));
        assert.ok(
          Math.abs(t.se - N * Math.sqrt(((1 - n / N) * s2) / n)) <= 1e-8 * Math.max(1, N * Math.sqrt(s2 / n)),
        );
      },
    ),
  );
});

const calibrationSample = fc
  .integer({ min: 30, max: 120 })
  .chain((n) =>
    fc.record({
      w: fc.array(fc.double({ min: 0.5, max: 5, noNaN: true }), { minLength: n, maxLength: n }),
      a: fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: n, maxLength: n }),
      b: fc.array(fc.constantFrom('p', 'q'), { minLength: n, maxLength: n }),
      shares: fc.tuple(
        fc.double({ min: 0.2, max: 0.5, noNaN: true }),
        fc.double({ min: 0.3, max: 0.7, noNaN: true }),
      ),
    }),
  )
  // every cell of the a × b table occupied: then margins with equal sums can always be met
  .filter((s) =>
    ['x', 'y', 'z'].every((a) => ['p', 'q'].every((b) => s.a.some((v, i) => v === a && s.b[i] === b))),
  );

function totalsOf({ shares }: { shares: [number, number] }) {
  const N = 1000;
  const [s1, s2] = shares;
  return {
    a: { x: N * s1, y: N * (1 - s1) * 0.5, z: N * (1 - s1) * 0.5 },
    b: { p: N * s2, q: N * (1 - s2) },
  };
}

function margin(weights: Float64Array, values: string[], level: string): number {
  let s = 0;
  values.forEach((v, i) => {
    if (v === level) s += weights[i]!;
  });
  return s;
}

test('raked, post-stratified and linearly calibrated weights reproduce every margin to 1e-8', () => {
  fc.assert(
    fc.property(calibrationSample, (s) => {
      const t = totalsOf(s);
      const design = makeDesign({ rows: s.w.length, weights: s.w });
      const margins = [
        { name: 'a', values: s.a, totals: t.a },
        { name: 'b', values: s.b, totals: t.b },
      ];
      for (const d of [rake(design, margins), calibrateLinear(design, margins)]) {
        for (const m of margins) {
          for (const [level, total] of Object.entries(m.totals))
            assert.ok(Math.abs(margin(d.weights, m.values, level) - total) <= 1e-8 * total);
        }
      }
      const ps = postStratify(design, margins[0]!);
      for (const [level, total] of Object.entries(t.a))
        assert.ok(Math.abs(margin(ps.weights, s.a, level) - total) <= 1e-8 * total);
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 50) },
  );
});

test('estimates never come out NaN: degenerate domains give numbers or null', () => {
  fc.assert(
    fc.property(sample, ({ y, w, stratum }) => {
      const design = makeDesign({ rows: y.length, strata: stratum, weights: w });
      const constant = new Float64Array(y.length).fill(1);
      const m = domainMean(design, allRows(y.length), constant);
      assert.equal(m.estimate, 1);
      assert.equal(m.se, 0);
      assert.ok(m.deff === null || Number.isFinite(m.deff));
    }),
  );
});
