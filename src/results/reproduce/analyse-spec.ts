/**
 * The `weerbaar analyse` spec of a reproduction (pure): the same design, raking and estimates the
 * results run computes, on the columns of analysis.csv (docs/stats.md, "The spec"). Estimate ids are
 * those of the run: `cell|<indicator>|<breakdown>` and `diff|<indicator>|<variable>|<from>|<to>`.
 */
import { CI_METHOD, CONFIDENCE } from '../estimates/compute.js';
import type { CompiledIndicator } from '../indicators/model.js';
import { indicatorColumn, marginColumn, type ReproducibleWeighting } from './analysis-file.js';

export function analyseSpec(weighting: ReproducibleWeighting, indicators: readonly CompiledIndicator[]) {
  return {
    data: 'analysis.csv',
    design: { strata: 'stratum', fpc: 'fpc', weights: 'w_start', lonely_psu: 'adjust' as const },
    ...(weighting.margins.length
      ? {
          calibrate: {
            method: 'raking' as const,
            margins: weighting.margins.map((m) => ({ variable: marginColumn(m.name), totals: m.totals })),
            epsilon: weighting.epsilon,
            maxit: weighting.maxit,
          },
        }
      : {}),
    estimates: indicators.flatMap((ind) => {
      const d = ind.definition;
      const variable = indicatorColumn(d.code);
      return [
        ...d.breakdowns.map((by) => ({
          id: `cell|${d.code}|${by.join('+')}`,
          statistic: 'proportion' as const,
          variable,
          level: '1',
          by,
          ci: CI_METHOD,
          confidence: CONFIDENCE,
        })),
        ...d.comparisons.map((c) => ({
          id: `diff|${d.code}|${c.variable}|${c.from}|${c.to}`,
          statistic: 'difference' as const,
          variable,
          level: '1',
          by: [] as string[],
          between: { variable: c.variable, from: c.from, to: c.to },
          confidence: CONFIDENCE,
        })),
      ];
    }),
  };
}
