/**
 * A chart (./model.ts) as a vega-lite specification. Labels go in as data (vega escapes text when it
 * writes SVG); colours are fixed by the palette, never by a scheme with random order. Suppressed values
 * and values that are missing are left out of the bars and break the lines; a suppressed value gets
 * the word "suppressed" drawn at its place instead.
 */
import { type ChartInput, checkChart, inkColour, ONE_SERIES, palette, seriesOf } from './model.js';

/** One row of the chart's data (field names are short: they are in every mark's data). */
export interface ChartRow {
  /** category label */
  c: string;
  /** series label */
  s: string;
  /** series index (stack order) */
  si: number;
  v: number | null;
  lo: number | null;
  hi: number | null;
  /** point style label */
  st: string;
  fill: string;
  stroke: string;
}

export interface SpecTexts {
  /** The word drawn where a value is suppressed. */
  suppressed: string;
}

const colourOf = (i: number) => palette[i % palette.length]!;

export function chartRows(input: ChartInput): ChartRow[] {
  const series = seriesOf(input);
  const sIndex = new Map(series.map((s, i) => [s.id, i]));
  const cLabel = new Map(input.categories.map((c) => [c.id, c.label]));
  const styles = new Map((input.pointStyles ?? []).map((p) => [p.id, p]));
  const order = new Map(input.categories.map((c, i) => [c.id, i]));
  return [...input.values]
    .sort(
      (a, b) =>
        order.get(a.category)! - order.get(b.category)! ||
        sIndex.get(a.series ?? series[0]!.id)! - sIndex.get(b.series ?? series[0]!.id)!,
    )
    .map((v) => {
      const si = sIndex.get(v.series ?? series[0]!.id)!;
      const style = v.style === undefined ? undefined : styles.get(v.style);
      const shown = v.suppressed ? null : v.value;
      return {
        c: cLabel.get(v.category)!,
        s: series[si]!.label,
        si,
        v: shown,
        lo: shown === null ? null : (v.ci?.[0] ?? null),
        hi: shown === null ? null : (v.ci?.[1] ?? null),
        st: style?.label ?? '',
        fill: style && !style.filled ? '#ffffff' : colourOf(si),
        stroke: colourOf(si),
      };
    });
}

/** The top of the value axis: the largest value, interval end or stack, and at least `valueMax`. */
function valueTop(input: ChartInput, rows: ChartRow[]): number {
  let top = input.valueMax ?? 0;
  const stacks = new Map<string, number>();
  for (const r of rows) {
    top = Math.max(top, r.v ?? 0, r.hi ?? 0);
    if (input.kind === 'stacked-bar') stacks.set(r.c, (stacks.get(r.c) ?? 0) + (r.v ?? 0));
  }
  for (const s of stacks.values()) top = Math.max(top, s);
  return niceTop(top);
}

/** A round top for the value axis: 1, 2, 2.5 or 5 times a power of ten, at least `x`. */
export function niceTop(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  const step = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return step * p;
}

export function vegaLiteSpec(input: ChartInput, texts: SpecTexts): Record<string, unknown> {
  checkChart(input);
  const series = seriesOf(input);
  const many = series.length > 1 || series[0]!.id !== ONE_SERIES;
  const rows = chartRows(input);
  const categoryLabels = input.categories.map((c) => c.label);
  const seriesLabels = series.map((s) => s.label);
  const trend = input.kind === 'trend';
  const x = {
    field: 'c',
    type: trend ? 'ordinal' : 'nominal',
    sort: categoryLabels,
    scale: { domain: categoryLabels },
    title: input.categoryTitle,
    axis: { labelAngle: 0, labelOverlap: 'greedy', labelLimit: 120 },
  };
  const top = valueTop(input, rows);
  const y = {
    field: 'v',
    type: 'quantitative',
    title: input.valueTitle,
    scale: { domain: [0, top] },
    axis:
      input.unit === 'share'
        ? { format: '.0%', tickCount: 5 }
        : { format: 'd', tickMinStep: 1, tickCount: Math.min(5, Math.max(1, Math.ceil(top))) },
  };
  const colour = many
    ? {
        field: 's',
        type: 'nominal',
        title: input.seriesTitle ?? null,
        sort: seriesLabels,
        scale: { domain: seriesLabels, range: series.map((_, i) => colourOf(i)) },
        legend: { orient: 'bottom', direction: 'horizontal', columns: Math.min(series.length, 4) },
      }
    : { value: colourOf(0) };
  const xOffset =
    input.kind === 'grouped-bar' && many
      ? { field: 's', sort: seriesLabels, scale: { domain: seriesLabels } }
      : undefined;
  const valid = { filter: 'isValid(datum.v)' };
  const layers: Record<string, unknown>[] = [];

  if (!trend) {
    layers.push({
      mark:
        input.kind === 'stacked-bar' ? { type: 'bar', stroke: '#ffffff', strokeWidth: 1 } : { type: 'bar' },
      transform: [valid],
      encoding: {
        x,
        y: input.kind === 'stacked-bar' ? { ...y, stack: 'zero' } : { ...y, stack: null },
        color: colour,
        ...(input.kind === 'stacked-bar' ? { order: { field: 'si', type: 'quantitative' } } : {}),
        ...(xOffset ? { xOffset } : {}),
      },
    });
  } else {
    const interval = { filter: 'isValid(datum.lo) && isValid(datum.hi)' };
    layers.push(
      {
        mark: { type: 'area', opacity: 0.18, invalid: 'break-paths-show-domains' },
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colour },
      },
      {
        mark: { type: 'rule', strokeWidth: 1.5 },
        transform: [interval],
        encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colour },
      },
      {
        mark: { type: 'line', strokeWidth: 2, invalid: 'break-paths-show-domains' },
        encoding: { x, y, color: colour, ...(many ? { detail: { field: 's' } } : {}) },
      },
    );
    const styles = input.pointStyles ?? [];
    layers.push({
      mark: { type: 'point', size: 70, strokeWidth: 2, opacity: 1 },
      transform: [valid],
      encoding: {
        x,
        y,
        // one series: open or filled by style, with the style's legend; several: by series colour
        fill:
          styles.length && !many
            ? {
                field: 'st',
                type: 'nominal',
                title: input.pointStyleTitle ?? null,
                scale: {
                  domain: styles.map((s) => s.label),
                  range: styles.map((s) => (s.filled ? colourOf(0) : '#ffffff')),
                },
                legend: { orient: 'bottom', symbolStrokeWidth: 2 },
              }
            : { field: 'fill', type: 'nominal', scale: null },
        stroke: many ? { field: 'stroke', type: 'nominal', scale: null } : { value: colourOf(0) },
        ...(styles.length
          ? {
              shape: {
                field: 'st',
                type: 'nominal',
                title: input.pointStyleTitle ?? null,
                scale: {
                  domain: styles.map((s) => s.label),
                  range: ['circle', 'square', 'diamond', 'triangle-up'].slice(0, styles.length),
                },
                legend: { orient: 'bottom', symbolStrokeWidth: 2 },
              },
            }
          : {}),
      },
    });
  }

  // The word "suppressed" where a value is withheld (stacked: once per bar, above what is shown).
  const stackTop = new Map<string, number>();
  for (const r of rows) stackTop.set(r.c, (stackTop.get(r.c) ?? 0) + (r.v ?? 0));
  const suppressedSet = new Set(
    input.values
      .filter((v) => v.suppressed)
      .map((v) => JSON.stringify([v.category, v.series ?? series[0]!.id])),
  );
  const cLabel = new Map(input.categories.map((c) => [c.id, c.label]));
  const sLabel = new Map(series.map((s) => [s.id, s.label]));
  const labels: { c: string; s: string; ly: number; t: string }[] = [];
  const stackedDone = new Set<string>();
  for (const key of suppressedSet) {
    const [cat, ser] = JSON.parse(key) as [string, string];
    const c = cLabel.get(cat)!;
    if (input.kind === 'stacked-bar') {
      if (stackedDone.has(c)) continue;
      stackedDone.add(c);
    }
    labels.push({
      c,
      s: sLabel.get(ser)!,
      ly: input.kind === 'stacked-bar' ? (stackTop.get(c) ?? 0) : 0,
      t: texts.suppressed,
    });
  }
  if (labels.length)
    layers.push({
      data: { values: labels },
      mark: {
        type: 'text',
        angle: 270,
        align: 'left',
        baseline: 'middle',
        dx: 4,
        fontSize: 10,
        fontStyle: 'italic',
        color: inkColour,
      },
      encoding: {
        x,
        y: { ...y, field: 'ly' },
        text: { field: 't' },
        ...(xOffset ? { xOffset } : {}),
      },
    });

  const marks = (input.marks ?? []).map((m) => ({ c: cLabel.get(m.category)!, t: m.label }));
  if (marks.length)
    layers.push(
      {
        data: { values: marks },
        mark: { type: 'rule', color: inkColour, strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x },
      },
      {
        data: { values: marks },
        mark: { type: 'text', color: inkColour, fontSize: 10, baseline: 'bottom', dy: -2, y: 0 },
        encoding: { x, text: { field: 't' } },
      },
    );

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: input.width ?? 480,
    height: input.height ?? 240,
    data: { values: rows },
    layer: layers,
    // the figure names the drawing (role="img"); marks carry no ARIA of their own
    config: {
      aria: false,
      font: 'sans-serif',
      background: '#ffffff',
      axis: { labelColor: '#1b1b1b', titleColor: '#1b1b1b', labelFontSize: 11, titleFontSize: 12 },
      legend: {
        labelColor: '#1b1b1b',
        titleColor: '#1b1b1b',
        labelFontSize: 11,
        labelLimit: 220,
        titleLimit: 400,
      },
      view: { stroke: null },
    },
  };
}
