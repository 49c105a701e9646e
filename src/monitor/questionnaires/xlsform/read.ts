/** Reading an XLSForm workbook: its size before unpacking, its sheets, columns (with languages) and rows. */
import type ExcelJS from 'exceljs';
import { splitHeader } from './aliases.js';
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
  /** No cell has text (only formulas without a readable result, each reported as a warning). */
  blank: boolean;
  get(base: string, lang?: Lang): string;
  /** The column object for a base/lang (for positions). */
  col(base: string, lang?: Lang): Column | undefined;
  /** The text of the cell in a given column (1-based), whatever its header. */
  cell(index: number): string;
  /** What kind of value the cell holds (e.g. a formula or a date where a name was expected). */
  kind(base: string, lang?: Lang): CellKind;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: SheetRow[];
  /** Cells whose text is not what Excel shows (formula without stored value, #N/A, …). */
  issues: Array<{ row: number; column: Column; reading: CellReading }>;
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What kind of value a cell holds, as far as reading a form is concerned. */
export type CellKind = 'empty' | 'text' | 'number' | 'boolean' | 'date' | 'formula' | 'error' | 'other';

/** Why a cell's text may not be what the author sees in Excel. */
export type CellIssue = 'formula_without_value' | 'error_value' | 'invalid_date' | 'unreadable_value';

export interface CellReading {
  text: string;
  kind: CellKind;
  issue?: CellIssue;
  /** The formula of a formula cell (for messages). */
  formula?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function dateText(d: Date): string | undefined {
  const t = d.getTime();
  if (!Number.isFinite(t)) return undefined;
  const iso = new Date(t).toISOString();
  // A date without a time of day is written as a date only.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function richText(runs: unknown[]): string {
  return runs.map((r) => (isObject(r) && typeof r.text === 'string' ? r.text : '')).join('');
}

/**
 * Reads any value exceljs gives for a cell, never throwing: a formula gives its cached result (or
 * nothing, with an issue), a date its ISO date, rich text its runs, a hyperlink its text, an error
 * value (`#N/A`) nothing, with an issue.
 */
export function readCell(v: unknown): CellReading {
  if (v === null || v === undefined) return { text: '', kind: 'empty' };
  if (typeof v === 'string') return { text: v, kind: 'text' };
  if (typeof v === 'number') return { text: Number.isFinite(v) ? String(v) : '', kind: 'number' };
  if (typeof v === 'boolean') return { text: v ? 'true' : 'false', kind: 'boolean' };
  if (v instanceof Date) {
    const text = dateText(v);
    return text === undefined ? { text: '', kind: 'date', issue: 'invalid_date' } : { text, kind: 'date' };
  }
  if (!isObject(v)) return { text: '', kind: 'other', issue: 'unreadable_value' };
  const formula =
    typeof v.formula === 'string'
      ? v.formula
      : typeof v.sharedFormula === 'string'
        ? v.sharedFormula
        : undefined;
  if (formula !== undefined || 'formula' in v || 'sharedFormula' in v) {
    const f = formula ?? '';
    if (v.result === undefined || v.result === null)
      return { text: '', kind: 'formula', issue: 'formula_without_value', formula: f };
    const inner = readCell(v.result);
    // Formula results are never formulas themselves.
    if (inner.kind === 'formula') return { text: '', kind: 'formula', issue: 'unreadable_value', formula: f };
    return { ...inner, kind: 'formula', formula: f };
  }
  if (Array.isArray(v.richText)) return { text: richText(v.richText), kind: 'text' };
  if ('hyperlink' in v || 'text' in v) {
    const t = v.text;
    if (typeof t === 'string') return { text: t, kind: 'text' };
    if (isObject(t) && Array.isArray(t.richText)) return { text: richText(t.richText), kind: 'text' };
    return { text: typeof v.hyperlink === 'string' ? v.hyperlink : '', kind: 'text' };
  }
  if ('error' in v) return { text: '', kind: 'error', issue: 'error_value' };
  return { text: '', kind: 'other', issue: 'unreadable_value' };
}

export function cellText(v: ExcelJS.CellValue | unknown): string {
  return readCell(v).text;
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
  const issues: Sheet['issues'] = [];
  const header = ws.getRow(1);
  let useDoubleColon = false;
  header.eachCell({ includeEmpty: false }, (cell) => {
    if (readCell(cell.value).text.includes('::')) useDoubleColon = true;
  });
  header.eachCell({ includeEmpty: false }, (cell, index) => {
    const reading = readCell(cell.value);
    const text = reading.text.trim();
    if (reading.issue)
      issues.push({ row: 1, column: { header: `${columnLetter(index)}1`, index, base: '' }, reading });
    if (!text) return;
    const split = splitHeader(text, useDoubleColon);
    const lang = split.lang ? languageCode(split.lang) : undefined;
    columns.push({ header: text, index, base: split.base, lang });
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = new Map<number, string>();
    const kinds = new Map<number, CellKind>();
    const rowIssues: Sheet['issues'] = [];
    let any = false;
    for (const c of columns) {
      const reading = readCell(row.getCell(c.index).value);
      const t = reading.text.trim();
      if (t) any = true;
      values.set(c.index, t);
      kinds.set(c.index, reading.kind);
      if (reading.issue) rowIssues.push({ row: rowNumber, column: c, reading });
    }
    issues.push(...rowIssues);
    // A row of formulas without readable results is kept (a settings row needs its form_id cell).
    if (!any && !rowIssues.some((i) => i.reading.kind === 'formula')) return;
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
      blank: !any,
      col,
      get: (base, lang) => {
        const c = col(base, lang);
        return c ? (values.get(c.index) ?? '') : '';
      },
      cell: (index) => values.get(index) ?? '',
      kind: (base, lang) => {
        const c = col(base, lang);
        return c ? (kinds.get(c.index) ?? 'empty') : 'empty';
      },
    });
  });
  return { name: ws.name, columns, rows, issues };
}

/** A form is text: even a very large one unpacks to a few MB. Larger means a zip bomb or not a form. */
export const MAX_UNPACKED_BYTES = 100_000_000;
