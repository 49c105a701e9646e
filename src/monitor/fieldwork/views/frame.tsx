/** The sample frame page: upload, counts per stratum, the problem report. */
import { can } from '../../../platform/access/policy.js';
import { FieldHint, formatDateTime, SelectField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary } from '../../../platform/ui/layout.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import type { FrameImportReport, StratumCount } from '../frame-service.js';
import { layerLabel, provinceLabel, roleLabel, sizeClassLabel } from '../labels.js';
import { targetGroups, type Wave } from '../model.js';
import { type Errors, k, nf, tgLabel, WavePage } from './common.js';

export function framePage(
  ctx: PageContext,
  d: {
    wave: Wave;
    counts: StratumCount[];
    imports: Array<{
      id: string;
      fileName: string;
      rowsImported: number;
      rowsRejected: number;
      createdAt: Date;
    }>;
    report?: FrameImportReport;
    errors?: Errors;
  },
) {
  const t = ctx.t;
  const { wave } = d;
  const n = nf(ctx);
  const manage = ctx.principal ? can(ctx.principal, 'wave.manage') : false;
  const canImport = manage && (wave.status === 'draft' || wave.status === 'open');
  const r = d.report;
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.frame.title')} path="/frame">
      <ErrorSummary ctx={ctx} errors={d.errors ?? []} />
      {r && (
        <section
          aria-labelledby="report-title"
          class={r.written ? 'notice success' : 'notice'}
          role={r.written ? 'status' : 'alert'}
        >
          <h2 id="report-title">
            {r.written ? t('wave.frame.report.written') : t('wave.frame.report.notWritten')}
          </h2>
          <p>
            {t('wave.frame.report.summary', {
              file: r.fileName,
              read: r.rowsRead,
              imported: r.rowsImported,
              rejected: r.rowsRejected,
            })}
          </p>
          {!r.written && r.problems.length > 0 && <p>{t('wave.frame.report.fixOrValid')}</p>}
        </section>
      )}
      {r && r.problems.length > 0 && (
        <div class="table-scroll" {...scrollBox(ctx)}>
          <table class="problems">
            <caption>
              {t('wave.frame.problems.caption', { count: r.problemCount })}
              {r.problemCount > r.problems.length &&
                ` ${t('wave.frame.problems.firstShown', { shown: r.problems.length })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('wave.frame.problems.line')}
                </th>
                <th scope="col">{t('wave.frame.problems.column')}</th>
                <th scope="col">{t('wave.frame.problems.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p) => (
                <tr>
                  <td class="num">{p.line}</td>
                  <td>{p.column}</td>
                  <td>{problemText(ctx, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canImport ? (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('wave.frame.upload')}</h2>
          <p>{t('wave.frame.uploadIntro')}</p>
          <form method="post" action={`/waves/${wave.id}/frame`} enctype="multipart/form-data" class="stack">
            <CsrfField ctx={ctx} />
            <div>
              <label for="file">{t('wave.frame.file')}</label>
              <FieldHint
                id="file"
                hint={t('wave.frame.fileHint')}
                error={d.errors?.find((e) => e.field === 'file')?.message}
              />
              <input
                type="file"
                id="file"
                name="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="file-hint"
                required
              />
            </div>
            <SelectField
              id="targetGroup"
              label={t('wave.field.targetGroup')}
              options={targetGroups.map((g) => ({ value: g, label: tgLabel(ctx, g) }))}
              value={r?.targetGroup}
            />
            <fieldset>
              <legend>{t('wave.frame.mode')}</legend>
              <div class="choice">
                <input type="radio" id="mode-all" name="mode" value="all" checked={r?.mode !== 'valid'} />
                <label for="mode-all">{t('wave.frame.modeAll')}</label>
              </div>
              <div class="choice">
                <input type="radio" id="mode-valid" name="mode" value="valid" checked={r?.mode === 'valid'} />
                <label for="mode-valid">{t('wave.frame.modeValid')}</label>
              </div>
            </fieldset>
            <div>
              <button type="submit">{t('wave.frame.submit')}</button>
            </div>
          </form>
        </section>
      ) : (
        <p>{t('wave.frame.locked')}</p>
      )}
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('wave.frame.counts')}</h2>
        {d.counts.length === 0 ? (
          <p>{t('wave.frame.empty')}</p>
        ) : (
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table>
              <caption>{t('wave.frame.countsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('wave.field.targetGroup')}</th>
                  <th scope="col">{t('wave.col.layer')}</th>
                  <th scope="col">{t('wave.col.role')}</th>
                  <th scope="col">{t('wave.col.province')}</th>
                  <th scope="col">{t('wave.col.sizeClass')}</th>
                  <th scope="col" class="num">
                    {t('wave.col.frame')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.counts.map((c) => (
                  <tr>
                    <td>{tgLabel(ctx, c.targetGroup)}</td>
                    <td>{layerLabel(ctx, c.layer)}</td>
                    <td>{roleLabel(ctx, c.role)}</td>
                    <td>{provinceLabel(ctx, c.provinceCode)}</td>
                    <td>{sizeClassLabel(ctx, c.sizeClass)}</td>
                    <td class="num">{n.format(c.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {manage && wave.status === 'draft' && d.counts.length > 0 && (
        <form method="post" action={`/waves/${wave.id}/frame/clear`} class="stack">
          <CsrfField ctx={ctx} />
          <p class="hint">{t('wave.frame.clearHint')}</p>
          <div>
            <button type="submit" class="button secondary">
              {t('wave.frame.clear')}
            </button>
          </div>
        </form>
      )}
      {d.imports.length > 0 && (
        <section aria-labelledby="imports-title">
          <h2 id="imports-title">{t('wave.frame.imports')}</h2>
          <ul>
            {d.imports.map((i) => (
              <li>
                {formatDateTime(ctx.lang, i.createdAt)}: {i.fileName} —{' '}
                {t('wave.frame.importLine', { imported: i.rowsImported, rejected: i.rowsRejected })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </WavePage>
  );
}

export function problemText(ctx: PageContext, p: { code: string; value: string; message: string }): string {
  const key = k(`wave.problem.${p.code}`);
  const text = ctx.t(key, { value: p.value });
  return text === key ? p.message : text;
}
