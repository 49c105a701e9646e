/**
 * The figures annex of the Kamerbrief ("Belangrijkste uitkomsten", seed 002): the key findings as a
 * table with the series since 2014, the change from the previous wave and its stored verdict (Holm),
 * and the tested differences between groups (women and men, executives and representatives).
 */
import { groupText } from '../labels.js';
import { visibleRun } from '../release/service.js';
import { waveYear } from '../texts/lookup.js';
import { tx } from '../texts/messages.js';
import { trendOf } from '../trends/service.js';
import { cellKey } from '../trends/trend.js';
import { esc, fmt, keyFigure, keyFigureContext, keyFigureFigures, verdictText } from './key-figures.js';
import { narrative } from './narrative.js';
import type {
  OutlineEntry,
  ProductDefinition,
  ProductRef,
  ProductScope,
  PublishedFigure,
  RenderContext,
} from './product.js';

/** The findings of the annex, in order: indicator and group. */
export const annexFindings: Array<{ indicator: string; by?: Record<string, string> }> = [
  { indicator: 'agr_any_12m' },
  { indicator: 'agr_any_12m', by: { bg_gender: 'vrouw' } },
  { indicator: 'agr_any_12m', by: { bg_gender: 'man' } },
  { indicator: 'agr_verbal_12m' },
  { indicator: 'agr_serious_12m' },
  { indicator: 'agr_considered_quitting' },
  { indicator: 'emp_agr_any_12m' },
  { indicator: 'int_obs_belangen_any' },
  { indicator: 'int_obs_any' },
];
const comparedIndicators = [
  'agr_any_12m',
  'agr_serious_12m',
  'agr_considered_quitting',
  'int_obs_belangen_any',
];

const title = (scope: ProductScope) => {
  const year = waveYear(scope.wave);
  return { nl: tx('nl', 'annex.title', { year }), en: tx('en', 'annex.title', { year }) };
};

export const annexProduct: ProductDefinition = {
  kind: 'annex',
  async list(scope): Promise<ProductRef[]> {
    const run = await visibleRun(scope.database, scope.wave.id, scope.visibility);
    return run ? [{ kind: 'annex', key: 'main', title: title(scope) }] : [];
  },
  async render(ctx: RenderContext, ref: ProductRef) {
    const { lang } = ctx;
    const k = await keyFigureContext(ctx);
    const year = k.lookup.current.year;
    const figures: PublishedFigure[] = [];
    const heading = title(ctx)[lang];
    const parts = [`<h1 id="title">${esc(heading)}</h1>`];
    const outline: OutlineEntry[] = [{ level: 1, id: 'title', text: heading }];

    const intro = await narrative({ ctx, kind: 'annex', section: 'inleiding' });
    if (intro) {
      outline.push({ level: 2, id: 'inleiding', text: tx(lang, 'annex.intro') });
      parts.push(`<h2 id="inleiding">${esc(tx(lang, 'annex.intro'))}</h2>`, intro.html);
      figures.push(...intro.figures);
    }

    // the findings: value, interval, change with verdict, series since 2014
    const rows: string[] = [];
    for (const finding of annexFindings) {
      const by = finding.by ?? {};
      const f = await keyFigure(k, finding.indicator, by);
      if (!f) continue;
      const who =
        f.definition.targetGroup === 'employees'
          ? tx(lang, 'annex.employees')
          : groupText(lang, by, tx(lang, 'keys.all'));
      const th = `<th scope="row">${esc(f.definition.label[lang])} <span class="group">(${esc(who)})</span></th>`;
      figures.push(...keyFigureFigures(f, ctx.wave.code, 'table:findings'));
      if (f.cell.suppressed || f.cell.estimate === null) {
        rows.push(`<tr>${th}<td colspan="5">${esc(tx(lang, 'keys.suppressed'))}</td></tr>`);
        continue;
      }
      const series = await trendOf(ctx.database, finding.indicator, by, ctx.visibility).catch(
        () => undefined,
      );
      const points = (series?.points ?? []).filter((p) => p.year < year && Number.isFinite(p.estimate));
      for (const p of points)
        figures.push({
          indicator: finding.indicator,
          wave: p.wave ?? String(p.year),
          by,
          estimate: p.estimate,
          n: p.n ?? null,
          suppressed: false,
          where: 'table:findings:trend',
        });
      const trend = points
        .map(
          (p) =>
            `${p.year}: ${fmt.percent(lang, p.estimate)}${p.source === 'published' ? ` (${tx(lang, 'annex.trend.published')})` : ''}`,
        )
        .join('; ');
      const prev = f.previous;
      rows.push(
        `<tr>${th}<td>${esc(trend || '—')}</td><td class="num">${fmt.percent(lang, f.cell.estimate)} (${fmt.percent(lang, f.cell.ci[0])}–${fmt.percent(lang, f.cell.ci[1])})</td>${
          prev
            ? `<td class="num">${esc(fmt.points(lang, prev.change))} (${prev.year})</td><td>${esc(verdictText(lang, prev))}</td>`
            : `<td colspan="2">${esc(tx(lang, 'keys.noPrevious'))}</td>`
        }</tr>`,
      );
    }
    outline.push({ level: 2, id: 'uitkomsten', text: tx(lang, 'annex.findings') });
    parts.push(
      `<h2 id="uitkomsten">${esc(tx(lang, 'annex.findings'))}</h2>`,
      `<div class="table-scroll"><table><caption>${esc(tx(lang, 'annex.findings.caption', { year }))}</caption><thead><tr><th scope="col">${esc(tx(lang, 'keys.indicator'))}</th><th scope="col">${esc(tx(lang, 'annex.trend'))}</th><th scope="col" class="num">${year} (${esc(tx(lang, 'keys.ci'))})</th><th scope="col" class="num">${esc(tx(lang, 'keys.change'))}</th><th scope="col">${esc(tx(lang, 'keys.verdict'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    );

    // the tested differences between groups (stored comparisons, Holm)
    const run = k.lookup.current.run;
    const groupRows: string[] = [];
    for (const code of comparedIndicators) {
      const def = await k.lookup.definition(code);
      const group = def && run?.estimates[def.targetGroup];
      if (!def || !group) continue;
      for (const c of group.comparisons.filter((c) => c.indicator === code && c.variable !== 'bg_layer')) {
        const pair = `${def.label[lang]}: ${groupText(lang, { [c.variable]: c.to }, '')} – ${groupText(lang, { [c.variable]: c.from }, '')}`;
        const th = `<th scope="row">${esc(pair)}</th>`;
        const withheld = c.suppressed || c.difference === null;
        for (const value of [c.to, c.from]) {
          const cell = group.cells.find(
            (x) => cellKey(x.indicator, x.by) === cellKey(code, { [c.variable]: value }),
          );
          if (cell)
            figures.push({
              indicator: code,
              wave: ctx.wave.code,
              by: cell.by,
              estimate: cell.suppressed ? null : cell.estimate,
              n: cell.suppressed ? null : cell.n,
              suppressed: Boolean(cell.suppressed),
              where: 'table:groups',
            });
        }
        groupRows.push(
          withheld
            ? `<tr>${th}<td colspan="3">${esc(tx(lang, 'annex.groups.withheld'))}</td></tr>`
            : `<tr>${th}<td class="num">${esc(fmt.points(lang, c.difference!))}</td><td class="num">${c.pHolm === null ? '—' : esc(new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumSignificantDigits: 2 }).format(c.pHolm))}</td><td>${esc(tx(lang, c.significant ? 'annex.groups.significant' : 'annex.groups.notSignificant'))}</td></tr>`,
        );
      }
    }
    if (groupRows.length) {
      outline.push({ level: 2, id: 'groepen', text: tx(lang, 'annex.groups') });
      parts.push(
        `<h2 id="groepen">${esc(tx(lang, 'annex.groups'))}</h2>`,
        `<div class="table-scroll"><table><caption>${esc(tx(lang, 'annex.groups.caption', { year }))}</caption><thead><tr><th scope="col">${esc(tx(lang, 'annex.groups.pair'))}</th><th scope="col" class="num">${esc(tx(lang, 'annex.groups.difference'))}</th><th scope="col" class="num">${esc(tx(lang, 'annex.groups.p'))}</th><th scope="col">${esc(tx(lang, 'keys.verdict'))}</th></tr></thead><tbody>${groupRows.join('')}</tbody></table></div>`,
      );
    }
    parts.push(`<p class="note">${esc(tx(lang, 'keys.note'))}</p>`);
    return {
      ref,
      lang,
      title: heading,
      runningTitle: tx(lang, 'annex.running', { year }),
      body: parts.join('\n'),
      outline,
      figures,
    };
  },
};

export default annexProduct;
