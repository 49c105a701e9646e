/**
 * Every results table as a download (CSV and XLSX): an indicator's breakdowns, its trend, the
 * weighting report and a comparison of two groups. The CSV keeps machine-readable column names and
 * codes (proportions as unrounded decimals) with a label column beside each code, the footnote texts
 * and the method in columns of their own; the XLSX has headers in words, the same rows, and below the
 * table the footnotes and the method. Both read the rows the pages read, so the numbers are the same.
 */
import ExcelJS from 'exceljs';
import { formatCsv } from '../../platform/csv/csv.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/context.js';
import { groupText, marginCategoryText, valueLabel } from '../labels.js';
import type { TrendPoint } from '../trends/trend.js';
import type { WeightingReport } from '../weighting/report.js';
import { schemes } from '../weighting/scheme.js';
import { breakdownLabel, groupLabel } from './common.js';
import type { Comparison } from './comparison.js';
import { csvColumns } from './csv.js';
import type { IndicatorTable } from './table.js';

type Cell = string | number | boolean | null;

export interface DownloadTable {
  /** File name without extension. */
  name: string;
  /** Column names (CSV header, machine-readable). */
  columns: string[];
  /** Column headers in words (XLSX). */
  headers: string[];
  rows: Cell[][];
  /** Footnotes and the method, in words (XLSX below the table; CSV in the `method` column). */
  notes: string[];
  /** Columns holding proportions (XLSX shows them as percentages). */
  proportions?: string[];
}

const k = (s: string) => s as MessageKey;

export function toCsv(table: DownloadTable): Buffer {
  const method = table.notes.join(' ');
  const text = formatCsv([
    [...table.columns, 'method'],
    ...table.rows.map((r) => [...r.map((v) => (v === null ? '' : String(v))), method]),
  ]);
  return Buffer.from(`\ufeff${text}`, 'utf8');
}

export async function toXlsx(table: DownloadTable, sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  ws.addRow(table.headers);
  ws.getRow(1).font = { bold: true };
  for (const r of table.rows) ws.addRow(r);
  for (const [i, c] of table.columns.entries())
    if (table.proportions?.includes(c)) ws.getColumn(i + 1).numFmt = '0.0%';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow([]);
  for (const n of table.notes) ws.addRow([n]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** An indicator's breakdown table: the CSV of the page (./csv.ts) plus footnote texts. */
export function indicatorDownload(ctx: PageContext, table: IndicatorTable, name: string): DownloadTable {
  const t = ctx.t;
  const all = t('results.table.all');
  const rows: Cell[][] = table.rows.map((r) => {
    const keys = Object.keys(r.by).sort();
    return [
      table.indicator,
      table.version,
      r.breakdown.join('+'),
      keys.map((v) => `${v}=${r.by[v]}`).join('&'),
      groupText(ctx.lang, r.by, all),
      r.estimate,
      r.ci[0],
      r.ci[1],
      r.se,
      r.n,
      r.change?.previousWave ?? null,
      r.change?.change ?? null,
      r.change?.pHolm ?? null,
      r.change ? r.change.significant : null,
      r.change?.test ?? null,
      r.footnotes.join(' '),
      r.footnotes.map((f) => t(k(`results.footnote.${f}`))).join(' '),
    ];
  });
  const headers = [
    t('results.download.col.indicator'),
    t('results.download.col.version'),
    t('results.download.col.breakdown'),
    t('results.download.col.groupCode'),
    t('results.table.group'),
    t('results.table.percentage'),
    t('results.download.col.ciLower'),
    t('results.download.col.ciUpper'),
    t('results.download.col.se'),
    t('results.table.n'),
    t('results.download.col.previousWave'),
    t('results.download.col.change'),
    t('results.compare.pHolm'),
    t('results.comparisons.verdict'),
    t('results.comparisons.test'),
    t('results.download.col.footnotes'),
    t('results.download.col.footnoteText'),
  ];
  return {
    name,
    columns: [...csvColumns, 'footnote_text'],
    headers,
    rows,
    notes: [t('results.download.method')],
    proportions: ['estimate', 'ci_lower', 'ci_upper', 'change'],
  };
}

export function trendDownload(
  ctx: PageContext,
  code: string,
  points: readonly TrendPoint[],
  name: string,
): DownloadTable {
  const t = ctx.t;
  return {
    name,
    columns: [
      'indicator',
      'year',
      'source',
      'wave',
      'published_source',
      'estimate',
      'ci_lower',
      'ci_upper',
      'n',
      'change_tested',
      'p_holm',
      'significant',
    ],
    headers: [
      t('results.download.col.indicator'),
      t('results.trend.year'),
      t('results.trend.source'),
      t('results.col.wave'),
      t('results.download.col.publishedSource'),
      t('results.table.percentage'),
      t('results.download.col.ciLower'),
      t('results.download.col.ciUpper'),
      t('results.table.n'),
      t('results.download.col.changeTested'),
      t('results.compare.pHolm'),
      t('results.comparisons.verdict'),
    ],
    rows: points.map((p) => [
      code,
      p.year,
      p.source,
      p.wave ?? null,
      p.published?.source ?? null,
      p.estimate,
      p.ci?.[0] ?? null,
      p.ci?.[1] ?? null,
      p.n ?? null,
      p.change ? p.change.tested : null,
      p.change?.tested ? p.change.p : null,
      p.change?.tested ? p.change.significant : null,
    ]),
    notes: [t('results.download.method'), t('results.download.trendMethod')],
    proportions: ['estimate', 'ci_lower', 'ci_upper'],
  };
}

export function weightingDownload(
  ctx: PageContext,
  reports: ReadonlyArray<{ targetGroup: string; report: WeightingReport }>,
  name: string,
): DownloadTable {
  const t = ctx.t;
  const rows: Cell[][] = [];
  for (const { targetGroup, report } of reports)
    for (const m of report.margins) {
      const vars = schemes[targetGroup]?.margins.find((x) => x.name === m.name)?.variables ?? [];
      for (const r of m.rows)
        rows.push([
          targetGroup,
          groupLabel(ctx, targetGroup),
          m.name,
          vars.length ? breakdownLabel(ctx, vars) : m.name,
          r.category,
          marginCategoryText(ctx.lang, vars, r.category),
          r.population,
          r.respondents,
          r.before,
          r.after,
          report.kishDeff,
          report.effectiveN,
        ]);
    }
  return {
    name,
    columns: [
      'target_group',
      'target_group_label',
      'margin',
      'margin_label',
      'category',
      'category_label',
      'population',
      'respondents',
      'weighted_before',
      'weighted_after',
      'kish_deff',
      'effective_n',
    ],
    headers: [
      t('results.download.col.targetGroup'),
      t('results.download.col.targetGroup'),
      t('results.download.col.margin'),
      t('results.download.col.margin'),
      t('results.weighting.category'),
      t('results.weighting.category'),
      t('results.weighting.population'),
      t('results.weighting.respondentsCol'),
      t('results.weighting.before'),
      t('results.weighting.after'),
      'Kish deff',
      t('results.download.col.effectiveN'),
    ],
    rows,
    notes: [t('results.download.weightingMethod')],
  };
}

export function comparisonDownload(
  ctx: PageContext,
  code: string,
  c: Comparison,
  name: string,
): DownloadTable {
  const t = ctx.t;
  const a = c.a.by[c.variable]!;
  const b = c.b.by[c.variable]!;
  return {
    name,
    columns: [
      'indicator',
      'variable',
      'group_a',
      'group_a_label',
      'estimate_a',
      'ci_lower_a',
      'ci_upper_a',
      'n_a',
      'group_b',
      'group_b_label',
      'estimate_b',
      'ci_lower_b',
      'ci_upper_b',
      'n_b',
      'difference_b_minus_a',
      'ci_lower_difference',
      'ci_upper_difference',
      'p',
      'p_holm',
      'significant',
      'test',
    ],
    headers: [
      t('results.download.col.indicator'),
      t('results.download.col.breakdown'),
      t('results.compare.groupA'),
      t('results.compare.groupA'),
      `${t('results.table.percentage')} A`,
      `${t('results.download.col.ciLower')} A`,
      `${t('results.download.col.ciUpper')} A`,
      'n A',
      t('results.compare.groupB'),
      t('results.compare.groupB'),
      `${t('results.table.percentage')} B`,
      `${t('results.download.col.ciLower')} B`,
      `${t('results.download.col.ciUpper')} B`,
      'n B',
      t('results.comparisons.difference'),
      t('results.download.col.ciLower'),
      t('results.download.col.ciUpper'),
      t('results.compare.pRaw'),
      t('results.compare.pHolm'),
      t('results.comparisons.verdict'),
      t('results.comparisons.test'),
    ],
    rows: [
      [
        code,
        c.variable,
        a,
        valueLabel(ctx.lang, c.variable, a),
        c.a.estimate,
        c.a.ci[0],
        c.a.ci[1],
        c.a.n,
        b,
        valueLabel(ctx.lang, c.variable, b),
        c.b.estimate,
        c.b.ci[0],
        c.b.ci[1],
        c.b.n,
        c.test?.difference ?? null,
        c.test?.ci[0] ?? null,
        c.test?.ci[1] ?? null,
        c.test?.p ?? null,
        c.test?.pHolm ?? null,
        c.test ? c.test.significant : null,
        c.test?.test ?? null,
      ],
    ],
    notes: [t('results.download.method'), ...(c.test ? [] : [t('results.compare.noTest')])],
    proportions: [
      'estimate_a',
      'ci_lower_a',
      'ci_upper_a',
      'estimate_b',
      'ci_lower_b',
      'ci_upper_b',
      'difference_b_minus_a',
      'ci_lower_difference',
      'ci_upper_difference',
    ],
  };
}
