/**
 * What the report and the factsheets read from a wave: its latest visible run (the disclosure
 * decision included), the indicator definitions of that run, the weighting reports, the response per
 * stratum (the monitor's service) and the runs of earlier waves for the trends. Every number a
 * product shows comes from here, never from a product's own arithmetic.
 */
import { asc } from 'drizzle-orm';
import type { Wave } from '../../../monitor/fieldwork/model.js';
import { type ResponseRates, responseRates } from '../../../monitor/fieldwork/monitoring.js';
import { listWaves } from '../../../monitor/fieldwork/waves-service.js';
import type { Database } from '../../../platform/db/database.js';
import { type DisclosureRules, defaultRules } from '../../../stats/disclosure/model.js';
import type { CellEstimate, GroupEstimates } from '../../estimates/compute.js';
import type { IndicatorDefinition } from '../../indicators/model.js';
import { indicatorVersion } from '../../indicators/service.js';
import { type IndicatorTable, indicatorTable } from '../../pages/table.js';
import { coveredFigures } from '../../published.js';
import { visibleRun } from '../../release/service.js';
import { type RunSummary, weightingRun } from '../../runs/service.js';
import { resultsRuns } from '../../schema.js';
import { cellKey, type RunPoint, type TrendPoint, trendSeries } from '../../trends/trend.js';
import type { WeightingReport } from '../../weighting/report.js';
import type { ProductScope } from '../product.js';

export interface EarlierRun {
  year: number;
  wave: string;
  run: RunSummary;
}

export interface PublicationData {
  wave: Wave;
  /** The wave's year (from the start of fieldwork). */
  year: number;
  run: RunSummary | undefined;
  indicators: Map<string, IndicatorDefinition>;
  reports: Array<{ targetGroup: string; report: WeightingReport }>;
  response: ResponseRates;
  /** The runs of every wave with fieldwork (this one included), for the trends. */
  runs: EarlierRun[];
}

const yearOf = (w: Pick<Wave, 'fieldworkStart' | 'createdAt'>) =>
  Number((w.fieldworkStart ?? new Date(w.createdAt).toISOString()).slice(0, 4));

/**
 * Rendering every product of a wave (about 30 of them, in two languages) reads the same runs each
 * time: the data is kept per database, wave and visibility while the stored runs are the same (a new
 * or released run changes the fingerprint, so a product never shows an old run).
 */
const cache = new WeakMap<Database, Map<string, Promise<PublicationData>>>();
const CACHED = 8;

async function fingerprint(database: Database): Promise<string> {
  const rows = await database.db
    .select({ id: resultsRuns.id, released: resultsRuns.releasedAt })
    .from(resultsRuns)
    .orderBy(asc(resultsRuns.id));
  return rows.map((r) => `${r.id}:${r.released ? 1 : 0}`).join(',');
}

export async function publicationData(scope: ProductScope): Promise<PublicationData> {
  const key = `${scope.wave.id}|${scope.visibility}|${await fingerprint(scope.database)}`;
  const perDatabase = cache.get(scope.database) ?? new Map<string, Promise<PublicationData>>();
  cache.set(scope.database, perDatabase);
  let entry = perDatabase.get(key);
  if (!entry) {
    entry = load(scope);
    perDatabase.set(key, entry);
    // a failed read is not kept
    entry.catch(() => perDatabase.delete(key));
    if (perDatabase.size > CACHED) perDatabase.delete(perDatabase.keys().next().value!);
  }
  return { ...(await entry), wave: scope.wave };
}

async function load(scope: ProductScope): Promise<PublicationData> {
  const { database, wave, visibility } = scope;
  const run = await visibleRun(database, wave.id, visibility);
  const indicators = new Map<string, IndicatorDefinition>();
  const reports: PublicationData['reports'] = [];
  if (run) {
    for (const [code, version] of Object.entries(run.indicators).sort()) {
      const d = await indicatorVersion(database.db, code, version);
      if (d) indicators.set(code, d);
    }
    for (const [targetGroup, id] of Object.entries(run.weightingRuns).sort()) {
      const w = await weightingRun(database, id);
      if (w) reports.push({ targetGroup, report: w.report as WeightingReport });
    }
  }
  const runs: EarlierRun[] = [];
  const year = yearOf(wave);
  for (const w of await listWaves(database.db)) {
    if (!w.fieldworkStart) continue;
    const y = yearOf(w);
    // the trend of a product ends at its own wave
    if (y > year) continue;
    const r = w.id === wave.id ? run : await visibleRun(database, w.id, visibility);
    if (r) runs.push({ year: y, wave: w.code, run: r });
  }
  runs.sort((a, b) => a.year - b.year);
  return {
    wave,
    year,
    run,
    indicators,
    reports,
    response: await responseRates(database.db, wave.id),
    runs,
  };
}

/** The estimates of a target group in the run (undefined: not computed). */
export const groupOf = (d: PublicationData, targetGroup: string): GroupEstimates | undefined =>
  d.run?.estimates[targetGroup];

/** An indicator's table as it may be published (suppressed cells without numbers). */
export function publishedTable(d: PublicationData, code: string): IndicatorTable | undefined {
  const def = d.indicators.get(code);
  const group = def && groupOf(d, def.targetGroup);
  return group && indicatorTable(group, code, 'published');
}

/** The disclosure rules the run applied to a target group (the defaults for a run without them). */
export function rulesOf(d: PublicationData, targetGroup = 'office_holders'): DisclosureRules {
  return groupOf(d, targetGroup)?.disclosure?.rules ?? defaultRules;
}

/** One stored cell of the run (with its disclosure decision). */
export function cellOf(
  d: PublicationData,
  code: string,
  by: Record<string, string>,
): CellEstimate | undefined {
  const def = d.indicators.get(code);
  const key = cellKey(code, by);
  return def && groupOf(d, def.targetGroup)?.cells.find((c) => cellKey(c.indicator, c.by) === key);
}

/**
 * An indicator cell's series since 2014: the runs of earlier waves and this one (a suppressed cell has
 * no point) joined with the published historical values, as on the indicator page (trends/service.ts).
 */
export function trendPoints(d: PublicationData, code: string, by: Record<string, string> = {}): TrendPoint[] {
  const def = d.indicators.get(code);
  if (!def) return [];
  const key = cellKey(code, by);
  const runs: RunPoint[] = [];
  for (const r of d.runs) {
    const group = r.run.estimates[def.targetGroup];
    const cell = group?.cells.find((c) => cellKey(c.indicator, c.by) === key);
    if (!cell || cell.suppressed) continue;
    const trend = group?.trends?.find((t) => cellKey(t.indicator, t.by) === key);
    runs.push({ year: r.year, wave: r.wave, cell, ...(trend ? { trend } : {}) });
  }
  const published = coveredFigures().filter(
    (f) => f.indicator === code && cellKey(code, f.by) === key && f.figure.wave <= d.year,
  );
  return trendSeries(runs, published);
}
