/**
 * Reading the coordinator's contact list (issue 16, item 1) from CSV (RFC 4180 via src/platform/csv,
 * comma or semicolon) or XLSX (exceljs, after the platform's ZIP guard), with limits checked while the
 * file is read. Columns: naam/name, e-mail/email, and optionally functie/rol/role. Every problem names
 * its line and column; a file with any problem yields no contacts at all (the caller imports nothing).
 *
 * This is the Meldpunt's own list: it never reads the monitor's sample frame.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { readCsvTableAsync } from '../../platform/csv/csv.js';
import { AppError, type Localised } from '../../platform/errors.js';
import { checkZip } from '../../platform/files/zip-guard.js';
import { incidentsNl } from './messages.js';
import { type roles as roleList, roles } from './model.js';

export const contactLimits = {
  /** The upload (multipart body) in bytes. */
  bytes: 5 * 1024 * 1024,
  /** Contacts (data rows). */
  rows: 5_000,
  columns: 20,
  cellLength: 320,
  /** An XLSX unpacked. */
  unpackedBytes: 32 * 1024 * 1024,
};

export interface ContactLine {
  line: number;
  name: string;
  email: string;
  role: (typeof roleList)[number] | null;
}

export interface ContactProblem {
  line: number;
  column: number;
  /** The column as named in the file's header (or the expected name when it is missing). */
  field: string;
  message: Localised;
}

const HEADERS = {
  name: ['naam', 'name', 'volledige naam'],
  email: ['e-mail', 'email', 'e-mailadres', 'emailadres', 'mail'],
  role: ['functie', 'rol', 'role'],
} as const;

const emailSchema = z.email();

/** Role codes by lower-cased code and Dutch label ("Raadslid", "Wethouder", …). */
const roleByText = new Map<string, (typeof roleList)[number]>(
  roles.flatMap((r) => [
    [r, r] as const,
    [incidentsNl[`incidents.role.${r}` as keyof typeof incidentsNl].toLowerCase(), r] as const,
  ]),
);

interface Table {
  header: string[];
  rows: Array<{ line: number; values: Record<string, string>; column(name: string): number }>;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

async function readTable(file: string, data: Buffer): Promise<Table> {
  if (data.length === 0) {
    throw new AppError('invalid-file', {
      detail: { nl: 'Het bestand is leeg. Kies een bestand met gegevens.', en: 'the file is empty' },
      location: { file, line: 1 },
    });
  }
  if (/\.xlsx$/i.test(file) || data.subarray(0, 4).equals(XLSX_MAGIC)) return readXlsx(file, data);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('invalid-file', {
      detail: {
        nl: 'Het bestand is geen UTF-8-tekst. Sla het op als "CSV UTF-8", of kies het .xlsx-bestand.',
        en: 'the file is not UTF-8 text (save it as "CSV UTF-8", or choose the .xlsx)',
      },
      location: { file },
    });
  }
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const t = await readCsvTableAsync(text, {
    file,
    delimiter,
    limits: {
      maxRows: contactLimits.rows,
      maxColumns: contactLimits.columns,
      maxCellLength: contactLimits.cellLength,
    },
  });
  return {
    header: t.header,
    rows: t.rows.map((r) => ({ line: r.line, values: r.values, column: (c) => r.position(c).column })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((p) => p.text).join('');
    if (typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return '';
}

const tooLarge = (file: string, line: number, column: number, what: Localised) =>
  new AppError('file-too-large', { detail: what, location: { file, line, column } });

async function readXlsx(file: string, data: Buffer): Promise<Table> {
  await checkZip(data, { maxUnpackedBytes: contactLimits.unpackedBytes }, file);
  const header: string[] = [];
  const rows: Table['rows'] = [];
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      if (sheets++ > 0) {
        for await (const _ of sheet) await yieldTurn(); // only the first worksheet counts
        continue;
      }
      let count = 0;
      for await (const row of sheet) {
        const n = row.number;
        if (++count > contactLimits.rows + 1)
          throw tooLarge(file, n, 1, {
            nl: `Het bestand heeft meer dan ${contactLimits.rows} rijen; dat is de grens.`,
            en: `the file has more than ${contactLimits.rows} rows, the limit`,
          });
        if (row.cellCount > contactLimits.columns)
          throw tooLarge(file, n, contactLimits.columns + 1, {
            nl: `Deze rij heeft meer dan ${contactLimits.columns} kolommen; dat is de grens.`,
            en: `the row has more than ${contactLimits.columns} columns, the limit`,
          });
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const text = cellText(cell.value);
          if (text.length > contactLimits.cellLength)
            throw tooLarge(file, n, col, {
              nl: `Deze cel is langer dan ${contactLimits.cellLength} tekens; dat is de grens.`,
              en: `the cell is longer than ${contactLimits.cellLength} characters, the limit`,
            });
          cells[col - 1] = text;
        });
        if (header.length === 0) {
          for (let i = 0; i < cells.length; i++) header.push((cells[i] ?? '').trim().toLowerCase());
          continue;
        }
        const values: Record<string, string> = {};
        header.forEach((h, i) => {
          if (h) values[h] = cells[i] ?? '';
        });
        rows.push({ line: n, values, column: (c) => header.indexOf(c) + 1 });
        if ((count & 63) === 0) await yieldTurn();
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('invalid-file', {
      detail: {
        nl: 'Het Excel-bestand kon niet worden gelezen. Sla het opnieuw op als .xlsx, of kies een CSV-bestand.',
        en: 'the Excel file could not be read (save it again as .xlsx, or choose a CSV file)',
      },
      location: { file },
    });
  }
  if (header.length === 0) {
    throw new AppError('invalid-file', {
      detail: { nl: 'Het bestand is leeg. Kies een bestand met gegevens.', en: 'the file is empty' },
      location: { file, line: 1 },
    });
  }
  return { header, rows };
}

/**
 * The contacts of a file, or AppError('invalid-file') whose `cause` is the list of problems (each with
 * line and column) — all of them, not only the first. Limits give 'file-too-large' at the place crossed.
 */
export async function readContactsFile(file: string, data: Buffer): Promise<ContactLine[]> {
  const table = await readTable(file, data);
  const find = (names: readonly string[]) => table.header.find((h) => names.includes(h));
  const nameCol = find(HEADERS.name);
  const emailCol = find(HEADERS.email);
  const roleCol = find(HEADERS.role);
  const problems: ContactProblem[] = [];
  if (!nameCol || !emailCol) {
    const missing = [!nameCol && 'naam', !emailCol && 'e-mail'].filter(Boolean).join(', ');
    problems.push({
      line: 1,
      column: table.header.length + 1,
      field: missing,
      message: {
        nl: `De kopregel mist de kolom ${missing}. Nodig: naam en e-mail; functie mag.`,
        en: `the header lacks the column ${missing} (needed: naam and e-mail; functie is optional)`,
      },
    });
    throw invalid(file, problems);
  }
  const out: ContactLine[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = (row.values[nameCol] ?? '').trim();
    const email = (row.values[emailCol] ?? '').trim().toLowerCase();
    const roleText = roleCol ? (row.values[roleCol] ?? '').trim().toLowerCase() : '';
    if (!name && !email && !roleText) continue; // an empty line
    const at = (col: string) => ({ line: row.line, column: Math.max(1, row.column(col)), field: col });
    if (!name)
      problems.push({ ...at(nameCol), message: { nl: 'De naam ontbreekt.', en: 'the name is missing' } });
    if (!emailSchema.safeParse(email).success || email.length > 254)
      problems.push({
        ...at(emailCol),
        message: { nl: 'Dit is geen geldig e-mailadres.', en: 'not a valid e-mail address' },
      });
    else if (seen.has(email))
      problems.push({
        ...at(emailCol),
        message: {
          nl: `Dit e-mailadres staat ook op regel ${seen.get(email)}.`,
          en: `this e-mail address is also on line ${seen.get(email)}`,
        },
      });
    else seen.set(email, row.line);
    const role = roleText ? roleByText.get(roleText) : null;
    if (role === undefined)
      problems.push({
        ...at(roleCol!),
        message: {
          nl: 'Onbekende functie. Gebruik bijvoorbeeld Raadslid, Wethouder, Burgemeester of Griffier, of laat de cel leeg.',
          en: 'unknown role (use e.g. raadslid, wethouder, burgemeester or griffier, or leave the cell empty)',
        },
      });
    out.push({ line: row.line, name, email, role: role ?? null });
  }
  if (problems.length) throw invalid(file, problems);
  if (out.length === 0)
    throw invalid(file, [
      {
        line: 2,
        column: 1,
        field: nameCol,
        message: { nl: 'Het bestand heeft geen contactpersonen.', en: 'the file holds no contacts' },
      },
    ]);
  return out;
}

function invalid(file: string, problems: ContactProblem[]) {
  const first = problems[0]!;
  return new AppError('invalid-file', {
    detail: {
      nl: `Er is niets geïmporteerd: ${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'} in het bestand.`,
      en: `nothing was imported: ${problems.length} problem(s) in the file`,
    },
    location: { file, line: first.line, column: first.column },
    cause: problems,
  });
}
