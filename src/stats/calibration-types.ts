/**
 * What a calibrated design keeps for its variance: R's `postStrata` entries, precomputed per PSU so a
 * domain's calibration residuals cost O(domain rows + PSUs × categories) instead of O(all rows).
 */
export type Calibration = PostStratification | Raking | LinearCalibration;

export interface PostStratification {
  kind: 'poststratify';
  /** Post-stratum of each row. */
  cat: Int32Array;
  nCat: number;
  /** Weights before (oldw) and after (psw) post-stratification. */
  oldw: Float64Array;
  psw: Float64Array;
  oldwSum: Float64Array;
  /** Σ psw over the rows of each PSU and post-stratum, nPsu × nCat. */
  psuPsw: Float64Array;
}

export interface RakingMargin {
  cat: Int32Array;
  nCat: number;
  /** Weights right after this margin was met in the last raking sweep (R's attr(margin, "weights")). */
  psw: Float64Array;
  /** Rows per category. */
  count: Float64Array;
  /** Σ psw per PSU and category, nPsu × nCat. */
  psuPsw: Float64Array;
}

export interface Raking {
  kind: 'raking';
  margins: RakingMargin[];
  /** cross[j][m][k * K_m + k'] = Σ over rows in category k of margin j and k' of margin m of psw_m / psw_j. */
  cross: Float64Array[][];
}

export interface LinearCalibration {
  kind: 'linear';
  /** Category codes of each margin; the model matrix is all indicators of margin 0 plus indicators of levels ≥ 1 of the others. */
  cats: Int32Array[];
  offsets: number[];
  p: number;
  g: Float64Array;
  w0: Float64Array;
  /** (M'W0M)^-1, p × p. */
  inverse: Float64Array;
  /** Σ g w0 m over the rows of each PSU, nPsu × p. */
  psuGwm: Float64Array;
}

/** Columns of row i in the linear calibration model matrix (every entry is 1). */
export function modelColumns(cal: LinearCalibration, i: number, out: number[]): number {
  let k = 0;
  for (let m = 0; m < cal.cats.length; m++) {
    const c = cal.cats[m]![i]!;
    if (m === 0) out[k++] = c;
    else if (c > 0) out[k++] = cal.offsets[m]! + c - 1;
  }
  return k;
}
