/**
 * A chapter of a report part: its heading, the researcher's narrative (narrative.ts; nothing until a
 * text exists), a chart of the chapter's office-holder indicators by layer, and per indicator a
 * section with its table and, when there are earlier figures, its trend since 2014.
 */
import type { VNode } from 'preact';
import { narrative } from '../narrative.js';
import type { ProductKind } from '../product.js';
import type { ProductBuilder } from './build.js';
import { slug } from './build.js';
import { reportBreakdowns } from './chapters.js';
import { layerChart, trendFigure } from './charts.js';
import type { PublicationData } from './data.js';
import { IndicatorTable } from './tables.js';

/** The narrative of a section as HTML (escaped by narrative()), its figures recorded; null without text. */
export async function narrativeBlock(
  b: ProductBuilder,
  kind: ProductKind,
  section: string,
  scope?: Record<string, string>,
): Promise<VNode | null> {
  const n = await narrative({ ctx: b.ctx, kind, section, ...(scope ? { scope } : {}) });
  if (!n) return null;
  for (const f of n.figures) b.figure(f);
  // narrative() returns escaped HTML (a Markdown subset), see narrative.ts
  return <div class="narrative" dangerouslySetInnerHTML={{ __html: n.html }} />;
}

async function indicatorSection(b: ProductBuilder, d: PublicationData, code: string, prefix?: string) {
  const def = d.indicators.get(code)!;
  const own = def.label[b.lang];
  const label = prefix && !own.toLowerCase().startsWith(prefix.toLowerCase()) ? `${prefix}: ${own}` : own;
  const h = b.heading(3, `ind-${slug(code)}`, label);
  const table = IndicatorTable(b, d, code, { breakdowns: reportBreakdowns[def.targetGroup] ?? [[]] });
  const trend = await trendFigure(b, d, code);
  return (
    <section aria-labelledby={h.id}>
      <h3 id={h.id}>{h.text}</h3>
      {table}
      {trend}
    </section>
  );
}

export async function chapter(
  b: ProductBuilder,
  d: PublicationData,
  kind: ProductKind,
  section: string,
  codes: string[],
  extra: VNode[] = [],
): Promise<VNode> {
  const title = b.t(`pub.report.section.${section}`);
  const h = b.heading(2, section, title);
  const text = await narrativeBlock(b, kind, section);
  const office = codes.filter((c) => d.indicators.get(c)?.targetGroup === 'office_holders');
  const others = codes.filter((c) => !office.includes(c));
  const chart =
    office.length > 0
      ? await layerChart(
          b,
          d,
          `${section}-layers`,
          b.t('pub.report.chart.byLayer', { chapter: title }),
          office,
        )
      : null;
  const parts: VNode[] = [];
  for (const code of office) parts.push(await indicatorSection(b, d, code));
  for (const code of others)
    parts.push(
      await indicatorSection(b, d, code, b.t(`results.group.${d.indicators.get(code)!.targetGroup}`)),
    );
  return (
    <section aria-labelledby={h.id}>
      <h2 id={h.id}>{h.text}</h2>
      {text}
      {extra}
      {codes.length === 0 && extra.length === 0 && !text ? <p>{b.t('pub.report.noIndicators')}</p> : null}
      {chart}
      {parts}
    </section>
  );
}
