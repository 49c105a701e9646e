import { AppError } from '../platform/errors.js';
import { type Factor, isFactor } from './factor.js';

/**
 * Columns by name, each readable as categorical (Factor) or numeric, converted once on first use. The CSV
 * reader fills one from a file; other code (the results pillar) builds one from database arrays.
 */
export interface DataTable {
  rows: number;
  columns: string[];
  has(name: string): boolean;
  factor(name: string): Factor;
  numeric(name: string): Float64Array;
}

export type ColumnInput = Factor | Float64Array | ArrayLike<string | number | null | undefined>;

export interface TableSource {
  /** File name for error messages. */
  file?: string;
  /** Line in the file where each data row starts (for errors). */
  lineOf?: (row: number) => number;
  /** 1-based column position in the file, by name. */
  columnPosition?: (name: string) => number;
  /** Also read 1,5 as 1.5. */
  decimalComma?: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a label reads as a number the way R's read.csv would take it. */
export const isNumberLabel = (s: string): boolean => NUMBER.test(s);

/** R's as.character of a double (15 significant digits), so categorical labels of numbers agree with R. */
export function formatNumberLabel(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(15)));
}

/**
 * Relabels a factor whose every level is a number as R would show it after read.csv made it numeric
 * ("01" and "1.0" both become "1"), merging levels that become equal.
 */
export function canonicalizeNumericLevels(f: Factor): Factor {
  if (f.levels.length === 0 || !f.levels.every(isNumberLabel)) return f;
  const labels = f.levels.map((l) => formatNumberLabel(Number(l)));
  if (labels.every((l, i) => l === f.levels[i])) return f;
  const index = new Map<string, number>();
  const levels: string[] = [];
  const remap = labels.map((l) => {
    let c = index.get(l);
    if (c === undefined) {
      c = levels.length;
      index.set(l, c);
      levels.push(l);
    }
    return c;
  });
  const codes = new Int32Array(f.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = f.codes[i]! < 0 ? -1 : remap[f.codes[i]!]!;
  return { codes, levels };
}

/** Numbers from a factor's labels; a label that is not a number is an error naming line and column. */
export function factorToNumeric(f: Factor, name: string, source: TableSource = {}): Float64Array {
  const values = f.levels.map((l) => {
    const t = l.trim();
    if (isNumberLabel(t)) return Number(t);
    if (source.decimalComma && /^[+-]?\d*,\d+$/.test(t)) return Number(t.replace(',', '.'));
    return Number.NaN;
  });
  const out = new Float64Array(f.codes.length);
  for (let i = 0; i < out.length; i++) {
    const c = f.codes[i]!;
    if (c < 0) {
      out[i] = Number.NaN;
      continue;
    }
    const v = values[c]!;
    if (Number.isNaN(v)) {
      throw new AppError('invalid-file', {
        detail: `column "${name}": "${f.levels[c]}" is not a number`,
        location: {
          file: source.file ?? '(data)',
          line: source.lineOf ? source.lineOf(i) : i + 2,
          column: source.columnPosition?.(name),
        },
      });
    }
    out[i] = v;
  }
  return out;
}

/** A table over in-memory columns (typed arrays, string arrays or factors), all of equal length. */
export function tableFromColumns(columns: Record<string, ColumnInput>): DataTable {
  const names = Object.keys(columns);
  const lengthOf = (c: ColumnInput) => (isFactor(c) ? c.codes.length : c.length);
  const rows = names.length ? lengthOf(columns[names[0]!]!) : 0;
  for (const n of names) {
    if (lengthOf(columns[n]!) !== rows) {
      throw new AppError('validation', {
        detail: `column ${n} has ${lengthOf(columns[n]!)} values, expected ${rows}`,
      });
    }
  }
  const factors = new Map<string, Factor>();
  const numerics = new Map<string, Float64Array>();
  const missing = (name: string) =>
    new AppError('invalid-spec', { detail: `the data have no column "${name}"` });
  return {
    rows,
    columns: names,
    has: (name) => name in columns,
    factor(name) {
      const cached = factors.get(name);
      if (cached) return cached;
      const col = columns[name];
      if (col === undefined) throw missing(name);
      const f = isFactor(col) ? col : encode(col);
      factors.set(name, f);
      return f;
    },
    numeric(name) {
      const cached = numerics.get(name);
      if (cached) return cached;
      const col = columns[name];
      if (col === undefined) throw missing(name);
      let out: Float64Array;
      if (col instanceof Float64Array) out = col;
      else if (isFactor(col)) out = factorToNumeric(col, name);
      else if (
        Array.prototype.every.call(
          col,
          (v: unknown) => v === null || v === undefined || typeof v === 'number',
        )
      ) {
        out = Float64Array.from(col as ArrayLike<number | null>, (v) =>
          v === null || v === undefined ? Number.NaN : v,
        );
      } else out = factorToNumeric(encode(col), name);
      numerics.set(name, out);
      return out;
    },
  };
}

function encode(col: ArrayLike<string | number | null | undefined>): Factor {
  const codes = new Int32Array(col.length);
  const levels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < col.length; i++) {
    const raw = col[i];
    if (raw === null || raw === undefined || raw === '' || (typeof raw === 'number' && Number.isNaN(raw))) {
      codes[i] = -1;
      continue;
    }
    const v = typeof raw === 'number' ? formatNumberLabel(raw) : raw;
    let c = index.get(v);
    if (c === undefined) {
      c = levels.length;
      index.set(v, c);
      levels.push(v);
    }
    codes[i] = c;
  }
  return canonicalizeNumericLevels({ codes, levels });
}
