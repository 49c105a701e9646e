/**
 * The report's method chapter: fieldwork and the response per stratum (from the monitor's response
 * monitoring, which counts invitations, never answers), the weighting report per target group, the
 * disclosure rules in words (with how small roles are combined in the factsheets), and how changes are
 * tested. Counts of the fieldwork and the weighting are recorded as figures under `method:` (they are
 * counts of people invited and responding, no estimate of an answer).
 */
import type { VNode } from 'preact';
import { formatDate } from '../../../platform/format.js';
import { scrollBox } from '../../../platform/ui/table-scroll.js';
import { marginCategoryText } from '../../labels.js';
import { schemes } from '../../weighting/scheme.js';
import { planFactsheets, roleOrder } from '../factsheets/groups.js';
import type { ProductBuilder } from './build.js';
import { type PublicationData, rulesOf } from './data.js';

const layerOrder = ['gemeente', 'provincie', 'waterschap'];
const rank = (list: readonly string[], v: string | null | undefined) => {
  const i = list.indexOf(v ?? '');
  return i < 0 ? 99 : i;
};
const points = (x: number) => String(Math.round(x * 1000) / 10);

function Scroll(props: { b: ProductBuilder; children: VNode }) {
  return (
    <div class="table-scroll" {...scrollBox({ t: (k, p) => props.b.t(k, p) })}>
      {props.children}
    </div>
  );
}

function Fieldwork(b: ProductBuilder, d: PublicationData) {
  const rows = [...d.response.breakdowns.layer_role].sort(
    (x, y) =>
      rank(layerOrder, x.stratum.layer) - rank(layerOrder, y.stratum.layer) ||
      rank(roleOrder, x.stratum.role) - rank(roleOrder, y.stratum.role) ||
      String(x.stratum.role).localeCompare(String(y.stratum.role)),
  );
  const total = d.response.breakdowns.total[0]!;
  const figure = (by: Record<string, string>, rate: number | null, n: number) =>
    b.figure({
      indicator: 'response',
      wave: d.wave.code,
      by,
      estimate: rate,
      n,
      suppressed: false,
      where: 'method:response',
    });
  figure({}, total.responseRate, total.completed);
  const h = b.heading(3, 'methode-respons', b.t('pub.method.fieldwork'));
  return (
    <section aria-labelledby={h.id}>
      <h3 id={h.id}>{h.text}</h3>
      {d.wave.fieldworkStart && d.wave.fieldworkEnd ? (
        <p>
          {b.t('pub.method.fieldwork.dates', {
            start: formatDate(b.lang, d.wave.fieldworkStart),
            end: formatDate(b.lang, d.wave.fieldworkEnd),
          })}
        </p>
      ) : null}
      <p>
        {b.t('pub.method.fieldwork.total', {
          invited: b.int(total.invited),
          completed: b.int(total.completed),
          rate: b.pct(total.responseRate),
        })}
      </p>
      <Scroll b={b}>
        <table class="pub-method">
          <caption>{b.t('pub.method.response.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{b.t('pub.method.response.stratum')}</th>
              <th scope="col" class="num">
                {b.t('pub.method.response.frame')}
              </th>
              <th scope="col" class="num">
                {b.t('pub.method.response.invited')}
              </th>
              <th scope="col" class="num">
                {b.t('pub.method.response.completed')}
              </th>
              <th scope="col" class="num">
                {b.t('pub.method.response.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const by = { bg_layer: r.stratum.layer ?? '', bg_role: r.stratum.role ?? '' };
              figure(by, r.responseRate, r.completed);
              return (
                <tr>
                  <th scope="row">
                    {b.value('bg_layer', by.bg_layer)}: {b.value('bg_role', by.bg_role)}
                  </th>
                  <td class="num">{b.int(r.frame)}</td>
                  <td class="num">{b.int(r.invited)}</td>
                  <td class="num">{b.int(r.completed)}</td>
                  <td class="num">{b.pct(r.responseRate)}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{b.t('pub.method.response.total')}</th>
              <td class="num">{b.int(total.frame)}</td>
              <td class="num">{b.int(total.invited)}</td>
              <td class="num">{b.int(total.completed)}</td>
              <td class="num">{b.pct(total.responseRate)}</td>
            </tr>
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}

function Weighting(b: ProductBuilder, d: PublicationData) {
  const h = b.heading(3, 'methode-weging', b.t('pub.method.weighting'));
  return (
    <section aria-labelledby={h.id}>
      <h3 id={h.id}>{h.text}</h3>
      <p>{b.t('pub.method.weighting.intro')}</p>
      {d.reports.map(({ targetGroup, report: r }) => {
        const group = b.t(`results.group.${targetGroup}`);
        return (
          <>
            <p>
              {b.t('pub.method.weighting.group', {
                group,
                n: b.int(r.respondents),
                population: b.int(r.population),
                neff: b.int(Math.round(r.effectiveN)),
                deff: b.dec(r.kishDeff),
              })}
            </p>
            {r.dropped.map((x) => (
              <p>{b.t('pub.method.weighting.dropped', { name: x.name, reason: x.reason })}</p>
            ))}
            {r.margins.map((m) => {
              const vars = schemes[targetGroup]?.margins.find((s) => s.name === m.name)?.variables ?? [];
              const margin = vars.map((v) => b.t(`results.var.${v}`)).join(' × ') || m.name;
              return (
                <Scroll b={b}>
                  <table class="pub-method">
                    <caption>{b.t('pub.method.weighting.margin', { group, margin })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{b.t('pub.method.weighting.category')}</th>
                        <th scope="col" class="num">
                          {b.t('pub.method.weighting.population')}
                        </th>
                        <th scope="col" class="num">
                          {b.t('pub.method.weighting.respondents')}
                        </th>
                        <th scope="col" class="num">
                          {b.t('pub.method.weighting.after')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {m.rows.map((row) => {
                        b.figure({
                          indicator: 'weighting',
                          wave: d.wave.code,
                          by: { margin: m.name, category: row.category },
                          estimate: null,
                          n: row.respondents,
                          suppressed: false,
                          where: 'method:weighting',
                        });
                        return (
                          <tr>
                            <th scope="row">{marginCategoryText(b.lang, vars, row.category)}</th>
                            <td class="num">{b.int(row.population)}</td>
                            <td class="num">{b.int(row.respondents)}</td>
                            <td class="num">{b.int(Math.round(row.after))}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </Scroll>
              );
            })}
          </>
        );
      })}
    </section>
  );
}

function Disclosure(b: ProductBuilder, d: PublicationData) {
  const rules = rulesOf(d);
  const plan = planFactsheets(d.run?.estimates);
  const role = (r: string) => b.t(`pub.fs.group.role.${r}`);
  const h = b.heading(3, 'methode-onthulling', b.t('pub.method.disclosure'));
  return (
    <section aria-labelledby={h.id}>
      <h3 id={h.id}>{h.text}</h3>
      <p>
        {rules.maxIntervalWidth === null
          ? b.t('pub.method.disclosure.rulesNoWidth', { n: rules.minRespondents })
          : b.t('pub.method.disclosure.rules', {
              n: rules.minRespondents,
              width: points(rules.maxIntervalWidth),
            })}
      </p>
      <p>{b.t('pub.method.disclosure.complementary', { protection: points(rules.protection) })}</p>
      <p>{b.t('pub.method.disclosure.dash')}</p>
      <p>{b.t('pub.method.disclosure.factsheets')}</p>
      {plan.combined.length ? (
        <p>
          {b.t('pub.method.disclosure.combined', {
            list: plan.combined
              .map((c) =>
                b.t('pub.method.disclosure.combinedItem', {
                  small: c.small.map(role).join(', '),
                  with: c.with.map(role).join(', '),
                }),
              )
              .join('; '),
          })}
        </p>
      ) : null}
      {plan.left.length ? (
        <p>{b.t('pub.method.disclosure.left', { list: plan.left.map(role).join(', ') })}</p>
      ) : null}
    </section>
  );
}

function Tests(b: ProductBuilder, d: PublicationData) {
  const h = b.heading(3, 'methode-toetsen', b.t('pub.method.tests'));
  const first = d.runs[0]?.year ?? d.year;
  return (
    <section aria-labelledby={h.id}>
      <h3 id={h.id}>{h.text}</h3>
      <p>{b.t('pub.method.tests.text')}</p>
      <p>{b.t('pub.method.tests.published', { first })}</p>
    </section>
  );
}

/** The method chapter's subsections (the chapter heading and narrative are the caller's). */
export function methodSections(b: ProductBuilder, d: PublicationData): VNode[] {
  return [Fieldwork(b, d), Weighting(b, d), Disclosure(b, d), Tests(b, d)];
}
