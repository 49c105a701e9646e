import type { Design } from './design.js';
import { pnorm, qnorm, qt } from './distributions.js';
import { approx, spline } from './spline.js';
import { KahanSum } from './summation.js';

/**
 * The intercept-only quasibinomial GLM that R survey's svyciprop (logit, likelihood) fits, emulated step
 * by step (R glm.fit: IRLS, its start values, clamps and stopping rule) because the interval uses the
 * fit's last working weights and its deviance, not just the closed-form logit of the mean.
 */
export interface LogitFit {
  beta: number;
  mu: number;
  /** Prior weights (design weights rescaled to mean 1 over R's subset design), by domain position. */
  pw: Float64Array;
  /** Estimating function per domain row: working residual × working weight. */
  estfun: Float64Array;
  /** 1 / Σ working weights (summary.glm cov.unscaled). */
  ainv: number;
  deviance: number;
}

const THRESH = 30;
const MTHRESH = -30;
const DBL_EPSILON = 2.220446049250313e-16;

function linkinv(eta: number): number {
  const tmp = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
  return tmp / (1 + tmp);
}

function muEta(eta: number): number {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
}

const yLogY = (y: number, mu: number) => (y !== 0 ? y * Math.log(y / mu) : 0);

/**
 * The deviance at one fitted value m for every row: the same terms as `deviance`, with the two
 * logarithms of a 0/1 response computed once instead of per row (bit for bit the same sum).
 */
function constantDeviance(
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
  pw: Float64Array,
  m: number,
): number {
  const one = yLogY(1, m) + yLogY(0, 1 - m);
  const zero = yLogY(0, m) + yLogY(1, 1 - m);
  const s = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const yi = y[r]!;
    const term = yi === 1 ? one : yi === 0 ? zero : yLogY(yi, m) + yLogY(1 - yi, 1 - m);
    s.add(2 * pw[r]! * term);
  }
  return s.value;
}

function deviance(
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
  pw: Float64Array,
  mu: (r: number) => number,
): number {
  const s = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const yi = y[r]!;
    const m = mu(r);
    s.add(2 * pw[r]! * (yLogY(yi, m) + yLogY(1 - yi, 1 - m)));
  }
  return s.value;
}

export function fitLogitIntercept(
  design: Design,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  designRows: number,
): LogitFit {
  const n = rows.length;
  const wsum = new KahanSum();
  for (let r = 0; r < n; r++) wsum.add(design.weights[rows[r]!]!);
  const meanW = wsum.value / designRows;
  const pw = new Float64Array(n);
  for (let r = 0; r < n; r++) pw[r] = design.weights[rows[r]!]! / meanW;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const yi = pw[r] === 0 ? 0 : y[r]!;
    const start = (pw[r]! * yi + 0.5) / (pw[r]! + 1);
    eta[r] = Math.log(start / (1 - start));
    mu[r] = linkinv(eta[r]!);
  }
  let devold = deviance(y, rows, pw, (r) => mu[r]!);
  const W = new Float64Array(n);
  let beta = 0;
  let dev = devold;
  for (let iter = 1; iter <= 25; iter++) {
    const swz = new KahanSum();
    const sw = new KahanSum();
    // after the first iteration every row has the same eta: its mu.eta once
    const sameEta = iter > 1 ? muEta(eta[0]!) : Number.NaN;
    for (let r = 0; r < n; r++) {
      W[r] = 0;
      if (!(pw[r]! > 0)) continue;
      const me = iter > 1 ? sameEta : muEta(eta[r]!);
      const z = eta[r]! + (y[r]! - mu[r]!) / me;
      const wr = Math.sqrt((pw[r]! * me * me) / (mu[r]! * (1 - mu[r]!)));
      W[r] = wr * wr;
      sw.add(wr * wr);
      swz.add(wr * (wr * z));
    }
    beta = swz.value / sw.value;
    const m = linkinv(beta);
    eta.fill(beta);
    mu.fill(m);
    dev = constantDeviance(y, rows, pw, m);
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devold = dev;
  }
  const m = linkinv(beta);
  const me = muEta(beta);
  const estfun = new Float64Array(n);
  const sW = new KahanSum();
  for (let r = 0; r < n; r++) {
    estfun[r] = ((y[r]! - m) / me) * W[r]!;
    sW.add(W[r]!);
  }
  return { beta, mu: m, pw, estfun, ainv: 1 / sW.value, deviance: dev };
}

/** R svyvar of the Pearson residuals (residuals.svyglm) in the domain: summary.svyglm's dispersion. */
function dispersion(design: Design, rows: ArrayLike<number>, y: ArrayLike<number>, fit: LogitFit): number {
  const w = design.weights;
  const res = new Float64Array(rows.length);
  let nobs = 0;
  const sw = new KahanSum();
  const swx = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    // residuals.svyglm scales by sqrt(prior / design weights), which is 1 in the domain
    res[r] = (y[r]! - fit.mu) / Math.sqrt(fit.mu * (1 - fit.mu));
    if (w[i] !== 0) nobs++;
    sw.add(w[i]!);
    swx.add(w[i]! * res[r]!);
  }
  const xbar = swx.value / sw.value;
  const ss = new KahanSum();
  for (let r = 0; r < rows.length; r++) {
    const d = res[r]! - xbar;
    ss.add(w[rows[r]!]! * ((d * d * nobs) / (nobs - 1)));
  }
  return ss.value / sw.value;
}

/**
 * R confint.svyglm(method = "likelihood") for the intercept: the profile deviance scaled by the design
 * effect (Rao–Scott), MASS-style profiling on a grid, then spline interpolation as R does. Returns the
 * interval on the logit scale.
 */
export function profileInterval(
  design: Design,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  fit: LogitFit,
  designVar: number,
  level: number,
  df: number,
  designRows: number,
): [number, number] {
  const lambda = designVar / fit.ainv;
  if (!(df > 0)) return [Number.NaN, Number.NaN];
  const alpha =
    df === Number.POSITIVE_INFINITY
      ? pnorm(qnorm((1 - level) / 2) * Math.sqrt(lambda)) / 2
      : pnorm(qt((1 - level) / 2, df) * Math.sqrt(lambda)) / 2;
  const seCoef = Math.sqrt(designVar);
  const zmax = Math.abs(qt(alpha / 2, designRows - 1));
  const del = zmax / 5;
  const disp = dispersion(design, rows, y, fit);
  const zs = [0];
  const bs = [fit.beta];
  for (const sgn of [-1, 1]) {
    let step = 0;
    let z = 0;
    while (++step < 10 && Math.abs(z) < zmax) {
      const bi = fit.beta + sgn * step * del * seCoef;
      const m = linkinv(bi);
      const dev = constantDeviance(y, rows, fit.pw, m);
      let zz = (dev - fit.deviance) / disp;
      if (zz > -0.001) zz = Math.max(zz, 0);
      else return [Number.NaN, Number.NaN];
      z = sgn * Math.sqrt(zz);
      zs.push(z);
      bs.push(bi);
    }
  }
  const order = zs.map((_, i) => i).sort((a, b) => zs[a]! - zs[b]! || a - b);
  const sp = spline(
    order.map((i) => bs[i]!),
    order.map((i) => zs[i]!),
  );
  const cut = qnorm(2 * alpha);
  return [approx(sp.y, sp.x, cut), approx(sp.y, sp.x, -cut)];
}
