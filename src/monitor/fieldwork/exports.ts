/**
 * Exports: the raw responses of a wave (one row per response, item codes as columns, multiple choice
 * as 0/1 columns `<code>_<option>` per the item bank's conventions, stratum columns first) and the
 * non-respondents for phone or paper follow-up. As CSV (RFC 4180, UTF-8 with BOM for Excel) or XLSX.
 *
 * The response export reads only the responses table; in an anonymous wave it therefore holds no
 * name, e-mail or organisation.
 */
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { formatCsv } from '../../platform/csv/csv.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { listOrganisations } from '../../platform/orgs/service.js';
import { type QuestionnaireDefinition, variablesOf } from '../questionnaires/model.js';
import { responses } from '../responses/schema.js';
import { nonRespondents } from './invitations.js';
import { provinceOutlineCodes } from './model.js';
import { publishedVersion } from './questionnaire-link.js';
import { getWave } from './waves-service.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface Table {
  name: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/** What an XLSX worksheet can hold (Excel's own limits). */
export const xlsxLimits = { columns: 16_384, rows: 1_048_576, cellLength: 32_767 };

const nf = (n: number) => n.toLocaleString('nl-NL');

/**
 * Refuses a table that an XLSX file cannot hold, with a clear error instead of a failure half-way:
 * too many columns or rows, or a cell longer than Excel allows. CSV has no such limits.
 */
export function assertFitsXlsx(table: Table): void {
  const tooLarge = (detail: { nl: string; en: string }) => new AppError('export-too-large', { detail });
  if (table.columns.length > xlsxLimits.columns)
    throw tooLarge({
      nl: `Deze export heeft ${nf(table.columns.length)} kolommen; een Excel-bestand kan er hoogstens ${nf(xlsxLimits.columns)} hebben. Download de export als CSV.`,
      en: `the export has ${table.columns.length} columns; an XLSX sheet holds at most ${xlsxLimits.columns} (use format=csv)`,
    });
  if (table.rows.length + 1 > xlsxLimits.rows)
    throw tooLarge({
      nl: `Deze export heeft ${nf(table.rows.length)} rijen; een Excel-bestand kan er hoogstens ${nf(xlsxLimits.rows - 1)} hebben. Download de export als CSV.`,
      en: `the export has ${table.rows.length} rows; an XLSX sheet holds at most ${xlsxLimits.rows - 1} below its header (use format=csv)`,
    });
  const long = (v: unknown) => typeof v === 'string' && v.length > xlsxLimits.cellLength;
  const header = table.columns.findIndex(long);
  const row = header >= 0 ? -1 : table.rows.findIndex((r) => r.some(long));
  if (header >= 0 || row >= 0) {
    const column = header >= 0 ? table.columns[header]! : table.columns[table.rows[row]!.findIndex(long)]!;
    const where = header >= 0 ? 'de kopregel' : `rij ${row + 2}`;
    throw tooLarge({
      nl: `Een cel in ${where} (kolom ${column.slice(0, 80)}) is langer dan ${nf(xlsxLimits.cellLength)} tekens, meer dan Excel in een cel kan zetten. Download de export als CSV.`,
      en: `a cell in ${header >= 0 ? 'the header' : `row ${row + 2}`} (column ${column.slice(0, 80)}) is longer than ${xlsxLimits.cellLength} characters, more than an XLSX cell holds (use format=csv)`,
    });
  }
}

export async function tableFile(
  table: Table,
  format: ExportFormat,
): Promise<{ body: Buffer; type: string; ext: string }> {
  if (format === 'csv') {
    const text = formatCsv([
      table.columns,
      ...table.rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    ]);
    return { body: Buffer.from(`\ufeff${text}`, 'utf8'), type: 'text/csv; charset=utf-8', ext: 'csv' };
  }
  assertFitsXlsx(table);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.name.slice(0, 31));
  ws.addRow(table.columns);
  ws.getRow(1).font = { bold: true };
  for (const r of table.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = await wb.xlsx.writeBuffer();
  return {
    body: Buffer.from(buf as ArrayBuffer),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
  };
}

async function orgCodes(db: DbOrTx): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let page = 1; ; page++) {
    const r = await listOrganisations(db, { includeEnded: true, page, pageSize: 500 });
    for (const o of r.items) out.set(o.id, o.code);
    if (r.items.length === 0 || page * r.pageSize >= r.total) break;
  }
  return out;
}

const strataColumns = [
  'bg_layer',
  'bg_role',
  'bg_role_group',
  'bg_province',
  'bg_org_size',
  'bg_gender',
  'bg_age_group',
] as const;
const strataAliases: Record<(typeof strataColumns)[number], string[]> = {
  bg_layer: ['bg_layer', 'layer'],
  bg_role: ['bg_role', 'role'],
  bg_role_group: ['bg_role_group', 'roleGroup'],
  bg_province: ['bg_province', 'province', 'provinceCode'],
  bg_org_size: ['bg_org_size', 'sizeClass'],
  bg_gender: ['bg_gender', 'gender'],
  bg_age_group: ['bg_age_group', 'ageGroup'],
};

function stratumValue(strata: Record<string, unknown>, col: (typeof strataColumns)[number]): string | null {
  for (const k of strataAliases[col]) {
    const v = strata[k];
    if (v !== undefined && v !== null && v !== '') {
      const s = String(v);
      return col === 'bg_province' ? (provinceOutlineCodes[s] ?? s) : s;
    }
  }
  return null;
}

type Column = { name: string; value: (answers: Record<string, unknown>) => string | number | null };

/** The columns a definition produces, in questionnaire order. */
export function columnsOf(def: QuestionnaireDefinition): Column[] {
  const cols: Column[] = [];
  const scalar = (code: string): Column => ({
    name: code,
    value: (a) => {
      const v = a[code];
      if (v === undefined || v === null) return null;
      if (Array.isArray(v)) return v.join(' ');
      return typeof v === 'number' ? v : String(v);
    },
  });
  const dummies = (code: string, options: Array<{ code: string }>): Column[] =>
    options.map((o) => ({
      name: `${code}_${o.code}`,
      value: (a) => {
        const v = a[code];
        if (v === undefined || v === null || v === 'nvt') return null;
        return Array.isArray(v) ? (v.includes(o.code) ? 1 : 0) : v === o.code ? 1 : 0;
      },
    }));
  for (const v of variablesOf(def)) {
    if (v.kind === 'multiple_choice' && 'options' in v.item) cols.push(...dummies(v.code, v.item.options));
    else if (v.kind === 'matrix_row' && v.item.type === 'matrix' && v.item.multiple) {
      cols.push(...dummies(v.code, v.item.options));
    } else cols.push(scalar(v.code));
  }
  return cols;
}

/** Columns from the answers themselves, when a version's definition is not available. */
function columnsFromAnswers(rows: Array<Record<string, unknown>>): Column[] {
  const scalars = new Set<string>();
  const multi = new Map<string, Set<string>>();
  for (const a of rows) {
    for (const [k, v] of Object.entries(a)) {
      if (Array.isArray(v)) {
        const set = multi.get(k) ?? new Set<string>();
        for (const x of v) set.add(String(x));
        multi.set(k, set);
      } else scalars.add(k);
    }
  }
  const cols: Column[] = [];
  for (const k of [...new Set([...scalars, ...multi.keys()])].sort()) {
    const opts = multi.get(k);
    if (opts) {
      for (const o of [...opts].sort()) {
        cols.push({
          name: `${k}_${o}`,
          value: (a) => (Array.isArray(a[k]) ? ((a[k] as unknown[]).includes(o) ? 1 : 0) : null),
        });
      }
    } else {
      cols.push({
        name: k,
        value: (a) => (a[k] === undefined || a[k] === null ? null : (a[k] as string | number)),
      });
    }
  }
  return cols;
}

/** One row per response; `completedOnly` leaves out responses still in progress. */
export async function responsesTable(
  db: DbOrTx,
  waveId: string,
  options: { completedOnly?: boolean } = {},
): Promise<Table> {
  const wave = await getWave(db, waveId);
  const rows = await db
    .select()
    .from(responses)
    .where(eq(responses.waveId, waveId))
    .orderBy(asc(responses.targetGroup), asc(responses.startedOn), asc(responses.id));
  const kept = options.completedOnly ? rows.filter((r) => r.status === 'completed') : rows;
  const versions = [...new Set(kept.map((r) => r.questionnaireVersionId))];
  const itemCols: Column[] = [];
  const seen = new Set<string>();
  const withoutDefinition: Array<Record<string, unknown>> = [];
  const addColumn = (c: Column) => {
    if (seen.has(c.name)) return;
    seen.add(c.name);
    itemCols.push(c);
  };
  for (const id of versions) {
    const info = await publishedVersion(db, id).catch(() => undefined);
    if (info?.definition) {
      for (const c of columnsOf(info.definition)) addColumn(c);
    } else {
      withoutDefinition.push(
        ...kept
          .filter((r) => r.questionnaireVersionId === id)
          .map((r) => r.answers as Record<string, unknown>),
      );
    }
  }
  for (const c of columnsFromAnswers(withoutDefinition)) addColumn(c);
  const codes = kept.some((r) => r.organisationId) ? await orgCodes(db) : new Map<string, string>();
  const columns = [
    'response_id',
    'wave',
    'target_group',
    'questionnaire_version_id',
    'status',
    'started_on',
    'completed_on',
    ...strataColumns,
    'bg_org',
    ...itemCols.map((c) => c.name),
  ];
  const out = kept.map((r) => {
    const strata = (r.strata ?? {}) as Record<string, unknown>;
    const answers = (r.answers ?? {}) as Record<string, unknown>;
    return [
      r.id,
      wave.code,
      r.targetGroup,
      r.questionnaireVersionId,
      r.status,
      r.startedOn,
      r.completedOn,
      ...strataColumns.map((c) => stratumValue(strata, c)),
      r.organisationId ? (codes.get(r.organisationId) ?? r.organisationId) : null,
      ...itemCols.map((c) => c.value(answers)),
    ];
  });
  return { name: 'responses', columns, rows: out };
}

export async function nonRespondentsTable(db: DbOrTx, waveId: string, serverKey?: Buffer): Promise<Table> {
  const list = await nonRespondents(db, waveId, serverKey);
  const codes = await orgCodes(db);
  const extra = [...new Set(list.flatMap((p) => Object.keys(p.strata)))].sort();
  return {
    name: 'non-respondents',
    columns: [
      'naam',
      'email',
      'rol',
      'organisatie',
      'bestuurslaag',
      'status',
      'herinneringen',
      'uitgenodigd_op',
      // Mail that did not arrive, for follow-up by phone: bounced | failed, which mail, why, when.
      'niet_bezorgd',
      'niet_bezorgd_mail',
      'niet_bezorgd_reden',
      'niet_bezorgd_op',
      ...extra,
    ],
    rows: list.map((p) => [
      p.name,
      p.email,
      p.role,
      codes.get(p.organisationId) ?? p.organisationId,
      p.layer,
      p.status,
      p.remindersSent,
      p.invitedAt ? p.invitedAt.toISOString().slice(0, 10) : null,
      p.undelivered?.status ?? null,
      p.undelivered
        ? p.undelivered.reminder
          ? `herinnering_${p.undelivered.reminder}`
          : 'uitnodiging'
        : null,
      p.undelivered?.reason ?? null,
      p.undelivered?.at ? p.undelivered.at.toISOString().slice(0, 10) : null,
      ...extra.map((k) => p.strata[k] ?? null),
    ]),
  };
}
