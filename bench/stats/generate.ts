/**
 * Synthetic respondent files for the statistics benchmark: 20 strata × 50 PSUs, weights varying by
 * stratum, a 50-level grouping variable, three margin variables for raking, and 10 binary items with a
 * PSU random effect (so design effects are realistic). 2% of respondents skip the whole item battery:
 * block missingness makes R's listwise na.rm in svymean(~i1+…+i10) equal to per-item domain estimation,
 * so the two programs answer the same question.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Deterministic PRNG (mulberry32), so every run benchmarks the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STRATA = 20;
export const PSUS_PER_STRATUM = 50;
export const ITEMS = 10;
export const GROUPS = 50;
export const REGIONS = ['noord', 'oost', 'zuid', 'west'];
export const AGES = ['18-34', '35-54', '55+'];
export const SEXES = ['man', 'vrouw'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Writes `rows` respondents to `file`; returns the weighted counts per margin category (for raking totals). */
export async function generate(
  file: string,
  rows: number,
  seed = 20261123,
): Promise<Record<string, Record<string, number>>> {
  const rand = rng(seed);
  const out = createWriteStream(file);
  const header = [
    'stratum',
    'psu',
    'w',
    'grp',
    'region',
    'age',
    'sex',
    ...Array.from({ length: ITEMS }, (_, k) => `i${k + 1}`),
  ];
  out.write(`${header.join(',')}\n`);
  const psuEffect = Array.from({ length: STRATA * PSUS_PER_STRATUM }, () => (rand() - 0.5) * 1.2);
  const itemBase = Array.from({ length: ITEMS }, (_, k) => -1.5 + (3 * k) / (ITEMS - 1));
  const counts: Record<string, Record<string, number>> = { region: {}, age: {}, sex: {} };
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const h = Math.floor(rand() * STRATA);
    const p = Math.floor(rand() * PSUS_PER_STRATUM);
    const psu = h * PSUS_PER_STRATUM + p;
    const w = (5 + h * 2) * (0.6 + 0.8 * rand());
    const grp = Math.floor(rand() * GROUPS);
    const region = REGIONS[Math.floor(rand() * REGIONS.length)]!;
    const age = AGES[Math.floor(rand() * AGES.length)]!;
    const sex = SEXES[rand() < 0.48 ? 0 : 1]!;
    counts.region![region] = (counts.region![region] ?? 0) + w;
    counts.age![age] = (counts.age![age] ?? 0) + w;
    counts.sex![sex] = (counts.sex![sex] ?? 0) + w;
    const skip = rand() < 0.02;
    const items: string[] = [];
    for (let k = 0; k < ITEMS; k++) {
      if (skip) {
        items.push('');
        continue;
      }
      const eta = itemBase[k]! + psuEffect[psu]! + (grp % 5) * 0.1 + (age === '55+' ? 0.3 : 0);
      items.push(rand() < 1 / (1 + Math.exp(-eta)) ? '1' : '0');
    }
    chunk.push(
      `s${pad(h + 1, 2)},s${pad(h + 1, 2)}-p${pad(p + 1, 3)},${w.toFixed(6)},g${pad(grp + 1, 2)},${region},${age},${sex},${items.join(',')}`,
    );
    if (chunk.length === 10000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
  return counts;
}

/**
 * Raking totals: the sample's weighted margins shifted a little (so raking has work to do), each margin
 * rescaled to the same grand total.
 */
export function rakingTotals(
  counts: Record<string, Record<string, number>>,
): Record<string, Record<string, number>> {
  const grand = Object.values(counts.region!).reduce((a, b) => a + b, 0) * 1.05;
  const shift = [1.08, 0.94, 1.03, 0.96];
  const out: Record<string, Record<string, number>> = {};
  for (const [name, cats] of Object.entries(counts)) {
    const keys = Object.keys(cats).sort();
    const raw = keys.map((k, j) => cats[k]! * shift[j % shift.length]!);
    const s = raw.reduce((a, b) => a + b, 0);
    const rounded = raw.map((v) => Math.round((v / s) * grand));
    const diff = Math.round(grand) - rounded.reduce((a, b) => a + b, 0);
    rounded[0]! += diff;
    out[name] = Object.fromEntries(keys.map((k, j) => [k, rounded[j]!]));
  }
  return out;
}
