/**
 * Categorical columns as integer codes plus level labels (code −1 is missing), the form the CSV reader
 * produces and the cheapest one to group by. Callers with plain string arrays convert once with toFactor.
 */
export interface Factor {
  codes: Int32Array;
  levels: string[];
}

/** A categorical column: a Factor, or strings where null, undefined and '' are missing. */
export type CategoricalInput = Factor | ArrayLike<string | null | undefined>;

/** A numeric column; NaN (or null in a plain array) is missing. */
export type NumericInput = Float64Array | ArrayLike<number | null>;

export function isFactor(x: unknown): x is Factor {
  return typeof x === 'object' && x !== null && 'codes' in x && 'levels' in x;
}

/** Dictionary-encodes strings; levels keep first-seen order. */
export function toFactor(values: CategoricalInput): Factor {
  if (isFactor(values)) return values;
  const codes = new Int32Array(values.length);
  const levels: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = levels.length;
      index.set(v, c);
      levels.push(v);
    }
    codes[i] = c;
  }
  return { codes, levels };
}

export function toNumeric(values: NumericInput): Float64Array {
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? Number.NaN : v;
  }
  return out;
}

/** Code-unit order, stable across machines (R's sort() depends on the locale; output rows are keyed anyway). */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Level codes in label order. */
export function sortedLevelCodes(f: Factor, used?: boolean[]): number[] {
  const codes: number[] = [];
  for (let c = 0; c < f.levels.length; c++) if (!used || used[c]) codes.push(c);
  return codes.sort((a, b) => compareLabels(f.levels[a]!, f.levels[b]!));
}

/** Which levels occur (non-missing) in the column. */
export function usedLevels(f: Factor): boolean[] {
  const used = new Array<boolean>(f.levels.length).fill(false);
  for (let i = 0; i < f.codes.length; i++) {
    const c = f.codes[i]!;
    if (c >= 0) used[c] = true;
  }
  return used;
}
