import { AppError } from '../platform/errors.js';
import { ByteDictionary } from './csv-dictionary.js';
import { CR, csvError, LF, QUOTE, type ScanTarget, scanRecords } from './csv-scan.js';
import type { Factor } from './factor.js';
import { canonicalizeNumericLevels, type DataTable, factorToNumeric } from './table.js';

export { parseNumber } from './csv-scan.js';

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

/** The most frequent of `,` `;` and tab outside quotes on the header line. */
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

/** The header record: names, and where the data start. */
function readHeader(
  buf: Uint8Array,
  start: number,
  sep: number,
  file: string,
): { names: string[]; pos: number; line: number } {
  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  let pos = start;
  let line = 1;
  while (pos < buf.length && (buf[pos] === LF || buf[pos] === CR)) {
    if (buf[pos] === LF || buf[pos + 1] !== LF) line++;
    pos++;
  }
  if (pos >= buf.length) throw csvError(file, 1, undefined, 'the file is empty (no header row)');
  for (;;) {
    if (buf[pos] === QUOTE) {
      let i = pos + 1;
      while (i < buf.length && !(buf[i] === QUOTE && buf[i + 1] !== QUOTE)) {
        if (buf[i] === QUOTE) i++;
        else if (buf[i] === LF) line++;
        i++;
      }
      if (i >= buf.length) throw csvError(file, line, names.length + 1, 'quoted field is not closed');
      names.push(decoder.decode(buf.subarray(pos + 1, i)).replaceAll('""', '"'));
      pos = i + 1;
    } else {
      let i = pos;
      while (i < buf.length && buf[i] !== sep && buf[i] !== LF && buf[i] !== CR) i++;
      names.push(decoder.decode(buf.subarray(pos, i)));
      pos = i;
    }
    if (pos >= buf.length) return { names, pos, line };
    if (buf[pos] === sep) {
      pos++;
      continue;
    }
    if (buf[pos] !== LF && buf[pos] !== CR) {
      throw csvError(
        file,
        line,
        names.length,
        'unexpected text after a closing quote (quotes inside a field must be doubled)',
      );
    }
    if (buf[pos] === CR && buf[pos + 1] === LF) pos++;
    return { names, pos: pos + 1, line: line + 1 };
  }
}

/** Number of LF (or, in old Mac files, CR) bytes: an upper bound of the records. */
function countLineBreaks(buf: Uint8Array): number {
  let lf = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) lf++;
  if (lf > 0) return lf;
  let cr = 0;
  for (let i = buf.indexOf(CR); i >= 0; i = buf.indexOf(CR, i + 1)) cr++;
  return cr;
}

/** Parses CSV bytes into a table of the requested columns. */
export function parseCsv(buf: Uint8Array, options: CsvOptions = {}): CsvTable {
  const file = options.file ?? '(data)';
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const separator = options.separator ?? detectSeparator(buf, start);
  if (separator.length !== 1)
    throw csvError(file, 1, undefined, `separator must be one character, got "${separator}"`);
  const sep = separator.charCodeAt(0);
  const { names: header, pos, line } = readHeader(buf, start, sep, file);
  const position = new Map<string, number>();
  header.forEach((h, k) => {
    if (position.has(h)) throw csvError(file, 1, k + 1, `duplicate column name "${h}"`);
    position.set(h, k);
  });
  const wanted = options.columns ?? Object.fromEntries(header.map((h) => [h, 'factor' as ColumnKind]));
  // a column the data lack is reported by the caller, with its spec path
  const plan = Object.entries(wanted).filter(([name]) => position.has(name));
  const capacity = countLineBreaks(buf) + 1;
  const target: ScanTarget = {
    slotOfField: new Int32Array(header.length).fill(-1),
    isFactor: Uint8Array.from(plan, ([, kind]) => (kind === 'factor' ? 1 : 0)),
    codes: plan.map(([, kind]) => new Int32Array(kind === 'factor' ? capacity : 0)),
    nums: plan.map(([, kind]) => new Float64Array(kind === 'numeric' ? capacity : 0)),
    dicts: plan.map(() => new ByteDictionary()),
    names: plan.map(([name]) => name),
    lines: new Int32Array(capacity),
    decimalComma: sep === 0x3b,
  };
  plan.forEach(([name], slot) => {
    target.slotOfField[position.get(name)!] = slot;
  });
  const rows = scanRecords(buf, pos, line, sep, header.length, target, file);
  const factors = new Map<string, Factor>();
  const numerics = new Map<string, Float64Array>();
  plan.forEach(([name, kind], j) => {
    if (kind === 'factor') {
      const codes = target.codes[j]!.subarray(0, rows);
      factors.set(name, canonicalizeNumericLevels({ codes, levels: target.dicts[j]!.labels() }));
    } else numerics.set(name, target.nums[j]!.subarray(0, rows));
  });
  const lines = target.lines.subarray(0, rows);
  const source = {
    file,
    lineOf: (r: number) => lines[r]!,
    columnPosition: (n: string) => position.get(n)! + 1,
    decimalComma: sep === 0x3b,
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
