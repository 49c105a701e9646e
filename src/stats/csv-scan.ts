import { AppError } from '../platform/errors.js';
import type { ByteDictionary } from './csv-dictionary.js';

/**
 * The hot loop of the CSV reader: one function with its state in locals (V8 keeps them in registers;
 * a closure over `pos` and `line` was several times slower), handling each wanted field as it ends.
 */
export interface ScanTarget {
  /** Slot of each field position, −1 for fields nobody asked for. */
  slotOfField: Int32Array;
  isFactor: Uint8Array;
  codes: Int32Array[];
  nums: Float64Array[];
  dicts: ByteDictionary[];
  names: string[];
  /** Line where each record starts. */
  lines: Int32Array;
  /** Accept 1,5 for 1.5 (files with `;` as separator, as Dutch Excel writes them). */
  decimalComma: boolean;
}

export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

export function csvError(file: string, line: number, column: number | undefined, detail: string): AppError {
  return new AppError('invalid-file', { detail, location: { file, line, column } });
}

/** Scans records from `pos` (just after the header) to the end; returns the number of rows. */
export function scanRecords(
  buf: Uint8Array,
  start: number,
  firstLine: number,
  sep: number,
  ncol: number,
  t: ScanTarget,
  file: string,
): number {
  const n = buf.length;
  const { slotOfField, lines } = t;
  // one table lookup per byte instead of three comparisons
  const stop = new Uint8Array(256);
  stop[sep] = 1;
  stop[LF] = 1;
  stop[CR] = 1;
  let pos = start;
  let line = firstLine;
  let rows = 0;
  while (pos < n) {
    let b = buf[pos]!;
    if (b === LF || b === CR) {
      // blank lines are skipped, as R does
      if (b === LF || buf[pos + 1] !== LF) line++;
      pos++;
      continue;
    }
    const recordLine = line;
    let k = 0;
    for (;;) {
      let s: number;
      let e: number;
      let esc = false;
      if (buf[pos] === QUOTE) {
        const openLine = line;
        let i = pos + 1;
        for (;;) {
          if (i >= n) throw csvError(file, openLine, k + 1, 'quoted field is not closed');
          const c = buf[i]!;
          if (c === QUOTE) {
            if (buf[i + 1] === QUOTE) {
              esc = true;
              i += 2;
              continue;
            }
            break;
          }
          if (c === LF) line++;
          i++;
        }
        s = pos + 1;
        e = i;
        pos = i + 1;
        if (pos < n) {
          const c = buf[pos]!;
          if (c !== sep && c !== LF && c !== CR) {
            throw csvError(
              file,
              line,
              k + 1,
              'unexpected text after a closing quote (quotes inside a field must be doubled)',
            );
          }
        }
      } else {
        let i = pos;
        while (i < n && stop[buf[i]!] === 0) i++;
        s = pos;
        e = i;
        pos = i;
      }
      if (k < ncol) {
        const slot = slotOfField[k]!;
        if (slot >= 0) storeField(buf, s, e, esc, slot, rows, t, file, recordLine, k);
      }
      k++;
      if (pos >= n) break;
      b = buf[pos]!;
      if (b === sep) {
        pos++;
        continue;
      }
      if (b === CR && buf[pos + 1] === LF) pos++;
      pos++;
      line++;
      break;
    }
    if (k !== ncol)
      throw csvError(file, recordLine, undefined, `expected ${ncol} fields (as in the header), found ${k}`);
    lines[rows] = recordLine;
    rows++;
  }
  return rows;
}

function storeField(
  buf: Uint8Array,
  s: number,
  e: number,
  esc: boolean,
  slot: number,
  row: number,
  t: ScanTarget,
  file: string,
  line: number,
  field: number,
): void {
  let src = buf;
  if (esc) {
    src = unescapeQuotes(buf, s, e);
    s = 0;
    e = src.length;
  }
  if (t.isFactor[slot]) {
    t.codes[slot]![row] = e === s ? -1 : t.dicts[slot]!.code(src, s, e);
    return;
  }
  let v = e === s ? Number.NaN : parseNumber(src, s, e);
  if (v === undefined && t.decimalComma) v = parseDecimalComma(src, s, e);
  if (v === undefined) {
    const shown = new TextDecoder().decode(src.subarray(s, e));
    throw csvError(file, line, field + 1, `column "${t.names[slot]}": "${shown}" is not a number`);
  }
  t.nums[slot]![row] = v;
}

/** The content of a quoted field with "" turned into ". */
export function unescapeQuotes(buf: Uint8Array, s: number, e: number): Uint8Array {
  const out = new Uint8Array(e - s);
  let n = 0;
  for (let i = s; i < e; i++) {
    out[n++] = buf[i]!;
    if (buf[i] === QUOTE && buf[i + 1] === QUOTE) i++;
  }
  return out.subarray(0, n);
}

/** "1,5" → 1.5; undefined when the text is not a decimal-comma number. */
export function parseDecimalComma(buf: Uint8Array, s: number, e: number): number | undefined {
  const comma = buf.subarray(s, e).indexOf(0x2c);
  if (comma < 0) return undefined;
  const copy = buf.slice(s, e);
  copy[comma] = 0x2e;
  return copy.includes(0x2c) ? undefined : parseNumber(copy, 0, copy.length);
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
  let anyDigit = false;
  let simple = i < e;
  for (; i < e; i++) {
    const b = buf[i]!;
    if (b >= 0x30 && b <= 0x39) {
      anyDigit = true;
      if (m !== 0 || b !== 0x30) digits++;
      m = m * 10 + (b - 0x30);
      if (dot) frac++;
    } else if (b === 0x2e && !dot) dot = true;
    else {
      simple = false;
      break;
    }
  }
  if (simple && anyDigit && digits <= 15 && frac <= 22) {
    const v = m / POW10[frac]!;
    return neg ? -v : v;
  }
  let str = '';
  for (let k = s; k < e; k++) str += String.fromCharCode(buf[k]!);
  str = str.trim();
  return NUMBER.test(str) ? Number(str) : undefined;
}
