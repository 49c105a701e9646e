import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../platform/csv/csv.js';
import { formatOutput } from './format.js';
import type { AnalysisOutput } from './output.js';

test('analysis CSV: labels from the data cannot become formulas; negative estimates stay numbers', () => {
  const out: AnalysisOutput = {
    estimates: [
      {
        id: '=cmd|/C calc!A0',
        rows: [
          {
            by: { '@group': '-1+1' },
            level: '=HYPERLINK("http://evil.example","x")',
            estimate: -0.25,
            se: 0.1,
            ci: [-0.45, -0.05],
            n: 10,
          },
        ],
      } as AnalysisOutput['estimates'][number],
    ],
  };
  const records = parseCsv(formatOutput(out, 'csv')).map((r) => r.values);
  const row = records[1]!;
  for (const cell of row)
    assert.ok(!/^[=+\-@\t\r]/.test(cell) || /^-?\d+(\.\d+)?$/.test(cell), `formula cell: ${cell}`);
  assert.equal(row[0], "'=cmd|/C calc!A0");
  assert.equal(row[2], `'=HYPERLINK("http://evil.example","x")`);
  assert.deepEqual(row.slice(3, 7), ['-0.25', '0.1', '-0.45', '-0.05']);
});
