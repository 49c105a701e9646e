/**
 * Small dense linear algebra for calibration and the Rao–Scott test (matrices of a few dozen rows).
 * Row-major Float64Arrays; Gauss–Jordan with partial pivoting is accurate enough at these sizes.
 */

/** Inverse of an n × n matrix, or undefined when it is singular (relative pivot below 1e-12). */
export function invert(a: Float64Array, n: number): Float64Array | undefined {
  const m = new Float64Array(a);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]!));
  if (scale === 0) return undefined;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]!) > Math.abs(m[piv * n + col]!)) piv = r;
    const pv = m[piv * n + col]!;
    if (Math.abs(pv) <= 1e-12 * scale) return undefined;
    if (piv !== col) {
      for (let c = 0; c < n; c++) {
        swap(m, piv * n + c, col * n + c);
        swap(inv, piv * n + c, col * n + c);
      }
    }
    for (let c = 0; c < n; c++) {
      m[col * n + c] = m[col * n + c]! / pv;
      inv[col * n + c] = inv[col * n + c]! / pv;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r * n + col]!;
      if (f === 0) continue;
      for (let c = 0; c < n; c++) {
        m[r * n + c]! -= f * m[col * n + c]!;
        inv[r * n + c]! -= f * inv[col * n + c]!;
      }
    }
  }
  return inv;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** C = A (n × m) · B (m × p). */
export function matmul(a: Float64Array, b: Float64Array, n: number, m: number, p: number): Float64Array {
  const c = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      const x = a[i * m + k]!;
      if (x === 0) continue;
      for (let j = 0; j < p; j++) c[i * p + j]! += x * b[k * p + j]!;
    }
  }
  return c;
}

/** Transpose of an n × m matrix. */
export function transpose(a: Float64Array, n: number, m: number): Float64Array {
  const t = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j * n + i] = a[i * m + j]!;
  return t;
}
