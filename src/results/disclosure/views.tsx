/** A wave's disclosure rules on its results page; researchers may change them (the next run applies them). */
import type { Wave } from '../../monitor/fieldwork/model.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField } from '../../platform/ui/layout.js';
import type { DisclosureRules } from '../../stats/disclosure/model.js';

const points = (x: number) => String(Math.round(x * 1000) / 10);

export function DisclosureRulesSection(props: {
  ctx: PageContext;
  wave: Wave;
  rules: DisclosureRules;
  mayEdit: boolean;
}) {
  const { ctx, wave, rules } = props;
  const t = ctx.t;
  const summary = t('results.disclosure.summary', {
    n: rules.minRespondents,
    width: rules.maxIntervalWidth === null ? t('results.disclosure.noLimit') : points(rules.maxIntervalWidth),
    protection: points(rules.protection),
  });
  return (
    <section aria-labelledby="disclosure-title">
      <h2 id="disclosure-title">{t('results.disclosure.title')}</h2>
      <p>{summary}</p>
      {props.mayEdit ? (
        <form method="post" action={`/results/${wave.id}/disclosure`} class="stack">
          <CsrfField ctx={ctx} />
          <p>{t('results.disclosure.hint')}</p>
          <label for="minRespondents">{t('results.disclosure.minRespondents')}</label>
          <input
            id="minRespondents"
            name="minRespondents"
            type="number"
            min="1"
            step="1"
            required
            value={String(rules.minRespondents)}
          />
          <label for="maxIntervalWidth">{t('results.disclosure.maxIntervalWidth')}</label>
          <input
            id="maxIntervalWidth"
            name="maxIntervalWidth"
            type="number"
            min="1"
            max="100"
            step="0.1"
            value={rules.maxIntervalWidth === null ? '' : points(rules.maxIntervalWidth)}
          />
          <label for="protection">{t('results.disclosure.protection')}</label>
          <input
            id="protection"
            name="protection"
            type="number"
            min="0.1"
            max="50"
            step="0.1"
            required
            value={points(rules.protection)}
          />
          <button type="submit">{t('results.disclosure.save')}</button>
        </form>
      ) : null}
    </section>
  );
}
