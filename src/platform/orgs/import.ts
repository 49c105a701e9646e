/**
 * Importing a (newer) list of organisations: CSV files in the formats of data/organisations/ (see
 * docs/organisations.md) or rows parsed elsewhere. Validated first (every problem with file, line and
 * column; nothing written when there is one), then applied in one transaction with one audit record.
 * Idempotent: importing the same list again changes nothing and writes no audit record.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Actor, audit } from '../audit/audit.js';
import { type CsvRow, type CsvTable, readCsvTable } from '../csv/csv.js';
import type { DbOrTx } from '../db/database.js';
import { AppError, isAppError, type Lang, type Localised, textIn } from '../errors.js';
import { type MessageKey, t as translate } from '../i18n/catalogue.js';
import {
  codePatterns,
  type Layer,
  layers,
  type Merger,
  type MergerType,
  mergerTypes,
  type Organisation,
  provinceCodes,
  sizeClassOf,
} from './model.js';
import { allMergers, allOrganisations } from './repository.js';
import { organisationMergerSources, organisationMergers, organisations } from './schema.js';

export interface ImportFile {
  name: string;
  content: string;
}

export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

/** One organisation in a list. Facts left undefined are not changed by the import. */
export interface OrgRow {
  code: string;
  name?: string;
  layer?: Layer;
  provinceCode?: string | null;
  inhabitants?: number | null;
  inhabitantsDate?: string | null;
  /** Where the row is (its code), and where its province is, for problems. */
  at?: SourceRef;
  provinceAt?: SourceRef;
}

export interface MergerRow {
  effectiveDate: string;
  type: MergerType;
  successorCode: string;
  successorName?: string;
  sources: Array<{ code: string; name: string; partial: boolean }>;
  notes?: string | null;
  at?: SourceRef;
}

export interface ParsedImport {
  /** Organisations in full lists (they define which layers are listed). */
  rows: OrgRow[];
  /** Facts for organisations listed elsewhere (inhabitants.csv). */
  facts?: OrgRow[];
  mergers?: MergerRow[];
}

export type ImportInput = { files: ImportFile[] } | ParsedImport;

export interface ImportProblem extends SourceRef {
  /** English, for the CLI and the API. */
  message: string;
  /** For other languages: the text is `orgs.problem.<code>` in the catalogue, filled with params. */
  code: ProblemCode;
  params: Record<string, string | number | Localised>;
}

export type ProblemCode = keyof typeof problemKeys;
const problemKeys = {
  columns: 'orgs.problem.columns',
  inhabitantsMissing: 'orgs.problem.inhabitantsMissing',
  inhabitantsNumber: 'orgs.problem.inhabitantsNumber',
  date: 'orgs.problem.date',
  provincesUnknown: 'orgs.problem.provincesUnknown',
  layer: 'orgs.problem.layer',
  type: 'orgs.problem.type',
  oldNames: 'orgs.problem.oldNames',
  successorFormat: 'orgs.problem.successorFormat',
  oldCodeFormat: 'orgs.problem.oldCodeFormat',
  codeMissing: 'orgs.problem.codeMissing',
  codeFormat: 'orgs.problem.codeFormat',
  nameMissing: 'orgs.problem.nameMissing',
  duplicate: 'orgs.problem.duplicate',
  provinceUnknown: 'orgs.problem.provinceUnknown',
  provinceMissing: 'orgs.problem.provinceMissing',
  unknownOrganisation: 'orgs.problem.unknownOrganisation',
  unknownSuccessor: 'orgs.problem.unknownSuccessor',
  sourceIsSuccessor: 'orgs.problem.sourceIsSuccessor',
  sourceInList: 'orgs.problem.sourceInList',
  csv: 'orgs.problem.csv',
} as const satisfies Record<string, MessageKey>;

/** A problem in the given language. */
export const problemText = (lang: Lang, p: Pick<ImportProblem, 'code' | 'params'>) =>
  translate(
    lang,
    problemKeys[p.code],
    Object.fromEntries(
      Object.entries(p.params).map(([k, v]) => [k, typeof v === 'object' ? textIn(v, lang) : v]),
    ),
  );

const codeExamples: Record<Layer, string> = {
  gemeente: 'GM0363',
  provincie: 'PV27',
  waterschap: 'ws0155',
  rijk: 'BZK',
  overig: 'BZK',
};

export interface ImportReport {
  dryRun: boolean;
  added: Array<{ code: string; name: string; layer: string }>;
  updated: Array<{ code: string; name: string; changes: Record<string, [unknown, unknown]> }>;
  /** Ended by a herindeling in the import (valid_to set). */
  ended: Array<{ code: string; name: string; validTo: string }>;
  /** Active organisations of a listed layer that the list does not contain (not changed). */
  notInList: Array<{ code: string; name: string; layer: string }>;
  unchanged: number;
  mergers: { added: number; updated: number; unchanged: number };
  /** Organisations that existed only before a herindeling in the import, added as ended. */
  historical: number;
}

export const hasChanges = (r: ImportReport) =>
  r.added.length + r.updated.length + r.ended.length + r.mergers.added + r.mergers.updated + r.historical > 0;

// ---------------------------------------------------------------------------------------------
// Parsing the files

type Format = 'gemeenten' | 'provincies' | 'waterschappen' | 'herindelingen' | 'inhabitants' | 'combined';

const formats: Array<{ format: Format; required: string[] }> = [
  {
    format: 'herindelingen',
    required: ['date', 'new_cbs_code', 'new_name', 'old_cbs_codes', 'old_names', 'type'],
  },
  { format: 'combined', required: ['code', 'name', 'layer'] },
  { format: 'gemeenten', required: ['cbs_code', 'name', 'province_code'] },
  { format: 'inhabitants', required: ['cbs_code', 'inhabitants'] },
  { format: 'waterschappen', required: ['code', 'name', 'provinces'] },
  { format: 'provincies', required: ['code', 'name'] },
];

export const formatDescriptions = [
  'gemeenten: cbs_code,name,province_code[,province_name][,inhabitants][,inhabitants_date]',
  'provincies: code,name',
  'waterschappen: code,name,provinces (province codes separated by ;)',
  'inhabitants: cbs_code,inhabitants[,reference_date][,source]',
  'herindelingen: date,new_cbs_code,new_name,old_cbs_codes,old_names,type[,notes]',
  'combined: code,name,layer[,province_code][,inhabitants][,inhabitants_date]',
];

function detectFormat(t: CsvTable): Format | undefined {
  return formats.find((f) => f.required.every((c) => t.header.includes(c)))?.format;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

class Collector {
  problems: ImportProblem[] = [];
  add(at: SourceRef, code: ProblemCode, params: ImportProblem['params'] = {}) {
    this.problems.push({ ...at, code, params, message: problemText('en', { code, params }) });
  }
}

function parseTable(t: CsvTable, out: Required<ParsedImport>, c: Collector) {
  const format = detectFormat(t);
  if (!format) {
    c.add({ file: t.file, line: 1, column: 1 }, 'columns', {
      columns: t.header.join(','),
      formats: formatDescriptions.join(' | '),
    });
    return;
  }
  const at = (r: CsvRow, col: string): SourceRef => ({ file: t.file, ...r.position(col) });
  const v = (r: CsvRow, col: string) => (r.values[col] ?? '').trim();
  const inhabitantsOf = (r: CsvRow): { inhabitants?: number | null; inhabitantsDate?: string | null } => {
    const out: { inhabitants?: number | null; inhabitantsDate?: string | null } = {};
    if ('inhabitants' in r.values) {
      const raw = v(r, 'inhabitants').replaceAll('_', '');
      if (raw === '') {
        if (format === 'inhabitants') c.add(at(r, 'inhabitants'), 'inhabitantsMissing');
      } else if (!/^\d{1,9}$/.test(raw)) {
        c.add(at(r, 'inhabitants'), 'inhabitantsNumber', { value: JSON.stringify(raw) });
      } else out.inhabitants = Number(raw);
    }
    const dateCol = 'reference_date' in r.values ? 'reference_date' : 'inhabitants_date';
    if (dateCol in r.values && v(r, dateCol) !== '') {
      if (!validDate(v(r, dateCol))) c.add(at(r, dateCol), 'date', { column: dateCol });
      else if (out.inhabitants !== undefined) out.inhabitantsDate = v(r, dateCol);
    }
    return out;
  };

  for (const r of t.rows) {
    switch (format) {
      case 'gemeenten':
        out.rows.push({
          code: v(r, 'cbs_code'),
          name: v(r, 'name'),
          layer: 'gemeente',
          provinceCode: v(r, 'province_code') || null,
          ...inhabitantsOf(r),
          at: at(r, 'cbs_code'),
          provinceAt: at(r, 'province_code'),
        });
        break;
      case 'provincies':
        out.rows.push({
          code: v(r, 'code'),
          name: v(r, 'name'),
          layer: 'provincie',
          provinceCode: v(r, 'code'),
          at: at(r, 'code'),
        });
        break;
      case 'waterschappen': {
        const list = v(r, 'provinces')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean);
        out.rows.push({
          code: v(r, 'code'),
          name: v(r, 'name'),
          layer: 'waterschap',
          // One province column: a water board in several provinces has none; an empty column
          // (the reference data has no source for it) leaves what an administrator entered.
          provinceCode: list.length === 1 ? list[0]! : list.length === 0 ? undefined : null,
          at: at(r, 'code'),
        });
        for (const p of list)
          if (!/^PV\d{2}$/.test(p)) c.add(at(r, 'provinces'), 'provincesUnknown', { code: p });
        break;
      }
      case 'inhabitants':
        out.facts.push({ code: v(r, 'cbs_code'), ...inhabitantsOf(r), at: at(r, 'cbs_code') });
        break;
      case 'combined': {
        const layer = v(r, 'layer');
        if (!(layers as readonly string[]).includes(layer)) {
          c.add(at(r, 'layer'), 'layer', { layers: layers.join(', '), value: JSON.stringify(layer) });
        }
        const code = v(r, 'code');
        out.rows.push({
          code,
          name: v(r, 'name'),
          layer: layer as Layer,
          provinceCode: layer === 'provincie' ? code : v(r, 'province_code') || null,
          ...inhabitantsOf(r),
          at: at(r, 'code'),
          provinceAt: 'province_code' in r.values ? at(r, 'province_code') : undefined,
        });
        break;
      }
      case 'herindelingen': {
        const date = v(r, 'date');
        if (!validDate(date)) c.add(at(r, 'date'), 'date', { column: 'date' });
        const type = v(r, 'type');
        if (!(mergerTypes as readonly string[]).includes(type)) {
          c.add(at(r, 'type'), 'type', { types: mergerTypes.join(', '), value: JSON.stringify(type) });
        }
        const codes = v(r, 'old_cbs_codes')
          .split(';')
          .map((s) => s.trim());
        const names = v(r, 'old_names')
          .split(';')
          .map((s) => s.trim());
        if (codes.length !== names.length) {
          c.add(at(r, 'old_names'), 'oldNames', { names: names.length, codes: codes.length });
        }
        const successorCode = v(r, 'new_cbs_code');
        if (!codePatterns.gemeente.test(successorCode)) {
          c.add(at(r, 'new_cbs_code'), 'successorFormat');
        }
        codes.forEach((code) => {
          if (!codePatterns.gemeente.test(code)) {
            c.add(at(r, 'old_cbs_codes'), 'oldCodeFormat', { value: JSON.stringify(code) });
          }
        });
        out.mergers.push({
          effectiveDate: date,
          type: type as MergerType,
          successorCode,
          successorName: v(r, 'new_name'),
          sources: codes.map((code, i) => {
            const raw = names[i] ?? code;
            const partial = / \(deel\)$/.test(raw) || type === 'opsplitsing';
            return { code, name: raw.replace(/ \(deel\)$/, ''), partial };
          }),
          notes: v(r, 'notes') || null,
          at: at(r, 'date'),
        });
        break;
      }
    }
  }
}

/**
 * What one import may hold (docs/organisations.md). The registry's own files are a few hundred rows and
 * under 100 kB; the limits leave ample room, refuse a hostile file where it crosses them, and keep the
 * (synchronous) parsing of a whole import well under 100 ms.
 */
export const importLimits = {
  /** Characters in all files of one import together. */
  totalChars: 5_000_000,
  /** Data rows per file. */
  rows: 10_000,
  /** Columns per file. */
  columns: 20,
  /** Characters in one field. */
  cellLength: 1_000,
  /** Problems listed in an answer (all are counted). */
  listedProblems: 1_000,
};

/** Reads import files; CSV syntax errors and limits become problems like any other. */
export function parseImportFiles(files: ImportFile[]): {
  parsed: Required<ParsedImport>;
  problems: ImportProblem[];
} {
  const parsed: Required<ParsedImport> = { rows: [], facts: [], mergers: [] };
  const c = new Collector();
  const total = files.reduce((n, f) => n + f.content.length, 0);
  if (total > importLimits.totalChars) {
    c.add({ file: files[0]?.name ?? '<input>', line: 1, column: 1 }, 'csv', {
      detail: {
        nl: `De bestanden zijn samen ${total.toLocaleString('nl-NL')} tekens lang; een import mag hoogstens ${importLimits.totalChars.toLocaleString('nl-NL')} tekens zijn.`,
        en: `the files hold ${total} characters together; an import may hold at most ${importLimits.totalChars}`,
      },
    });
    return { parsed, problems: c.problems };
  }
  const limits = {
    maxRows: importLimits.rows,
    maxColumns: importLimits.columns,
    maxCellLength: importLimits.cellLength,
  };
  for (const f of files) {
    try {
      parseTable(readCsvTable(f.content, { file: f.name, limits }), parsed, c);
    } catch (err) {
      if (!isAppError(err) || !err.location) throw err;
      c.add(
        { file: err.location.file, line: err.location.line ?? 1, column: err.location.column ?? 1 },
        'csv',
        { detail: err.localised.detail ?? err.message },
      );
    }
  }
  return { parsed, problems: c.problems };
}

/** The problems as one error: `file:line:column: message` first, all of them as invalidParams. */
export function importError(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const first = sorted[0]!;
  return new AppError('invalid-file', {
    cause: sorted.slice(0, importLimits.listedProblems),
    detail: {
      nl:
        problemText('nl', first) +
        (sorted.length > 1
          ? ` (en nog ${sorted.length - 1} ${sorted.length > 2 ? 'problemen' : 'probleem'})`
          : ''),
      en:
        first.message +
        (sorted.length > 1 ? ` (and ${sorted.length - 1} more problem${sorted.length > 2 ? 's' : ''})` : ''),
    },
    location: { file: first.file, line: first.line, column: first.column },
    invalidParams: sorted.slice(0, importLimits.listedProblems).map((p) => ({
      name: `${p.file}:${p.line}:${p.column}`,
      code: 'invalid',
      reason: { nl: problemText('nl', p), en: p.message },
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Planning and applying

const noRef: SourceRef = { file: '<input>', line: 1, column: 1 };
const trackedFields = [
  'name',
  'layer',
  'provinceCode',
  'inhabitants',
  'inhabitantsDate',
  'sizeClass',
] as const;

interface Plan {
  report: ImportReport;
  inserts: Array<typeof organisations.$inferInsert>;
  updates: Array<{ id: string; set: Partial<Organisation> }>;
  ends: Array<{ id: string; validTo: string }>;
  newMergers: MergerRow[];
  replacedMergers: Array<{ id: string; row: MergerRow }>;
}

function validate(input: Required<ParsedImport>, existing: Organisation[], c: Collector) {
  const known = new Set<string>([
    ...provinceCodes,
    ...existing.filter((o) => o.layer === 'provincie').map((o) => o.code),
    ...input.rows.filter((r) => r.layer === 'provincie').map((r) => r.code),
  ]);
  const firstAt = new Map<string, SourceRef>();
  for (const r of input.rows) {
    const at = r.at ?? noRef;
    const layer = r.layer;
    if (layer && !(layers as readonly string[]).includes(layer)) {
      c.add(at, 'layer', { layers: layers.join(', '), value: JSON.stringify(layer) });
    }
    if (!r.code) c.add(at, 'codeMissing');
    else if (layer && codePatterns[layer] && !codePatterns[layer].test(r.code)) {
      c.add(at, 'codeFormat', { value: JSON.stringify(r.code), layer, example: codeExamples[layer] });
    }
    if (r.name !== undefined && r.name.trim() === '') c.add(at, 'nameMissing');
    const prev = firstAt.get(r.code);
    if (prev) c.add(at, 'duplicate', { code: r.code, first: `${prev.file}:${prev.line}` });
    else firstAt.set(r.code, at);
    const provinceAt = r.provinceAt ?? at;
    if (r.provinceCode && !known.has(r.provinceCode)) {
      c.add(provinceAt, 'provinceUnknown', { code: r.provinceCode });
    }
    if (layer === 'gemeente' && !r.provinceCode) {
      c.add(provinceAt, 'provinceMissing');
    }
    if (
      r.inhabitants !== undefined &&
      r.inhabitants !== null &&
      !(Number.isInteger(r.inhabitants) && r.inhabitants >= 0)
    ) {
      c.add(at, 'inhabitantsNumber', { value: String(r.inhabitants) });
    }
  }
  const existingCodes = new Set(existing.map((o) => o.code));
  const factAt = new Map<string, SourceRef>();
  for (const f of input.facts) {
    const at = f.at ?? noRef;
    if (!firstAt.has(f.code) && !existingCodes.has(f.code))
      c.add(at, 'unknownOrganisation', { code: f.code });
    const prev = factAt.get(f.code);
    if (prev) c.add(at, 'duplicate', { code: f.code, first: `${prev.file}:${prev.line}` });
    else factAt.set(f.code, at);
  }
  const listedOrExisting = (code: string) => firstAt.has(code) || existingCodes.has(code);
  const laterSources = new Set(input.mergers.flatMap((m) => m.sources.map((s) => s.code)));
  const today = new Date().toISOString().slice(0, 10);
  for (const m of input.mergers) {
    const at = m.at ?? noRef;
    if (!listedOrExisting(m.successorCode) && !laterSources.has(m.successorCode)) {
      c.add(at, 'unknownSuccessor', { code: m.successorCode });
    }
    for (const s of m.sources) {
      if (s.code === m.successorCode) c.add(at, 'sourceIsSuccessor', { code: s.code });
      // An announced herindeling (in the future) may end organisations that the list still has.
      else if (firstAt.has(s.code) && m.effectiveDate <= today) {
        c.add(at, 'sourceInList', { code: s.code });
      }
    }
  }
}

function plan(
  input: Required<ParsedImport>,
  existing: Organisation[],
  existingMergers: Merger[],
  dryRun: boolean,
): Plan {
  const report: ImportReport = {
    dryRun,
    added: [],
    updated: [],
    ended: [],
    notInList: [],
    unchanged: 0,
    mergers: { added: 0, updated: 0, unchanged: 0 },
    historical: 0,
  };
  const p: Plan = { report, inserts: [], updates: [], ends: [], newMergers: [], replacedMergers: [] };
  const byCode = new Map(existing.map((o) => [o.code, o]));

  // Facts from separate files join their organisation's row.
  const rows = new Map(input.rows.map((r) => [r.code, { ...r }]));
  const factOnly: OrgRow[] = [];
  for (const f of input.facts) {
    const r = rows.get(f.code);
    if (r) {
      if (f.inhabitants !== undefined) r.inhabitants = f.inhabitants;
      if (f.inhabitantsDate !== undefined) r.inhabitantsDate = f.inhabitantsDate;
    } else factOnly.push(f);
  }
  // A new successor of a samenvoeging starts on the merger date.
  const startsOn = new Map<string, string>();
  for (const m of input.mergers)
    if (m.type === 'samenvoeging') startsOn.set(m.successorCode, m.effectiveDate);

  // Existing successors of a samenvoeging that the lists do not mention still get their start date.
  const datedOnly: OrgRow[] = [...startsOn.keys()]
    .filter((code) => byCode.has(code) && !rows.has(code) && !factOnly.some((f) => f.code === code))
    .map((code) => ({ code }));

  for (const r of [...rows.values(), ...factOnly, ...datedOnly]) {
    const next: Partial<Organisation> = {};
    for (const f of trackedFields) if (f !== 'sizeClass' && r[f] !== undefined) (next as any)[f] = r[f];
    if (r.inhabitants !== undefined) next.sizeClass = sizeClassOf(r.inhabitants);
    const before = byCode.get(r.code);
    // A samenvoeging in the import dates the start of its (new) successor, if not dated yet.
    if (startsOn.has(r.code) && !before?.validFrom) next.validFrom = startsOn.get(r.code)!;
    if (!before) {
      p.inserts.push({
        code: r.code,
        name: r.name ?? r.code,
        layer: r.layer ?? 'overig',
        provinceCode: next.provinceCode ?? null,
        inhabitants: next.inhabitants ?? null,
        inhabitantsDate: next.inhabitantsDate ?? null,
        sizeClass: next.sizeClass ?? null,
        validFrom: next.validFrom ?? null,
      });
      report.added.push({ code: r.code, name: r.name ?? r.code, layer: r.layer ?? 'overig' });
      continue;
    }
    const changes: Record<string, [unknown, unknown]> = {};
    for (const f of [...trackedFields, 'validFrom'] as const) {
      if (f in next && (next as any)[f] !== (before as any)[f])
        changes[f] = [(before as any)[f], (next as any)[f]];
    }
    if (Object.keys(changes).length) {
      p.updates.push({
        id: before.id,
        set: Object.fromEntries(Object.keys(changes).map((k) => [k, (next as any)[k]])),
      });
      report.updated.push({ code: r.code, name: before.name, changes });
    } else report.unchanged++;
  }

  // Herindelingen: old organisations end (or are added as history), mergers are recorded once.
  const historical = new Map<string, typeof organisations.$inferInsert>();
  const endedNow = new Set<string>();
  for (const m of [...input.mergers].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))) {
    const successorLayer = (rows.get(m.successorCode)?.layer ??
      byCode.get(m.successorCode)?.layer ??
      'gemeente') as Layer;
    for (const s of m.sources) {
      const before = byCode.get(s.code);
      if (before) {
        if (!before.validTo && !endedNow.has(s.code)) {
          p.ends.push({ id: before.id, validTo: m.effectiveDate });
          report.ended.push({ code: s.code, name: before.name, validTo: m.effectiveDate });
          endedNow.add(s.code);
        }
      } else if (rows.has(s.code)) {
        // New and still current, but ended by an announced herindeling.
        const insert = p.inserts.find((i) => i.code === s.code);
        if (insert && !insert.validTo) insert.validTo = m.effectiveDate;
      } else if (!historical.has(s.code)) {
        historical.set(s.code, {
          code: s.code,
          name: s.name,
          layer: successorLayer,
          provinceCode: null,
          validFrom: startsOn.get(s.code) ?? null,
          validTo: m.effectiveDate,
        });
      }
    }
    const same = existingMergers.find(
      (x) => x.effectiveDate === m.effectiveDate && x.successorCode === m.successorCode,
    );
    const key = (xs: Array<{ code: string; partial: boolean }>) =>
      xs
        .map((x) => `${x.code}:${x.partial}`)
        .sort()
        .join(',');
    if (!same) {
      p.newMergers.push(m);
      report.mergers.added++;
    } else if (
      key(same.sources) !== key(m.sources) ||
      same.type !== m.type ||
      (same.notes ?? null) !== (m.notes ?? null)
    ) {
      p.replacedMergers.push({ id: same.id, row: m });
      report.mergers.updated++;
    } else report.mergers.unchanged++;
  }
  p.inserts.push(...historical.values());
  report.historical = historical.size;

  // Listed layers: who is missing from the list?
  const listedLayers = new Set(input.rows.map((r) => r.layer).filter(Boolean));
  const today = new Date().toISOString().slice(0, 10);
  for (const o of existing) {
    if (!listedLayers.has(o.layer as Layer) || rows.has(o.code) || endedNow.has(o.code)) continue;
    if (o.validTo && o.validTo <= today) continue;
    report.notInList.push({ code: o.code, name: o.name, layer: o.layer });
  }
  return p;
}

function toParsed(input: ImportInput): { parsed: Required<ParsedImport>; problems: ImportProblem[] } {
  if ('files' in input) return parseImportFiles(input.files);
  return {
    parsed: { rows: input.rows, facts: input.facts ?? [], mergers: input.mergers ?? [] },
    problems: [],
  };
}

/**
 * Validates and applies an import in one transaction. Throws AppError('invalid-file') listing every
 * problem (file:line:column) and writes nothing when the input has any. With `dryRun`, reports what
 * would change without writing.
 */
export async function importOrganisations(
  db: DbOrTx,
  input: ImportInput,
  actor: Actor,
  options: { dryRun?: boolean; files?: string[] } = {},
): Promise<ImportReport> {
  const { parsed, problems } = toParsed(input);
  const c = new Collector();
  c.problems.push(...problems);
  return db.transaction(async (tx) => {
    // Serialise imports: two at once would both insert the same new codes.
    await tx.execute(sql`select pg_advisory_xact_lock(${0x4f524753})`);
    const existing = await allOrganisations(tx);
    validate(parsed, existing, c);
    if (c.problems.length) throw importError(c.problems);
    const existingMergers = await allMergers(tx);
    const p = plan(parsed, existing, existingMergers, options.dryRun ?? false);
    if (options.dryRun || !hasChanges(p.report)) return p.report;

    if (p.inserts.length) await tx.insert(organisations).values(p.inserts);
    for (const u of p.updates) {
      await tx
        .update(organisations)
        .set({ ...u.set, updatedAt: sql`now()` })
        .where(eq(organisations.id, u.id));
    }
    for (const e of p.ends) {
      await tx
        .update(organisations)
        .set({ validTo: e.validTo, updatedAt: sql`now()` })
        .where(eq(organisations.id, e.id));
    }
    if (p.replacedMergers.length) {
      await tx.delete(organisationMergerSources).where(
        inArray(
          organisationMergerSources.mergerId,
          p.replacedMergers.map((m) => m.id),
        ),
      );
      for (const m of p.replacedMergers) {
        await tx
          .update(organisationMergers)
          .set({ type: m.row.type, notes: m.row.notes ?? null })
          .where(eq(organisationMergers.id, m.id));
      }
    }
    const mergerRows = [...p.newMergers.map((m) => ({ id: randomUUID(), row: m })), ...p.replacedMergers];
    const fresh = p.newMergers.length ? mergerRows.slice(0, p.newMergers.length) : [];
    if (fresh.length) {
      await tx.insert(organisationMergers).values(
        fresh.map(({ id, row }) => ({
          id,
          effectiveDate: row.effectiveDate,
          type: row.type,
          successorCode: row.successorCode,
          notes: row.notes ?? null,
        })),
      );
    }
    const sources = mergerRows.flatMap(({ id, row }) =>
      row.sources.map((s) => ({ mergerId: id, sourceCode: s.code, sourceName: s.name, partial: s.partial })),
    );
    if (sources.length) await tx.insert(organisationMergerSources).values(sources);

    const r = p.report;
    await audit(tx, actor, {
      action: 'organisations.import',
      resourceType: 'organisation',
      diff: {
        files: options.files ?? ('files' in input ? input.files.map((f) => f.name) : undefined),
        summary: {
          added: r.added.length,
          updated: r.updated.length,
          ended: r.ended.length,
          historical: r.historical,
          notInList: r.notInList.length,
          unchanged: r.unchanged,
          mergers: r.mergers,
        },
        added: r.added.map((a) => a.code),
        updated: Object.fromEntries(r.updated.map((u) => [u.code, u.changes])),
        ended: Object.fromEntries(r.ended.map((e) => [e.code, { validTo: [null, e.validTo] }])),
      },
    });
    return r;
  });
}

/** The report as lines for a terminal or a page. */
export function describeReport(r: ImportReport): string[] {
  const lines: string[] = [];
  const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  for (const a of r.added) lines.push(`+ ${a.code} ${a.name} (${a.layer})`);
  for (const u of r.updated) {
    const ch = Object.entries(u.changes)
      .map(([k, [b, a]]) => `${k}: ${fmt(b)} → ${fmt(a)}`)
      .join('; ');
    lines.push(`~ ${u.code} ${u.name}: ${ch}`);
  }
  for (const e of r.ended) lines.push(`- ${e.code} ${e.name}: ended ${e.validTo}`);
  for (const n of r.notInList)
    lines.push(`? ${n.code} ${n.name} (${n.layer}): not in the list, left unchanged`);
  lines.push(
    `${r.dryRun ? 'dry run, nothing written: ' : ''}${r.added.length} added, ${r.updated.length} updated, ${r.ended.length} ended, ` +
      `${r.notInList.length} not in list, ${r.unchanged} unchanged; ` +
      `${r.historical} former organisations added; mergers ${r.mergers.added} added, ${r.mergers.updated} updated, ${r.mergers.unchanged} unchanged`,
  );
  return lines;
}
