/**
 * What the results pages and the API read: a wave's latest visible run with its weighting reports and
 * indicators, and one indicator's table and trend. Viewers see released runs only (release/service.ts).
 */
import type { Wave } from '../../monitor/fieldwork/model.js';
import { findWave, listWaves } from '../../monitor/fieldwork/waves-service.js';
import { can, type Principal } from '../../platform/access/policy.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { IndicatorDefinition } from '../indicators/model.js';
import { indicatorVersion } from '../indicators/service.js';
import { type IndicatorTable, indicatorTable, type TableView } from '../pages/table.js';
import { type Visibility, visibleRun } from '../release/service.js';
import { type RunSummary, weightingRun } from '../runs/service.js';
import { trendOf } from '../trends/service.js';
import type { TrendPoint } from '../trends/trend.js';
import type { WeightingReport } from '../weighting/report.js';

export const visibilityOf = (principal: Principal | undefined): Visibility =>
  can(principal, 'results.embargoed') ? 'embargoed' : 'released';

export interface WaveResults {
  wave: Wave;
  run?: RunSummary;
  reports: Array<{ targetGroup: string; report: WeightingReport }>;
  indicators: IndicatorDefinition[];
}

export async function waveResults(
  database: Database,
  waveIdOrCode: string,
  visibility: Visibility,
): Promise<WaveResults> {
  const wave = await findWave(database.db, waveIdOrCode);
  const run = await visibleRun(database, wave.id, visibility);
  if (!run) return { wave, reports: [], indicators: [] };
  const reports: WaveResults['reports'] = [];
  for (const [targetGroup, id] of Object.entries(run.weightingRuns).sort()) {
    const w = await weightingRun(database, id);
    if (w) reports.push({ targetGroup, report: w.report as WeightingReport });
  }
  const indicators: IndicatorDefinition[] = [];
  for (const [code, version] of Object.entries(run.indicators).sort()) {
    const d = await indicatorVersion(database.db, code, version);
    if (d) indicators.push(d);
  }
  return { wave, run, reports, indicators };
}

export interface IndicatorResults {
  wave: Wave;
  run: RunSummary;
  definition: IndicatorDefinition;
  table: IndicatorTable;
  trend: TrendPoint[];
}

const noIndicator = (code: string, wave: Wave) =>
  new AppError('not-found', {
    detail: {
      nl: `Er zijn geen resultaten van indicator ${code} in ${wave.name}.`,
      en: `no results of indicator ${code} in wave ${wave.code}`,
    },
  });

export async function indicatorResults(
  database: Database,
  waveIdOrCode: string,
  code: string,
  visibility: Visibility,
  /** 'internal' (researchers' page only) shows suppressed numbers, marked; everything else is 'published'. */
  view: TableView = 'published',
): Promise<IndicatorResults> {
  const wave = await findWave(database.db, waveIdOrCode);
  const run = await visibleRun(database, wave.id, visibility);
  const version = run?.indicators[code];
  if (!run || version === undefined) throw noIndicator(code, wave);
  const definition = await indicatorVersion(database.db, code, version);
  const group = definition && run.estimates[definition.targetGroup];
  const table = group && indicatorTable(group, code, visibility === 'embargoed' ? view : 'published');
  if (!definition || !table) throw noIndicator(code, wave);
  const { points } = await trendOf(database, code, {}, visibility);
  return { wave, run, definition, table, trend: points };
}

/** One published cell of an indicator in the latest wave: its estimate and 95% interval, or withheld. */
export interface LatestCell {
  by: Record<string, string>;
  estimate: number | null;
  ci: [number | null, number | null];
  /** Withheld by the disclosure control (shown as such, never as a number). */
  suppressed: boolean;
}

export interface LatestIndicator {
  wave: Pick<Wave, 'id' | 'code' | 'name' | 'fieldworkStart' | 'fieldworkEnd'>;
  /** When the run was released; null when the reader sees it under embargo. */
  releasedAt: Date | null;
  label: { nl: string; en: string };
  /** The cells of the requested breakdowns (each a list of variables, e.g. ['bg_layer', 'bg_role']). */
  cells: LatestCell[];
}

/**
 * An indicator in the latest wave (by fieldwork start) whose run the reader may see and that has it,
 * for other domains (the Meldpunt's registration gap): published cells only, as the results pages show
 * them. Undefined when no such wave exists.
 */
export async function latestIndicator(
  database: Database,
  code: string,
  breakdowns: readonly (readonly string[])[],
  visibility: Visibility,
): Promise<LatestIndicator | undefined> {
  const waves = (await listWaves(database.db))
    .filter((w) => w.fieldworkStart)
    .sort((a, b) => (a.fieldworkStart! < b.fieldworkStart! ? 1 : -1));
  const wanted = new Set(breakdowns.map((b) => [...b].sort().join('+')));
  for (const wave of waves) {
    const run = await visibleRun(database, wave.id, visibility);
    if (!run || run.indicators[code] === undefined) continue;
    const r = await indicatorResults(database, wave.id, code, visibility, 'published');
    return {
      wave: {
        id: wave.id,
        code: wave.code,
        name: wave.name,
        fieldworkStart: wave.fieldworkStart,
        fieldworkEnd: wave.fieldworkEnd,
      },
      releasedAt: run.releasedAt,
      label: r.definition.label as { nl: string; en: string },
      cells: r.table.rows
        .filter((row) => wanted.has(row.breakdown.join('+')))
        .map((row) => ({
          by: row.by,
          estimate: row.estimate,
          ci: row.ci,
          suppressed: row.suppressed !== undefined,
        })),
    };
  }
  return undefined;
}
