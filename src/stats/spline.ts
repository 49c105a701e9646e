/**
 * R's `spline(method = "fmm")` and `approx()`, needed because R survey's likelihood interval for a
 * proportion interpolates the profile deviance with them; matching R means matching the interpolation.
 */

/** 1-based get (v undefined) or set, so the port reads like R's C code. */
function access(a: number[], i: number, v?: number): number {
  if (v !== undefined) a[i - 1] = v;
  return a[i - 1]!;
}

/** Forsythe–Malcolm–Moler cubic spline coefficients (R splines.c fmm_spline). */
function fmmCoef(x: number[], y: number[]): { b: number[]; c: number[]; d: number[] } {
  const n = x.length;
  const b = new Array<number>(n).fill(0);
  const c = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  if (n < 2) return { b, c, d };
  if (n < 3) {
    const t = (y[1]! - y[0]!) / (x[1]! - x[0]!);
    b[0] = t;
    b[1] = t;
    return { b, c, d };
  }
  // 1-based in R's C code; here X(i) = x[i-1]
  const X = (i: number) => x[i - 1]!;
  const Y = (i: number) => y[i - 1]!;
  const B = (i: number, v?: number) => access(b, i, v);
  const C = (i: number, v?: number) => access(c, i, v);
  const D = (i: number, v?: number) => access(d, i, v);
  const nm1 = n - 1;
  D(1, X(2) - X(1));
  C(2, (Y(2) - Y(1)) / D(1));
  for (let i = 2; i < n; i++) {
    D(i, X(i + 1) - X(i));
    B(i, 2 * (D(i - 1) + D(i)));
    C(i + 1, (Y(i + 1) - Y(i)) / D(i));
    C(i, C(i + 1) - C(i));
  }
  B(1, -D(1));
  B(n, -D(nm1));
  C(1, 0);
  C(n, 0);
  if (n > 3) {
    C(1, C(3) / (X(4) - X(2)) - C(2) / (X(3) - X(1)));
    C(n, C(nm1) / (X(n) - X(n - 2)) - C(n - 2) / (X(nm1) - X(n - 3)));
    C(1, (C(1) * D(1) * D(1)) / (X(4) - X(1)));
    C(n, (-C(n) * D(nm1) * D(nm1)) / (X(n) - X(n - 3)));
  }
  for (let i = 2; i <= n; i++) {
    const t = D(i - 1) / B(i - 1);
    B(i, B(i) - t * D(i - 1));
    C(i, C(i) - t * C(i - 1));
  }
  C(n, C(n) / B(n));
  for (let i = nm1; i >= 1; i--) C(i, (C(i) - D(i) * C(i + 1)) / B(i));
  B(n, (Y(n) - Y(n - 1)) / D(n - 1) + D(n - 1) * (C(n - 1) + 2 * C(n)));
  for (let i = 1; i <= nm1; i++) {
    B(i, (Y(i + 1) - Y(i)) / D(i) - D(i) * (C(i + 1) + 2 * C(i)));
    D(i, (C(i + 1) - C(i)) / D(i));
    C(i, 3 * C(i));
  }
  C(n, 3 * C(n));
  D(n, D(nm1));
  return { b, c, d };
}

/** R seq.int(from, to, length.out = n). */
function seqLength(from: number, to: number, n: number): number[] {
  const out = new Array<number>(n);
  if (n > 0) out[0] = from;
  if (n > 1) out[n - 1] = to;
  if (n > 2) {
    const by = (to - from) / (n - 1);
    for (let i = 1; i < n - 1; i++) out[i] = i < n / 2 ? from + i * by : to - (n - 1 - i) * by;
  }
  return out;
}

/** Sorts by x and averages y over tied x (R regularize.values with ties = mean). */
function regularize(x: number[], y: number[]): { x: number[]; y: number[] } {
  const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const xs: number[] = [];
  const ys: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x[i]) {
      ys[last]! += y[i]!;
      counts[last]!++;
    } else {
      xs.push(x[i]!);
      ys.push(y[i]!);
      counts.push(1);
    }
  }
  return { x: xs, y: ys.map((v, i) => v / counts[i]!) };
}

/** R `spline(x, y)` with defaults: n = 3 length(x) equally spaced points, fmm end conditions. */
export function spline(x0: number[], y0: number[]): { x: number[]; y: number[] } {
  const { x, y } = regularize(x0, y0);
  const n = x.length;
  const xout = seqLength(Math.min(...x0), Math.max(...x0), 3 * x0.length);
  const { b, c, d } = fmmCoef(x, y);
  const yout = new Array<number>(xout.length);
  let i = 0;
  for (let l = 0; l < xout.length; l++) {
    const ul = xout[l]!;
    if (ul < x[i]! || (i < n - 1 && x[i + 1]! < ul)) {
      i = 0;
      let j = n;
      do {
        const k = Math.floor((i + j) / 2);
        if (ul < x[k]!) j = k;
        else i = k;
      } while (j > i + 1);
    }
    const dx = ul - x[i]!;
    yout[l] = y[i]! + dx * (b[i]! + dx * (c[i]! + dx * d[i]!));
  }
  return { x: xout, y: yout };
}

/** R `approx(x, y, xout = v)$y` (linear, rule = 1: NaN outside the range). */
export function approx(x0: number[], y0: number[], v: number): number {
  const { x, y } = regularize(x0, y0);
  const n = x.length;
  if (n === 0 || Number.isNaN(v)) return Number.NaN;
  let i = 0;
  let j = n - 1;
  if (v < x[i]! || v > x[j]!) return Number.NaN;
  while (i < j - 1) {
    const ij = Math.floor((i + j) / 2);
    if (v < x[ij]!) j = ij;
    else i = ij;
  }
  if (v === x[j]) return y[j]!;
  if (v === x[i]) return y[i]!;
  return y[i]! + (y[j]! - y[i]!) * ((v - x[i]!) / (x[j]! - x[i]!));
}
