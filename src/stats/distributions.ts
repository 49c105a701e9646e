// biome-ignore-all lint/correctness/noPrecisionLoss: coefficients are copied digit for digit from R's C sources
import { pnorm, qnorm } from './normal.js';

export { pnorm, qnorm } from './normal.js';

/**
 * t, F, chi-square and beta distributions to about 1e-14 (continued fractions, Newton inversion).
 * Parity with R `survey` needs quantiles accurate far beyond print precision.
 */

const LANCZOS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
  0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3, -0.16431810653676389022e-3,
  0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];

/** log Γ(x) for x > 0: Stirling with correction terms for large x, Lanczos (g = 607/128) below. */
export function lgamma(x: number): number {
  if (x <= 0 || Number.isNaN(x)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  if (x >= 15) {
    const x2 = 1 / (x * x);
    const corr =
      (1 / x) *
      (1 / 12 +
        x2 *
          (-1 / 360 +
            x2 * (1 / 1260 + x2 * (-1 / 1680 + x2 * (1 / 1188 + x2 * (-691 / 360360 + x2 / 156))))));
    return (x - 0.5) * Math.log(x) - x + 0.91893853320467274178 + corr;
  }
  const g = 607 / 128;
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.91893853320467274178 + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** log B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** Continued fraction of the incomplete beta (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betacf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b), or its complement when `lower` is false. `y` is 1 − x, passed
 * separately so callers close to 1 lose no digits.
 */
export function pbeta(x: number, a: number, b: number, lower = true, y = 1 - x): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (x <= 0) return lower ? 0 : 1;
  if (y <= 0) return lower ? 1 : 0;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) - lbeta(a, b));
  if (x < (a + 1) / (a + b + 2)) {
    const v = (front * betacf(a, b, x)) / a;
    return lower ? v : 1 - v;
  }
  const v = (front * betacf(b, a, y)) / b;
  return lower ? 1 - v : v;
}

/** Density of the beta distribution. */
function dbeta(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b));
}

/** Beta quantile: safeguarded Newton on I_x(a, b) = p. */
export function qbeta(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b) || !(a > 0) || !(b > 0) || p < 0 || p > 1)
    return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  let x = Math.min(1 - 1e-12, Math.max(1e-12, mean + qnorm(p) * sd));
  for (let it = 0; it < 300; it++) {
    const f = pbeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const dens = dbeta(x, a, b);
    let next = dens > 0 ? x - f / dens : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300)) return next;
    x = next;
  }
  return x;
}

/** Student t distribution function; df may be Infinity. */
export function pt(t: number, df: number, lower = true): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(df)) return pnorm(t, lower);
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const tail = 0.5 * pbeta(x, df / 2, 0.5, true, y);
  const isLowerTail = t < 0;
  return lower === isLowerTail ? tail : 1 - tail;
}

function dt(t: number, df: number): number {
  return Math.exp(
    lgamma((df + 1) / 2) -
      lgamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/** Student t quantile; NaN when df ≤ 0 (as R). */
export function qt(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(df) || df > 1e20) return qnorm(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -qt(1 - p, df);
  if (p === 1) return Number.POSITIVE_INFINITY;
  const pu = 1 - p;
  // upper-tail target avoids cancellation for p close to 1
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  const z = qnorm(p);
  let x = df > 2 ? z + (z ** 3 + z) / (4 * df) : Math.max(z, 1);
  for (let it = 0; it < 400; it++) {
    const f = pt(x, df, false) - pu;
    if (f === 0) return x;
    if (f > 0) lo = x;
    else hi = x;
    const dens = dt(x, df);
    let next = x + f / dens;
    if (!(next > lo && next < hi) || !Number.isFinite(next))
      next = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(2 * x, 1);
    if (Math.abs(next - x) <= 1e-15 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}

/** F distribution function (upper tail when `lower` is false). */
export function pf(f: number, df1: number, df2: number, lower = true): number {
  if (Number.isNaN(f) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (f <= 0) return lower ? 0 : 1;
  if (!Number.isFinite(f)) return lower ? 1 : 0;
  const den = df2 + df1 * f;
  // P(F > f) = I_{df2/(df2+df1 f)}(df2/2, df1/2)
  return pbeta(df2 / den, df2 / 2, df1 / 2, !lower, (df1 * f) / den);
}

/** Regularized incomplete gamma: [P(a, x), Q(a, x)]. */
function gammaPQ(a: number, x: number): [number, number] {
  if (x <= 0) return [0, 1];
  const lfront = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let s = del;
    for (let n = 0; n < 100000; n++) {
      ap += 1;
      del *= x / ap;
      s += del;
      if (Math.abs(del) < Math.abs(s) * 1e-17) break;
    }
    const pv = s * Math.exp(lfront);
    return [pv, 1 - pv];
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const qv = Math.exp(lfront) * h;
  return [1 - qv, qv];
}

/** Chi-square distribution function (upper tail when `lower` is false). */
export function pchisq(x: number, df: number, lower = true): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return lower ? 0 : 1;
  if (!Number.isFinite(x)) return lower ? 1 : 0;
  const [pv, qv] = gammaPQ(df / 2, x / 2);
  return lower ? pv : qv;
}
