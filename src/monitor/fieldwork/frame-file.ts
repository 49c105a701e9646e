/**
 * Reading a sample frame file (CSV per RFC 4180 via src/platform/csv, or XLSX via exceljs) into one
 * shape: a header and rows whose every value knows its line and column, for problem reports.
 *
 * Limits (`frameLimits`, docs/fieldwork.md) are checked while the file streams, and the reading gives
 * the event loop a turn every few milliseconds: a hostile file is refused early and never stalls the
 * server. An XLSX passes the ZIP guard (src/platform/files/zip-guard.ts) before exceljs opens it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readCsvTableAsync } from '../../platform/csv/csv.js';
import { AppError } from '../../platform/errors.js';
import { checkZip } from '../../platform/files/zip-guard.js';

/**
 * What a frame file may hold. A frame of the Monitor has a few thousand to 100,000 persons and ten or so
 * columns; these limits leave ample room and bound the memory and time one import can take.
 */
export const frameLimits = {
  /** Persons (data rows). */
  rows: 200_000,
  /** Columns in the header (and cells in any row). */
  columns: 60,
  /** Free stratum columns (every column that is not name, e-mail, role, organisation, gender, age group). */
  strataColumns: 50,
  /** Characters in one cell. */
  cellLength: 1_000,
  /** An XLSX file unpacked (every part, counted while inflating). */
  unpackedBytes: 256 * 1024 * 1024,
};

/** How long (ms) reading may hold the event loop before it yields. */
const SLICE_MS = 10;
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
const nf = (n: number) => n.toLocaleString('nl-NL');

function tooLarge(
  file: string,
  line: number | undefined,
  column: number | undefined,
  what: 'rows' | 'columns' | 'cell',
) {
  const detail =
    what === 'rows'
      ? {
          nl: `Het bestand heeft meer dan ${nf(frameLimits.rows)} rijen met personen; dat is de grens. Splits het bestand.`,
          en: `the file has more than ${frameLimits.rows} rows of persons, the limit`,
        }
      : what === 'columns'
        ? {
            nl: `Deze rij heeft meer dan ${frameLimits.columns} kolommen; dat is de grens.`,
            en: `the row has more than ${frameLimits.columns} columns, the limit`,
          }
        : {
            nl: `Deze cel is langer dan ${nf(frameLimits.cellLength)} tekens; dat is de grens.`,
            en: `the cell is longer than ${frameLimits.cellLength} characters, the limit`,
          };
  return new AppError('file-too-large', { detail, location: { file, line, column } });
}

export interface FrameCell {
  /** 1-based line (CSV) or row number (XLSX). */
  line: number;
  /** 1-based character column (CSV) or column number (XLSX). */
  column: number;
}

export interface FrameRow {
  line: number;
  values: Record<string, string>;
  position(header: string): FrameCell;
}

export interface FrameTable {
  file: string;
  format: 'csv' | 'xlsx';
  header: string[];
  rows: FrameRow[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function looksLikeXlsx(fileName: string, data: Buffer): boolean {
  return /\.xlsx$/i.test(fileName) || data.subarray(0, 4).equals(XLSX_MAGIC);
}

export async function readFrameFile(fileName: string, data: Buffer): Promise<FrameTable> {
  if (data.length === 0) {
    throw new AppError('invalid-file', {
      detail: { nl: 'Het bestand is leeg. Kies een bestand met gegevens.', en: 'the file is empty' },
      location: { file: fileName, line: 1 },
    });
  }
  if (looksLikeXlsx(fileName, data)) return readXlsx(fileName, data);
  let text: string;
  try {
    text = await decodeUtf8(data);
  } catch {
    throw new AppError('invalid-file', {
      detail: {
        nl: 'Het bestand is geen UTF-8-tekst. Sla het CSV-bestand op als "CSV UTF-8", of upload het .xlsx-bestand.',
        en: 'the file is not UTF-8 text (save the CSV as "CSV UTF-8", or upload the .xlsx)',
      },
      location: { file: fileName },
    });
  }
  // A spreadsheet saved as CSV with semicolons (Dutch Excel) is common: accept it when the header says so.
  const head = text.slice(0, 64 * 1024);
  const firstLine = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const t = await readCsvTableAsync(text, {
    file: fileName,
    delimiter,
    sliceMs: SLICE_MS,
    limits: {
      maxRows: frameLimits.rows,
      maxColumns: frameLimits.columns,
      maxCellLength: frameLimits.cellLength,
    },
  });
  return { file: fileName, format: 'csv', header: t.header, rows: t.rows };
}

/** Strict UTF-8, decoded in slices of 1 MB with a turn for the event loop between them. */
async function decodeUtf8(data: Buffer): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const step = 1 << 20;
  for (let i = 0; i < data.length; i += step) {
    parts.push(decoder.decode(data.subarray(i, i + step), { stream: i + step < data.length }));
    if (i + step < data.length) await yieldTurn();
  }
  return parts.join('');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as any;
    if ('richText' in v) return (v.richText as Array<{ text: string }>).map((p) => p.text).join('');
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return '';
  }
  return String(value);
}

/**
 * The first worksheet, read as a stream: rows are taken as they are parsed instead of building the whole
 * workbook model first (for a 100,000-row frame that is several times faster and a fraction of the memory).
 */
async function readXlsx(fileName: string, data: Buffer): Promise<FrameTable> {
  const header: string[] = [];
  const colOf = new Map<string, number>();
  const rows: FrameRow[] = [];
  let sheets = 0;
  let sawRow = false;
  let rowCount = 0;
  let since = performance.now();
  await checkZip(data, { maxUnpackedBytes: frameLimits.unpackedBytes }, fileName);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
      sharedStrings: 'cache',
      styles: 'cache', // dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      if (sheets++ > 0) {
        for await (const _ of sheet) {
          // only the first worksheet is read; the others are skipped (with turns for the event loop)
          if (performance.now() - since > SLICE_MS) {
            await yieldTurn();
            since = performance.now();
          }
        }
        continue;
      }
      for await (const row of sheet) {
        const n = row.number;
        // The header plus the persons; empty rows count too (they cost the same to read).
        if (++rowCount > frameLimits.rows + 1) throw tooLarge(fileName, n, 1, 'rows');
        if (row.cellCount > frameLimits.columns)
          throw tooLarge(fileName, n, frameLimits.columns + 1, 'columns');
        if ((rowCount & 63) === 0 && performance.now() - since > SLICE_MS) {
          await yieldTurn();
          since = performance.now();
        }
        if (!sawRow) {
          sawRow = true;
          if (n === 1) readHeader(fileName, row, header, colOf);
          if (header.length === 0) {
            throw new AppError('invalid-file', {
              detail: {
                nl: 'De eerste rij heeft geen kolomnamen. Zet de kolomnamen in de eerste rij.',
                en: 'the first row has no column names',
              },
              location: { file: fileName, line: 1 },
            });
          }
          if (n === 1) continue;
        }
        const values: Record<string, string> = {};
        let any = false;
        for (const [h, c] of colOf) {
          const v = cellText(row.getCell(c).value);
          if (v.length > frameLimits.cellLength) throw tooLarge(fileName, n, c, 'cell');
          values[h] = v;
          if (v.trim() !== '') any = true;
        }
        if (!any) continue;
        rows.push({ line: n, values, position: (h) => ({ line: n, column: colOf.get(h) ?? 1 }) });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('invalid-file', {
      detail: {
        nl: `Dit .xlsx-bestand kan niet worden gelezen (${why}). Sla het op als Excel-werkmap (.xlsx) of als CSV.`,
        en: `not a readable .xlsx file (${why})`,
      },
      location: { file: fileName },
    });
  }
  if (!sawRow) {
    throw new AppError('invalid-file', {
      detail: {
        nl: 'Het werkblad bevat geen gegevens. Zet de kolomnamen in de eerste rij en de personen daaronder.',
        en: 'the workbook has no data',
      },
      location: { file: fileName, line: 1 },
    });
  }
  return { file: fileName, format: 'xlsx', header, rows };
}

function readHeader(fileName: string, row: ExcelJS.Row, header: string[], colOf: Map<string, number>) {
  for (let c = 1; c <= row.cellCount; c++) {
    const text = cellText(row.getCell(c).value);
    if (text.length > frameLimits.cellLength) throw tooLarge(fileName, 1, c, 'cell');
    const h = text.trim().toLowerCase();
    if (h === '') continue;
    if (colOf.has(h)) {
      throw new AppError('invalid-file', {
        detail: {
          nl: `De kolom "${h}" staat twee keer in de eerste rij. Geef elke kolom een eigen naam.`,
          en: `column "${h}" appears twice in the header`,
        },
        location: { file: fileName, line: 1, column: c },
      });
    }
    colOf.set(h, c);
    header.push(h);
  }
}
