/**
 * Embargo and release: results are under embargo until a researcher releases a run (the Kamerbrief
 * goes out first). Before that only researchers and admins see a wave's runs; viewers see the latest
 * released run. Releasing is a change with its audit record in the same transaction.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { type RunSummary, toSummary } from '../runs/service.js';
import { resultsRuns } from '../schema.js';

/** Whether the reader may see runs under embargo (researchers, admins) or released runs only. */
export type Visibility = 'embargoed' | 'released';

/** The latest complete run the reader may see (runs are written whole, so any stored row is complete). */
export async function visibleRun(
  database: Database,
  waveId: string,
  visibility: Visibility,
): Promise<RunSummary | undefined> {
  const [r] = await database.db
    .select()
    .from(resultsRuns)
    .where(
      and(
        eq(resultsRuns.waveId, waveId),
        visibility === 'released' ? isNotNull(resultsRuns.releasedAt) : undefined,
      ),
    )
    .orderBy(desc(resultsRuns.version))
    .limit(1);
  return r && toSummary(r);
}

/** Releases a run of the wave (once; releasing again changes nothing and is refused). */
export async function releaseRun(
  database: Database,
  waveId: string,
  runId: string,
  actor: Actor,
): Promise<RunSummary> {
  return database.db.transaction(async (tx) => {
    const [run] = await tx
      .select()
      .from(resultsRuns)
      .where(and(eq(resultsRuns.id, runId), eq(resultsRuns.waveId, waveId)))
      .for('update');
    if (!run)
      throw new AppError('not-found', {
        detail: { nl: 'Deze berekening bestaat niet.', en: `no results run ${runId} in this wave` },
      });
    if (run.releasedAt)
      throw new AppError('conflict', {
        detail: {
          nl: `Versie ${run.version} is al vrijgegeven.`,
          en: `run version ${run.version} has been released already`,
        },
      });
    const [released] = await tx
      .update(resultsRuns)
      .set({ releasedAt: new Date() })
      .where(eq(resultsRuns.id, run.id))
      .returning();
    await audit(tx, actor, {
      action: 'results.release',
      resourceType: 'results_run',
      resourceId: run.id,
      diff: { waveId, version: run.version },
    });
    return toSummary(released!);
  });
}
