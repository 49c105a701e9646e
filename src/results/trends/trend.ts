/**
 * Trends (pure): the change of every cell from the previous wave run in Weerbaar, tested as two
 * independent samples with their design-based standard errors (Wald z on p₂ − p₁ with
 * se = √(se₁² + se₂²)); and an indicator's series joining Weerbaar's runs with the historical
 * published values, which carry no standard error and are therefore never tested ("not tested").
 */
import { pnorm } from '../../stats/distributions.js';
import type { CellEstimate } from '../estimates/compute.js';
import type { CoveredFigure } from '../published.js';

export const TREND_TEST = 'independent samples, design-based SEs; Wald z, Holm-corrected per indicator';

export interface TrendTest {
  indicator: string;
  by: Record<string, string>;
  previousWave: string;
  change: number;
  se: number;
  p: number;
  pHolm: number | null;
  significant: boolean;
  test: string;
}

export const cellKey = (indicator: string, by: Record<string, string>) =>
  `${indicator}|${Object.keys(by)
    .sort()
    .map((k) => `${k}=${by[k]}`)
    .join('&')}`;

/** Tests every cell that has an estimate and SE in both runs. */
export function trendTests(
  current: readonly CellEstimate[],
  previous: readonly CellEstimate[],
  previousWave: string,
): TrendTest[] {
  const before = new Map(previous.map((c) => [cellKey(c.indicator, c.by), c]));
  const out: TrendTest[] = [];
  for (const c of current) {
    const p = before.get(cellKey(c.indicator, c.by));
    if (!p || c.estimate === null || p.estimate === null || c.se === null || p.se === null) continue;
    const se = Math.sqrt(c.se * c.se + p.se * p.se);
    if (!(se > 0)) continue;
    const change = c.estimate - p.estimate;
    out.push({
      indicator: c.indicator,
      by: c.by,
      previousWave,
      change,
      se,
      p: 2 * pnorm(-Math.abs(change / se)),
      pHolm: null,
      significant: false,
      test: TREND_TEST,
    });
  }
  return out;
}

export interface TrendPoint {
  year: number;
  source: 'weerbaar' | 'published';
  estimate: number;
  ci?: [number | null, number | null];
  n?: number;
  wave?: string;
  /** For published values: the document quoted, the quote, and whether it is a verbal approximation. */
  published?: { id: string; source: string; quote: string; approx: boolean; note?: string };
  /** Change from the previous point: tested against a Weerbaar run, "not tested" against a published value. */
  change?:
    | { from: number; tested: false; reason: 'published value without a standard error' }
    | {
        from: number;
        tested: true;
        p: number | null;
        significant: boolean;
      };
}

export interface RunPoint {
  year: number;
  wave: string;
  cell: CellEstimate;
  trend?: TrendTest;
}

/** The series of one indicator cell: published values for years without a run, runs where they exist. */
export function trendSeries(runs: readonly RunPoint[], published: readonly CoveredFigure[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  const runYears = new Set(runs.map((r) => r.year));
  for (const f of published) {
    const fig = f.figure;
    const meta = {
      id: fig.id,
      source: fig.source,
      quote: fig.quote,
      approx: fig.approx,
      ...(fig.note ? { note: fig.note } : {}),
    };
    if (runYears.has(fig.wave)) continue;
    points.push({ year: fig.wave, source: 'published', estimate: fig.value / 100, published: meta });
  }
  for (const r of runs) {
    const same = published.find((f) => f.figure.wave === r.year);
    points.push({
      year: r.year,
      source: 'weerbaar',
      estimate: r.cell.estimate ?? Number.NaN,
      ci: r.cell.ci,
      n: r.cell.n,
      wave: r.wave,
      ...(same
        ? {
            published: {
              id: same.figure.id,
              source: same.figure.source,
              quote: same.figure.quote,
              approx: same.figure.approx,
            },
          }
        : {}),
    });
  }
  points.sort((a, b) => a.year - b.year);
  points.forEach((pt, i) => {
    const prev = points[i - 1];
    if (!prev) return;
    if (pt.source === 'weerbaar' && prev.source === 'weerbaar') {
      const t = runs.find((r) => r.year === pt.year)?.trend;
      pt.change = {
        from: prev.year,
        tested: true,
        p: t?.pHolm ?? null,
        significant: t?.significant ?? false,
      };
    } else pt.change = { from: prev.year, tested: false, reason: 'published value without a standard error' };
  });
  return points;
}
