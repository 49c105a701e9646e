/** The results list (/results) and one wave's results (/results/:waveId): run, weighting report, indicators. */
import type { Wave } from '../../monitor/fieldwork/model.js';
import { formatDateTime } from '../../platform/auth/views/fields.js';
import type { PageContext } from '../../platform/ui/context.js';
import { CsrfField, Layout } from '../../platform/ui/layout.js';
import type { DisclosureRules } from '../../stats/disclosure/model.js';
import { DisclosureRulesSection } from '../disclosure/views.js';
import { ExportForm } from '../exports/export-form.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import { themes } from '../indicators/model.js';
import { marginCategoryText } from '../labels.js';
import type { Computation } from '../runs/computations.js';
import type { RunSummary } from '../runs/service.js';
import type { Distribution, WeightingReport } from '../weighting/report.js';
import { schemes } from '../weighting/scheme.js';
import { breakdownLabel, dec, groupLabel, int, k, Notice, themeLabel } from './common.js';

export interface WaveRow {
  wave: Wave;
  run?: RunSummary;
}

export function resultsListPage(ctx: PageContext, rows: WaveRow[]) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('results.list.title')} wide>
      <h1>{t('results.list.title')}</h1>
      <p>{t('results.list.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('results.list.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('results.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.col.wave')}</th>
                <th scope="col">{t('results.col.run')}</th>
                <th scope="col">{t('results.col.released')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ wave, run }) => (
                <tr>
                  <th scope="row">
                    <a href={`/results/${wave.id}`}>{wave.name}</a>
                  </th>
                  <td>
                    {run
                      ? t('results.run.version', {
                          version: run.version,
                          time: formatDateTime(ctx.lang, run.createdAt),
                        })
                      : t('results.run.none')}
                  </td>
                  <td>{run?.releasedAt ? formatDateTime(ctx.lang, run.releasedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface WaveResultsView {
  wave: Wave;
  run?: RunSummary;
  reports: Array<{ targetGroup: string; report: WeightingReport }>;
  indicators: IndicatorDefinition[];
  mayCompute: boolean;
  mayRelease: boolean;
  /** Researchers: the export form (microdata) under the run. */
  mayExport?: boolean;
  notice?: string;
  /** The wave's disclosure rules (applied by its next run). */
  rules?: DisclosureRules;
  /** The latest computation, for researchers (queued, running, or failed after the run shown). */
  computation?: Computation;
}

const distributionRows: Array<keyof Distribution> = [
  'min',
  'p01',
  'p05',
  'p25',
  'median',
  'p75',
  'p95',
  'p99',
  'max',
  'mean',
];

const marginVariables = (targetGroup: string, name: string) =>
  schemes[targetGroup]?.margins.find((m) => m.name === name)?.variables ?? [];
/** "bestuurslaag × functie" for the margin layer_role. */
const marginName = (ctx: PageContext, targetGroup: string, name: string) => {
  const vars = marginVariables(targetGroup, name);
  return vars.length ? breakdownLabel(ctx, vars) : name;
};

function WeightingSection(props: { ctx: PageContext; targetGroup: string; report: WeightingReport }) {
  const { ctx, report: r, targetGroup } = props;
  const t = ctx.t;
  const id = `weighting-${targetGroup}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t('results.weighting.group', { group: groupLabel(ctx, targetGroup) })}</h3>
      <p>
        {t('results.weighting.respondents', {
          n: int(ctx, r.respondents),
          population: int(ctx, r.population),
        })}
      </p>
      <p>
        {t('results.weighting.kish', {
          deff: dec(ctx, r.kishDeff),
          neff: int(ctx, Math.round(r.effectiveN)),
        })}
      </p>
      <p>
        {t('results.weighting.convergence', {
          epsilon: String(r.convergence.epsilon),
          maxit: r.convergence.maxit,
          dev: r.convergence.maxMarginDeviation.toExponential(1),
        })}
      </p>
      {r.trim ? (
        <p>
          {t('results.weighting.trim', {
            lower: r.trim.lower,
            upper: r.trim.upper,
            rounds: r.trim.rounds,
            hold: String(r.trim.boundsHold),
          })}
        </p>
      ) : null}
      {r.dropped.map((d) => (
        <p>{t('results.weighting.dropped', { name: d.name, reason: d.reason })}</p>
      ))}
      {r.margins.map((m) => (
        <div class="table-scroll">
          <table>
            <caption>{t('results.weighting.margin', { name: marginName(ctx, targetGroup, m.name) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.weighting.category')}</th>
                <th scope="col" class="num">
                  {t('results.weighting.population')}
                </th>
                <th scope="col" class="num">
                  {t('results.weighting.respondentsCol')}
                </th>
                <th scope="col" class="num">
                  {t('results.weighting.before')}
                </th>
                <th scope="col" class="num">
                  {t('results.weighting.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((row) => (
                <tr>
                  <th scope="row">
                    {marginCategoryText(ctx.lang, marginVariables(targetGroup, m.name), row.category)}
                  </th>
                  <td class="num">{int(ctx, row.population)}</td>
                  <td class="num">{int(ctx, row.respondents)}</td>
                  <td class="num">{dec(ctx, row.before)}</td>
                  <td class="num">{dec(ctx, row.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div class="table-scroll">
        <table>
          <caption>{t('results.weighting.distribution')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.weighting.statistic')}</th>
              <th scope="col" class="num">
                {t('results.weighting.weight')}
              </th>
              <th scope="col" class="num">
                {t('results.weighting.adjustment')}
              </th>
            </tr>
          </thead>
          <tbody>
            {distributionRows.map((s) => (
              <tr>
                <th scope="row">{s}</th>
                <td class="num">{dec(ctx, r.weights[s])}</td>
                <td class="num">{dec(ctx, r.adjustment[s])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** CSV and XLSX links of one table (`base` without extension). */
export function Downloads(props: { ctx: PageContext; base: string }) {
  const { ctx, base } = props;
  return (
    <p>
      <a href={`${base}.csv?lang=${ctx.lang}`}>{ctx.t('results.download.csv')}</a>
      {' · '}
      <a href={`${base}.xlsx?lang=${ctx.lang}`}>{ctx.t('results.download.xlsx')}</a>
    </p>
  );
}

export function RunStatus(props: { ctx: PageContext; run: RunSummary }) {
  const { ctx, run } = props;
  const t = ctx.t;
  return (
    <p>
      {t('results.run.version', { version: run.version, time: formatDateTime(ctx.lang, run.createdAt) })}.{' '}
      {run.releasedAt
        ? t('results.run.releasedAt', { time: formatDateTime(ctx.lang, run.releasedAt) })
        : t('results.run.embargo')}
    </p>
  );
}

/** A computation still under way (with its progress) or one that failed after the run shown. */
function ComputationStatus(props: { ctx: PageContext; c: Computation; run: RunSummary | undefined }) {
  const { ctx, c, run } = props;
  const t = ctx.t;
  const time = formatDateTime(ctx.lang, c.createdAt);
  if (c.state === 'failed') {
    if (run && run.createdAt > c.updatedAt) return null;
    return (
      <p class="error-summary" role="status">
        {t('results.computation.failed', { time, error: c.error?.[ctx.lang] ?? '' })}
      </p>
    );
  }
  if (c.state === 'done') return null;
  const step = c.step
    ? t(k(`results.computation.step.${c.step.phase}`), {
        group: c.step.group ? groupLabel(ctx, c.step.group) : '',
      })
    : '';
  return (
    <section aria-labelledby="computation-title" class="stack">
      <h2 id="computation-title">{t('results.computation.title')}</h2>
      <p>
        {c.state === 'queued'
          ? t('results.computation.queued', { who: c.requestedBy, time })
          : t('results.computation.running', { who: c.requestedBy, time, done: c.done, total: c.total })}{' '}
        {step}
      </p>
      {c.state === 'running' && c.total > 0 ? (
        <progress max={c.total} value={c.done} aria-label={t('results.computation.progress')}>
          {c.done}/{c.total}
        </progress>
      ) : null}
      <p>{t('results.computation.shown')}</p>
      <p>
        <a href={`/results/${c.waveId}?lang=${ctx.lang}`}>{t('results.computation.refresh')}</a>
      </p>
    </section>
  );
}

export function waveResultsPage(ctx: PageContext, v: WaveResultsView) {
  const t = ctx.t;
  const { wave, run } = v;
  const closed = wave.status === 'closed' || wave.status === 'archived';
  return (
    <Layout ctx={ctx} title={`${t('results.list.title')} · ${wave.name}`} wide>
      <h1>
        {t('results.list.title')} <span class="subtitle">{wave.name}</span>
      </h1>
      <Notice text={v.notice} />
      {run ? <RunStatus ctx={ctx} run={run} /> : <p>{t('results.run.noneVisible')}</p>}
      {v.computation ? <ComputationStatus ctx={ctx} c={v.computation} run={run} /> : null}
      {v.mayCompute ? (
        v.computation &&
        (v.computation.state === 'queued' || v.computation.state === 'running') ? null : closed ? (
          <form method="post" action={`/results/${wave.id}/runs`} class="stack">
            <CsrfField ctx={ctx} />
            <p>{t('results.compute.hint')}</p>
            <button type="submit">{t('results.compute.button')}</button>
          </form>
        ) : (
          <p>{t('results.compute.closedOnly')}</p>
        )
      ) : null}
      {v.mayExport && closed ? (
        <ExportForm ctx={ctx} waveId={wave.id} groups={v.reports.map((r) => r.targetGroup)} />
      ) : null}
      {v.mayCompute && run ? (
        <p>
          <a href={`/results/${wave.id}/letters`}>{t('letters.page.link')}</a>
        </p>
      ) : null}
      {v.mayRelease && run && !run.releasedAt ? (
        <form method="post" action={`/results/${wave.id}/release`} class="stack">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="runId" value={run.id} />
          <p>{t('results.release.hint')}</p>
          <button type="submit">{t('results.release.button', { version: run.version })}</button>
        </form>
      ) : null}
      {v.rules ? (
        <DisclosureRulesSection ctx={ctx} wave={wave} rules={v.rules} mayEdit={v.mayCompute} />
      ) : null}
      {run ? (
        <>
          <section aria-labelledby="indicators-title">
            <h2 id="indicators-title">{t('results.indicators.title')}</h2>
            {v.mayCompute ? (
              <p>
                <a href={`/results/indicators?lang=${ctx.lang}`}>{t('results.indicatorForm.link')}</a>
              </p>
            ) : null}
            {themes.map((theme) => {
              const list = v.indicators.filter((i) => i.theme === theme);
              return list.length === 0 ? null : (
                <>
                  <h3>{themeLabel(ctx, theme)}</h3>
                  <ul>
                    {list.map((i) => (
                      <li>
                        <a href={`/results/${wave.id}/indicators/${i.code}`}>{i.label[ctx.lang]}</a>{' '}
                        <span class="hint">({groupLabel(ctx, i.targetGroup)})</span>
                      </li>
                    ))}
                  </ul>
                </>
              );
            })}
          </section>
          <section aria-labelledby="weighting-title">
            <h2 id="weighting-title">{t('results.weighting.title')}</h2>
            <Downloads ctx={ctx} base={`/results/${wave.id}/weighting`} />
            {v.reports.map((r) => (
              <WeightingSection ctx={ctx} targetGroup={r.targetGroup} report={r.report} />
            ))}
          </section>
        </>
      ) : null}
    </Layout>
  );
}
