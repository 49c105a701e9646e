/** The figures page: counts per table with suppressed cells marked, the deadline shares, a period form. */
import type { PageContext } from '../../../platform/ui/context.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Statistics } from '../statistics.js';
import { labelOf } from '../statistics-service.js';

export function statisticsPage(
  ctx: PageContext,
  p: { title: string; action: string; stats: Statistics; error?: string },
) {
  const s = p.stats;
  const hidden = ctx.t('integrity.stats.suppressed');
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const xlsx = `${p.action}.xlsx?from=${s.from}&to=${s.to}&lang=${ctx.lang}`;
  return (
    <Layout ctx={ctx} title={p.title}>
      <h1>{p.title}</h1>
      <p>{ctx.t('integrity.stats.intro')}</p>
      <form method="get" action={p.action} class="stack">
        {p.error && (
          <p class="field-error" id="period-error">
            {p.error}
          </p>
        )}
        <div>
          <label for="from">{ctx.t('integrity.stats.from')}</label>
          <input type="date" id="from" name="from" value={s.from} />
        </div>
        <div>
          <label for="to">{ctx.t('integrity.stats.to')}</label>
          <input type="date" id="to" name="to" value={s.to} />
        </div>
        <div>
          <button type="submit">{ctx.t('integrity.stats.show')}</button>
        </div>
      </form>
      <p>{ctx.t('integrity.stats.period', { from: s.from, to: s.to })}</p>
      <p>{ctx.t('integrity.stats.reports', { count: s.reports === null ? hidden : s.reports })}</p>
      <p>
        <a href={xlsx}>{ctx.t('integrity.stats.xlsx')}</a>
      </p>
      {s.tables.map((table) => (
        <section aria-labelledby={`stats-${table.name}`}>
          <h2 id={`stats-${table.name}`}>{ctx.t(`integrity.stats.table.${table.name}`)}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{ctx.t(`integrity.stats.table.${table.name}`)}</th>
                <th scope="col">{ctx.t('integrity.stats.count')}</th>
              </tr>
            </thead>
            <tbody>
              {table.cells.map((c) => (
                <tr>
                  <th scope="row">{labelOf(ctx.lang, table.name, c.key)}</th>
                  <td>{c.count === null ? hidden : c.count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{ctx.t('integrity.stats.total')}</th>
                <td>{table.total === null ? hidden : table.total}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="stats-deadlines">
        <h2 id="stats-deadlines">{ctx.t('integrity.stats.deadlines')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t('integrity.stats.deadlines')}</th>
              <th scope="col">{ctx.t('integrity.stats.due')}</th>
              <th scope="col">{ctx.t('integrity.stats.met')}</th>
              <th scope="col">{ctx.t('integrity.stats.share')}</th>
            </tr>
          </thead>
          <tbody>
            {s.shares.map((x) => (
              <tr>
                <th scope="row">{ctx.t(`integrity.stats.${x.name}`)}</th>
                <td>{x.due ?? hidden}</td>
                <td>{x.met ?? hidden}</td>
                <td>{x.share === null ? hidden : pct(x.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
