import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { templates } from '../../monitor/questionnaires/templates/index.js';
import { buildExportDataset } from './builder.js';
import type { ExportDataset } from './dataset.js';
import { CODEBOOK_KEY, parquetFile } from './parquet.js';

const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function readBack(d: ExportDataset) {
  const file = arrayBuffer(parquetFile(d));
  const rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  const meta = parquetMetadata(file);
  return { rows, meta };
}

describe('Parquet export, read back by hyparquet', () => {
  it('every value of random datasets reads back equal, null as null', async () => {
    const dataset = fc.integer({ min: 1, max: 8 }).chain((cases) =>
      fc.record({
        nums: fc.array(fc.option(fc.double({ noNaN: true })), { minLength: cases, maxLength: cases }),
        texts: fc.array(fc.option(fc.string({ maxLength: 30 })), { minLength: cases, maxLength: cases }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(dataset, async ({ nums, texts }) => {
        const d: ExportDataset = {
          title: { nl: 't', en: 't' },
          cases: nums.length,
          columns: [
            {
              code: 'x',
              type: 'numeric',
              role: 'answer',
              measurement: 'scale',
              decimals: 2,
              label: { nl: 'é', en: '' },
              valueLabels: [],
              missing: [],
              values: nums,
            },
            {
              code: 's',
              type: 'string',
              role: 'answer',
              measurement: 'nominal',
              label: { nl: '', en: '' },
              valueLabels: [],
              missing: [],
              values: texts,
            },
          ],
        };
        const { rows } = await readBack(d);
        assert.deepEqual(
          rows.map((r) => r.x),
          nums,
        );
        assert.deepEqual(
          rows.map((r) => r.s),
          texts,
        );
      }),
      { numRuns: 30 },
    );
  });

  it('a built-in questionnaire exports with its codebook in the file metadata', async () => {
    const def = templates[0] as QuestionnaireDefinition;
    const d = buildExportDataset({
      title: { nl: 'MIV', en: 'MIV' },
      questionnaire: def,
      respondents: [{ id: 'r1', strata: { bg_layer: 'gemeente' }, answers: { bg_gender: 'vrouw' } }],
      strata: ['bg_layer'],
      anonymous: true,
      weighting: { responseIds: ['r1'], stratum: ['gemeente'], fpc: [342], final: [1.25] },
    });
    const { rows, meta } = await readBack(d);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.weight, 1.25);
    assert.deepEqual(
      Object.keys(rows[0] ?? {}),
      d.columns.map((c) => c.code),
    );
    const kv = meta.key_value_metadata?.find((k) => k.key === CODEBOOK_KEY);
    const codebook = JSON.parse(kv?.value ?? '{}');
    assert.equal(codebook.columns.length, d.columns.length);
    assert.deepEqual(codebook.columns[0].label, d.columns[0]?.label);
  });
});
