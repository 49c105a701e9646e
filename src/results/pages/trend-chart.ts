/**
 * The trend of an indicator as a platform chart (src/platform/charts): the percentage per year, its 95%
 * interval as a band and a rule for runs in Weerbaar, and published figures drawn as open points (they
 * carry no interval). The page puts its own trend table (with sources and tests) inside the figure.
 */
import type { ChartInput } from '../../platform/charts/model.js';
import type { TrendPoint } from '../trends/trend.js';

export interface ChartLabels {
  title: string;
  year: string;
  percentage: string;
  source: string;
  published: string;
  weerbaar: string;
}

export function trendChart(key: string, points: readonly TrendPoint[], labels: ChartLabels): ChartInput {
  const years = [...new Set(points.map((p) => p.year))];
  return {
    key,
    kind: 'trend',
    title: labels.title,
    categoryTitle: labels.year,
    valueTitle: labels.percentage,
    unit: 'share',
    valueMax: 1,
    categories: years.map((y) => ({ id: String(y), label: String(y) })),
    pointStyles: [
      { id: 'published', label: labels.published, filled: false },
      { id: 'weerbaar', label: labels.weerbaar, filled: true },
    ],
    pointStyleTitle: labels.source,
    // one point per year: a Weerbaar run wins over a published figure of the same year
    values: years.map((year) => {
      const p =
        points.find((q) => q.year === year && q.source === 'weerbaar') ??
        points.find((q) => q.year === year)!;
      const [lo, hi] = p.ci ?? [null, null];
      return {
        category: String(year),
        value: Number.isFinite(p.estimate) ? p.estimate : null,
        ...(lo != null && hi != null ? { ci: [lo, hi] as const } : {}),
        style: p.source,
      };
    }),
  };
}
