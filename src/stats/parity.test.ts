import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { test } from 'node:test';
import { runAnalysis } from './analysis.js';
import { columnsOfSpec } from './columns.js';
import { parseCsv } from './csv.js';
import { parseSpec } from './spec.js';

/**
 * Every reference case of R survey 4.1.1 (test/fixtures/r-survey: the 16 shared cases and the local ones) must match to |a − b| ≤ max(1e-12,
 * 1e-9 |b|), rows matched by `by` and `level`, null only with null.
 */
const fixtures = resolve(import.meta.dirname, '../../test/fixtures/r-survey');

function close(a: unknown, b: unknown): boolean {
  if (b === null || a === null || a === undefined) return a === b;
  if (typeof b !== 'number' || typeof a !== 'number') return false;
  return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.abs(b));
}

function differences(actual: any, expected: any): string[] {
  const problems: string[] = [];
  for (const ee of expected.estimates) {
    const oe = actual.estimates.find((x: any) => x.id === ee.id);
    if (!oe) {
      problems.push(`${ee.id}: missing`);
      continue;
    }
    if (ee.test) {
      for (const [k, v] of Object.entries(ee.test)) {
        if (!close(oe.test?.[k], v)) problems.push(`${ee.id}.test.${k}: ${oe.test?.[k]} vs ${v}`);
      }
      continue;
    }
    if (oe.rows.length !== ee.rows.length)
      problems.push(`${ee.id}: ${oe.rows.length} rows, expected ${ee.rows.length}`);
    for (const er of ee.rows) {
      const key = JSON.stringify([er.by, er.level]);
      const or = oe.rows.find((r: any) => JSON.stringify([r.by, r.level]) === key);
      if (!or) {
        problems.push(`${ee.id} ${key}: missing row`);
        continue;
      }
      for (const [k, v] of Object.entries(er)) {
        if (k === 'by' || k === 'level') continue;
        const pairs = k === 'ci' ? (v as unknown[]).map((x, i) => [or.ci?.[i], x]) : [[or[k], v]];
        for (const [a, b] of pairs) if (!close(a, b)) problems.push(`${ee.id} ${key} ${k}: ${a} vs ${b}`);
      }
    }
  }
  return problems;
}

const caseDirs = ['cases', 'cases-local'].flatMap((d) =>
  readdirSync(join(fixtures, d)).map((c) => join(fixtures, d, c)),
);

for (const dir of caseDirs.sort()) {
  test(`R survey parity: ${basename(dir)}`, () => {
    const spec = parseSpec(JSON.parse(readFileSync(join(dir, 'spec.json'), 'utf8')));
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const table = parseCsv(readFileSync(resolve(dir, spec.data)), { columns: columnsOfSpec(spec) });
    const actual = runAnalysis(spec, table);
    assert.deepEqual(differences(actual, expected), []);
  });
}
