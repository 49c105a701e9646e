/**
 * A small seeded pseudo-random generator for the synthetic demo waves: the same seed gives the same
 * numbers on every machine (integer arithmetic only, no Math.random). sfc32 seeded from a string hash.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** cyrb128: four 32-bit seeds from a string. */
function seedsOf(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's small fast counting generator). */
export function seededRng(seed: string): Rng {
  let [a, b, c, d] = seedsOf(seed);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return { next };
}

export const chance = (rng: Rng, p: number): boolean => rng.next() < p;

/** One of `values` with probability proportional to `weights`. */
export function pick<T>(rng: Rng, values: readonly T[], weights?: readonly number[]): T {
  if (values.length === 0) throw new Error('pick from an empty list');
  if (!weights) return values[Math.floor(rng.next() * values.length)]!;
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < values.length; i++) {
    u -= weights[i]!;
    if (u < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

/** A weighted choice written as { value: weight }. */
export const pickFrom = <K extends string>(rng: Rng, table: Readonly<Record<K, number>>): K =>
  pick(rng, Object.keys(table) as K[], Object.values(table) as number[]);
