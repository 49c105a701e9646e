/**
 * The weighting report: each margin before (base weights) and after (final weights) against its
 * population total, the distribution of the weights and of the adjustment factors, Kish's design
 * effect of weighting, convergence and trimming. Pure.
 */

export interface MarginRow {
  category: string;
  population: number;
  respondents: number;
  before: number;
  after: number;
}

export interface Distribution {
  min: number;
  p01: number;
  p05: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface WeightingReport {
  respondents: number;
  population: number;
  margins: Array<{ name: string; rows: MarginRow[] }>;
  dropped: Array<{ name: string; reason: string }>;
  weights: Distribution;
  /** g = final / base weight. */
  adjustment: Distribution;
  /** Kish: n Σw² / (Σw)², the variance inflation from unequal weights. */
  kishDeff: number;
  /** Kish's effective sample size n / deff. */
  effectiveN: number;
  convergence: { method: 'raking'; epsilon: number; maxit: number; maxMarginDeviation: number };
  trim?: { lower: number; upper: number; maxRounds?: number; rounds: number; boundsHold: boolean };
}

/** Quantile type 7 (R's default) of sorted values. */
export function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    min: sorted[0]!,
    p01: quantile(sorted, 0.01),
    p05: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
    mean: sum / sorted.length,
  };
}

/** Kish's design effect of weighting: n Σw² / (Σw)² (1 for equal weights, ≥ 1 always). */
export function kishDeff(w: ArrayLike<number>): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < w.length; i++) {
    s1 += w[i]!;
    s2 += w[i]! * w[i]!;
  }
  return (w.length * s2) / (s1 * s1);
}

export function weightingReport(input: {
  stratum: string[];
  baseWeights: Float64Array;
  finalWeights: Float64Array;
  margins: Array<{ name: string; totals: Record<string, number>; values: string[] }>;
  dropped: Array<{ name: string; reason: string }>;
  epsilon: number;
  maxit: number;
  trim?: WeightingReport['trim'];
}): WeightingReport {
  const { baseWeights, finalWeights } = input;
  let maxDev = 0;
  const margins = input.margins.map((m) => {
    const acc = new Map<string, MarginRow>(
      Object.entries(m.totals).map(([category, population]) => [
        category,
        { category, population, respondents: 0, before: 0, after: 0 },
      ]),
    );
    m.values.forEach((c, i) => {
      const row = acc.get(c)!;
      row.respondents++;
      row.before += baseWeights[i]!;
      row.after += finalWeights[i]!;
    });
    for (const r of acc.values()) maxDev = Math.max(maxDev, Math.abs(r.after - r.population));
    return { name: m.name, rows: [...acc.values()] };
  });
  const g = finalWeights.map((w, i) => w / baseWeights[i]!);
  const deff = kishDeff(finalWeights);
  let population = 0;
  for (const w of finalWeights) population += w;
  return {
    respondents: finalWeights.length,
    population: Math.round(population),
    margins,
    dropped: input.dropped,
    weights: distribution(finalWeights),
    adjustment: distribution(g),
    kishDeff: deff,
    effectiveN: finalWeights.length / deff,
    convergence: { method: 'raking', epsilon: input.epsilon, maxit: input.maxit, maxMarginDeviation: maxDev },
    ...(input.trim ? { trim: input.trim } : {}),
  };
}
