/**
 * The charts of the report and the factsheets, made with the platform's charts (src/platform/charts):
 * a grouped bar chart of a chapter's indicators by layer, a bar chart of groups, and an indicator's
 * trend since 2014 with its 95% interval as a band (published historical values as open points).
 * A suppressed cell is drawn and said as suppressed, never as 0; every value shown is a figure.
 */
import { ChartFigure } from '../../../platform/charts/figure.js';
import type { ChartInput, ChartValue } from '../../../platform/charts/model.js';
import { renderChart } from '../../../platform/charts/render.js';
import { trendChart } from '../../pages/trend-chart.js';
import { cellKey } from '../../trends/trend.js';
import type { ProductBuilder } from './build.js';
import { slug } from './build.js';
import { layers } from './chapters.js';
import { cellOf, type PublicationData, trendPoints } from './data.js';

/** A chart value from a stored cell, recorded as a figure (a suppressed cell: no number). */
function cellValue(
  b: ProductBuilder,
  d: PublicationData,
  code: string,
  by: Record<string, string>,
  where: string,
  at: { category: string; series?: string },
): ChartValue | undefined {
  const c = cellOf(d, code, by);
  if (!c) return undefined;
  const suppressed = !!c.suppressed;
  b.figure({
    indicator: code,
    wave: d.wave.code,
    by,
    estimate: suppressed ? null : c.estimate,
    n: suppressed ? null : c.n,
    suppressed,
    where,
  });
  return { ...at, value: suppressed ? null : c.estimate, ...(suppressed ? { suppressed: true } : {}) };
}

async function figure(b: ProductBuilder, input: ChartInput) {
  const chart = await renderChart(input, b.lang);
  // the data table beside the drawing says the same, so the words are for screen readers
  return <ChartFigure ctx={{ t: (k, p) => b.t(k, p) }} chart={chart} describe="hidden" />;
}

/** Several indicators (categories) by layer (series): "ervaringen per bestuurslaag". */
export async function layerChart(
  b: ProductBuilder,
  d: PublicationData,
  key: string,
  title: string,
  codes: string[],
) {
  const where = `chart:${key}`;
  const values: ChartValue[] = [];
  for (const code of codes)
    for (const layer of layers) {
      const v = cellValue(b, d, code, { bg_layer: layer }, where, { category: code, series: layer });
      if (v) values.push(v);
    }
  if (values.length === 0) return null;
  return figure(b, {
    key: `chart-${slug(key)}`,
    kind: 'grouped-bar',
    title,
    categoryTitle: b.t('pub.report.chart.indicator'),
    valueTitle: b.t('pub.report.table.percentage'),
    seriesTitle: b.t('pub.report.chart.layer'),
    unit: 'share',
    valueMax: 1,
    categories: codes.map((c) => ({ id: c, label: d.indicators.get(c)?.label[b.lang] ?? c })),
    series: layers.map((l) => ({ id: l, label: b.value('bg_layer', l) })),
    values,
  });
}

/** Indicators (categories) for some groups (series), e.g. a factsheet's group next to all office holders. */
export async function groupsChart(
  b: ProductBuilder,
  d: PublicationData,
  key: string,
  title: string,
  codes: string[],
  groups: Array<{ id: string; label: string; by: Record<string, string> }>,
) {
  const where = `chart:${key}`;
  const values: ChartValue[] = [];
  for (const code of codes)
    for (const g of groups) {
      const v = cellValue(b, d, code, g.by, where, { category: code, series: g.id });
      if (v) values.push(v);
    }
  if (values.length === 0) return null;
  return figure(b, {
    key: `chart-${slug(key)}`,
    kind: groups.length > 1 ? 'grouped-bar' : 'bar',
    title,
    categoryTitle: b.t('pub.report.chart.indicator'),
    valueTitle: b.t('pub.report.table.percentage'),
    unit: 'share',
    valueMax: 1,
    categories: codes.map((c) => ({ id: c, label: d.indicators.get(c)?.label[b.lang] ?? c })),
    ...(groups.length > 1 ? { series: groups.map((g) => ({ id: g.id, label: g.label })) } : {}),
    values: groups.length > 1 ? values : values.map(({ series: _, ...v }) => v),
  });
}

/** One indicator for some groups (the bars), e.g. the employees by layer. */
export async function barChart(
  b: ProductBuilder,
  d: PublicationData,
  key: string,
  title: string,
  code: string,
  groups: Array<{ id: string; label: string; by: Record<string, string> }>,
) {
  const where = `chart:${key}`;
  const values: ChartValue[] = [];
  for (const g of groups) {
    const v = cellValue(b, d, code, g.by, where, { category: g.id });
    if (v) values.push(v);
  }
  if (values.length === 0) return null;
  return figure(b, {
    key: `chart-${slug(key)}`,
    kind: 'bar',
    title,
    categoryTitle: b.t('pub.report.table.group'),
    valueTitle: b.t('pub.report.table.percentage'),
    unit: 'share',
    valueMax: 1,
    categories: groups.map((g) => ({ id: g.id, label: g.label })),
    values,
  });
}

/** An indicator's trend since 2014 (only when there is more than one point). */
export async function trendFigure(
  b: ProductBuilder,
  d: PublicationData,
  code: string,
  by: Record<string, string> = {},
) {
  const points = trendPoints(d, code, by);
  if (points.length < 2) return null;
  const def = d.indicators.get(code);
  const where = `trend:${cellKey(code, by)}`;
  for (const p of points)
    b.figure({
      indicator: code,
      wave: p.source === 'weerbaar' ? (p.wave ?? String(p.year)) : String(p.year),
      by,
      estimate: p.estimate,
      n: p.n ?? null,
      suppressed: false,
      where: p.source === 'published' ? `${where}:published` : where,
    });
  const input = trendChart(`trend-${slug(cellKey(code, by))}`, points, {
    title: b.t('pub.report.trend.title', { indicator: def?.label[b.lang] ?? code, from: points[0]!.year }),
    year: b.t('pub.report.trend.year'),
    percentage: b.t('pub.report.table.percentage'),
    source: b.t('pub.report.trend.source'),
    published: b.t('pub.report.trend.published'),
    weerbaar: b.t('pub.report.trend.weerbaar'),
  });
  const chart = await renderChart(input, b.lang);
  return (
    <ChartFigure
      ctx={{ t: (k, p) => b.t(k, p) }}
      chart={chart}
      class="trend-chart"
      describe="hidden"
      note={b.t('pub.report.trend.note')}
    />
  );
}
