/**
 * The register as CSV (issue 17 item 5): one line per report with the facts the law asks to record and
 * whether the deadlines were met. Only codes and dates: no free text, so nothing a spreadsheet could
 * mistake for a formula, and nothing from the encrypted content.
 */
import ExcelJS from 'exceljs';
import { formatCsv } from '../../platform/csv/csv.js';
import type { Countdown } from './deadlines.js';

export interface RegisterExportLine {
  reportId: string;
  receivedAt: Date;
  channel: string;
  category: string;
  identityMode: string;
  state: string;
  acknowledgedAt: Date | null;
  feedbackAt: Date | null;
  outcome: string | null;
  closedAt: Date | null;
  deadlines: { acknowledgement: Countdown; feedback: Countdown };
}

export const registerColumns = [
  'report_id',
  'received_at',
  'channel',
  'category',
  'identity_mode',
  'state',
  'acknowledgement_due',
  'acknowledged_at',
  'acknowledgement_deadline',
  'feedback_due',
  'feedback_at',
  'feedback_deadline',
  'outcome',
  'closed_at',
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : '');

const rowOf = (l: RegisterExportLine) => [
  l.reportId,
  iso(l.receivedAt),
  l.channel,
  l.category,
  l.identityMode,
  l.state,
  iso(l.deadlines.acknowledgement.due),
  iso(l.acknowledgedAt),
  l.deadlines.acknowledgement.state,
  iso(l.deadlines.feedback.due),
  iso(l.feedbackAt),
  l.deadlines.feedback.state,
  l.outcome ?? '',
  iso(l.closedAt),
];

export const registerCsv = (lines: readonly RegisterExportLine[]): string =>
  formatCsv([[...registerColumns], ...lines.map(rowOf)]);

/** The same register as an XLSX workbook (codes and ISO dates as text: nothing a formula). */
export async function registerXlsx(lines: readonly RegisterExportLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('register');
  ws.addRow([...registerColumns]);
  ws.getRow(1).font = { bold: true };
  for (const l of lines) ws.addRow(rowOf(l));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
