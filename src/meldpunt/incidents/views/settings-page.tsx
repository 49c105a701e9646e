/** The coordinator's Meldpunt settings: terms and retention periods, with errors beside each field. */
import { errorFor, type FieldErrors, FieldHint } from '../../../platform/auth/views/fields.js';
import type { MessageKey } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary, Layout } from '../../../platform/ui/layout.js';
import { type IncidentSettings, settingLimits } from '../settings.js';

export const settingFields = ['firstContactWorkingDays', 'retentionYears', 'draftRetentionDays'] as const;

export function settingsPage(
  ctx: PageContext,
  org: { id: string; name: string },
  values: Record<keyof IncidentSettings, string>,
  errors: FieldErrors,
  notice?: string,
) {
  const t = ctx.t;
  const title = t('incidents.settings.title', { org: org.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/organisations/${org.id}/incidents`}>{t('incidents.detail.back')}</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('incidents.settings.intro')}</p>
      <form method="post" action={`/organisations/${org.id}/incidents/settings`} novalidate>
        <CsrfField ctx={ctx} />
        {settingFields.map((field) => {
          const error = errorFor(errors, field);
          const limits = settingLimits[field];
          const hint = t(`incidents.settings.${field}.hint` as MessageKey, {
            min: limits.min,
            max: limits.max,
          });
          return (
            <div>
              <label for={field}>{t(`incidents.settings.${field}` as MessageKey)}</label>
              <FieldHint id={field} hint={hint} error={error} />
              <input
                id={field}
                name={field}
                type="number"
                inputmode="numeric"
                min={limits.min}
                max={limits.max}
                step={1}
                value={values[field]}
                required
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={[`${field}-hint`, error ? `${field}-error` : ''].filter(Boolean).join(' ')}
              />
            </div>
          );
        })}
        <button type="submit">{t('incidents.settings.save')}</button>
      </form>
    </Layout>
  );
}
