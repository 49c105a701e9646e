/** The export form on a wave's results page (researchers only): format, target group, open answers. */
import type { PageContext } from '../../platform/ui/context.js';
import { exportFormats } from './service.js';

const formatNames: Record<(typeof exportFormats)[number], string> = {
  csv: 'CSV',
  'codebook-csv': 'CSV (codebook)',
  xlsx: 'Excel (XLSX)',
  sav: 'SPSS (.sav)',
  parquet: 'Parquet',
  ddi: 'DDI-Codebook 2.5 (XML)',
  html: 'HTML (codebook)',
};

export function ExportForm({ ctx, waveId, groups }: { ctx: PageContext; waveId: string; groups: string[] }) {
  const t = ctx.t;
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('results.export.title')}</h2>
      <form method="get" action={`/results/${waveId}/export`} class="stack">
        <p>{t('results.export.hint')}</p>
        <input type="hidden" name="lang" value={ctx.lang} />
        <label for="export-format">{t('results.export.format')}</label>
        <select id="export-format" name="format">
          {exportFormats.map((f) => (
            <option value={f}>{formatNames[f]}</option>
          ))}
        </select>
        {groups.length > 0 ? (
          <>
            <label for="export-group">{t('results.export.group')}</label>
            <select id="export-group" name="group">
              {groups.map((g) => (
                <option value={g}>{g}</option>
              ))}
            </select>
          </>
        ) : null}
        <label>
          <input type="checkbox" name="freeText" value="1" /> {t('results.export.freeText')}
        </label>
        <button type="submit">{t('results.export.button')}</button>
      </form>
    </section>
  );
}
