/**
 * Weighting alone (`weerbaar results weight`): the weighting report of every weighted target group of
 * a closed wave, computed as a run would (canonical order, design from the frame, raking), without
 * storing anything. A wave still open, raking that cannot converge or a margin category without
 * respondents are refused with a message naming the margin and category (weighting/weighting.ts).
 */
import { findWave, waveQuestionnairesOf } from '../../monitor/fieldwork/waves-service.js';
import { completedResponses, frameCells } from '../../monitor/responses/analysis-source.js';
import type { Database } from '../../platform/db/database.js';
import { canonicalOrder } from '../canonical.js';
import { weightedGroups } from '../pipeline.js';
import type { WeightingReport } from '../weighting/report.js';
import { schemes } from '../weighting/scheme.js';
import { type WeightingOptions, weight } from '../weighting/weighting.js';
import { assertClosed } from './service.js';

export async function weighWave(
  database: Database,
  waveIdOrCode: string,
  options: WeightingOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<Array<{ targetGroup: string; report: WeightingReport }>> {
  const wave = await findWave(database.db, waveIdOrCode);
  assertClosed(wave);
  const links = (await waveQuestionnairesOf(database.db, wave.id)).filter((l) =>
    weightedGroups.includes(l.targetGroup),
  );
  const out: Array<{ targetGroup: string; report: WeightingReport }> = [];
  for (const [i, link] of links.entries()) {
    onProgress?.(i, links.length);
    const respondents = canonicalOrder(await completedResponses(database.db, wave.id, link.targetGroup));
    if (respondents.length === 0) continue;
    const w = weight(
      respondents.map((r) => r.strata),
      await frameCells(database.db, wave.id, link.targetGroup),
      schemes[link.targetGroup]!,
      options,
    );
    out.push({ targetGroup: link.targetGroup, report: w.report });
  }
  onProgress?.(links.length, links.length);
  return out;
}
