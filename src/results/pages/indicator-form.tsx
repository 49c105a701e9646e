/**
 * Researchers add or edit an indicator (/results/indicators, …/new, …/:indicatorId/edit). A save is a
 * new version; earlier runs keep the version they used. The form's fields map one-to-one onto the
 * definition, and a validation error (unknown item code, type mismatch, …) is shown at its field.
 */

import {
  errorFor,
  type FieldErrors,
  FieldHint,
  SelectField,
  TextField,
} from '../../platform/auth/views/fields.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../platform/ui/layout.js';
import { type IndicatorDefinition, strataVariables, themes } from '../indicators/model.js';
import { breakdownLabel, groupLabel, Notice, themeLabel } from './common.js';

export interface IndicatorFormValues {
  code: string;
  targetGroup: string;
  theme: string;
  labelNl: string;
  labelEn: string;
  numerator: string;
  population: string;
  answered: string;
  breakdowns: string[];
}

export const breakdownChoices: string[][] = [[], ...strataVariables.map((v) => [v]), ['bg_layer', 'bg_role']];
const key = (b: readonly string[]) => (b.length ? b.join('+') : 'all');

export function formValues(d: IndicatorDefinition): IndicatorFormValues {
  return {
    code: d.code,
    targetGroup: d.targetGroup,
    theme: d.theme,
    labelNl: d.label.nl,
    labelEn: d.label.en,
    numerator: d.numerator,
    population: d.population ?? '',
    answered: d.answered.join(', '),
    breakdowns: d.breakdowns.map(key),
  };
}

/** The definition the form describes (comparisons kept from the version edited). */
export function definitionOf(
  v: IndicatorFormValues,
  previous?: IndicatorDefinition,
): Record<string, unknown> {
  return {
    code: v.code.trim(),
    targetGroup: v.targetGroup,
    theme: v.theme,
    label: { nl: v.labelNl.trim(), en: v.labelEn.trim() },
    numerator: v.numerator.trim(),
    ...(v.population.trim() ? { population: v.population.trim() } : {}),
    answered: v.answered
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    statistic: 'proportion',
    breakdowns: breakdownChoices.filter((b) => v.breakdowns.includes(key(b))),
    comparisons: previous?.comparisons ?? [],
  };
}

/** invalidParams names → form field ids. */
export function fieldOf(name: string): string {
  if (name.startsWith('label.nl')) return 'labelNl';
  if (name.startsWith('label.en')) return 'labelEn';
  if (name.startsWith('breakdowns')) return 'breakdowns';
  for (const f of ['code', 'targetGroup', 'theme', 'numerator', 'population', 'answered'])
    if (name.startsWith(f)) return f;
  return 'numerator';
}

function TextArea(props: { id: string; label: string; value: string; hint?: string; error?: string }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <FieldHint
        id={props.id}
        {...(props.hint ? { hint: props.hint } : {})}
        {...(props.error ? { error: props.error } : {})}
      />
      <textarea
        id={props.id}
        name={props.id}
        rows={3}
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      >
        {props.value}
      </textarea>
    </div>
  );
}

export function indicatorFormPage(
  ctx: PageContext,
  v: { values: IndicatorFormValues; editing?: IndicatorDefinition; errors: FieldErrors },
) {
  const t = ctx.t;
  const { values, errors, editing } = v;
  const title = editing
    ? t('results.indicatorForm.editTitle', { label: editing.label[ctx.lang], version: editing.version })
    : t('results.indicatorForm.newTitle');
  const err = (f: string) => errorFor(errors, f);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/results/indicators?lang=${ctx.lang}`}>{t('results.indicatorForm.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('results.indicatorForm.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/results/indicators" class="stack" novalidate>
        <CsrfField ctx={ctx} />
        {editing ? (
          <>
            <input type="hidden" name="code" value={values.code} />
            <input type="hidden" name="targetGroup" value={values.targetGroup} />
            <p>
              {t('results.indicatorForm.fixed', {
                code: values.code,
                group: groupLabel(ctx, values.targetGroup),
              })}
            </p>
          </>
        ) : (
          <>
            <TextField
              id="code"
              label={t('results.indicatorForm.code')}
              value={values.code}
              hint={t('results.indicatorForm.codeHint')}
              {...(err('code') ? { error: err('code')! } : {})}
            />
            <SelectField
              id="targetGroup"
              label={t('results.indicatorForm.targetGroup')}
              value={values.targetGroup}
              options={['office_holders', 'employees', 'organisation_policy'].map((g) => ({
                value: g,
                label: groupLabel(ctx, g),
              }))}
              {...(err('targetGroup') ? { error: err('targetGroup')! } : {})}
            />
          </>
        )}
        <SelectField
          id="theme"
          label={t('results.indicatorForm.theme')}
          value={values.theme}
          options={themes.map((th) => ({ value: th, label: themeLabel(ctx, th) }))}
          {...(err('theme') ? { error: err('theme')! } : {})}
        />
        <TextField
          id="labelNl"
          label={t('results.indicatorForm.labelNl')}
          value={values.labelNl}
          {...(err('labelNl') ? { error: err('labelNl')! } : {})}
        />
        <TextField
          id="labelEn"
          label={t('results.indicatorForm.labelEn')}
          value={values.labelEn}
          {...(err('labelEn') ? { error: err('labelEn')! } : {})}
        />
        <TextArea
          id="numerator"
          label={t('results.indicatorForm.numerator')}
          value={values.numerator}
          hint={t('results.indicatorForm.numeratorHint')}
          {...(err('numerator') ? { error: err('numerator')! } : {})}
        />
        <TextArea
          id="population"
          label={t('results.indicatorForm.population')}
          value={values.population}
          hint={t('results.indicatorForm.populationHint')}
          {...(err('population') ? { error: err('population')! } : {})}
        />
        <TextField
          id="answered"
          label={t('results.indicatorForm.answered')}
          value={values.answered}
          hint={t('results.indicatorForm.answeredHint')}
          {...(err('answered') ? { error: err('answered')! } : {})}
        />
        <fieldset id="breakdowns" aria-describedby={err('breakdowns') ? 'breakdowns-error' : undefined}>
          <legend>{t('results.indicatorForm.breakdowns')}</legend>
          {err('breakdowns') ? (
            <p class="field-error" id="breakdowns-error">
              {err('breakdowns')}
            </p>
          ) : null}
          {breakdownChoices.map((b) => (
            <div>
              <input
                type="checkbox"
                id={`bd-${key(b)}`}
                name="breakdowns"
                value={key(b)}
                checked={values.breakdowns.includes(key(b))}
              />
              <label for={`bd-${key(b)}`}>{breakdownLabel(ctx, b)}</label>
            </div>
          ))}
        </fieldset>
        <div>
          <button type="submit">{t('results.indicatorForm.save')}</button>
        </div>
      </form>
    </Layout>
  );
}

export function indicatorListPage(ctx: PageContext, list: IndicatorDefinition[], notice?: string) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('results.indicatorForm.listTitle')} wide>
      <h1>{t('results.indicatorForm.listTitle')}</h1>
      <Notice text={notice} />
      <p>{t('results.indicatorForm.listIntro')}</p>
      <p>
        <a href={`/results/indicators/new?lang=${ctx.lang}`}>{t('results.indicatorForm.newTitle')}</a>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t('results.indicatorForm.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.indicatorForm.labelNl')}</th>
              <th scope="col">{t('results.indicatorForm.code')}</th>
              <th scope="col">{t('results.indicatorForm.targetGroup')}</th>
              <th scope="col" class="num">
                {t('results.download.col.version')}
              </th>
              <th scope="col">{t('results.indicatorForm.edit')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr>
                <th scope="row">{d.label[ctx.lang]}</th>
                <td>{d.code}</td>
                <td>{groupLabel(ctx, d.targetGroup)}</td>
                <td class="num">{d.version}</td>
                <td>
                  <a href={`/results/indicators/${d.code}/edit?lang=${ctx.lang}`}>
                    {t('results.indicatorForm.editLink', { label: d.label[ctx.lang] })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
