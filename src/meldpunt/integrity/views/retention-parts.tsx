/** Retention on the officer's pages: the organisation's period (dashboard) and clearing one report's content. */
import type { PageContext } from '../../../platform/ui/context.js';
import { CsrfField } from '../../../platform/ui/layout.js';

export function RetentionForm(props: { ctx: PageContext; orgId: string; months: number }) {
  const { ctx } = props;
  return (
    <section aria-labelledby="retention">
      <h2 id="retention">{ctx.t('integrity.retention.title')}</h2>
      <p>{ctx.t('integrity.retention.text', { months: props.months })}</p>
      <form method="post" action={`/integrity/${props.orgId}/retention`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <div>
          <label for="months">{ctx.t('integrity.retention.months')}</label>
          <input type="number" id="months" name="months" min="1" max="120" value={String(props.months)} />
        </div>
        <div>
          <button type="submit">{ctx.t('integrity.retention.save')}</button>
        </div>
      </form>
    </section>
  );
}

export function DestroyForm(props: { ctx: PageContext; base: string }) {
  const { ctx } = props;
  return (
    <section aria-labelledby="destroy">
      <h2 id="destroy">{ctx.t('integrity.destroy.title')}</h2>
      <p>{ctx.t('integrity.destroy.text')}</p>
      <form method="post" action={`${props.base}/destroy`} class="stack" novalidate>
        <CsrfField ctx={ctx} />
        <div class="choice">
          <input type="checkbox" id="confirm" name="confirm" value="yes" />
          <label for="confirm">{ctx.t('integrity.destroy.confirm')}</label>
        </div>
        <div>
          <button type="submit">{ctx.t('integrity.destroy.button')}</button>
        </div>
      </form>
    </section>
  );
}
