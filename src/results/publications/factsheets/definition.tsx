/**
 * Factsheets (kind `factsheet`): one per role, layer and province that reaches the disclosure threshold,
 * politieke ambtsdragers as a whole and medewerkers; small roles share a related role's factsheet
 * (./groups.ts decides from the run). Each: the key figures next to all office holders (table and
 * chart), a small table (forms of aggression, or the employees' breakdowns), the narrative sections
 * of narrativeSections.factsheet, and a line about the source.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { valueLabel } from '../../labels.js';
import { visibleRun } from '../../release/service.js';
import type { ProductDefinition, ProductRef, RenderContext, RenderedProduct } from '../product.js';
import { ProductBuilder } from '../report/build.js';
import { narrativeBlock } from '../report/chapter.js';
import { barChart, groupsChart } from '../report/charts.js';
import { type PublicationData, publicationData } from '../report/data.js';
import { IndicatorTable } from '../report/tables.js';
import { type FactsheetGroup, factsheetRef, groupName, HEADLINE, planFactsheets } from './groups.js';
import { CellsTable, type Column, KeyFigures } from './tables.js';

/** The key figures of an office holders' factsheet (those in the run). */
export const keyIndicators = [
  'agr_any_12m',
  'agr_serious_12m',
  'agr_social_any_12m',
  'agr_consequence_any',
  'agr_considered_quitting',
  'agr_aangifte_any',
  'int_obs_belangen_any',
  'int_aware_codes',
];
const forms = [
  'agr_verbal_12m',
  'agr_threat_12m',
  'agr_intimidation_12m',
  'agr_physical_12m',
  'agr_serious_12m',
];

const provinceLabel = (lang: 'nl' | 'en', p: string) => valueLabel(lang, 'bg_province', p);

const yearOf = (d: PublicationData) => String(d.year);

async function officeContent(
  b: ProductBuilder,
  d: PublicationData,
  g: FactsheetGroup,
  name: string,
): Promise<VNode[]> {
  const codes = keyIndicators.filter((c) => d.indicators.has(c));
  const member = (m: Record<string, string>) => (m.bg_role ? valueLabel(b.lang, 'bg_role', m.bg_role) : name);
  const all = b.t('pub.fs.allOfficeHolders');
  const allInText = b.t('pub.fs.group.all');
  const columns: Column[] = [
    ...(g.kind === 'all' ? [] : g.members.map((m) => ({ label: member(m), by: m }))),
    { label: all, by: {} },
  ];
  const h = b.heading(2, 'kerncijfers', b.t('pub.fs.keyNumbers'));
  const table = KeyFigures(
    b,
    d,
    codes,
    columns,
    b.t('pub.fs.keyNumbers.caption', { group: name, all: allInText }),
  );
  const chart = await groupsChart(
    b,
    d,
    `fs-${g.key}`,
    b.t('pub.fs.chart', { group: name, all: allInText }),
    codes.slice(0, 4),
    columns.map((c, i) => ({ id: `g${i}`, label: c.label, by: c.by })),
  );
  const f = b.heading(2, 'vormen', b.t('pub.fs.forms'));
  const items = forms
    .filter((c) => d.indicators.has(c))
    .flatMap((code) =>
      (g.kind === 'all' ? [{}] : g.members).map((by) => ({
        code,
        by,
        label:
          g.members.length > 1
            ? `${d.indicators.get(code)!.label[b.lang]} (${member(by)})`
            : d.indicators.get(code)!.label[b.lang],
      })),
    );
  const small = CellsTable(b, d, items, b.t('pub.fs.forms.caption', { group: name }));
  return [
    <section aria-labelledby={h.id}>
      <h2 id={h.id}>{h.text}</h2>
      {g.roles && g.small ? (
        <p>
          {b.t('pub.fs.combined', {
            list: name,
            small: g.small.map((r) => b.t(`pub.fs.group.role.${r}`)).join(', '),
          })}
        </p>
      ) : null}
      {table}
      {chart}
    </section>,
    <section aria-labelledby={f.id}>
      <h2 id={f.id}>{f.text}</h2>
      {small}
    </section>,
  ];
}

async function employeeContent(b: ProductBuilder, d: PublicationData): Promise<VNode[]> {
  const codes = [...d.indicators.values()].filter((i) => i.targetGroup === 'employees').map((i) => i.code);
  const h = b.heading(2, 'kerncijfers', b.t('pub.fs.keyNumbers'));
  const layers = ['gemeente', 'provincie', 'waterschap'];
  const headline = d.indicators.get(HEADLINE.employees) ?? d.indicators.get(codes[0] ?? '');
  const chart = headline
    ? await barChart(
        b,
        d,
        'fs-employees',
        b.t('pub.report.chart.byLayer', { chapter: headline.label[b.lang] }),
        headline.code,
        layers.map((l) => ({ id: l, label: valueLabel(b.lang, 'bg_layer', l), by: { bg_layer: l } })),
      )
    : null;
  const tables = codes.map((code) =>
    IndicatorTable(b, d, code, { breakdowns: [[], ['bg_layer'], ['bg_gender'], ['bg_age_group']] }),
  );
  return [
    <section aria-labelledby={h.id}>
      <h2 id={h.id}>{h.text}</h2>
      {tables}
      {chart}
    </section>,
  ];
}

async function renderFactsheet(ctx: RenderContext, ref: ProductRef): Promise<RenderedProduct> {
  const b = new ProductBuilder(ctx);
  const d = await publicationData(ctx);
  const g = planFactsheets(d.run?.estimates).groups.find((x) => x.key === ref.key);
  const year = yearOf(d);
  const name = g ? groupName(b.lang, g, (p) => provinceLabel(b.lang, p)) : ref.key;
  const title = b.t('pub.fs.title', { group: name });
  const h1 = b.heading(1, 'titel', title);
  const scope = g?.members[0];
  const parts: VNode[] = [];
  if (g) {
    const intro = await narrativeBlock(b, 'factsheet', 'inleiding', scope);
    if (intro) parts.push(intro);
    parts.push(
      ...(g.kind === 'employees' ? await employeeContent(b, d) : await officeContent(b, d, g, name)),
    );
    const points = await narrativeBlock(b, 'factsheet', 'kernpunten', scope);
    if (points) {
      const h = b.heading(2, 'kernpunten', b.t('pub.fs.section.kernpunten'));
      parts.push(
        <section aria-labelledby={h.id}>
          <h2 id={h.id}>{h.text}</h2>
          {points}
        </section>,
      );
    }
    const a = b.heading(2, 'over', b.t('pub.fs.about'));
    parts.push(
      <section aria-labelledby={a.id}>
        <h2 id={a.id}>{a.text}</h2>
        <p>{b.t('pub.fs.about.text', { year })}</p>
      </section>,
    );
  } else parts.push(<p>{b.t('pub.report.noRun')}</p>);
  const body = renderToString(
    <article class="publication factsheet">
      <h1 id={h1.id}>{h1.text}</h1>
      <p class="subtitle">{b.t('pub.fs.subtitle', { year })}</p>
      {parts}
    </article>,
  );
  return {
    ref,
    lang: ctx.lang,
    title,
    runningTitle: b.t('pub.fs.running', { group: name, year }),
    body,
    outline: b.outline,
    figures: b.figures,
  };
}

export const factsheets: ProductDefinition = {
  kind: 'factsheet',
  async list(scope) {
    const run = await visibleRun(scope.database, scope.wave.id, scope.visibility);
    return planFactsheets(run?.estimates).groups.map((g) => factsheetRef(g, provinceLabel));
  },
  render: renderFactsheet,
};
