/**
 * Estimates of a target group's indicators from its weighted design (pure): for every indicator ×
 * breakdown cell the weighted proportion, its standard error, the 95% interval of R `svyciprop(method =
 * "logit")` and the unweighted n; for every comparison the difference with its design-based SE (R
 * `svyby(covmat = TRUE)` + `svycontrast`) and a Wald z test, Holm-corrected over all tests of the
 * indicator. The variance is that of the raked design (calibration residuals), as R computes it after
 * `rake()` on the design of design.json.
 */
import type { Answers } from '../../monitor/questionnaires/model.js';
import { designFromSpec, runAnalysis } from '../../stats/analysis.js';
import type { SuppressionReason } from '../../stats/disclosure/model.js';
import { parseSpec, type Spec } from '../../stats/spec.js';
import type { DataTable } from '../../stats/table.js';
import { tableFromColumns } from '../../stats/table.js';
import type { CompiledIndicator } from '../indicators/model.js';
import type { TrendTest } from '../trends/trend.js';
import type { WeightingResult } from '../weighting/weighting.js';
import type { GroupDisclosure } from './disclosure.js';
import { holm } from './holm.js';
import { comparisonsOf, PAIR_TEST, pairTests } from './pairs.js';

export const CONFIDENCE = 0.95;
export const CI_METHOD = 'logit' as const;
export const DIFFERENCE_TEST = 'svyby(covmat = TRUE) + svycontrast; Wald z, Holm-corrected per indicator';

export interface CellEstimate {
  indicator: string;
  version: number;
  by: Record<string, string>;
  estimate: number | null;
  se: number | null;
  ci: [number | null, number | null];
  n: number;
  df?: number;
  /** Not published (disclosure control), and why. */
  suppressed?: SuppressionReason;
}

export interface ComparisonEstimate {
  indicator: string;
  version: number;
  variable: string;
  from: string;
  to: string;
  difference: number | null;
  se: number | null;
  ci: [number | null, number | null];
  p: number | null;
  pHolm: number | null;
  significant: boolean;
  test: string;
  /** Respondents in both groups; null when withheld. */
  n: number | null;
  /** Withheld: one of its groups is suppressed (disclosure control). */
  suppressed?: boolean;
}

export interface GroupEstimates {
  cells: CellEstimate[];
  comparisons: ComparisonEstimate[];
  /** Changes from the previous wave run in Weerbaar (absent without one). */
  trends?: TrendTest[];
  /** The disclosure decision's rules and audit (absent in runs from before disclosure control). */
  disclosure?: GroupDisclosure;
}

/**
 * Holm over all tests of one indicator in one run (group comparisons and trend tests together), so a
 * difference is significant everywhere or nowhere. Sets pHolm and significant in place.
 */
export function applyHolm(comparisons: ComparisonEstimate[], trends: TrendTest[] = []): void {
  const codes = new Set([...comparisons.map((c) => c.indicator), ...trends.map((t) => t.indicator)]);
  for (const code of codes) {
    const tests: Array<ComparisonEstimate | TrendTest> = [
      ...comparisons.filter((c) => c.indicator === code),
      ...trends.filter((t) => t.indicator === code),
    ];
    holm(tests.map((t) => t.p)).forEach((p, i) => {
      tests[i]!.pHolm = p;
      tests[i]!.significant = p !== null && p < 1 - CONFIDENCE;
    });
  }
}

export interface Respondent {
  strata: Readonly<Record<string, string>>;
  answers: Answers;
}

const marginColumn = (name: string) => `m_${name}`;

/** The analysis spec (the `weerbaar analyse` format) and the columns it runs on. */
export function analysisOf(
  respondents: readonly Respondent[],
  weighting: WeightingResult,
  indicators: readonly CompiledIndicator[],
): { spec: Spec; columns: Record<string, Array<string | null> | Float64Array | string[]> } {
  const columns: Record<string, Array<string | null> | Float64Array | string[]> = {
    stratum: weighting.stratum,
    fpc: weighting.fpc,
    w_start: weighting.startWeights,
  };
  for (const m of weighting.margins) columns[marginColumn(m.name)] = m.values;
  const vars = new Set<string>();
  for (const ind of indicators) {
    for (const b of ind.definition.breakdowns) for (const v of b) vars.add(v);
    for (const c of ind.definition.comparisons) vars.add(c.variable);
  }
  for (const v of [...vars].sort()) columns[v] = respondents.map((r) => r.strata[v] ?? null);
  for (const ind of indicators)
    columns[ind.definition.code] = ind.valuesOf(respondents).map((v) => (v === null ? null : String(v)));
  const spec = parseSpec({
    data: 'analysis.csv',
    design: { strata: 'stratum', fpc: 'fpc', weights: 'w_start', lonely_psu: 'adjust' },
    ...(weighting.margins.length
      ? {
          calibrate: {
            method: 'raking',
            margins: weighting.margins.map((m) => ({ variable: marginColumn(m.name), totals: m.totals })),
            epsilon: weighting.epsilon,
            maxit: weighting.maxit,
          },
        }
      : {}),
    estimates: indicators.flatMap((ind) => {
      const d = ind.definition;
      return [
        ...d.breakdowns.map((by) => ({
          id: `cell|${d.code}|${by.join('+')}`,
          statistic: 'proportion',
          variable: d.code,
          level: '1',
          by,
          ci: CI_METHOD,
          confidence: CONFIDENCE,
        })),
        ...d.comparisons.map((c) => ({
          id: `diff|${d.code}|${c.variable}|${c.from}|${c.to}`,
          statistic: 'difference',
          variable: d.code,
          level: '1',
          by: [],
          between: { variable: c.variable, from: c.from, to: c.to },
          confidence: CONFIDENCE,
        })),
      ];
    }),
  });
  return { spec, columns };
}

export function estimateGroup(
  respondents: readonly Respondent[],
  weighting: WeightingResult,
  indicators: readonly CompiledIndicator[],
): GroupEstimates {
  const { spec, columns } = analysisOf(respondents, weighting, indicators);
  const table = tableFromColumns(columns);
  const out = runAnalysis(spec, table);
  const version = new Map(indicators.map((i) => [i.definition.code, i.definition.version]));
  const cells: CellEstimate[] = [];
  const comparisons: ComparisonEstimate[] = [];
  for (const e of out.estimates) {
    if (!('rows' in e)) continue;
    const [kind, code, ...rest] = e.id.split('|');
    if (kind === 'cell')
      for (const r of e.rows)
        cells.push({
          indicator: code!,
          version: version.get(code!)!,
          by: Array.isArray(r.by) ? {} : r.by,
          estimate: r.estimate,
          se: r.se,
          ci: r.ci,
          n: r.n,
          ...(r.df !== undefined ? { df: r.df } : {}),
        });
    else
      for (const r of e.rows)
        comparisons.push({
          indicator: code!,
          version: version.get(code!)!,
          variable: rest[0]!,
          from: rest[1]!,
          to: rest[2]!,
          difference: r.estimate,
          se: r.se,
          ci: r.ci,
          p: r.p ?? null,
          pHolm: null,
          significant: false,
          test: DIFFERENCE_TEST,
          n: r.n,
        });
  }
  comparisons.push(...otherPairs(spec, table, indicators, columns));
  applyHolm(comparisons);
  return { cells, comparisons };
}

/**
 * The comparisons beyond the indicators' own: every other pair of groups of each one-variable
 * breakdown (./pairs.ts), so any two groups can be compared with a verdict stored in the run. One
 * covariance matrix per indicator and variable on the calibrated design.
 */
function otherPairs(
  spec: Spec,
  table: DataTable,
  indicators: readonly CompiledIndicator[],
  columns: Record<string, Array<string | null> | Float64Array | string[]>,
): ComparisonEstimate[] {
  const levels = new Map<string, string[]>();
  const levelsOf = (v: string) => {
    let ls = levels.get(v);
    if (!ls) {
      const col = (columns[v] ?? []) as Array<string | null>;
      ls = [...new Set(col.filter((x): x is string => x !== null && x !== ''))].sort();
      levels.set(v, ls);
    }
    return ls;
  };
  const wanted = indicators.map((ind) => ({
    ind,
    pairs: comparisonsOf(ind.definition, levelsOf).filter(
      (p) =>
        !ind.definition.comparisons.some(
          (c) => c.variable === p.variable && [c.from, c.to].sort().join() === [p.from, p.to].sort().join(),
        ),
    ),
  }));
  if (wanted.every((w) => w.pairs.length === 0)) return [];
  const design = designFromSpec(spec, table);
  const out: ComparisonEstimate[] = [];
  for (const { ind, pairs } of wanted) {
    const d = ind.definition;
    for (const variable of [...new Set(pairs.map((p) => p.variable))])
      for (const r of pairTests(
        design,
        table,
        variable,
        d.code,
        pairs.filter((p) => p.variable === variable),
        CONFIDENCE,
      ))
        out.push({
          indicator: d.code,
          version: d.version,
          variable: r.variable,
          from: r.from,
          to: r.to,
          difference: Number.isFinite(r.estimate) ? r.estimate : null,
          se: Number.isFinite(r.se) ? r.se : null,
          ci: Number.isFinite(r.se) ? r.ci : [null, null],
          p: Number.isFinite(r.p) ? r.p : null,
          pHolm: null,
          significant: false,
          test: PAIR_TEST,
          n: r.n,
        });
  }
  return out;
}
