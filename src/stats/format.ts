import { formatCsvField, neutraliseFormula } from '../platform/csv/csv.js';
import type { AnalysisOutput, OutputRow, TestResult } from './analysis.js';

/** Output formats of `weerbaar analyse`: the JSON of expected.json, a flat CSV, or a table for people. */
export type OutputFormat = 'json' | 'csv' | 'table';

export function formatOutput(out: AnalysisOutput, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(out, null, 2)}\n`;
  if (format === 'csv') return toCsv(out);
  return toTable(out);
}

const CSV_COLUMNS = [
  'id',
  'by',
  'level',
  'estimate',
  'se',
  'ci_lower',
  'ci_upper',
  'deff',
  'df',
  'p',
  'n',
  'statistic',
  'ndf',
  'ddf',
] as const;

const byText = (by: OutputRow['by']) =>
  Array.isArray(by)
    ? ''
    : Object.entries(by)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

/** A CSV cell: neutralised against formula injection (labels come from data files), quoted when needed. */
function csvField(s: string): string {
  return formatCsvField(neutraliseFormula(s));
}

function flatRows(out: AnalysisOutput): Record<(typeof CSV_COLUMNS)[number], string>[] {
  const rows: Record<(typeof CSV_COLUMNS)[number], string>[] = [];
  const empty = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<
    (typeof CSV_COLUMNS)[number],
    string
  >;
  for (const e of out.estimates) {
    if ('test' in e) {
      const t: TestResult = e.test;
      rows.push({
        ...empty,
        id: e.id,
        statistic: num(t.statistic),
        ndf: num(t.ndf),
        ddf: num(t.ddf),
        df: num(t.df),
        p: num(t.p),
      });
      continue;
    }
    for (const r of e.rows) {
      rows.push({
        ...empty,
        id: e.id,
        by: byText(r.by),
        level: r.level ?? '',
        estimate: num(r.estimate),
        se: num(r.se),
        ci_lower: num(r.ci[0]),
        ci_upper: num(r.ci[1]),
        deff: num(r.deff),
        df: num(r.df),
        p: num(r.p),
        n: String(r.n),
      });
    }
  }
  return rows;
}

function toCsv(out: AnalysisOutput): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of flatRows(out)) lines.push(CSV_COLUMNS.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

const short = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined
    ? ''
    : Math.abs(x) >= 1e5 || Number.isInteger(x)
      ? String(Math.round(x * 1e4) / 1e4)
      : x.toFixed(digits);

/** A plain-text table per estimate, rounded for reading (use json or csv for full precision). */
function toTable(out: AnalysisOutput): string {
  const blocks: string[] = [];
  for (const e of out.estimates) {
    if ('test' in e) {
      const t = e.test;
      const df =
        t.df !== undefined ? `df = ${short(t.df, 2)}` : `ndf = ${short(t.ndf, 3)}, ddf = ${short(t.ddf, 2)}`;
      blocks.push(
        `${e.id}: Rao–Scott test: statistic = ${short(t.statistic)}, ${df}, p = ${t.p === null ? '' : t.p.toPrecision(4)}`,
      );
      continue;
    }
    const header = ['by', 'level', 'estimate', 'se', 'ci', 'deff/df/p', 'n'];
    const body = e.rows.map((r) => [
      byText(r.by) || '(all)',
      r.level ?? '',
      short(r.estimate),
      short(r.se),
      `[${short(r.ci[0])}, ${short(r.ci[1])}]`,
      r.deff !== undefined
        ? short(r.deff, 3)
        : r.df !== undefined
          ? `df ${r.df}`
          : r.p !== undefined
            ? `p ${r.p === null ? '' : r.p.toPrecision(3)}`
            : '',
      String(r.n),
    ]);
    const widths = header.map((h, j) => Math.max(h.length, ...body.map((b) => b[j]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, j) => (j >= 2 ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ');
    blocks.push([`${e.id}`, line(header), ...body.map(line)].join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}
