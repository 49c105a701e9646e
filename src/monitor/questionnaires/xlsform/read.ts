/** Reading an XLSForm workbook: its size before unpacking, its sheets, columns (with languages) and rows. */
import type ExcelJS from 'exceljs';
import type { Lang } from './problems.js';

// ---------------------------------------------------------------------------------------------
// Reading sheets

export interface Column {
  header: string;
  index: number; // 1-based
  base: string; // lower-case name before '::'
  lang?: string; // 'nl' | 'en' | other code | undefined (no language given)
}

export interface SheetRow {
  row: number;
  get(base: string, lang?: Lang): string;
  /** The column object for a base/lang (for positions). */
  col(base: string, lang?: Lang): Column | undefined;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: SheetRow[];
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return '';
  }
  return String(v);
}

const LANGUAGE_NAMES: Record<string, string> = {
  nl: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
  en: 'en',
  english: 'en',
  engels: 'en',
};

/** `English (en)` → en, `Nederlands` → nl, `fy` → fy. */
export function languageCode(raw: string): string {
  const s = raw.trim();
  const paren = /\(([A-Za-z-]+)\)\s*$/.exec(s);
  if (paren) return paren[1]!.toLowerCase().split('-')[0]!;
  return LANGUAGE_NAMES[s.toLowerCase()] ?? s.toLowerCase();
}

/**
 * Reads a sheet. `nlFallback`: when the form has no Dutch texts, the language whose texts stand in
 * for Dutch (a warning says so).
 */
export function readSheet(ws: ExcelJS.Worksheet, defaultLang: string, nlFallback?: string): Sheet {
  const columns: Column[] = [];
  const header = ws.getRow(1);
  header.eachCell({ includeEmpty: false }, (cell, index) => {
    const text = cellText(cell.value).trim();
    if (!text) return;
    const [base, ...rest] = text.split('::');
    const lang = rest.length ? languageCode(rest.join('::')) : undefined;
    columns.push({ header: text, index, base: base!.trim().toLowerCase().replace(/\s+/g, '_'), lang });
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = new Map<number, string>();
    let any = false;
    for (const c of columns) {
      const t = cellText(row.getCell(c.index).value).trim();
      if (t) any = true;
      values.set(c.index, t);
    }
    if (!any) return;
    const col = (base: string, lang?: Lang) => {
      const candidates = columns.filter((c) => c.base === base);
      if (!lang) return candidates.find((c) => !c.lang);
      const exact =
        candidates.find((c) => c.lang === lang) ?? candidates.find((c) => !c.lang && lang === defaultLang);
      if (exact || lang !== 'nl' || !nlFallback) return exact;
      return (
        candidates.find((c) => c.lang === nlFallback) ??
        candidates.find((c) => !c.lang && defaultLang === nlFallback)
      );
    };
    rows.push({
      row: rowNumber,
      col,
      get: (base, lang) => {
        const c = col(base, lang);
        return c ? (values.get(c.index) ?? '') : '';
      },
    });
  });
  return { name: ws.name, columns, rows };
}

/** A form is text: even a very large one unpacks to a few MB. Larger means a zip bomb or not a form. */
export const MAX_UNPACKED_BYTES = 100_000_000;
