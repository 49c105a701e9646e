/**
 * Charts drawn on the server: vega-lite → vega → SVG with vega's renderer-less `View#toSVG()` (no
 * canvas, no script, no font or other file from outside). The result is deterministic: vega's own
 * clip and gradient ids are reset and prefixed with the caller's key, so two charts on a page never
 * share an id and the same input gives the same bytes. The root `<svg>` is named by the figure's title
 * and described by its text alternative (./figure.tsx).
 */
import type { ViewOptions } from 'vega';
import type { Lang } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { type ChartInput, checkChart } from './model.js';
import { vegaLiteSpec } from './spec.js';
import { type ChartTable, chartTable, textAlternative } from './text.js';

/** Everything the figure needs: the drawing, what it says in words, and its table. */
export interface RenderedChart {
  key: string;
  title: string;
  /** SVG markup (made by vega from our own data; vega escapes text); undefined when it could not be drawn. */
  svg: string | undefined;
  /** The text alternative: every value in words. */
  text: string;
  table: ChartTable;
}

const numberLocale = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] },
} as const;

/** The SVG of a chart, its ids prefixed with the key and its root named for assistive technology. */
export async function chartSvg(input: ChartInput, lang: Lang): Promise<string> {
  checkChart(input);
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const spec = vegaLiteSpec(input, { suppressed: t(lang, 'chart.suppressed') });
  const view = new vega.View(vega.parse(compile(spec as never).spec), {
    renderer: 'none',
    // `vega.locale(number)` exists at run time; vega's typings leave it out
    locale: (vega as unknown as { locale: (n: object) => ViewOptions['locale'] }).locale(numberLocale[lang]),
  });
  try {
    vega.resetSVGDefIds();
    return finishSvg(await view.toSVG(), input.key);
  } finally {
    view.finalize();
  }
}

/** Prefixes every id (and reference to one) with the key, and names the root (the only ARIA left). */
export function finishSvg(svg: string, key: string): string {
  // The root is the one image (named by the figure); vega's own ARIA on mark groups would make images
  // inside the image, each without a name.
  const prefixed = svg
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${key}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${key}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${key}-${id}"`);
  return prefixed.replace(
    /^<svg\b/,
    `<svg id="${key}-svg" role="img" aria-labelledby="${key}-title" aria-describedby="${key}-desc" focusable="false"`,
  );
}

/**
 * The chart with its text alternative and table. If vega cannot draw it, the figure still shows the
 * title, the words and the table (`svg` undefined); `onError` hears why.
 */
export async function renderChart(
  input: ChartInput,
  lang: Lang,
  onError?: (err: Error) => void,
): Promise<RenderedChart> {
  checkChart(input);
  const svg = await chartSvg(input, lang).catch((err: Error) => {
    onError?.(err);
    return undefined;
  });
  return {
    key: input.key,
    title: input.title,
    svg,
    text: textAlternative(input, lang),
    table: chartTable(input, lang),
  };
}
