/** The period form of the overview and the benchmark (GET, works without JavaScript). */
import { errorFor, TextField } from '../../../platform/auth/views/fields.js';
import type { PageContext } from '../../../platform/ui/context.js';
import type { Period } from '../period.js';

export function PeriodForm(props: { ctx: PageContext; action: string; period: Period }) {
  const { ctx, period } = props;
  const t = ctx.t;
  return (
    <>
      {period.errors.length > 0 && (
        <p class="notice" role="status">
          {t('incidents.overview.badPeriod')}
        </p>
      )}
      <form method="get" action={props.action} class="filters">
        <TextField
          id="from"
          type="date"
          label={t('incidents.overview.from')}
          value={period.values.from}
          error={errorFor(period.errors, 'from')}
        />
        <TextField
          id="to"
          type="date"
          label={t('incidents.overview.to')}
          value={period.values.to}
          error={errorFor(period.errors, 'to')}
        />
        <div>
          <button type="submit">{t('incidents.overview.show')}</button>
        </div>
      </form>
    </>
  );
}
