import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../platform/errors.js';
import { calibrateLinear, type Margin, postStratify, rake } from './calibrate.js';
import { makeDesign } from './design.js';

/** Impossible margins are clear errors, never silently wrong weights. */
const design = makeDesign({ rows: 6, weights: [1, 1, 1, 1, 1, 1] });
const a = ['x', 'x', 'y', 'y', 'z', 'z'];
const b = ['p', 'q', 'p', 'q', 'p', 'p'];

function calibrationError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(
    fn,
    (err: unknown) =>
      err instanceof AppError && err.code === 'stats-calibration' && pattern.test(err.detail ?? ''),
  );
}

test('a margin category without respondents', () => {
  calibrationError(
    () => postStratify(design, { name: 'a', values: a, totals: { x: 1, y: 1, z: 1, w: 5 } }),
    /"w" has population total 5 but no respondents/,
  );
  calibrationError(
    () => calibrateLinear(design, [{ name: 'a', values: a, totals: { x: 1, y: 1, z: 1, w: 5 } }]),
    /"w" has no respondents/,
  );
});

test('a category in the data without a population total', () => {
  calibrationError(
    () => rake(design, [{ name: 'a', values: a, totals: { x: 1, y: 1 } }]),
    /"z" occurs in the data but has no population total/,
  );
});

test('margins whose totals disagree', () => {
  calibrationError(
    () =>
      rake(design, [
        { name: 'a', values: a, totals: { x: 2, y: 2, z: 2 } },
        { name: 'b', values: b, totals: { p: 3, q: 4 } },
      ]),
    /margin totals disagree/,
  );
});

test('raking that cannot meet the margins, or not within maxit', () => {
  // z rows are all p: z = 4 and p = 1 cannot both hold
  const za = { name: 'a', values: a, totals: { x: 1, y: 1, z: 4 } };
  calibrationError(
    () => rake(design, [za, { name: 'b', values: b, totals: { p: 1, q: 5 } }]),
    /cannot meet the margins/,
  );
  const ok: Margin[] = [
    { name: 'a', values: a, totals: { x: 1, y: 2, z: 3 } },
    { name: 'b', values: b, totals: { p: 4, q: 2 } },
  ];
  calibrationError(() => rake(design, ok, { maxit: 2 }), /did not converge in 2 iterations/);
});
