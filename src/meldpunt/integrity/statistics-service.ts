/**
 * Statistics over the register (plain-text fields only: no key is needed, no content is read), for one
 * organisation or all (BZK's national view), and their XLSX export.
 */
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../platform/db/database.js';
import type { Lang } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalogue.js';
import { t } from '../../platform/i18n/catalogue.js';
import { loadSolver } from '../../stats/disclosure/index.js';
import { integrityRegister } from './schema.js';
import { integrityStatistics, type Statistics, type StatTable } from './statistics.js';

export async function statisticsFor(
  db: DbOrTx,
  organisationIds: string[] | 'all',
  period: { from: string; to: string },
  now: Date,
): Promise<Statistics> {
  const q = db.select().from(integrityRegister);
  const lines =
    organisationIds === 'all'
      ? await q
      : organisationIds.length === 0
        ? []
        : await q.where(inArray(integrityRegister.organisationId, organisationIds));
  return integrityStatistics(await loadSolver(), lines, period, now);
}

/** The text of a table's key (category, state, channel or outcome code). */
export function labelOf(lang: Lang, table: StatTable['name'], key: string): string {
  const prefix = {
    category: 'integrity.category.',
    state: 'integrity.stateName.',
    channel: 'integrity.channelName.',
    outcome: 'integrity.outcome.',
  }[table];
  return t(lang, `${prefix}${key}` as MessageKey);
}

/** One sheet per table, and one for the deadline shares; suppressed cells are empty with a note. */
export async function statisticsXlsx(s: Statistics, lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hidden = t(lang, 'integrity.stats.suppressed');
  for (const table of s.tables) {
    const ws = wb.addWorksheet(t(lang, `integrity.stats.table.${table.name}` as MessageKey).slice(0, 31));
    ws.addRow([
      t(lang, `integrity.stats.table.${table.name}` as MessageKey),
      t(lang, 'integrity.stats.count'),
    ]);
    ws.getRow(1).font = { bold: true };
    for (const c of table.cells) ws.addRow([labelOf(lang, table.name, c.key), c.count ?? hidden]);
    ws.addRow([t(lang, 'integrity.stats.total'), table.total ?? hidden]);
  }
  const ws = wb.addWorksheet(t(lang, 'integrity.stats.deadlines').slice(0, 31));
  ws.addRow([
    t(lang, 'integrity.stats.deadlines'),
    t(lang, 'integrity.stats.due'),
    t(lang, 'integrity.stats.met'),
    t(lang, 'integrity.stats.share'),
  ]);
  ws.getRow(1).font = { bold: true };
  for (const x of s.shares)
    ws.addRow([
      t(lang, `integrity.stats.${x.name}` as MessageKey),
      x.due ?? hidden,
      x.met ?? hidden,
      x.share ?? hidden,
    ]);
  ws.addRow([]);
  ws.addRow([t(lang, 'integrity.stats.period', { from: s.from, to: s.to })]);
  ws.addRow([t(lang, 'integrity.stats.note')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
