/**
 * The trend chart as SVG, made on the server (vega-lite → vega → SVG; no script in the page): the
 * percentage per year, its 95% interval as a bar for runs in Weerbaar, and published figures drawn as
 * open points (they carry no interval). The page shows the table beside it and a text alternative.
 */
import type { TrendPoint } from '../trends/trend.js';

export interface ChartLabels {
  year: string;
  percentage: string;
  source: string;
  published: string;
  weerbaar: string;
}

export async function trendSvg(points: readonly TrendPoint[], labels: ChartLabels): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const values = points
    .filter((p) => Number.isFinite(p.estimate))
    .map((p) => ({
      year: p.year,
      pct: Math.round(p.estimate * 1000) / 10,
      lo: p.ci?.[0] == null ? null : Math.round(p.ci[0] * 1000) / 10,
      hi: p.ci?.[1] == null ? null : Math.round(p.ci[1] * 1000) / 10,
      source: p.source === 'published' ? labels.published : labels.weerbaar,
    }));
  const x = { field: 'year', type: 'ordinal', title: labels.year, axis: { labelAngle: 0 } } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 480,
    height: 240,
    data: { values },
    layer: [
      {
        mark: { type: 'line', color: '#154273' },
        encoding: {
          x,
          y: { field: 'pct', type: 'quantitative', title: labels.percentage, scale: { domain: [0, 100] } },
        },
      },
      {
        mark: { type: 'rule', color: '#154273' },
        transform: [{ filter: 'datum.lo != null' }],
        encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
      },
      {
        mark: { type: 'point', size: 70, strokeWidth: 2, filled: true },
        encoding: {
          x,
          y: { field: 'pct', type: 'quantitative' },
          shape: { field: 'source', type: 'nominal', title: labels.source },
          color: {
            field: 'source',
            type: 'nominal',
            title: labels.source,
            scale: { domain: [labels.published, labels.weerbaar], range: ['#8a5a00', '#154273'] },
          },
        },
      },
    ],
    // the page hides the drawing from assistive technology: the text alternative and the table say it all
    config: { aria: false, font: 'sans-serif', legend: { orient: 'bottom' } },
  };
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
