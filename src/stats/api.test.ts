import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpec, runAnalysis, tableFromColumns } from './index.js';

/** The in-memory API: the results pillar passes database columns without a CSV round trip. */
test('columns from memory give the same numbers as the CSV path', () => {
  const n = 400;
  const stratum = Array.from({ length: n }, (_, i) => `s${i % 4}`);
  const psu = Array.from({ length: n }, (_, i) => `s${i % 4}-p${Math.floor(i / 4) % 10}`);
  const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7) / 3);
  const item = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : String((i * 7) % 3 === 0 ? 1 : 0)));
  const group = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
  const spec = parseSpec({
    data: '(memory)',
    design: { strata: 'stratum', cluster: 'psu', weights: 'w' },
    estimates: [
      { id: 'p', statistic: 'proportion', variable: 'item', level: '1', by: ['group'], ci: 'beta' },
      { id: 'm', statistic: 'mean', variable: 'item', by: [] },
    ],
  });
  const out = runAnalysis(spec, tableFromColumns({ stratum, psu, w, item, group }));
  const p = out.estimates[0]!;
  assert.ok('rows' in p && p.rows.length === 2);
  const m = out.estimates[1]!;
  assert.ok('rows' in m && m.rows[0]!.n === n - Math.ceil(n / 11));
  assert.ok(m.rows[0]!.estimate! > 0 && m.rows[0]!.estimate! < 1);
});
