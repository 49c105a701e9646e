/**
 * The data as Apache Parquet (hyparquet-writer): numbers as DOUBLE, text as UTF-8 strings, no answer as
 * null; the codebook (labels nl/en, value labels, missing codes, measurement level, role, weight) as JSON
 * in the file's key-value metadata under `weerbaar.codebook`, so the file describes itself.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnMeta, ExportDataset } from './dataset.js';

export const CODEBOOK_KEY = 'weerbaar.codebook';

export function parquetFile(d: ExportDataset): Buffer {
  const codebook = {
    title: d.title,
    weight: d.weight ?? null,
    columns: d.columns.map(({ values: _values, ...meta }): ColumnMeta => meta),
  };
  const buffer = parquetWriteBuffer({
    columnData: d.columns.map((c) =>
      c.type === 'numeric'
        ? { name: c.code, data: c.values, type: 'DOUBLE' as const }
        : { name: c.code, data: c.values, type: 'STRING' as const },
    ),
    kvMetadata: [{ key: CODEBOOK_KEY, value: JSON.stringify(codebook) }],
    createdBy: 'Weerbaar',
  });
  return Buffer.from(buffer);
}
