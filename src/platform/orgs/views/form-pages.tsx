import { errorFor, type FieldErrors, FieldHint, SelectField, TextField } from '../../auth/views/fields.js';
import type { PageContext } from '../../ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../ui/layout.js';
import { scrollBox } from '../../ui/table-scroll.js';
import type { ImportReport } from '../import.js';
import { layers, mergerTypes, type Organisation } from '../model.js';
import { layerLabel, type ProvinceNames } from './common.js';

export type FormValues = Record<string, string>;

/** Create (no org) or edit (org) an organisation. */
export function organisationFormPage(
  ctx: PageContext,
  values: FormValues,
  errors: FieldErrors,
  provinces: ProvinceNames,
  org?: Organisation,
) {
  const t = ctx.t;
  const title = org ? t('orgs.form.editTitle', { name: org.name }) : t('orgs.form.newTitle');
  const action = org ? `/organisations/${org.id}/edit` : '/organisations/new';
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={org ? `/organisations/${org.id}` : '/organisations'}>{org ? org.name : t('orgs.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} class="stack" noValidate>
        <CsrfField ctx={ctx} />
        {!org && (
          <TextField
            id="code"
            label={t('orgs.code')}
            value={values.code}
            hint={t('orgs.form.codeHint')}
            error={errorFor(errors, 'code')}
            required
          />
        )}
        <TextField
          id="name"
          label={t('orgs.name')}
          value={values.name}
          error={errorFor(errors, 'name')}
          required
        />
        <SelectField
          id="layer"
          label={t('orgs.layer')}
          value={values.layer}
          placeholder=""
          options={layers.map((l) => ({ value: l, label: layerLabel(ctx, l) }))}
          error={errorFor(errors, 'layer')}
          required
        />
        <SelectField
          id="provinceCode"
          label={t('orgs.province')}
          value={values.provinceCode}
          placeholder={t('orgs.province.none')}
          options={[...provinces].map(([code, name]) => ({ value: code, label: name }))}
          hint={t('orgs.form.provinceHint')}
          error={errorFor(errors, 'provinceCode')}
        />
        <TextField
          id="inhabitants"
          label={t('orgs.inhabitants')}
          value={values.inhabitants}
          hint={t('orgs.form.inhabitantsHint')}
          error={errorFor(errors, 'inhabitants')}
        />
        <TextField
          id="inhabitantsDate"
          type="date"
          label={t('orgs.inhabitantsDate')}
          value={values.inhabitantsDate}
          hint={t('orgs.form.dateHint')}
          error={errorFor(errors, 'inhabitantsDate')}
        />
        <TextField
          id="validFrom"
          type="date"
          label={t('orgs.validFrom')}
          value={values.validFrom}
          hint={t('orgs.form.validFromHint')}
          error={errorFor(errors, 'validFrom')}
        />
        {org && <p class="hint">{t('orgs.form.validToHint')}</p>}
        <div>
          <button type="submit">{t('form.save')}</button>{' '}
          <a href={org ? `/organisations/${org.id}` : '/organisations'}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function mergeFormPage(ctx: PageContext, org: Organisation, values: FormValues, errors: FieldErrors) {
  const t = ctx.t;
  const title = t('orgs.mergeForm.title', { name: org.name });
  const typeError = errorFor(errors, 'type');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/organisations/${org.id}`}>{org.name}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('orgs.mergeForm.intro', { name: org.name })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={`/organisations/${org.id}/merge`} class="stack" noValidate>
        <CsrfField ctx={ctx} />
        <TextField
          id="effectiveDate"
          type="date"
          label={t('orgs.mergeForm.date')}
          value={values.effectiveDate}
          hint={t('orgs.form.dateHint')}
          error={errorFor(errors, 'effectiveDate')}
          required
        />
        <fieldset aria-describedby={typeError ? 'type-error' : undefined}>
          <legend>{t('orgs.mergeForm.type')}</legend>
          <FieldHint id="type" error={typeError} />
          {mergerTypes.map((mt, i) => (
            <div class="choice">
              <input
                type="radio"
                id={i === 0 ? 'type' : `type-${mt}`}
                name="type"
                value={mt}
                checked={values.type === mt}
              />
              <label for={i === 0 ? 'type' : `type-${mt}`}>
                {t(`orgs.mergeForm.type.${mt}`, { name: org.name })}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <label for="sources">{t('orgs.mergeForm.sources')}</label>
          <FieldHint
            id="sources"
            hint={t('orgs.mergeForm.sourcesHint')}
            error={errorFor(errors, 'sources')}
          />
          <textarea
            id="sources"
            name="sources"
            rows={4}
            aria-invalid={errorFor(errors, 'sources') ? 'true' : undefined}
            aria-describedby={errorFor(errors, 'sources') ? 'sources-hint sources-error' : 'sources-hint'}
          >
            {values.sources ?? ''}
          </textarea>
        </div>
        <div class="choice">
          <input
            type="checkbox"
            id="partial"
            name="partial"
            value="true"
            checked={values.partial === 'true'}
          />
          <label for="partial">{t('orgs.mergeForm.partial', { name: org.name })}</label>
        </div>
        <div>
          <label for="notes">{t('orgs.mergeForm.notes')}</label>
          <textarea id="notes" name="notes" rows={3}>
            {values.notes ?? ''}
          </textarea>
        </div>
        <div>
          <button type="submit">{t('orgs.mergeForm.submit')}</button>{' '}
          <a href={`/organisations/${org.id}`}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

function ReportView(props: { ctx: PageContext; report: ImportReport }) {
  const { ctx, report: r } = props;
  const t = ctx.t;
  const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  return (
    <section aria-labelledby="report-title">
      <h2 id="report-title">{t('orgs.report.title')}</h2>
      <p class={r.dryRun ? 'notice' : 'success'} role="status">
        {r.dryRun ? t('orgs.report.dryRun') : t('orgs.report.done')}{' '}
        {t('orgs.report.summary', {
          added: r.added.length,
          updated: r.updated.length,
          ended: r.ended.length,
          unchanged: r.unchanged,
          mergersAdded: r.mergers.added,
          mergersUpdated: r.mergers.updated,
        })}
      </p>
      {r.added.length + r.updated.length + r.ended.length + r.mergers.added + r.mergers.updated === 0 && (
        <p>{t('orgs.report.nothing')}</p>
      )}
      {r.added.length > 0 && (
        <>
          <h3>{t('orgs.report.added', { count: r.added.length })}</h3>
          <ul>
            {r.added.map((a) => (
              <li>
                {a.code} {a.name} ({layerLabel(ctx, a.layer)})
              </li>
            ))}
          </ul>
        </>
      )}
      {r.updated.length > 0 && (
        <>
          <h3>{t('orgs.report.updated', { count: r.updated.length })}</h3>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table>
              <caption class="visually-hidden">
                {t('orgs.report.updated', { count: r.updated.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.name')}</th>
                  <th scope="col">{t('orgs.report.field')}</th>
                  <th scope="col">{t('orgs.report.before')}</th>
                  <th scope="col">{t('orgs.report.after')}</th>
                </tr>
              </thead>
              <tbody>
                {r.updated.flatMap((u) =>
                  Object.entries(u.changes).map(([field, [before, after]]) => (
                    <tr>
                      <th scope="row">
                        {u.code} {u.name}
                      </th>
                      <td>{field}</td>
                      <td>{show(before)}</td>
                      <td>{show(after)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      {r.ended.length > 0 && (
        <>
          <h3>{t('orgs.report.ended', { count: r.ended.length })}</h3>
          <ul>
            {r.ended.map((e) => (
              <li>
                {e.code} {e.name}: {e.validTo}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.notInList.length > 0 && (
        <>
          <h3>{t('orgs.report.notInList', { count: r.notInList.length })}</h3>
          <ul>
            {r.notInList.map((n) => (
              <li>
                {n.code} {n.name} ({layerLabel(ctx, n.layer)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function importPage(
  ctx: PageContext,
  values: FormValues,
  state: {
    errors?: FieldErrors;
    problems?: Array<{ where: string; message: string }>;
    report?: ImportReport;
  } = {},
) {
  const t = ctx.t;
  const errors = state.errors ?? [];
  const contentError = errorFor(errors, 'content');
  return (
    <Layout ctx={ctx} title={t('orgs.importForm.title')}>
      <p>
        <a href="/organisations">{t('orgs.title')}</a>
      </p>
      <h1>{t('orgs.importForm.title')}</h1>
      <p>{t('orgs.importForm.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {state.problems && state.problems.length > 0 && (
        <section class="error-summary" aria-labelledby="problems-title" tabIndex={-1}>
          <h2 id="problems-title">{t('orgs.importForm.problems')}</h2>
          <div class="table-scroll" {...scrollBox(ctx)}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orgs.importForm.location')}</th>
                  <th scope="col">{t('orgs.importForm.message')}</th>
                </tr>
              </thead>
              <tbody>
                {state.problems.map((p) => (
                  <tr>
                    <td>
                      <code>{p.where}</code>
                    </td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {state.report && <ReportView ctx={ctx} report={state.report} />}
      <form
        method="post"
        action="/organisations/import"
        class="stack"
        encType="multipart/form-data"
        noValidate
      >
        <CsrfField ctx={ctx} />
        <div>
          <label for="file">{t('orgs.importForm.file')}</label>
          <FieldHint id="file" hint={t('orgs.importForm.fileHint')} />
          <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby="file-hint" />
        </div>
        <TextField
          id="fileName"
          label={t('orgs.importForm.name')}
          value={values.fileName || 'organisaties.csv'}
          hint={t('orgs.importForm.nameHint')}
        />
        <div>
          <label for="content">{t('orgs.importForm.content')}</label>
          <FieldHint id="content" hint={t('orgs.importForm.contentHint')} error={contentError} />
          <textarea
            id="content"
            name="content"
            rows={12}
            class="code-input"
            spellcheck={false}
            aria-invalid={contentError ? 'true' : undefined}
            aria-describedby={contentError ? 'content-hint content-error' : 'content-hint'}
          >
            {values.content ?? ''}
          </textarea>
        </div>
        <div>
          <button type="submit" name="mode" value="check">
            {t('orgs.importForm.check')}
          </button>{' '}
          <button type="submit" name="mode" value="commit">
            {t('orgs.importForm.commit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
