/**
 * design.json of a reproduction (pure): the weighting run's design (strata, fpc, weights, every raking
 * margin with its population totals, ε, maxit, trimming bounds) plus each indicator's 0/1 column with
 * the expressions it was computed from, the estimates' settings and the files beside it.
 */
import type { CompiledIndicator } from '../indicators/model.js';
import type { DesignJson } from '../weighting/design-json.js';
import { indicatorColumn } from './analysis-file.js';

export interface DesignFile extends DesignJson {
  format: 'weerbaar-design/1';
  wave: string;
  targetGroup: string;
  run: { id: string; version: number } | null;
  file: { data: 'analysis.csv'; rows: number; missing: ''; encoding: 'UTF-8'; rowOrder: string };
  design: { ids: '~1'; note: string };
  estimates: {
    statistic: 'proportion';
    ci: 'logit';
    confidence: number;
    domains: string;
    differences: string;
  };
  indicators: Array<{
    code: string;
    version: number;
    column: string;
    numerator: string;
    population: string | null;
    answered: string[];
    breakdowns: string[][];
    comparisons: Array<{ variable: string; from: string; to: string }>;
  }>;
}

export function designFile(input: {
  design: DesignJson;
  wave: string;
  targetGroup: string;
  run?: { id: string; version: number };
  rows: number;
  indicators: readonly CompiledIndicator[];
  confidence: number;
}): DesignFile {
  return {
    format: 'weerbaar-design/1',
    wave: input.wave,
    targetGroup: input.targetGroup,
    run: input.run ?? null,
    file: {
      data: 'analysis.csv',
      rows: input.rows,
      missing: '',
      encoding: 'UTF-8',
      rowOrder: 'the canonical order of the results run (the order of the weights)',
    },
    ...input.design,
    design: {
      ids: '~1',
      note: 'one stage, no clusters: every respondent is its own PSU; svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~w_start), then rake() with the margins below; the raked weights equal w_final',
    },
    estimates: {
      statistic: 'proportion',
      ci: 'logit',
      confidence: input.confidence,
      domains:
        'each breakdown cell is a domain of the calibrated design (subset), respondents with a missing indicator value left out (na.rm); svyciprop(method = "logit")',
      differences:
        'to − from of the two domain proportions with their covariance (svyby(covmat = TRUE) + svycontrast, here as svytotal + svycontrast of the ratio difference, the same linearisation); Wald z; Holm over the tests of one indicator',
    },
    indicators: input.indicators.map((i) => {
      const d = i.definition;
      return {
        code: d.code,
        version: d.version,
        column: indicatorColumn(d.code),
        numerator: d.numerator,
        population: d.population ?? null,
        answered: d.answered,
        breakdowns: d.breakdowns,
        comparisons: d.comparisons,
      };
    }),
  };
}
