/**
 * The report form (issue 16, item 1): mobile first, one column, no JavaScript; every problem beside
 * its field and in a summary at the top; "save as draft" and "send" on the same form.
 */
import {
  CheckboxesField,
  errorFor,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import {
  channels,
  consequences,
  forms,
  locations,
  perpetratorKinds,
  perpetratorKnowns,
  recurrences,
  reporterRelations,
  roles,
  severities,
  traits,
} from '../model.js';
import { CheckField, RadioField, TextAreaField } from './fields.js';

/** The form as posted: one string per field, arrays for the check-box groups. */
export type ReportValues = Record<string, string | string[] | undefined>;

const one = (v: ReportValues[string]) => (Array.isArray(v) ? v[0] : v);
const many = (v: ReportValues[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function reportFormPage(
  ctx: PageContext,
  org: { id: string; name: string },
  values: ReportValues,
  errors: FieldErrors,
  options: { incidentId?: string; saved?: boolean },
) {
  const t = ctx.t;
  const label = (prefix: string, list: readonly string[]) =>
    list.map((v) => ({ value: v, label: t(`incidents.${prefix}.${v}` as MessageKey) }));
  const req = (key: MessageKey) => `${t(key)} ${t('incidents.field.required')}`;
  const title = options.incidentId ? t('incidents.form.editTitle') : t('incidents.form.title');
  const action = options.incidentId
    ? `/incidents/${options.incidentId}/edit`
    : `/organisations/${org.id}/incidents/new`;
  const text = (
    id: string,
    key: MessageKey,
    extra: { hint?: string; type?: 'date'; required?: boolean } = {},
  ) => (
    <TextField
      id={id}
      type={extra.type}
      label={extra.required ? req(key) : t(key)}
      value={one(values[id])}
      hint={extra.hint}
      error={errorFor(errors, id)}
    />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('incidents.form.for', { org: org.name })}</p>
      {options.saved && (
        <p class="success" role="status">
          {t('incidents.form.draftSaved')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('incidents.form.intro')}</p>
      <form method="post" action={action} class="stack" noValidate>
        <CsrfField ctx={ctx} />
        <h2>{t('incidents.form.who')}</h2>
        <RadioField
          id="reporterRelation"
          legend={req('incidents.field.reporterRelation')}
          options={label('reporterRelation', reporterRelations)}
          value={one(values.reporterRelation)}
          error={errorFor(errors, 'reporterRelation')}
        />
        {text('concernedName', 'incidents.field.concernedName', {
          hint: t('incidents.field.concernedNameHint'),
        })}
        <SelectField
          id="concernedRole"
          label={req('incidents.field.concernedRole')}
          options={label('role', roles)}
          placeholder={t('incidents.field.choose')}
          value={one(values.concernedRole)}
          error={errorFor(errors, 'concernedRole')}
        />

        <h2>{t('incidents.form.when')}</h2>
        {text('occurredOn', 'incidents.field.occurredOn', {
          type: 'date',
          required: true,
          hint: t('incidents.field.occurredOnHint'),
        })}
        {text('occurredTime', 'incidents.field.occurredTime', {
          hint: t('incidents.field.occurredTimeHint'),
        })}
        <RadioField
          id="recurrence"
          legend={req('incidents.field.recurrence')}
          options={label('recurrence', recurrences)}
          value={one(values.recurrence)}
          error={errorFor(errors, 'recurrence')}
        />

        <h2>{t('incidents.form.what')}</h2>
        <RadioField
          id="location"
          legend={req('incidents.field.location')}
          options={label('location', locations)}
          value={one(values.location)}
          error={errorFor(errors, 'location')}
        />
        <RadioField
          id="channel"
          legend={req('incidents.field.channel')}
          options={label('channel', channels)}
          value={one(values.channel)}
          error={errorFor(errors, 'channel')}
        />
        {text('channelDetail', 'incidents.field.channelDetail')}
        <CheckboxesField
          id="forms"
          name="forms"
          legend={req('incidents.field.forms')}
          hint={t('incidents.field.formsHint')}
          options={label('forms', forms)}
          checked={many(values.forms)}
          error={errorFor(errors, 'forms')}
        />
        <CheckboxesField
          id="traits"
          name="traits"
          legend={t('incidents.field.traits')}
          options={label('trait', traits)}
          checked={many(values.traits)}
          error={errorFor(errors, 'traits')}
        />
        <TextAreaField
          id="description"
          label={req('incidents.field.description')}
          hint={t('incidents.field.descriptionHint')}
          value={one(values.description)}
          error={errorFor(errors, 'description')}
          rows={6}
        />
        <RadioField
          id="severity"
          legend={req('incidents.field.severity')}
          options={label('severity', severities)}
          value={one(values.severity)}
          error={errorFor(errors, 'severity')}
        />

        <h2>{t('incidents.form.perpetrator')}</h2>
        <RadioField
          id="perpetratorKnown"
          legend={t('incidents.field.perpetratorKnown')}
          options={label('perpetratorKnown', perpetratorKnowns)}
          value={one(values.perpetratorKnown)}
          error={errorFor(errors, 'perpetratorKnown')}
        />
        <RadioField
          id="perpetratorKind"
          legend={t('incidents.field.perpetratorKind')}
          options={label('perpetratorKind', perpetratorKinds)}
          value={one(values.perpetratorKind)}
          error={errorFor(errors, 'perpetratorKind')}
        />
        <TextAreaField
          id="perpetratorDescription"
          label={t('incidents.field.perpetratorDescription')}
          value={one(values.perpetratorDescription)}
          error={errorFor(errors, 'perpetratorDescription')}
          rows={3}
        />
        {text('perpetratorName', 'incidents.field.perpetratorName', {
          hint: t('incidents.field.perpetratorNameHint'),
        })}

        <h2>{t('incidents.form.effects')}</h2>
        <CheckboxesField
          id="consequences"
          name="consequences"
          legend={t('incidents.field.consequences')}
          options={label('consequence', consequences)}
          checked={many(values.consequences)}
          error={errorFor(errors, 'consequences')}
        />

        <h2>{t('incidents.form.police')}</h2>
        <CheckField
          id="policeContacted"
          label={t('incidents.field.policeContacted')}
          checked={one(values.policeContacted) === 'true'}
        />
        <CheckField
          id="aangifteMade"
          label={t('incidents.field.aangifteMade')}
          checked={one(values.aangifteMade) === 'true'}
        />
        <CheckField
          id="aangifteWanted"
          label={t('incidents.field.aangifteWanted')}
          checked={one(values.aangifteWanted) === 'true'}
        />

        <h2>{t('incidents.form.wishes')}</h2>
        <CheckField
          id="wantsContact"
          label={t('incidents.field.wantsContact')}
          checked={one(values.wantsContact) === 'true'}
        />
        <CheckField
          id="wantsSupport"
          label={t('incidents.field.wantsSupport')}
          checked={one(values.wantsSupport) === 'true'}
        />
        <CheckField
          id="wantsAftercare"
          label={t('incidents.field.wantsAftercare')}
          checked={one(values.wantsAftercare) === 'true'}
        />

        <div class="form-buttons">
          <button type="submit" name="intent" value="submit">
            {t('incidents.form.submit')}
          </button>{' '}
          <button type="submit" name="intent" value="draft" class="secondary">
            {t('incidents.form.saveDraft')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
