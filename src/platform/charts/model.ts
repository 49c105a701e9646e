/**
 * What a chart shows, independent of how it is drawn (./spec.ts → vega-lite → vega → SVG in ./render.ts)
 * and said (./text.ts: the text alternative and the data table). Every domain builds one of these.
 */

export const chartKinds = ['bar', 'grouped-bar', 'stacked-bar', 'trend'] as const;
export type ChartKind = (typeof chartKinds)[number];

/** A place on the horizontal axis (a year, a day, a breakdown value): `id` for data, `label` shown. */
export interface ChartCategory {
  id: string;
  label: string;
}

/** A coloured series (a stratum, a group); a plain bar chart and a single trend have one. */
export interface ChartSeries {
  id: string;
  label: string;
}

/** How a trend point is drawn and named, e.g. "published value" (open) or "computed in Weerbaar" (filled). */
export interface ChartPointStyle {
  id: string;
  label: string;
  filled: boolean;
}

export interface ChartValue {
  category: string;
  /** The series id; may be left out when the chart has one series. */
  series?: string;
  /** A share (0–1) or a count; null when there is no value (never drawn as 0). */
  value: number | null;
  /** Disclosure control withheld the value: shown as such, never as 0. */
  suppressed?: boolean;
  /** The 95% interval (trend only: drawn as a band and an interval rule). */
  ci?: readonly [number, number];
  /** Trend only: the id of one of the chart's point styles. */
  style?: string;
}

/** A marked place on the horizontal axis, e.g. a reminder day: a dashed rule with a label. */
export interface ChartMark {
  category: string;
  label: string;
}

export interface ChartInput {
  /** Makes every id of the figure (`<key>-title`, `<key>-desc`, ids inside the SVG): unique on the page. */
  key: string;
  kind: ChartKind;
  title: string;
  categoryTitle: string;
  valueTitle: string;
  /** `share`: values 0–1 shown as percentages; `count`: whole numbers. */
  unit: 'share' | 'count';
  categories: readonly ChartCategory[];
  /** Left out: one series named by `valueTitle`. */
  series?: readonly ChartSeries[];
  values: readonly ChartValue[];
  marks?: readonly ChartMark[];
  /** Heading of the table column that lists the marks (e.g. "Herinnering"). */
  markTitle?: string;
  pointStyles?: readonly ChartPointStyle[];
  /** Title of the point-style legend (trend). */
  pointStyleTitle?: string;
  /** Title of the series legend. */
  seriesTitle?: string;
  /** The value axis runs at least to this (e.g. 1 for shares to show 0–100%). */
  valueMax?: number;
  width?: number;
  height?: number;
}

/**
 * Series colours in the sober look of the UI: the primary dark blue of the style sheet
 * (`--wb-color-primary`) first, then muted orange, sky blue, purple, brown, grey, tan and slate blue.
 * Each has at least 3:1 contrast on white (WCAG 1.4.11), and every two stay apart for normal vision
 * and simulated protanopia, deuteranopia and tritanopia (./palette.test.ts). Series are also told apart
 * by the legend order, the table and the text alternative, never by colour alone. A chart has at most
 * this many series (group the rest).
 */
export const palette = [
  '#154273',
  '#D0611A',
  '#5599DD',
  '#8E4FA6',
  '#7A4A2A',
  '#778088',
  '#BB8866',
  '#6A5ACD',
] as const;

/** Dark grey for rules, marks and the suppressed label (contrast > 7:1 on white). */
export const inkColour = '#4a4a4a';

const KEY = /^[a-z][a-z0-9-]{0,63}$/;
export const ONE_SERIES = '__value';

/** The chart's series, with the single implicit one when none are given. */
export function seriesOf(input: ChartInput): ChartSeries[] {
  return input.series?.length ? [...input.series] : [{ id: ONE_SERIES, label: input.valueTitle }];
}

/** Checks what a caller gave (a programming error, not user input, when it fails). */
export function checkChart(input: ChartInput): void {
  const fail = (detail: string) => {
    // a programming error (the caller built the chart), never the user's input
    throw new Error(`chart ${input.key}: ${detail}`);
  };
  if (!KEY.test(input.key)) fail('the key must be lower-case letters, digits and hyphens');
  const cats = new Set(input.categories.map((c) => c.id));
  const labels = new Set(input.categories.map((c) => c.label));
  if (cats.size !== input.categories.length || labels.size !== cats.size)
    fail('categories need distinct ids and labels');
  const series = seriesOf(input);
  const ids = new Set(series.map((s) => s.id));
  if (ids.size !== series.length || new Set(series.map((s) => s.label)).size !== ids.size)
    fail('series need distinct ids and labels');
  if (series.length > palette.length) fail(`at most ${palette.length} series (one colour each)`);
  const seen = new Set<string>();
  for (const v of input.values) {
    const s = v.series ?? series[0]!.id;
    if (!cats.has(v.category)) fail(`unknown category ${v.category}`);
    if (!ids.has(s)) fail(`unknown series ${s}`);
    const k = JSON.stringify([v.category, s]);
    if (seen.has(k)) fail(`two values for ${v.category} / ${s}`);
    seen.add(k);
    if (v.value !== null && !Number.isFinite(v.value)) fail('values must be finite or null');
  }
  for (const m of input.marks ?? [])
    if (!cats.has(m.category)) fail(`mark on unknown category ${m.category}`);
}
