/**
 * A reproduction package (pure): the files a researcher needs to redo a target group's tables in R or
 * with `weerbaar analyse`: analysis.csv, design.json, reproduce.R, analyse.json, weerbaar.csv (the
 * app's numbers, in the layout the R script writes) and README.txt.
 */
import type { QuestionnaireDefinition } from '../../monitor/questionnaires/model.js';
import { formatCsv } from '../../platform/csv/csv.js';
import { CONFIDENCE, type GroupEstimates, type Respondent } from '../estimates/compute.js';
import type { CompiledIndicator } from '../indicators/model.js';
import type { DesignJson } from '../weighting/design-json.js';
import { analyseSpec } from './analyse-spec.js';
import { analysisColumns, analysisCsv, type ReproducibleWeighting } from './analysis-file.js';
import { designFile } from './design-file.js';
import { rScript } from './r-script.js';

export const resultColumns = [
  'kind',
  'indicator',
  'breakdown',
  'group',
  'estimate',
  'se',
  'ci_lower',
  'ci_upper',
  'p',
  'n',
] as const;
export type ResultRow = Record<(typeof resultColumns)[number], string>;

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/** The app's numbers of some indicators as rows of weerbaar.csv / reproduced.csv. */
export function appRows(
  estimates: GroupEstimates,
  indicators: readonly CompiledIndicator[],
  breakdowns?: string[][],
): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const ind of indicators) {
    const d = ind.definition;
    const cells = estimates.cells.filter((c) => c.indicator === d.code && c.version === d.version);
    for (const by of breakdowns ?? d.breakdowns)
      for (const c of cells.filter((x) => sameKeys(Object.keys(x.by), by)))
        rows.push({
          kind: 'cell',
          indicator: d.code,
          breakdown: by.join('+'),
          group: by.map((k) => `${k}=${c.by[k]}`).join(';'),
          estimate: num(c.estimate),
          se: num(c.se),
          ci_lower: num(c.ci[0]),
          ci_upper: num(c.ci[1]),
          p: '',
          n: String(c.n),
        });
    if (breakdowns) continue;
    for (const c of estimates.comparisons.filter((x) => x.indicator === d.code && x.version === d.version))
      rows.push({
        kind: 'difference',
        indicator: d.code,
        breakdown: c.variable,
        group: `${c.to} - ${c.from}`,
        estimate: num(c.difference),
        se: num(c.se),
        ci_lower: num(c.ci[0]),
        ci_upper: num(c.ci[1]),
        p: num(c.p),
        n: String(c.n),
      });
  }
  return rows;
}

export const resultsCsv = (rows: readonly ResultRow[]) =>
  formatCsv([[...resultColumns], ...rows.map((r) => resultColumns.map((c) => r[c]))]);

export interface ReproductionInput {
  wave: string;
  targetGroup: string;
  run?: { id: string; version: number };
  respondents: readonly Respondent[];
  weighting: ReproducibleWeighting;
  design: DesignJson;
  questionnaire: QuestionnaireDefinition;
  /** Every indicator of the group (their columns are all in analysis.csv). */
  indicators: readonly CompiledIndicator[];
  estimates: GroupEstimates;
  /** The indicators (codes) the scripts reproduce; all when absent. */
  only?: string[];
}

export function reproduction(input: ReproductionInput): Record<string, string> {
  const chosen = input.only
    ? input.indicators.filter((i) => input.only!.includes(i.definition.code))
    : input.indicators;
  const title = `${input.wave} / ${input.targetGroup}${input.run ? ` / run ${input.run.version}` : ''}: ${chosen
    .map((i) => `${i.definition.code} v${i.definition.version}`)
    .join(', ')}`;
  // the run tests every pair of groups of each one-variable breakdown (../estimates/pairs.ts), not only
  // the definition's comparisons: the scripts reproduce every comparison the run stores
  const withPairs = (list: readonly CompiledIndicator[]) =>
    list.map((i) => storedComparisons(i, input.estimates));
  const indicators = withPairs(input.indicators);
  const reproduced = withPairs(chosen);
  const columns = analysisColumns(input.respondents, input.weighting, input.questionnaire, input.indicators);
  const design = designFile({
    design: input.design,
    wave: input.wave,
    targetGroup: input.targetGroup,
    ...(input.run ? { run: input.run } : {}),
    rows: input.respondents.length,
    indicators,
    confidence: CONFIDENCE,
  });
  return {
    'analysis.csv': analysisCsv(columns),
    'design.json': `${JSON.stringify(design, null, 2)}\n`,
    'reproduce.R': rScript({ title, weighting: input.weighting, indicators: reproduced }),
    'analyse.json': `${JSON.stringify(analyseSpec(input.weighting, reproduced), null, 2)}\n`,
    'weerbaar.csv': resultsCsv(appRows(input.estimates, chosen)),
    'README.txt': readme(title),
  };
}

/** The indicator with the comparisons its run stores (the definition's when the run holds none). */
function storedComparisons(ind: CompiledIndicator, estimates: GroupEstimates): CompiledIndicator {
  const d = ind.definition;
  const seen = new Set<string>();
  const comparisons = estimates.comparisons
    .filter((c) => c.indicator === d.code && c.version === d.version)
    .map((c) => ({
      variable: c.variable as (typeof d.comparisons)[number]['variable'],
      from: c.from,
      to: c.to,
    }))
    .filter((c) => {
      const key = `${c.variable}|${c.from}|${c.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return comparisons.length ? { ...ind, definition: { ...d, comparisons } } : ind;
}

const readme = (title: string) => `Reproduction of ${title}

analysis.csv  one row per respondent (no direct identifiers): design variables (stratum, fpc), the
              base, start and final weights, the raking margins' categories (m_*), the stratum
              variables (bg_*), the answers by item code and every indicator's 0/1 value (i_*).
design.json   the design: strata, fpc, weights, every raking margin with its population totals,
              epsilon, maxit, trimming bounds, and each indicator's column and expressions.
reproduce.R   Rscript reproduce.R   (R >= 4 with the survey package): re-runs the raking and
              estimates every cell and comparison; writes reproduced.csv and compares it with
              weerbaar.csv, the app's numbers.
analyse.json  the same with Weerbaar's own engine: weerbaar analyse analyse.json

Confidential: strata such as burgemeester x province can single people out. Do not publish or share
this file; publish only the tables that passed disclosure control.
`;
