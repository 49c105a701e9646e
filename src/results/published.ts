/**
 * The published figures (data/published-figures.json, copied with its source) and which built-in
 * indicator and breakdown each one is, where the built-in questionnaires cover it.
 */
import { readFileSync } from 'node:fs';
import { projectPath } from '../platform/paths.js';
import { builtinIndicators } from './indicators/builtin.js';

export interface PublishedFigure {
  id: string;
  wave: number;
  population: string;
  breakdown: Record<string, string> | null;
  indicator: string;
  value: number;
  unit: string;
  approx: boolean;
  source: string;
  quote: string;
  note?: string;
}

let cached: PublishedFigure[] | undefined;
export function publishedFigures(): PublishedFigure[] {
  // from the project root: the same file under tsx and from the bundled CLI (dist/), where a path
  // relative to this module would point into dist/
  cached ??= JSON.parse(
    readFileSync(projectPath('src', 'results', 'data', 'published-figures.json'), 'utf8'),
  ) as PublishedFigure[];
  return cached;
}

/**
 * Published indicator stems (the id without wave and breakdown) → built-in indicator and target
 * group: a figure belongs to the built-in indicator with the same code (the built-in codes follow the
 * published ones).
 */
export const publishedIndicators: Record<string, { indicator: string; targetGroup: string }> =
  Object.fromEntries(
    builtinIndicators.map((i) => [i.code, { indicator: i.code, targetGroup: i.targetGroup }]),
  );

/** Published breakdown keys → stratum variables. */
const breakdownVariables: Record<string, string> = {
  gender: 'bg_gender',
  layer: 'bg_layer',
  role: 'bg_role',
};

export interface CoveredFigure {
  figure: PublishedFigure;
  indicator: string;
  targetGroup: string;
  by: Record<string, string>;
}

/** The figures (of one wave, if given) that a built-in indicator covers (percentages only). */
export function coveredFigures(wave?: number): CoveredFigure[] {
  const out: CoveredFigure[] = [];
  for (const f of publishedFigures()) {
    if ((wave !== undefined && f.wave !== wave) || f.unit !== 'percent') continue;
    const stem = f.id.replace(new RegExp(`_${f.wave}(_.*)?$`), '');
    const covered = publishedIndicators[stem];
    if (!covered) continue;
    const by: Record<string, string> = {};
    let known = true;
    for (const [k, v] of Object.entries(f.breakdown ?? {})) {
      const variable = breakdownVariables[k];
      if (variable) by[variable] = v;
      else known = false;
    }
    if (known) out.push({ figure: f, ...covered, by });
  }
  return out;
}
