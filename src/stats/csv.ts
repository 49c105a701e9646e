import { AppError } from '../platform/errors.js';
import { ByteDictionary } from './csv-dictionary.js';
import type { Factor } from './factor.js';
import { canonicalizeNumericLevels, type DataTable, factorToNumeric } from './table.js';

/**
 * RFC 4180 CSV reader over bytes: quoted fields with "" escapes and embedded newlines, CRLF or LF, a UTF-8
 * BOM, separator `,` `;` or tab (detected from the header, or set). It materialises only the columns it
 * is asked for, as dictionary codes (categorical) or numbers, without creating a string per field; that
 * keeps a million rows well under a second. An empty field is missing. Errors name line and column.
 */
export type ColumnKind = 'factor' | 'numeric';

export interface CsvOptions {
  separator?: string;
  /** Columns to read and how; default: every column as categorical. */
  columns?: Record<string, ColumnKind>;
  /** File name for error messages. */
  file?: string;
}

export interface CsvTable extends DataTable {
  header: string[];
  separator: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function fail(file: string, line: number, column: number | undefined, detail: string): AppError {
  return new AppError('invalid-file', { detail, location: { file, line, column } });
}

export function detectSeparator(buf: Uint8Array, start: number): string {
  const counts = new Map<number, number>([
    [0x2c, 0],
    [0x3b, 0],
    [0x09, 0],
  ]);
  let inQuotes = false;
  for (let i = start; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (b === LF || b === CR)) break;
    else if (!inQuotes && counts.has(b)) counts.set(b, counts.get(b)! + 1);
  }
  let best = 0x2c;
  for (const [b, n] of counts) if (n > counts.get(best)!) best = b;
  return String.fromCharCode(best);
}

/** Parses CSV bytes into a table of the requested columns. */
export function parseCsv(buf: Uint8Array, options: CsvOptions = {}): CsvTable {
  const file = options.file ?? '(data)';
  let pos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const separator = options.separator ?? detectSeparator(buf, pos);
  if (separator.length !== 1)
    throw fail(file, 1, undefined, `separator must be one character, got "${separator}"`);
  const sep = separator.charCodeAt(0);
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  // field boundaries of the current record, reused across records
  let starts: Int32Array<ArrayBufferLike> = new Int32Array(64);
  let ends: Int32Array<ArrayBufferLike> = new Int32Array(64);
  let escaped = new Uint8Array(64);
  let nFields = 0;
  let recordLine = 1;
  const push = (s: number, e: number, esc: boolean) => {
    if (nFields === starts.length) {
      starts = grow(starts, 2 * nFields) as Int32Array;
      ends = grow(ends, 2 * nFields) as Int32Array;
      const x = new Uint8Array(2 * nFields);
      x.set(escaped);
      escaped = x;
    }
    starts[nFields] = s;
    ends[nFields] = e;
    escaped[nFields] = esc ? 1 : 0;
    nFields++;
  };

  /** Reads one record from pos; returns false at end of input. Blank lines are skipped (as R). */
  const readRecord = (): boolean => {
    nFields = 0;
    while (pos < buf.length && (buf[pos] === LF || buf[pos] === CR)) {
      if (buf[pos] === LF || buf[pos + 1] !== LF) line++;
      pos++;
    }
    if (pos >= buf.length) return false;
    recordLine = line;
    for (;;) {
      const fieldCol = nFields + 1;
      if (buf[pos] === QUOTE) {
        const openLine = line;
        let i = pos + 1;
        let esc = false;
        for (;;) {
          if (i >= buf.length) throw fail(file, openLine, fieldCol, 'quoted field is not closed');
          const b = buf[i]!;
          if (b === QUOTE) {
            if (buf[i + 1] === QUOTE) {
              esc = true;
              i += 2;
              continue;
            }
            break;
          }
          if (b === LF) line++;
          i++;
        }
        push(pos + 1, i, esc);
        pos = i + 1;
        const nb = buf[pos];
        if (pos < buf.length && nb !== sep && nb !== LF && nb !== CR) {
          throw fail(
            file,
            line,
            fieldCol,
            'unexpected text after a closing quote (quotes inside a field must be doubled)',
          );
        }
      } else {
        let i = pos;
        while (i < buf.length) {
          const b = buf[i]!;
          if (b === sep || b === LF || b === CR) break;
          i++;
        }
        push(pos, i, false);
        pos = i;
      }
      if (pos >= buf.length) return true;
      const b = buf[pos]!;
      if (b === sep) {
        pos++;
        continue;
      }
      // end of line
      if (b === CR && buf[pos + 1] === LF) pos++;
      pos++;
      line++;
      return true;
    }
  };

  const text = (k: number) => {
    const s = decoder.decode(buf.subarray(starts[k]!, ends[k]!));
    return escaped[k] ? s.replaceAll('""', '"') : s;
  };
  if (!readRecord()) throw fail(file, 1, undefined, 'the file is empty (no header row)');
  const header = Array.from({ length: nFields }, (_, k) => text(k));
  const ncol = header.length;
  const position = new Map<string, number>();
  header.forEach((h, k) => {
    if (position.has(h)) throw fail(file, 1, k + 1, `duplicate column name "${h}"`);
    position.set(h, k);
  });
  const wanted = options.columns ?? Object.fromEntries(header.map((h) => [h, 'factor' as ColumnKind]));
  const plan: {
    col: number;
    name: string;
    kind: ColumnKind;
    dict?: ByteDictionary;
    nums?: Float64Array;
    codes?: Int32Array;
  }[] = [];
  for (const [name, kind] of Object.entries(wanted)) {
    const col = position.get(name);
    if (col === undefined) continue; // the caller reports a missing column with its spec path
    plan.push({ col, name, kind, dict: kind === 'factor' ? new ByteDictionary() : undefined });
  }
  let capacity = Math.max(1024, Math.ceil(buf.length / 64));
  let lines: Int32Array<ArrayBufferLike> = new Int32Array(capacity);
  for (const p of plan) {
    if (p.kind === 'factor') p.codes = new Int32Array(capacity);
    else p.nums = new Float64Array(capacity);
  }
  let rows = 0;
  const scratch = { bytes: new Uint8Array(256) };
  while (readRecord()) {
    if (nFields !== ncol) {
      throw fail(file, recordLine, undefined, `expected ${ncol} fields (as in the header), found ${nFields}`);
    }
    if (rows === capacity) {
      capacity *= 2;
      lines = grow(lines, capacity) as Int32Array;
      for (const p of plan) {
        if (p.codes) p.codes = grow(p.codes, capacity) as Int32Array;
        if (p.nums) p.nums = grow(p.nums, capacity) as Float64Array;
      }
    }
    lines[rows] = recordLine;
    for (const p of plan) {
      let s = starts[p.col]!;
      let e = ends[p.col]!;
      let src: Uint8Array = buf;
      if (escaped[p.col]) {
        const un = unescapeQuotes(buf, s, e, scratch);
        src = un;
        s = 0;
        e = un.length;
      }
      if (p.kind === 'factor') p.codes![rows] = e === s ? -1 : p.dict!.code(src, s, e);
      else {
        const v = e === s ? Number.NaN : parseNumber(src, s, e);
        if (v === undefined) {
          const shown = decoder.decode(src.subarray(s, e));
          throw fail(file, recordLine, p.col + 1, `column "${p.name}": "${shown}" is not a number`);
        }
        p.nums![rows] = v;
      }
    }
    rows++;
  }
  const factors = new Map<string, Factor>();
  const numerics = new Map<string, Float64Array>();
  for (const p of plan) {
    if (p.kind === 'factor')
      factors.set(
        p.name,
        canonicalizeNumericLevels({ codes: p.codes!.subarray(0, rows), levels: p.dict!.labels() }),
      );
    else numerics.set(p.name, p.nums!.subarray(0, rows));
  }
  const finalLines = lines.subarray(0, rows);
  const source = {
    file,
    lineOf: (r: number) => finalLines[r]!,
    columnPosition: (n: string) => position.get(n)! + 1,
  };
  return {
    header,
    separator,
    rows,
    columns: header,
    has: (name) => factors.has(name) || numerics.has(name),
    factor(name) {
      const f = factors.get(name);
      if (f) return f;
      throw new AppError('internal', { detail: `column "${name}" was not read as categorical` });
    },
    numeric(name) {
      let v = numerics.get(name);
      if (v) return v;
      const f = factors.get(name);
      if (!f) throw new AppError('internal', { detail: `column "${name}" was not read` });
      v = factorToNumeric(f, name, source);
      numerics.set(name, v);
      return v;
    },
  };
}

function grow(a: Int32Array | Float64Array, size: number): Int32Array | Float64Array {
  const b = a instanceof Int32Array ? new Int32Array(size) : new Float64Array(size);
  b.set(a);
  return b;
}

function unescapeQuotes(buf: Uint8Array, s: number, e: number, scratch: { bytes: Uint8Array }): Uint8Array {
  if (scratch.bytes.length < e - s) scratch.bytes = new Uint8Array(2 * (e - s));
  const out = scratch.bytes;
  let n = 0;
  for (let i = s; i < e; i++) {
    out[n++] = buf[i]!;
    if (buf[i] === QUOTE && buf[i + 1] === QUOTE) i++;
  }
  return out.subarray(0, n);
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Decimal text to the nearest double. Up to 15 significant digits without exponent, m / 10^k is exact
 * and correctly rounded (Clinger's fast path); anything else goes through Number(). undefined: not a number.
 */
export function parseNumber(buf: Uint8Array, s: number, e: number): number | undefined {
  let i = s;
  let neg = false;
  if (buf[i] === 0x2d || buf[i] === 0x2b) {
    neg = buf[i] === 0x2d;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  let simple = i < e;
  for (; i < e; i++) {
    const b = buf[i]!;
    if (b >= 0x30 && b <= 0x39) {
      if (m !== 0 || b !== 0x30) digits++;
      m = m * 10 + (b - 0x30);
      if (dot) frac++;
    } else if (b === 0x2e && !dot) dot = true;
    else {
      simple = false;
      break;
    }
  }
  if (simple && digits <= 15 && frac <= 22 && (digits > 0 || e - s > (dot ? 1 : 0) + (neg ? 1 : 0))) {
    const v = m / POW10[frac]!;
    return neg ? -v : v;
  }
  let str = '';
  for (let k = s; k < e; k++) str += String.fromCharCode(buf[k]!);
  str = str.trim();
  return NUMBER.test(str) ? Number(str) : undefined;
}
