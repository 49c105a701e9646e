import { batchedDomainMeans } from './batch.js';
import { calibrateLinear, type Margin, postStratify, rake } from './calibrate.js';
import { svychisq } from './chisq.js';
import { svyciprop } from './ciprop.js';
import { type Design, domainDegf, makeDesign } from './design.js';
import { difference } from './difference.js';
import { qnorm } from './distributions.js';
import { type Domain, domainsOf, filterRows } from './domains.js';
import { specError } from './errors.js';
import { type DomainEstimate, domainMean, domainTotal } from './estimate.js';
import { type Factor, sortedLevelCodes, usedLevels } from './factor.js';
import {
  type AnalysisOutput,
  byKey,
  type EstimateOutput,
  need,
  nn,
  type OutputRow,
  type TestResult,
} from './output.js';
import type { EstimateSpec, Spec } from './spec.js';
import type { DataTable } from './table.js';

export type { AnalysisOutput, EstimateOutput, OutputRow, TestResult } from './output.js';

const designs = new WeakMap<Spec, WeakMap<DataTable, Design>>();

/**
 * The design of a spec: svydesign, then the calibration if any. Made once per spec and table (a
 * design is never changed after it is made), so a caller that asks again after runAnalysis gets the
 * same design without raking again.
 */
export function designFromSpec(spec: Spec, table: DataTable): Design {
  let bySpec = designs.get(spec);
  if (!bySpec) {
    bySpec = new WeakMap();
    designs.set(spec, bySpec);
  }
  let design = bySpec.get(table);
  if (!design) {
    design = makeDesignFromSpec(spec, table);
    bySpec.set(table, design);
  }
  return design;
}

function makeDesignFromSpec(spec: Spec, table: DataTable): Design {
  const d = spec.design;
  let design = makeDesign({
    rows: table.rows,
    strata: d.strata ? table.factor(need(table, d.strata, 'design.strata')) : undefined,
    cluster: d.cluster ? table.factor(need(table, d.cluster, 'design.cluster')) : undefined,
    weights: d.weights ? table.numeric(need(table, d.weights, 'design.weights')) : undefined,
    fpc: d.fpc ? table.numeric(need(table, d.fpc, 'design.fpc')) : undefined,
    lonelyPsu: d.lonely_psu,
    nest: d.nest,
  });
  const cal = spec.calibrate;
  if (cal) {
    const margins: Margin[] = cal.margins.map((m, j) => ({
      name: m.variable,
      values: table.factor(need(table, m.variable, `calibrate.margins[${j}].variable`)),
      totals: m.totals,
    }));
    if (cal.method === 'raking') design = rake(design, margins, { epsilon: cal.epsilon, maxit: cal.maxit });
    else if (cal.method === 'linear') design = calibrateLinear(design, margins);
    else {
      if (margins.length !== 1)
        throw specError('post-stratification takes exactly one margin', 'calibrate.margins');
      design = postStratify(design, margins[0]!);
    }
  }
  return design;
}

/** Runs every estimate of a spec on a table: the engine behind `weerbaar analyse`. */
export function runAnalysis(spec: Spec, table: DataTable): AnalysisOutput {
  const design = designFromSpec(spec, table);
  // estimates usually share their breakdown; group the rows once per breakdown
  const cache = new Map<string, Domain[]>();
  const domains = (by: string[], factors: Factor[]) => {
    const key = JSON.stringify(by);
    let d = cache.get(key);
    if (!d) {
      d = domainsOf(by, factors, table.rows);
      cache.set(key, d);
    }
    return d;
  };
  return {
    estimates: spec.estimates.map((e, j) => runEstimate(design, table, e, `estimates[${j}]`, domains)),
  };
}

function waldRow(by: Domain['key'], e: DomainEstimate, conf: number, level?: string): OutputRow {
  const a = (1 - conf) / 2;
  return {
    by: byKey(by),
    ...(level !== undefined ? { level } : {}),
    estimate: nn(e.estimate),
    se: nn(e.se),
    ci: [nn(e.estimate + e.se * qnorm(a)), nn(e.estimate + e.se * qnorm(1 - a))],
    deff: e.deff,
    n: e.n,
  };
}

function indicator(codes: Int32Array, rows: Int32Array, code: number): Float64Array {
  const y = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) y[r] = codes[rows[r]!] === code ? 1 : 0;
  return y;
}

/**
 * The rows with a category, and the 0/1 indicator of `code` at each, in one pass, written into the
 * caller's buffers (reused across domains; fresh typed arrays per domain cost more than the estimate).
 */
function rowsAndIndicator(
  rows: Int32Array,
  codes: Int32Array,
  code: number,
  out: Int32Array,
  y: Float64Array,
): { rows: Int32Array; y: Float64Array } {
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]!]!;
    if (c < 0) continue;
    y[n] = c === code ? 1 : 0;
    out[n++] = rows[k]!;
  }
  return { rows: out.subarray(0, n), y: y.subarray(0, n) };
}

/** When domains × PSUs is small enough, estimate every domain in one pass. */
const canBatch = (design: Design, domains: Domain[]) => domains.length * design.nPsu <= 4_000_000;

const domainIndexes = new WeakMap<Domain[], Int32Array>();

/** Row → position of its domain in `domains` (−1: none), once per breakdown. */
function domainIndex(domains: Domain[], rows: number): Int32Array {
  let index = domainIndexes.get(domains);
  if (!index) {
    index = new Int32Array(rows).fill(-1);
    for (let j = 0; j < domains.length; j++) for (const i of domains[j]!.rows) index[i] = j;
    domainIndexes.set(domains, index);
  }
  return index;
}

/** 0/1 indicator of a category over all rows, NaN where the value is missing. */
function indicatorOf(codes: Int32Array, code: number): Float64Array {
  const y = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) y[i] = codes[i]! < 0 ? Number.NaN : codes[i] === code ? 1 : 0;
  return y;
}

/** The rows with a (non-missing) category. */
function rowsWithCode(rows: Int32Array, codes: Int32Array): Int32Array {
  let n = 0;
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) if (codes[rows[k]!]! >= 0) out[n++] = rows[k]!;
  return out.subarray(0, n);
}

function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const y = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) y[r] = values[rows[r]!]!;
  return y;
}

function runEstimate(
  design: Design,
  table: DataTable,
  e: EstimateSpec,
  path: string,
  domainsFor: (by: string[], factors: Factor[]) => Domain[],
): EstimateOutput {
  const conf = e.confidence ?? 0.95;
  if (e.statistic === 'chisq') {
    const [a, b] = e.variables.map((v, j) => table.factor(need(table, v, `${path}.variables[${j}]`))) as [
      never,
      never,
    ];
    const r = svychisq(design, a, b, e.test ?? 'F');
    const test: TestResult =
      'ndf' in r
        ? { statistic: nn(r.statistic), ndf: nn(r.ndf), ddf: nn(r.ddf), p: nn(r.p) }
        : { statistic: nn(r.statistic), df: nn(r.df), p: nn(r.p) };
    return { id: e.id, test };
  }
  const byFactors = e.by.map((b, j) => table.factor(need(table, b, `${path}.by[${j}]`)));
  const domains = domainsFor(e.by, byFactors);
  need(table, e.variable, `${path}.variable`);
  if (e.statistic === 'difference')
    return { id: e.id, rows: difference(design, table, e, domains, byFactors, conf, path) };
  if (e.statistic === 'proportion') return { id: e.id, rows: proportion(design, table, e, domains, conf) };
  const rows: OutputRow[] = [];
  {
    const y = table.numeric(e.variable);
    if (e.statistic === 'mean' && canBatch(design, domains)) {
      const res = batchedDomainMeans(design, domainIndex(domains, table.rows), domains.length, y);
      domains.forEach((d, j) => {
        if (res[j]) rows.push(waldRow(d.key, res[j], conf));
      });
      return { id: e.id, rows };
    }
    for (const d of domains) {
      const dr = filterRows(d.rows, (i) => !Number.isNaN(y[i]!));
      if (dr.length === 0) continue;
      const est =
        e.statistic === 'mean'
          ? domainMean(design, dr, gather(y, dr))
          : domainTotal(design, dr, gather(y, dr));
      rows.push(waldRow(d.key, est, conf));
    }
  }
  return { id: e.id, rows };
}

function proportion(
  design: Design,
  table: DataTable,
  e: Extract<EstimateSpec, { statistic: 'proportion' }>,
  domains: Domain[],
  conf: number,
): OutputRow[] {
  const rows: OutputRow[] = [];
  const f = table.factor(e.variable);
  if (e.level === undefined) {
    const levels = sortedLevelCodes(f, usedLevels(f));
    if (canBatch(design, domains)) {
      const index = domainIndex(domains, table.rows);
      const res = levels.map((code) =>
        batchedDomainMeans(design, index, domains.length, indicatorOf(f.codes, code)),
      );
      domains.forEach((d, j) => {
        levels.forEach((code, l) => {
          const r = res[l]![j];
          if (r) rows.push(waldRow(d.key, r, conf, f.levels[code]));
        });
      });
      return rows;
    }
    for (const d of domains) {
      const dr = rowsWithCode(d.rows, f.codes);
      if (dr.length === 0) continue;
      for (const code of levels)
        rows.push(waldRow(d.key, domainMean(design, dr, indicator(f.codes, dr, code)), conf, f.levels[code]));
    }
    return rows;
  }
  const code = f.levels.indexOf(e.level);
  const method = e.ci ?? 'logit';
  if (method === 'wald' && canBatch(design, domains)) {
    const res = batchedDomainMeans(
      design,
      domainIndex(domains, table.rows),
      domains.length,
      indicatorOf(f.codes, code),
    );
    domains.forEach((d, j) => {
      if (res[j]) rows.push(waldRow(d.key, res[j], conf, e.level));
    });
    return rows;
  }
  const largest = Math.max(0, ...domains.map((d) => d.rows.length));
  const rowBuf = new Int32Array(largest);
  const yBuf = new Float64Array(largest);
  for (const d of domains) {
    const { rows: dr, y } = rowsAndIndicator(d.rows, f.codes, code, rowBuf, yBuf);
    if (dr.length === 0) continue;
    if (method === 'wald') {
      rows.push(waldRow(d.key, domainMean(design, dr, y), conf, e.level));
      continue;
    }
    const df = domainDegf(design, dr);
    const r = svyciprop({
      design,
      rows: dr,
      y,
      method,
      level: conf,
      df,
      designRows: design.calibration ? design.rows : dr.length,
    });
    rows.push({
      by: byKey(d.key),
      level: e.level,
      estimate: nn(r.estimate),
      se: nn(r.se),
      ci: [nn(r.ci[0]), nn(r.ci[1])],
      df,
      n: dr.length,
    });
  }
  return rows;
}
