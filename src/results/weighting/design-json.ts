/**
 * The machine-readable description of a weighting run's design (the core of design.json): which
 * column is the stratum, the fpc, the base, start and final weights, every raking margin with its
 * population totals, the convergence settings and the trimming bounds. With it R's `survey` redoes
 * the calibration itself: svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~w_start)
 * followed by rake(…, control = list(epsilon, maxit)).
 */
import type { WeightingOptions, WeightingResult } from './weighting.js';

export interface DesignJson {
  strata: 'stratum';
  strataVariables: string[];
  fpc: 'fpc';
  fpcMeaning: 'population size of the stratum (frame count)';
  baseWeight: 'w_base';
  startWeight: 'w_start';
  finalWeight: 'w_final';
  lonelyPsu: 'adjust';
  calibration: {
    method: 'raking';
    margins: Array<{ column: string; variables: string[]; totals: Record<string, number> }>;
    epsilon: number;
    maxit: number;
    dropped: Array<{ name: string; reason: string }>;
  };
  trimming: WeightingOptions['trim'] | null;
}

export function designJson(
  result: WeightingResult,
  strataVariables: string[],
  options: WeightingOptions,
): DesignJson {
  return {
    strata: 'stratum',
    strataVariables,
    fpc: 'fpc',
    fpcMeaning: 'population size of the stratum (frame count)',
    baseWeight: 'w_base',
    startWeight: 'w_start',
    finalWeight: 'w_final',
    lonelyPsu: 'adjust',
    calibration: {
      method: 'raking',
      margins: result.margins.map((m) => ({
        column: `m_${m.name}`,
        variables: m.variables,
        totals: m.totals,
      })),
      epsilon: result.epsilon,
      maxit: result.maxit,
      dropped: result.dropped,
    },
    trimming: options.trim ?? null,
  };
}
