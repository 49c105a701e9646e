/** Problems found in an XLSForm: what they say, where they are (sheet, row, cell), and their order. */
import type { Localised } from '../../../platform/errors.js';
import type { QuestionnaireDefinition } from '../model.js';
import { type CellReading, type Column, columnLetter, type Sheet } from './read.js';

export interface XlsFormProblem {
  severity: 'error' | 'warning';
  /** survey | choices | settings | (file) */
  sheet: string;
  /** 1-based spreadsheet row. */
  row?: number;
  /** Column header, e.g. `relevant`, `label::English (en)`. */
  column?: string;
  /** Spreadsheet address, e.g. `F12`. */
  cell?: string;
  /** Machine-readable, e.g. unknown_list, duplicate_name, bad_expression, unsupported_type. */
  code: string;
  /** In Dutch (B1, "u") and English; pages show it with `textIn(message, lang)`. */
  message: Localised;
}

export type XlsFormImport =
  | { ok: true; definition: QuestionnaireDefinition; warnings: XlsFormProblem[] }
  | { ok: false; problems: XlsFormProblem[] };

export type Lang = 'nl' | 'en';

export interface Ctx {
  problems: XlsFormProblem[];
  /** Definition JSON path → where it came from (for mapping model problems back to cells). */
  origins: Map<string, { sheet: string; row: number; columns: Record<string, Column | undefined> }>;
}

export function problem(
  ctx: Ctx,
  severity: 'error' | 'warning',
  sheet: string,
  row: number | undefined,
  column: Column | string | undefined,
  code: string,
  message: Localised,
) {
  const col = typeof column === 'string' ? undefined : column;
  const p: XlsFormProblem = { severity, sheet, code, message };
  if (row !== undefined) p.row = row;
  const header = typeof column === 'string' ? column : column?.header;
  if (header) p.column = header;
  if (col && row !== undefined) p.cell = `${columnLetter(col.index)}${row}`;
  ctx.problems.push(p);
}

export function sortProblems(problems: XlsFormProblem[]): XlsFormProblem[] {
  const order = ['(file)', 'settings', 'survey', 'choices'];
  return [...problems].sort(
    (a, b) =>
      order.indexOf(a.sheet) - order.indexOf(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? '').localeCompare(b.cell ?? ''),
  );
}

export function warnColumns(ctx: Ctx, sheet: Sheet, known: Set<string>) {
  for (const c of sheet.columns) {
    if (known.has(c.base) || c.base.startsWith('$') || c.base.startsWith('_')) continue;
    // A column that is empty everywhere does no harm.
    const used = sheet.rows.find((r) => r.get(c.base, c.lang as Lang) !== '');
    if (used)
      problem(ctx, 'warning', sheet.name.toLowerCase(), 1, c, 'ignored_column', {
        nl: `De kolom '${c.header}' hoort niet bij de XLSForm die Weerbaar leest en wordt niet gebruikt.`,
        en: `column '${c.header}' is not part of the XLSForm Weerbaar reads and is ignored`,
      });
  }
}

export function jsonPath(path: Array<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function mapToCell(ctx: Ctx, path: string, code: string, message: Localised) {
  // Longest registered prefix.
  let prefix = path;
  while (prefix && !ctx.origins.has(prefix)) prefix = prefix.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  const origin = prefix ? ctx.origins.get(prefix) : undefined;
  const field = path.slice(prefix.length).replace(/^\./, '').split(/[.[]/)[0] ?? '';
  if (!origin) {
    problem(ctx, 'error', 'survey', undefined, undefined, code, {
      nl: `${path}: ${message.nl}`,
      en: `${path}: ${message.en}`,
    });
    return;
  }
  const key = field === 'code' ? 'name' : field === 'options' || field === 'rows' ? 'type' : field;
  const column = origin.columns[key] ?? field;
  problem(ctx, 'error', origin.sheet, origin.row, column ?? undefined, code, message);
}

function cellIssueMessage(reading: CellReading): Localised {
  const f = reading.formula ? ` (=${reading.formula.slice(0, 80)})` : '';
  switch (reading.issue) {
    case 'formula_without_value':
      return {
        nl: `Deze cel heeft een formule zonder opgeslagen uitkomst${f}. Weerbaar leest de cel als leeg. Open het bestand in Excel en sla het opnieuw op, of vervang de formule door de waarde.`,
        en: `this cell holds a formula without a stored result${f}; it is read as empty (open and save the file in Excel, or replace the formula by its value)`,
      };
    case 'error_value':
      return {
        nl: `Deze cel bevat een Excel-fout (zoals #N/A of #REF!)${f}. Weerbaar leest de cel als leeg. Verbeter de cel.`,
        en: `this cell holds an Excel error (such as #N/A or #REF!)${f}; it is read as empty`,
      };
    case 'invalid_date':
      return {
        nl: `Deze cel bevat een ongeldige datum${f}. Weerbaar leest de cel als leeg. Typ de waarde als tekst.`,
        en: `this cell holds an invalid date${f}; it is read as empty (type the value as text)`,
      };
    default:
      return {
        nl: `Weerbaar kan de waarde van deze cel niet lezen${f} en leest de cel als leeg.`,
        en: `the value of this cell cannot be read${f}; it is read as empty`,
      };
  }
}

/** One warning per cell whose text is not what Excel shows: nothing is read as empty silently. */
export function reportCellIssues(ctx: Ctx, sheet: Sheet) {
  for (const { row, column, reading } of sheet.issues)
    problem(
      ctx,
      'warning',
      sheet.name.trim().toLowerCase(),
      row,
      column,
      reading.issue ?? 'unreadable_value',
      cellIssueMessage(reading),
    );
}

/** A column that repeats an earlier one (same column and language) is not read: named if it has content. */
export function warnDuplicateColumns(ctx: Ctx, sheet: Sheet) {
  sheet.columns.forEach((c, i) => {
    const first = sheet.columns.slice(0, i).find((e) => e.base === c.base && e.lang === c.lang);
    if (!first) return;
    const used = sheet.rows.some((r) => r.cell(c.index) !== '');
    if (used)
      problem(ctx, 'warning', sheet.name.trim().toLowerCase(), 1, c, 'duplicate_column', {
        nl: `De kolom '${c.header}' herhaalt kolom '${first.header}' (${columnLetter(first.index)}). Weerbaar leest alleen de eerste; de inhoud van deze kolom wordt niet gebruikt.`,
        en: `column '${c.header}' repeats column '${first.header}' (${columnLetter(first.index)}); only the first is read and this column's content is ignored`,
      });
  });
}
