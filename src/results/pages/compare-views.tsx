/** The comparison page (/results/:waveId/indicators/:indicatorId/compare): any two groups of a breakdown. */
import type { Wave } from '../../monitor/fieldwork/model.js';
import type { PageContext } from '../../platform/ui/context.js';
import { Layout } from '../../platform/ui/layout.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import type { RunSummary } from '../runs/service.js';
import { breakdownLabel, pct, pValue, valueText } from './common.js';
import type { Comparison, ComparisonProblem, GroupChoice } from './comparison.js';
import { RunStatus } from './wave-views.js';

export interface CompareView {
  wave: Wave;
  run: RunSummary;
  definition: IndicatorDefinition;
  choices: Array<{ variable: string; values: string[] }>;
  a?: GroupChoice;
  b?: GroupChoice;
  comparison?: Comparison;
  problem?: ComparisonProblem;
}

const ci = (ctx: PageContext, c: [number | null, number | null]) =>
  c[0] === null || c[1] === null ? '—' : `${pct(ctx, c[0])} – ${pct(ctx, c[1])}`;
const signed = (ctx: PageContext, x: number | null) =>
  x === null ? '—' : `${x > 0 ? '+' : ''}${pct(ctx, x)}`;

export const choiceKey = (c: GroupChoice) => `${c.variable}=${c.value}`;

function GroupSelect(props: {
  ctx: PageContext;
  id: string;
  label: string;
  choices: CompareView['choices'];
  selected?: GroupChoice;
}) {
  const { ctx } = props;
  const chosen = props.selected ? choiceKey(props.selected) : undefined;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.choices.map((c) => (
          <optgroup label={breakdownLabel(ctx, [c.variable])}>
            {c.values.map((v) => {
              const key = choiceKey({ variable: c.variable, value: v });
              return (
                <option value={key} selected={key === chosen}>
                  {valueText(ctx, c.variable, v)}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function problemText(ctx: PageContext, p: ComparisonProblem): string {
  if (p.kind === 'same') return ctx.t('results.compare.same');
  if (p.kind === 'different-breakdowns') return ctx.t('results.compare.differentBreakdowns');
  return ctx.t('results.compare.unknownGroup', {
    group: p.group,
    breakdown: breakdownLabel(ctx, [p.variable]),
  });
}

export function comparePage(ctx: PageContext, v: CompareView) {
  const t = ctx.t;
  const label = v.definition.label[ctx.lang];
  const base = `/results/${v.wave.id}/indicators/${v.definition.code}`;
  const c = v.comparison;
  const nameA = c ? valueText(ctx, c.variable, c.a.by[c.variable]!) : '';
  const nameB = c ? valueText(ctx, c.variable, c.b.by[c.variable]!) : '';
  const query =
    v.a && v.b ? `a=${encodeURIComponent(choiceKey(v.a))}&b=${encodeURIComponent(choiceKey(v.b))}` : '';
  return (
    <Layout ctx={ctx} title={`${t('results.compare.title')} · ${label}`} wide>
      <p>
        <a href={`${base}?lang=${ctx.lang}`}>{label}</a>
      </p>
      <h1>
        {t('results.compare.title')} <span class="subtitle">{label}</span>
      </h1>
      <RunStatus ctx={ctx} run={v.run} />
      <p>{t('results.compare.intro')}</p>
      {v.problem ? (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{problemText(ctx, v.problem)}</p>
        </div>
      ) : null}
      <form method="get" action={`${base}/compare`} class="filters">
        <input type="hidden" name="lang" value={ctx.lang} />
        <GroupSelect
          ctx={ctx}
          id="a"
          label={t('results.compare.groupA')}
          choices={v.choices}
          {...(v.a ? { selected: v.a } : {})}
        />
        <GroupSelect
          ctx={ctx}
          id="b"
          label={t('results.compare.groupB')}
          choices={v.choices}
          {...(v.b ? { selected: v.b } : {})}
        />
        <div>
          <button type="submit">{t('results.compare.submit')}</button>
        </div>
      </form>
      {c ? (
        <>
          <div class="table-scroll">
            <table>
              <caption>{t('results.compare.caption', { indicator: label, a: nameA, b: nameB })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.compare.group')}</th>
                  <th scope="col" class="num">
                    {t('results.table.percentage')}
                  </th>
                  <th scope="col" class="num">
                    {t('results.table.ci')}
                  </th>
                  <th scope="col" class="num">
                    {t('results.table.n')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[
                  [nameA, c.a],
                  [nameB, c.b],
                ].map(([name, r]) => {
                  const row = r as Comparison['a'];
                  return (
                    <tr>
                      <th scope="row">{name as string}</th>
                      <td class="num">{pct(ctx, row.estimate)}</td>
                      <td class="num">{ci(ctx, row.ci)}</td>
                      <td class="num">{row.n}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {c.test ? (
            <div class="table-scroll">
              <table>
                <caption>{t('results.compare.differenceRow', { a: nameA, b: nameB })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.comparisons.difference')}</th>
                    <th scope="col" class="num">
                      {t('results.table.ci')}
                    </th>
                    <th scope="col" class="num">
                      {t('results.compare.pRaw')}
                    </th>
                    <th scope="col" class="num">
                      {t('results.compare.pHolm')}
                    </th>
                    <th scope="col">{t('results.comparisons.verdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td class="num">{signed(ctx, c.test.difference)}</td>
                    <td class="num">{ci(ctx, c.test.ci)}</td>
                    <td class="num">{pValue(c.test.p)}</td>
                    <td class="num">{pValue(c.test.pHolm)}</td>
                    <td>
                      {c.test.significant
                        ? t('results.table.significant')
                        : t('results.table.notSignificant')}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('results.compare.noTest')}</p>
          )}
          {c.test ? <p>{t('results.compare.testNamed', { test: c.test.test })}</p> : null}
          <p>
            <a href={`${base}/compare.csv?${query}&lang=${ctx.lang}`}>{t('results.download.csv')}</a>
            {' · '}
            <a href={`${base}/compare.xlsx?${query}&lang=${ctx.lang}`}>{t('results.download.xlsx')}</a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
