/**
 * A small SPSS system file (.sav) writer: uncompressed, UTF-8, little-endian. Byte layout after the PSPP
 * developers' guide, "System File Format" (https://www.gnu.org/software/pspp/pspp-dev/html_node/):
 * file header, variable records (type 2, with dummy continuation records for strings wider than 8 bytes),
 * value labels (types 3 and 4; long string value labels in record 7 subtype 21), machine integer and
 * floating-point info (7.3, 7.4), variable display parameters with the measurement level (7.11), long
 * variable names (7.13), long string missing values (7.22), the character encoding (7.20), the dictionary
 * terminator (999) and the cases.
 *
 * Strings wider than 255 bytes are very long strings (7.14): segments of 255 bytes per 252 of width.
 * Limits (checked, with a clear error): string values up to 32767 bytes (very long ones without missing
 * values or value labels), at most three
 * discrete user-missing values, string missing values up to 8 bytes (one only for strings wider than 8 bytes:
 * PSPP 1.6 misreads record 7.22 with more). Value labels longer than 120 bytes are
 * cut at a character boundary (the SPSS limit).
 */
import type { Column, ExportDataset, Language } from '../dataset.js';
import { assertDataset } from '../dataset.js';
import { Bytes, utf8, utf8Prefix } from './bytes.js';

/** The numeric system-missing value, -DBL_MAX. */
export const SYSMIS = -Number.MAX_VALUE;
const HIGHEST = Number.MAX_VALUE;
/** The next value above -DBL_MAX (0xffeffffffffffffe), as SPSS writes it. */
const LOWEST = (() => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(0xffeffffffffffffen);
  return b.readDoubleLE(0);
})();

/** The widest string SPSS holds; wider than 255 bytes is a very long string (record 7.14, segments). */
export const MAX_STRING_BYTES = 32767;
const SEGMENT_BYTES = 255;
const SEGMENT_STEP = 252;
const MAX_VALUE_LABEL_BYTES = 120;
const reserved = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

const FORMAT_A = 1;
const FORMAT_F = 5;
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;

export interface SavOptions {
  /** The language of variable and value labels. */
  language: Language;
  /** Creation time written into the header (default: now). */
  created?: Date;
  /** Cut string values longer than 255 bytes (at a character boundary) instead of refusing them. */
  clipStrings?: boolean;
}

interface Planned {
  column: Column;
  shortName: string;
  /** Widths of the segments (one for all but very long strings; 0 for numeric). */
  segmentWidths: number[];
  /** Short names of the segments (the first is `shortName`). */
  segmentNames: string[];
  /** 0 for numeric, else the string width in bytes. */
  width: number;
  /** 8-byte segments in a case. */
  segments: number;
  /** 1-based dictionary index of the first segment. */
  index: number;
}

const slotsOf = (width: number) => (width === 0 ? 1 : Math.ceil(width / 8));

/** A very long string of width w has ceil(w / 252) segments: 255 bytes wide each but the last. */
function segmentWidthsOf(width: number): number[] {
  if (width <= SEGMENT_BYTES) return [width];
  const n = Math.ceil(width / SEGMENT_STEP);
  return [...Array.from({ length: n - 1 }, () => SEGMENT_BYTES), width - (n - 1) * SEGMENT_STEP];
}

function stringWidth(c: Column & { type: 'string' }, clip: boolean): number {
  let width = 1;
  for (const v of [...c.values, ...c.missing, ...c.valueLabels.map((l) => l.value)]) {
    if (v === null) continue;
    const n = clip ? utf8Prefix(v, MAX_STRING_BYTES).length : utf8(v).length;
    if (n > MAX_STRING_BYTES)
      throw new Error(`sav: a value of ${c.code} is ${n} bytes; the limit is ${MAX_STRING_BYTES}`);
    width = Math.max(width, n);
  }
  for (const m of c.missing) {
    if (utf8(m).length > 8)
      throw new Error(`sav: missing value ${JSON.stringify(m)} of ${c.code} exceeds 8 bytes`);
  }
  // PSPP up to 1.6 misreads a long string missing values record (7.22) with more than one value.
  if (width > 8 && c.missing.length > 1) {
    throw new Error(`sav: ${c.code} is wider than 8 bytes; it can have at most one missing value`);
  }
  if (width > SEGMENT_BYTES && (c.missing.length > 0 || c.valueLabels.length > 0))
    throw new Error(`sav: ${c.code} is wider than 255 bytes; it cannot have missing values or value labels`);
  return width;
}

function plan(d: ExportDataset, clip: boolean): Planned[] {
  const used = new Set<string>();
  let serial = 0;
  let index = 1;
  return d.columns.map((column) => {
    if (reserved.has(column.code.toUpperCase()))
      throw new Error(`sav: ${column.code} is a reserved word in SPSS`);
    const fresh = (name: string) => {
      let n = name;
      while (used.has(n)) n = `V${++serial}`;
      used.add(n);
      return n;
    };
    const shortName = fresh(column.code.toUpperCase().slice(0, 8));
    const width = column.type === 'numeric' ? 0 : stringWidth(column, clip);
    const segmentWidths = segmentWidthsOf(width);
    const segmentNames = segmentWidths.map((_, i) =>
      i === 0 ? shortName : fresh(`${shortName.slice(0, 5)}${i}`),
    );
    const segments = segmentWidths.reduce((n, w) => n + slotsOf(w), 0);
    const p = { column, shortName, width, segmentWidths, segmentNames, segments, index };
    index += p.segments;
    return p;
  });
}

const format = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;

function header(out: Bytes, d: ExportDataset, planned: Planned[], o: SavOptions): void {
  const caseSize = planned.reduce((n, p) => n + p.segments, 0);
  const weight = d.weight === undefined ? 0 : (planned.find((p) => p.column.code === d.weight)?.index ?? 0);
  const t = o.created ?? new Date();
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(t.getUTCDate())} ${months[t.getUTCMonth()]} ${two(t.getUTCFullYear() % 100)}`;
  const time = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
  out.raw(utf8('$FL2'));
  out.padded(utf8('@(#) SPSS DATA FILE Weerbaar'), 60);
  out.int32(2).int32(caseSize).int32(0).int32(weight).int32(d.cases).float64(100);
  out.padded(utf8(date), 9).padded(utf8(time), 8);
  out.padded(utf8Prefix(d.title[o.language], 64), 64);
  out.padded(new Uint8Array(0), 3, 0);
}

function variableRecords(out: Bytes, planned: Planned[], o: SavOptions): void {
  for (const p of planned) {
    const c = p.column;
    p.segmentWidths.forEach((width, segment) => {
      const label = segment === 0 ? utf8(c.label[o.language]) : new Uint8Array(0);
      const missing = segment === 0 && (c.type === 'numeric' || width <= 8) ? c.missing.length : 0;
      const fmt =
        c.type === 'numeric'
          ? format(FORMAT_F, Math.min(40, Math.max(8, 2 + c.decimals + 6)), c.decimals)
          : format(FORMAT_A, width, 0);
      out
        .int32(2)
        .int32(width)
        .int32(label.length > 0 ? 1 : 0)
        .int32(missing)
        .int32(fmt)
        .int32(fmt);
      out.padded(utf8(p.segmentNames[segment] ?? ''), 8);
      if (label.length > 0) out.int32(label.length).padded(label, Math.ceil(label.length / 4) * 4);
      if (missing > 0) {
        if (c.type === 'numeric') for (const m of c.missing) out.float64(m);
        else for (const m of c.missing) out.padded(utf8(m), 8);
      }
      for (let s = 1; s < slotsOf(width); s++) {
        out.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).padded(new Uint8Array(0), 8);
      }
    });
  }
}

function valueLabelRecords(out: Bytes, planned: Planned[], o: SavOptions): void {
  for (const p of planned) {
    const c = p.column;
    if (c.valueLabels.length === 0 || (c.type === 'string' && p.width > 8)) continue;
    out.int32(3).int32(c.valueLabels.length);
    for (const vl of c.valueLabels) {
      if (c.type === 'numeric') out.float64(vl.value as number);
      else out.padded(utf8(vl.value as string), 8);
      const label = utf8Prefix(vl.label[o.language], MAX_VALUE_LABEL_BYTES);
      out.uint8(label.length).padded(label, Math.ceil((label.length + 1) / 8) * 8 - 1);
    }
    out.int32(4).int32(1).int32(p.index);
  }
}

function extension(out: Bytes, subtype: number, size: number, body: Bytes): void {
  out
    .int32(7)
    .int32(subtype)
    .int32(size)
    .int32(body.length / size);
  out.raw(body.toBuffer());
}

function extensionRecords(out: Bytes, planned: Planned[], o: SavOptions): void {
  const integer = new Bytes().int32(1).int32(6).int32(2).int32(-1).int32(1).int32(1).int32(2).int32(65001);
  extension(out, 3, 4, integer);
  extension(out, 4, 8, new Bytes().float64(SYSMIS).float64(HIGHEST).float64(LOWEST));

  const display = new Bytes();
  for (const p of planned) {
    for (const width of p.segmentWidths) {
      const level =
        p.column.type === 'string' && p.column.measurement === 'scale' ? 'nominal' : p.column.measurement;
      display
        .int32(MEASURE[level])
        .int32(width === 0 ? 8 : Math.min(width, 32))
        .int32(width === 0 ? 1 : 0);
    }
  }
  extension(out, 11, 4, display);

  extension(
    out,
    13,
    1,
    new Bytes().raw(utf8(planned.map((p) => `${p.shortName}=${p.column.code}`).join('\t'))),
  );

  const veryLong = planned
    .filter((p) => p.width > SEGMENT_BYTES)
    .map((p) => `${p.shortName}=${String(p.width).padStart(5, '0')}\0\t`)
    .join('');
  if (veryLong) extension(out, 14, 1, new Bytes().raw(utf8(veryLong)));

  const longLabels = new Bytes();
  for (const p of planned) {
    const c = p.column;
    if (c.type !== 'string' || p.width <= 8 || c.valueLabels.length === 0) continue;
    const name = utf8(c.code);
    longLabels.int32(name.length).raw(name).int32(p.width).int32(c.valueLabels.length);
    for (const vl of c.valueLabels) {
      const label = utf8Prefix(vl.label[o.language], MAX_VALUE_LABEL_BYTES);
      longLabels.int32(p.width).padded(utf8(vl.value), p.width).int32(label.length).raw(label);
    }
  }
  if (longLabels.length > 0) extension(out, 21, 1, longLabels);

  const longMissing = new Bytes();
  for (const p of planned) {
    const c = p.column;
    if (c.type !== 'string' || p.width <= 8 || c.missing.length === 0) continue;
    const name = utf8(c.code);
    longMissing.int32(name.length).raw(name).uint8(c.missing.length).int32(8);
    for (const m of c.missing) longMissing.padded(utf8(m), 8);
  }
  if (longMissing.length > 0) extension(out, 22, 1, longMissing);

  extension(out, 20, 1, new Bytes().raw(utf8('UTF-8')));
}

function cases(out: Bytes, d: ExportDataset, planned: Planned[]): void {
  for (let i = 0; i < d.cases; i++) {
    for (const p of planned) {
      const c = p.column;
      if (c.type === 'numeric') {
        const v = c.values[i];
        out.float64(v === null || v === undefined || !Number.isFinite(v) ? SYSMIS : v);
      } else {
        const bytes = utf8Prefix(c.values[i] ?? '', p.width);
        // packed 255 bytes per segment (PSPP guide, very long string record)
        p.segmentWidths.forEach((width, segment) => {
          const from = segment * SEGMENT_BYTES;
          out.padded(bytes.subarray(from, from + width), slotsOf(width) * 8);
        });
      }
    }
  }
}

/** The dataset as an SPSS system file. */
export function writeSav(d: ExportDataset, o: SavOptions): Buffer {
  assertDataset(d);
  const planned = plan(d, o.clipStrings ?? false);
  const out = new Bytes();
  header(out, d, planned, o);
  variableRecords(out, planned, o);
  valueLabelRecords(out, planned, o);
  extensionRecords(out, planned, o);
  out.int32(999).int32(0);
  cases(out, d, planned);
  return out.toBuffer();
}
