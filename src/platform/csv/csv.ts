/**
 * CSV as in RFC 4180, for every import of Weerbaar: comma-separated, optional double quotes around a
 * field ("" inside a quoted field is one quote), CRLF or LF line ends, an optional UTF-8 BOM.
 * Every field knows where it started (line and column, 1-based), so import errors can say
 * `file:line:column: message`. Pure: no I/O.
 */
import { AppError, type Localised } from '../errors.js';

export interface CsvPosition {
  /** 1-based line of the field's first character. */
  line: number;
  /** 1-based column (in characters) of the field's first character. */
  column: number;
}

export interface CsvRecord {
  values: string[];
  positions: CsvPosition[];
  /** Line where the record starts. */
  line: number;
}

export interface CsvOptions {
  /** File name for error messages. */
  file?: string;
  delimiter?: string;
  /** Checked while tokenizing: the parse stops at the first record, field or value over a limit. */
  limits?: CsvLimits;
}

/** Limits of an import, refused with AppError('file-too-large') at the place they are crossed. */
export interface CsvLimits {
  /** Data rows after the header. */
  maxRows?: number;
  /** Fields in any record (the header included). */
  maxColumns?: number;
  /** Characters in one field. */
  maxCellLength?: number;
}

/** A syntax error, with where it happened. Converted to AppError('invalid-file') by `parseCsv`. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly text: Localised,
    readonly line: number,
    readonly column: number,
    readonly code: 'invalid-file' | 'file-too-large' = 'invalid-file',
  ) {
    super(text.en);
    this.name = 'CsvSyntaxError';
  }
}

const nf = (n: number) => n.toLocaleString('nl-NL');
const overRows = (max: number): Localised => ({
  nl: `Het bestand heeft meer dan ${nf(max)} rijen; dat is de grens. Splits het bestand.`,
  en: `the file has more than ${max} rows, the limit`,
});
const overColumns = (max: number): Localised => ({
  nl: `Deze rij heeft meer dan ${nf(max)} kolommen; dat is de grens.`,
  en: `the record has more than ${max} columns, the limit`,
});
const overCell = (max: number): Localised => ({
  nl: `Dit veld is langer dan ${nf(max)} tekens; dat is de grens.`,
  en: `the field is longer than ${max} characters, the limit`,
});

const asAppError = (err: unknown, file: string) =>
  err instanceof CsvSyntaxError
    ? new AppError(err.code, {
        detail: err.text,
        location: { file, line: err.line, column: err.column },
      })
    : err;

/**
 * Splits CSV text into records. Empty lines are skipped (RFC 4180 does not define them; they are
 * what a trailing newline or a hand-edited file gives). Throws AppError('invalid-file') with the
 * location of the first syntax error: an unterminated quoted field, a quote inside an unquoted field,
 * or text after a closing quote.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  try {
    return [...tokenize(text, options.delimiter ?? ',', options.limits ?? {})];
  } catch (err) {
    throw asAppError(err, options.file ?? '<input>');
  }
}

/** The records one by one (a generator, so that a caller can pause between them). */
function* tokenize(input: string, delimiter: string, limits: CsvLimits): Generator<CsvRecord> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const maxRecords = limits.maxRows === undefined ? Infinity : limits.maxRows + 1;
  const maxFields = limits.maxColumns ?? Infinity;
  const maxCell = limits.maxCellLength ?? Infinity;
  let records = 0;
  let pending: CsvRecord | undefined;
  let line = 1;
  let col = 1;
  let i = 0;
  const n = text.length;

  let values: string[] = [];
  let positions: CsvPosition[] = [];
  let recordLine = 1;
  let quoted = false;

  const endRecord = () => {
    // A line with nothing on it is not a record (a lone `""` is: one empty field).
    if (!(values.length === 1 && values[0] === '' && !quoted)) {
      if (++records > maxRecords)
        throw new CsvSyntaxError(overRows(maxRecords - 1), recordLine, 1, 'file-too-large');
      pending = { values, positions, line: recordLine };
    }
    values = [];
    positions = [];
  };

  while (i <= n) {
    // At the start of a field.
    if (values.length === 0) recordLine = line;
    const start: CsvPosition = { line, column: col };
    let value = '';
    quoted = i < n && text[i] === '"';
    if (quoted) {
      i++;
      col++;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          closed = true;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          value += '\r\n';
          i += 2;
          line++;
          col = 1;
          continue;
        }
        if (c === '\n' || c === '\r') {
          value += c;
          i++;
          line++;
          col = 1;
          continue;
        }
        value += c;
        i++;
        col++;
        if (value.length > maxCell)
          throw new CsvSyntaxError(overCell(maxCell), start.line, start.column, 'file-too-large');
      }
      // Line breaks inside quotes count too (the loop checks after other characters only).
      if (value.length > maxCell)
        throw new CsvSyntaxError(overCell(maxCell), start.line, start.column, 'file-too-large');
      if (!closed)
        throw new CsvSyntaxError(
          { nl: 'een veld tussen aanhalingstekens wordt niet afgesloten', en: 'quoted field is not closed' },
          start.line,
          start.column,
        );
      if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(
          {
            nl: `onverwacht ${JSON.stringify(text[i])} na een sluitend aanhalingsteken`,
            en: `unexpected ${JSON.stringify(text[i])} after a closing quote`,
          },
          line,
          col,
        );
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text[j]!;
        if (c === delimiter || c === '\r' || c === '\n') break;
        if (c === '"') {
          throw new CsvSyntaxError(
            {
              nl: 'een aanhalingsteken midden in een veld (zet het hele veld tussen aanhalingstekens en typ het aanhalingsteken twee keer)',
              en: 'a quote inside an unquoted field (quote the whole field and double the quote)',
            },
            line,
            col + (j - i),
          );
        }
        j++;
        if (j - i > maxCell) throw new CsvSyntaxError(overCell(maxCell), line, col, 'file-too-large');
      }
      value = text.slice(i, j);
      col += j - i;
      i = j;
    }
    values.push(value);
    positions.push(start);
    if (values.length > maxFields)
      throw new CsvSyntaxError(overColumns(maxFields), start.line, start.column, 'file-too-large');

    if (i >= n) {
      endRecord();
      if (pending) yield pending;
      break;
    }
    const c = text[i]!;
    if (c === delimiter) {
      i++;
      col++;
      continue; // next field of the same record (possibly empty, even at end of input)
    }
    // Line end.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    col = 1;
    endRecord();
    if (pending) {
      yield pending;
      pending = undefined;
    }
    if (i >= n) break;
  }
}

/** Quotes a field when it needs it (delimiter, quote, CR or LF, or leading/trailing space is kept as is). */
export function formatCsvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// A cell a spreadsheet would run as a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab, CR;
// also LF and the full-width forms of the four signs, which some spreadsheets accept as well.
const FORMULA_START = /^[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
// A plain number (`-3`, `+1.5`, `-2e-4`) is not a formula; it stays a number.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * OWASP's rule against CSV (formula) injection, for every CSV Weerbaar writes: a cell that starts
 * with a formula character, unless it is a plain number, gets a leading `'` so Excel, LibreOffice and
 * Google Sheets show it as text. Reading such a file back gives the value with the `'`.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Records to CSV text with CRLF line ends (RFC 4180), a final CRLF included; every cell neutralised
 * against formula injection (`neutraliseFormula`) and quoted when needed.
 */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ','): string {
  return rows
    .map((r) =>
      r.length === 1 && r[0] === ''
        ? '""\r\n' // else it would read back as an empty line, which is skipped
        : r.map((v) => formatCsvField(neutraliseFormula(v), delimiter)).join(delimiter) + '\r\n',
    )
    .join('');
}

export interface CsvRow {
  /** Values by (trimmed, lower-cased) header name. */
  values: Record<string, string>;
  /** Where each column's value is; for an absent trailing value, the end of the record. */
  position(column: string): CsvPosition;
  line: number;
}

export interface CsvTable {
  file: string;
  /** Header names, trimmed and lower-cased, in file order. */
  header: string[];
  rows: CsvRow[];
}

/**
 * A CSV file with a header row. Each record must have as many fields as the header (else
 * AppError('invalid-file') at the record). Values are not trimmed; header names are.
 */
export function readCsvTable(text: string, options: CsvOptions = {}): CsvTable {
  const file = options.file ?? '<input>';
  const table = tableBuilder(file);
  try {
    for (const rec of tokenize(text, options.delimiter ?? ',', options.limits ?? {})) table.add(rec);
  } catch (err) {
    throw asAppError(err, file);
  }
  return table.done();
}

/**
 * `readCsvTable` for large files on a server: the same result, but it gives the event loop a turn
 * every few milliseconds (`sliceMs`, default 10), so a big import never stalls other requests.
 */
export async function readCsvTableAsync(
  text: string,
  options: CsvOptions & { sliceMs?: number } = {},
): Promise<CsvTable> {
  const file = options.file ?? '<input>';
  const sliceMs = options.sliceMs ?? 10;
  const table = tableBuilder(file);
  let since = performance.now();
  let k = 0;
  try {
    for (const rec of tokenize(text, options.delimiter ?? ',', options.limits ?? {})) {
      table.add(rec);
      if ((++k & 63) === 0 && performance.now() - since > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        since = performance.now();
      }
    }
  } catch (err) {
    throw asAppError(err, file);
  }
  return table.done();
}

function tableBuilder(file: string) {
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  const add = (rec: CsvRecord) => {
    if (!header) {
      header = rec.values.map((h) => h.trim().toLowerCase());
      const seen = new Set<string>();
      header.forEach((h, i) => {
        if (h === '' || seen.has(h)) {
          throw new AppError('invalid-file', {
            detail:
              h === ''
                ? { nl: 'een kolom in de kopregel heeft geen naam', en: 'empty column name in the header' }
                : {
                    nl: `kolom "${h}" staat twee keer in de kopregel`,
                    en: `column "${h}" appears twice in the header`,
                  },
            location: { file, ...rec.positions[i]! },
          });
        }
        seen.add(h);
      });
      return;
    }
    const names = header;
    if (rec.values.length !== names.length) {
      const at = rec.positions[Math.min(rec.values.length, names.length)] ?? rec.positions[0]!;
      throw new AppError('invalid-file', {
        detail: {
          nl: `verwacht ${names.length} velden, gevonden ${rec.values.length}`,
          en: `expected ${names.length} fields, found ${rec.values.length}`,
        },
        location: { file, ...at },
      });
    }
    const values: Record<string, string> = {};
    names.forEach((h, i) => {
      values[h] = rec.values[i]!;
    });
    rows.push({
      values,
      line: rec.line,
      position: (column) => {
        const i = names.indexOf(column);
        return rec.positions[i] ?? rec.positions[0]!;
      },
    });
  };
  const done = (): CsvTable => {
    if (!header)
      throw new AppError('invalid-file', {
        detail: { nl: 'het bestand is leeg', en: 'the file is empty' },
        location: { file, line: 1 },
      });
    return { file, header, rows };
  };
  return { add, done };
}
