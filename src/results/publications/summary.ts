/**
 * The 5-minute version (seed 000, the 5-minutenversie): the seed's eight headings, each with the
 * researcher's narrative (texts/) and its key numbers from the wave's visible run; the forms of
 * aggression as a chart (src/platform/charts) and the integrity table by layer of government as in the seed.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ChartFigure } from '../../platform/charts/figure.js';
import { renderChart } from '../../platform/charts/render.js';
import { translator } from '../../platform/i18n/catalogue.js';
import { visibleRun } from '../release/service.js';
import { waveYear } from '../texts/lookup.js';
import { tx } from '../texts/messages.js';
import {
  esc,
  fmt,
  type KeyFigure,
  type KeyFigureContext,
  keyFigure,
  keyFigureContext,
  keyFigureFigures,
  verdictText,
} from './key-figures.js';
import { narrative, narrativeSections } from './narrative.js';
import type {
  OutlineEntry,
  ProductDefinition,
  ProductRef,
  ProductScope,
  PublishedFigure,
  RenderContext,
} from './product.js';

const keyNumbers: Record<string, string[]> = {
  ervaringen: ['agr_any_12m', 'agr_serious_12m', 'agr_social_any_12m'],
  gevolgen: ['agr_consequence_any', 'agr_decisions_influenced', 'agr_considered_quitting'],
  'aangifte-registratie': ['agr_discussed', 'agr_reported_org_any', 'agr_aangifte_any', 'agr_aftercare_need'],
  'aanpak-beleid': ['org_protocol_aggression', 'org_training_aggression_2y', 'org_incident_registration'],
  'perceptie-integriteit': [
    'int_obs_any',
    'int_obs_belangen_any',
    'int_aware_codes',
    'int_colleagues_conscious',
  ],
  'integriteit-praktijk': ['int_obs_meestemmen_belang'],
};
const forms = ['agr_verbal_12m', 'agr_threat_12m', 'agr_intimidation_12m', 'agr_physical_12m'];
const integrityTypes = [
  'int_obs_belangen_familie',
  'int_obs_info_vertrouwelijk',
  'int_obs_meestemmen_belang',
  'int_obs_adviseur_geschil',
  'int_obs_druk_ambtenaren',
  'int_obs_nevenfuncties_niet_gemeld',
  'int_obs_declaraties',
  'int_obs_uitnodigingen_reizen',
  'int_obs_geschenken',
];
const layers = ['gemeente', 'provincie', 'waterschap'];

const title = (scope: ProductScope) => ({
  nl: tx('nl', 'summary.title', { year: waveYear(scope.wave) }),
  en: tx('en', 'summary.title', { year: waveYear(scope.wave) }),
});

/** Key figures as a table: value, interval, the earlier value, the difference and the verdict. */
export function keyTable(
  lang: 'nl' | 'en',
  caption: string,
  rows: Array<{ label: string; figure: KeyFigure }>,
  year: number,
): string {
  const head = [
    tx(lang, 'keys.indicator'),
    String(year),
    tx(lang, 'keys.ci'),
    tx(lang, 'keys.previous'),
    tx(lang, 'keys.change'),
    tx(lang, 'keys.verdict'),
  ];
  const body = rows
    .map(({ label, figure: f }) => {
      const th = `<th scope="row">${esc(label)}</th>`;
      if (f.cell.suppressed || f.cell.estimate === null)
        return `<tr>${th}<td colspan="5">${esc(tx(lang, 'keys.suppressed'))}</td></tr>`;
      const p = f.previous;
      return `<tr>${th}<td class="num">${fmt.percent(lang, f.cell.estimate)}</td><td class="num">${fmt.percent(lang, f.cell.ci[0])}–${fmt.percent(lang, f.cell.ci[1])}</td>${
        p
          ? `<td class="num">${fmt.percent(lang, p.estimate)} (${p.year})</td><td class="num">${esc(fmt.points(lang, p.change))}</td><td>${esc(verdictText(lang, p))}</td>`
          : `<td colspan="3">${esc(tx(lang, 'keys.noPrevious'))}</td>`
      }</tr>`;
    })
    .join('');
  return `<div class="table-scroll"><table><caption>${esc(caption)}</caption><thead><tr>${head
    .map((c, i) => `<th scope="col"${i > 0 && i < 5 ? ' class="num"' : ''}>${esc(c)}</th>`)
    .join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
}

async function sectionFigures(
  k: KeyFigureContext,
  codes: string[],
  where: string,
  figures: PublishedFigure[],
): Promise<Array<{ label: string; figure: KeyFigure }>> {
  const out: Array<{ label: string; figure: KeyFigure }> = [];
  for (const code of codes) {
    const f = await keyFigure(k, code);
    if (!f) continue;
    out.push({ label: f.definition.label[k.ctx.lang], figure: f });
    figures.push(...keyFigureFigures(f, k.ctx.wave.code, where));
  }
  return out;
}

async function formsChart(k: KeyFigureContext, figures: PublishedFigure[]): Promise<string> {
  const { lang } = k.ctx;
  const values = [];
  const categories = [];
  for (const code of forms) {
    const f = await keyFigure(k, code);
    if (!f) continue;
    categories.push({ id: code, label: f.definition.label[lang] });
    const suppressed = Boolean(f.cell.suppressed) || f.cell.estimate === null;
    values.push({
      category: code,
      value: suppressed ? null : f.cell.estimate,
      ...(suppressed ? { suppressed: true } : {}),
    });
    figures.push(...keyFigureFigures({ ...f, previous: undefined }, k.ctx.wave.code, 'chart:forms'));
  }
  if (categories.length === 0) return '';
  const chart = await renderChart(
    {
      key: 'summary-forms',
      kind: 'bar',
      title: tx(lang, 'summary.chart.forms'),
      categoryTitle: tx(lang, 'summary.chart.form'),
      valueTitle: tx(lang, 'summary.chart.share'),
      unit: 'share',
      categories,
      values,
    },
    lang,
  );
  return renderToString(h(ChartFigure, { ctx: { t: translator(lang) }, chart }));
}

async function layerTable(k: KeyFigureContext, figures: PublishedFigure[]): Promise<string> {
  const { lang } = k.ctx;
  const rows: string[] = [];
  for (const code of integrityTypes) {
    const cells: string[] = [];
    let label = '';
    for (const layer of layers) {
      const f = await keyFigure(k, code, { bg_layer: layer });
      if (!f) continue;
      label = f.definition.label[lang];
      const suppressed = Boolean(f.cell.suppressed) || f.cell.estimate === null;
      cells.push(`<td class="num">${suppressed ? '—' : fmt.percent(lang, f.cell.estimate)}</td>`);
      figures.push(
        ...keyFigureFigures({ ...f, previous: undefined }, k.ctx.wave.code, 'table:integrity-layers'),
      );
    }
    if (cells.length === layers.length)
      rows.push(`<tr><th scope="row">${esc(label)}</th>${cells.join('')}</tr>`);
  }
  if (rows.length === 0) return '';
  const names =
    lang === 'nl'
      ? ['Gemeenten', 'Provincies', 'Waterschappen']
      : ['Municipalities', 'Provinces', 'Water authorities'];
  return `<div class="table-scroll"><table><caption>${esc(tx(lang, 'summary.layers'))}</caption><thead><tr><th scope="col">${esc(tx(lang, 'keys.indicator'))}</th>${names
    .map((n) => `<th scope="col" class="num">${esc(n)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.join('')}</tbody></table><p>${esc(tx(lang, 'keys.suppressed'))}: —</p></div>`;
}

export const summaryProduct: ProductDefinition = {
  kind: 'summary',
  async list(scope): Promise<ProductRef[]> {
    const run = await visibleRun(scope.database, scope.wave.id, scope.visibility);
    return run ? [{ kind: 'summary', key: 'main', title: title(scope) }] : [];
  },
  async render(ctx: RenderContext, ref: ProductRef) {
    const { lang } = ctx;
    const k = await keyFigureContext(ctx);
    const figures: PublishedFigure[] = [];
    const heading = title(ctx)[lang];
    const outline: OutlineEntry[] = [{ level: 1, id: 'title', text: heading }];
    const parts = [`<h1 id="title">${esc(heading)}</h1>`];
    for (const section of narrativeSections.summary) {
      const name = tx(lang, `summary.section.${section}` as Parameters<typeof tx>[1]);
      outline.push({ level: 2, id: section, text: name });
      parts.push(`<section aria-labelledby="${section}"><h2 id="${section}">${esc(name)}</h2>`);
      const text = await narrative({ ctx, kind: 'summary', section });
      if (text) {
        parts.push(text.html);
        figures.push(...text.figures);
      }
      const rows = await sectionFigures(k, keyNumbers[section] ?? [], `table:${section}`, figures);
      if (rows.length)
        parts.push(
          keyTable(lang, tx(lang, 'summary.keyNumbers', { section: name }), rows, k.lookup.current.year),
        );
      if (section === 'ervaringen') parts.push(await formsChart(k, figures));
      if (section === 'perceptie-integriteit') parts.push(await layerTable(k, figures));
      parts.push('</section>');
    }
    parts.push(`<p class="note">${esc(tx(lang, 'keys.note'))}</p>`);
    return { ref, lang, title: heading, body: parts.join('\n'), outline, figures };
  },
};

export default summaryProduct;
