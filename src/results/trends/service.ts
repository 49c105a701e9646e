/**
 * An indicator's trend since 2014: the latest run of every wave run in Weerbaar joined with the
 * historical published values (published-figures.json), the latter marked as published figures with
 * their source.
 */
import { listWaves } from '../../monitor/fieldwork/waves-service.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { indicatorVersion } from '../indicators/service.js';
import { coveredFigures } from '../published.js';
import { type Visibility, visibleRun } from '../release/service.js';
import { cellKey, type RunPoint, type TrendPoint, trendSeries } from './trend.js';

export async function trendOf(
  database: Database,
  code: string,
  by: Record<string, string> = {},
  /** Researchers see runs under embargo; everyone else only released runs. */
  visibility: Visibility = 'embargoed',
): Promise<{ indicator: string; by: Record<string, string>; points: TrendPoint[] }> {
  const definition = await indicatorVersion(database.db, code);
  if (!definition)
    throw new AppError('not-found', {
      detail: { nl: `Er is geen indicator ${code}.`, en: `no indicator ${code}` },
    });
  const key = cellKey(code, by);
  const runs: RunPoint[] = [];
  for (const wave of await listWaves(database.db)) {
    if (!wave.fieldworkStart) continue;
    const run = await visibleRun(database, wave.id, visibility);
    const group = run?.estimates[definition.targetGroup];
    const cell = group?.cells.find((c) => cellKey(c.indicator, c.by) === key);
    // a suppressed cell has no point in the trend (disclosure control)
    if (!cell || cell.suppressed) continue;
    const trend = group?.trends?.find((t) => cellKey(t.indicator, t.by) === key);
    runs.push({
      year: Number(wave.fieldworkStart.slice(0, 4)),
      wave: wave.code,
      cell,
      ...(trend ? { trend } : {}),
    });
  }
  const published = coveredFigures().filter((f) => f.indicator === code && cellKey(code, f.by) === key);
  return { indicator: code, by, points: trendSeries(runs, published) };
}
