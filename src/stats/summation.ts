/**
 * Compensated (Neumaier) summation. Survey totals add up to a million weighted values whose sizes differ
 * by orders of magnitude; plain `+=` loses the last digits that parity with R needs at 1M rows.
 */
export class KahanSum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

/** Neumaier sum of an array (or the entries at `index`, when given). */
export function sum(values: ArrayLike<number>, index?: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  const n = index ? index.length : values.length;
  for (let k = 0; k < n; k++) {
    const x = index ? values[index[k]!]! : values[k]!;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Accumulates many compensated sums side by side in typed arrays (one slot per group), so per-PSU and
 * per-category totals need no objects per slot.
 */
export class SumArray {
  readonly s: Float64Array;
  readonly c: Float64Array;

  constructor(size: number) {
    this.s = new Float64Array(size);
    this.c = new Float64Array(size);
  }

  add(slot: number, x: number): void {
    const s = this.s[slot]!;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) this.c[slot]! += s - t + x;
    else this.c[slot]! += x - t + s;
    this.s[slot] = t;
  }

  get(slot: number): number {
    return this.s[slot]! + this.c[slot]!;
  }

  /** The finished sums as one array. */
  values(): Float64Array {
    const out = new Float64Array(this.s.length);
    for (let i = 0; i < out.length; i++) out[i] = this.s[i]! + this.c[i]!;
    return out;
  }
}
