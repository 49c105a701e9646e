/**
 * The data as CSV (UTF-8, RFC 4180, CRLF; item codes as header; numbers with full precision, the point as
 * decimal separator; no answer is an empty cell) and the codebook as CSV: one line per variable, then
 * one line per value label of it. Cells are guarded against formula injection by src/platform/csv.
 */
import { formatCsv } from '../../platform/csv/csv.js';
import type { ExportDataset } from './dataset.js';

const cell = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function dataCsv(d: ExportDataset): string {
  const rows: string[][] = [d.columns.map((c) => c.code)];
  for (let i = 0; i < d.cases; i++) rows.push(d.columns.map((c) => cell(c.values[i])));
  return formatCsv(rows);
}

export const codebookCsvColumns = [
  'variable',
  'type',
  'measurement',
  'role',
  'label_nl',
  'label_en',
  'value',
  'value_label_nl',
  'value_label_en',
  'missing',
] as const;

export function codebookCsv(d: ExportDataset): string {
  const rows: string[][] = [[...codebookCsvColumns]];
  for (const c of d.columns) {
    const missing = c.missing.map(String);
    rows.push([c.code, c.type, c.measurement, c.role, c.label.nl, c.label.en, '', '', '', missing.join(' ')]);
    for (const vl of c.valueLabels) {
      const value = String(vl.value);
      rows.push([
        c.code,
        '',
        '',
        '',
        '',
        '',
        value,
        vl.label.nl,
        vl.label.en,
        missing.includes(value) ? 'yes' : '',
      ]);
    }
    for (const m of missing) {
      if (!c.valueLabels.some((vl) => String(vl.value) === m))
        rows.push([c.code, '', '', '', '', '', m, '', '', 'yes']);
    }
  }
  return formatCsv(rows);
}
