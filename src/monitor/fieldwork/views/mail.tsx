/** The mail texts of a wave, with their preview. */
import { can } from '../../../platform/access/policy.js';
import { FieldHint, TextField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField, ErrorSummary } from '../../../platform/ui/layout.js';
import type { Wave, WaveMailTemplates } from '../model.js';
import { type Errors, k, Notice, WavePage } from './common.js';

export function mailPage(
  ctx: PageContext,
  d: {
    wave: Wave;
    templates: WaveMailTemplates;
    previews: Record<'invitation' | 'reminder', Record<'nl' | 'en', { subject: string; text: string }>>;
    errors?: Errors;
    notice?: string;
  },
) {
  const t = ctx.t;
  const { wave } = d;
  const editable =
    ctx.principal && can(ctx.principal, 'wave.manage') && (wave.status === 'draft' || wave.status === 'open');
  const errors = d.errors ?? [];
  return (
    <WavePage ctx={ctx} wave={wave} title={t('wave.mail.title')} path="/mail">
      <Notice text={d.notice} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('wave.mail.intro')}</p>
      <p>
        <code>{'{naam}'}</code>, <code>{'{link}'}</code>, <code>{'{einddatum}'}</code>,{' '}
        <code>{'{organisatie}'}</code>, <code>{'{afmeldlink}'}</code>, <code>{'{minuten}'}</code>
      </p>
      <form method="post" action={`/waves/${wave.id}/mail`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        {(['invitation', 'reminder'] as const).map((kind) => (
          <fieldset>
            <legend>{t(k(`wave.mail.kind.${kind}`))}</legend>
            {(['nl', 'en'] as const).map((lang) => {
              const id = `${kind}-${lang}`;
              const err = (part: string) => errors.find((e) => e.field === `${id}-${part}`)?.message;
              return (
                <div class="mail-template">
                  <TextField
                    id={`${id}-subject`}
                    label={t(k(`wave.mail.subject.${lang}`))}
                    value={d.templates[kind][lang].subject}
                    error={err('subject')}
                  />
                  <div>
                    <label for={`${id}-body`}>{t(k(`wave.mail.body.${lang}`))}</label>
                    <FieldHint id={`${id}-body`} error={err('body')} />
                    <textarea
                      id={`${id}-body`}
                      name={`${id}-body`}
                      rows={14}
                      readOnly={!editable}
                      aria-invalid={err('body') ? 'true' : undefined}
                      aria-describedby={err('body') ? `${id}-body-error` : undefined}
                    >
                      {d.templates[kind][lang].body}
                    </textarea>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
        {editable && (
          <div>
            <button type="submit">{t('wave.mail.save')}</button>
          </div>
        )}
      </form>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t('wave.mail.preview')}</h2>
        {(['invitation', 'reminder'] as const).flatMap((kind) =>
          (['nl', 'en'] as const).map((lang) => (
            <article class="mail-preview" lang={lang}>
              <h3>
                {t(k(`wave.mail.kind.${kind}`))} ({lang})
              </h3>
              <p>
                <strong>{t('wave.mail.previewSubject')}</strong> {d.previews[kind][lang].subject}
              </p>
              <pre class="mail-body">{d.previews[kind][lang].text}</pre>
            </article>
          )),
        )}
      </section>
    </WavePage>
  );
}
