/**
 * The data as an XLSX workbook (exceljs): a data sheet (item codes as header, numbers as numbers, no
 * answer an empty cell) and a codebook sheet (one row per variable, then one per value label).
 */
import ExcelJS from 'exceljs';
import type { ExportDataset, Language } from './dataset.js';

const headers = {
  nl: ['variabele', 'type', 'meetniveau', 'rol', 'label', 'waarde', 'waardelabel', 'ontbrekend'],
  en: ['variable', 'type', 'measurement', 'role', 'label', 'value', 'value label', 'missing'],
} as const;

/** A text cell Excel would run as a formula is written as a plain string value (exceljs never makes a formula from a string). */
export async function xlsxWorkbook(d: ExportDataset, lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Weerbaar';
  const data = wb.addWorksheet(lang === 'nl' ? 'Data' : 'Data');
  data.addRow(d.columns.map((c) => c.code)).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  for (let i = 0; i < d.cases; i++) data.addRow(d.columns.map((c) => c.values[i] ?? null));
  const book = wb.addWorksheet(lang === 'nl' ? 'Codeboek' : 'Codebook');
  book.addRow([...headers[lang]]).font = { bold: true };
  book.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of d.columns) {
    const missing = c.missing.map(String);
    book.addRow([
      c.code,
      c.type,
      c.measurement,
      c.role,
      c.label[lang],
      null,
      null,
      missing.join(' ') || null,
    ]);
    for (const vl of c.valueLabels)
      book.addRow([
        c.code,
        null,
        null,
        null,
        null,
        vl.value,
        vl.label[lang],
        missing.includes(String(vl.value)) ? 'x' : null,
      ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
