import type { Design } from './design.js';
import { pnorm, qbeta, qnorm, qt } from './distributions.js';
import { domainMean } from './estimate.js';
import { fitLogitIntercept, profileInterval } from './glm-logit.js';

export type CipropMethod = 'logit' | 'likelihood' | 'beta' | 'mean' | 'xlogit';

export interface CipropResult {
  estimate: number;
  se: number;
  ci: [number, number];
}

export interface CipropInput {
  design: Design;
  /** Domain rows with a value. */
  rows: ArrayLike<number>;
  /** 0/1 indicator at each of `rows`. */
  y: ArrayLike<number>;
  method: CipropMethod;
  level: number;
  /** Design degrees of freedom of the domain (R degf). */
  df: number;
  /** Rows R's subset design has: the domain rows, or all rows of a calibrated design (R keeps them). */
  designRows: number;
}

const expit = (x: number) => Math.exp(x) / (1 + Math.exp(x));

/** R `svyciprop(~y, subset(design, domain), method, level)`. */
export function svyciprop(input: CipropInput): CipropResult {
  const { design, rows, y, method, level, df } = input;
  if (method === 'logit' || method === 'likelihood') return logitOrLikelihood(input);
  const m = domainMean(design, rows, y);
  const p = m.estimate;
  const se = Math.sqrt(m.variance);
  const a = (1 - level) / 2;
  if (method === 'mean') {
    return { estimate: p, se, ci: [p + se * qt(a, df), p + se * qt(1 - a, df)] };
  }
  if (method === 'xlogit') {
    const e1 = 1 - p;
    const e2 = p / e1;
    const jac = (1 / e1 + p / (e1 * e1)) / e2;
    const sl = Math.sqrt(jac * m.variance * jac);
    const l = Math.log(e2);
    return { estimate: p, se, ci: [expit(l + sl * qt(a, df)), expit(l + sl * qt(1 - a, df))] };
  }
  if (method === 'beta') {
    const alpha = 1 - level;
    let nEff = (p * (1 - p)) / m.variance;
    nEff = nEff * (qt(alpha / 2, input.designRows - 1) / qt(alpha / 2, df)) ** 2;
    return {
      estimate: p,
      se,
      ci: [
        qbeta(alpha / 2, nEff * p, nEff * (1 - p) + 1),
        qbeta(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)),
      ],
    };
  }
  throw new Error(`unknown svyciprop method ${method}`);
}

/**
 * logit and likelihood: R fits svyglm(y ~ 1, family = quasibinomial) and takes its interval. The
 * variances of the mean and of the intercept come from one pass over the PSUs (a 2 × 2 covariance).
 */
function logitOrLikelihood(input: CipropInput): CipropResult {
  const { design, rows, y, method, level, df } = input;
  const a = (1 - level) / 2;
  const fit = fitLogitIntercept(design, rows, y, input.designRows);
  const influence = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) influence[r] = fit.estfun[r]! * fit.ainv;
  const m = domainMean(design, rows, y, influence);
  const se = Math.sqrt(m.variance);
  const v = m.alongsideVariance!;
  const seCoef = Math.sqrt(v);
  const estimate = expit(fit.beta);
  if (method === 'logit') {
    if (!(df > 0)) return { estimate, se, ci: [Number.NaN, Number.NaN] };
    const tlevel = 1 - 2 * pnorm(qt(a, df));
    const b = (1 - tlevel) / 2;
    return {
      estimate,
      se,
      ci: [expit(fit.beta + seCoef * qnorm(b)), expit(fit.beta + seCoef * qnorm(1 - b))],
    };
  }
  const ci = profileInterval(design, rows, y, fit, v, level, df, input.designRows);
  return { estimate, se, ci: [expit(ci[0]), expit(ci[1])] };
}
