import { specError } from './errors.js';
import type { DataTable } from './table.js';

/** One output row, shaped like expected.json. null where R gives NA/NaN/Inf. */
export interface OutputRow {
  by: Record<string, string> | [];
  level?: string;
  estimate: number | null;
  se: number | null;
  ci: [number | null, number | null];
  deff?: number | null;
  df?: number;
  p?: number | null;
  n: number;
}

export interface TestResult {
  statistic: number | null;
  ndf?: number | null;
  ddf?: number | null;
  df?: number | null;
  p: number | null;
}

export type EstimateOutput = { id: string; rows: OutputRow[] } | { id: string; test: TestResult };

export interface AnalysisOutput {
  estimates: EstimateOutput[];
}

/** null where R gives NA, NaN or ±Inf. */
export const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function need(table: DataTable, name: string, path: string): string {
  if (!table.has(name)) throw specError(`the data have no column "${name}"`, path);
  return name;
}

export const byKey = (key: Record<string, string>): Record<string, string> | [] =>
  Object.keys(key).length ? key : [];
