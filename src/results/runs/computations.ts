/**
 * Results computed in the background: a researcher (page or CLI) or the demo asks for a computation,
 * the job `results.compute` (./jobs.ts) weights and estimates the wave and records its progress here.
 * The run is written in one transaction together with the computation's `done` state and run id, so a
 * retried job (at-least-once) never writes a second run, and pages only ever show complete runs.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { AppError, type Lang } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/jobs.js';
import { resultsComputations } from '../schema.js';
import type { WeightingOptions } from '../weighting/weighting.js';
import { assertClosed, type RunProgress, type RunSummary, runResults } from './service.js';

export type ComputationState = 'queued' | 'running' | 'done' | 'failed';

export interface Computation {
  id: string;
  waveId: string;
  state: ComputationState;
  done: number;
  total: number;
  step: { group?: string; phase: RunProgress['phase'] } | null;
  runId: string | null;
  error: Record<Lang, string> | null;
  requestedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const toComputation = (r: typeof resultsComputations.$inferSelect): Computation => ({
  id: r.id,
  waveId: r.waveId,
  state: r.state as ComputationState,
  done: r.done,
  total: r.total,
  step: (r.step as Computation['step']) ?? null,
  runId: r.runId,
  error: (r.error as Computation['error']) ?? null,
  requestedBy: r.requestedBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/**
 * Asks for a computation of a closed wave (in the caller's transaction: the row, the job and the audit
 * record commit together). While one is queued or running for the wave, that one is returned instead
 * of a second. `priority`: higher runs first (the demo computes 2022 before 2024, for the trend tests).
 */
export async function requestComputation(
  db: DbOrTx,
  waveIdOrCode: string,
  actor: Actor,
  options: WeightingOptions = {},
  priority = 0,
): Promise<{ computation: Computation; created: boolean }> {
  const wave = await findWave(db, waveIdOrCode);
  assertClosed(wave);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`results-computation:${wave.id}`}))`);
    const [open] = await tx
      .select()
      .from(resultsComputations)
      .where(
        and(
          eq(resultsComputations.waveId, wave.id),
          inArray(resultsComputations.state, ['queued', 'running']),
        ),
      )
      .limit(1);
    if (open) return { computation: toComputation(open), created: false };
    const [row] = await tx
      .insert(resultsComputations)
      .values({ waveId: wave.id, options, requestedBy: actor.label })
      .returning();
    const { computeJob } = await import('./jobs.js');
    await enqueue(tx, computeJob, { computationId: row!.id }, { key: row!.id, priority });
    await audit(tx, actor, {
      action: 'results.compute.request',
      resourceType: 'results_computation',
      resourceId: row!.id,
      diff: { waveId: wave.id, options },
    });
    return { computation: toComputation(row!), created: true };
  });
}

export async function getComputation(database: Database, id: string): Promise<Computation | undefined> {
  const [r] = await database.db.select().from(resultsComputations).where(eq(resultsComputations.id, id));
  return r && toComputation(r);
}

/** The wave's latest computation (what the page shows while it is queued, running or has failed). */
export async function latestComputation(
  database: Database,
  waveId: string,
): Promise<Computation | undefined> {
  const [r] = await database.db
    .select()
    .from(resultsComputations)
    .where(eq(resultsComputations.waveId, waveId))
    .orderBy(desc(resultsComputations.createdAt), desc(resultsComputations.id))
    .limit(1);
  return r && toComputation(r);
}

const update = (database: Database, id: string, values: Partial<typeof resultsComputations.$inferInsert>) =>
  database.db
    .update(resultsComputations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(resultsComputations.id, id));

/**
 * The work of the job: runs the computation unless it is done already (a retry after the run was
 * stored). Bad input (an indicator naming an unknown item, raking that cannot converge, …) is
 * recorded as `failed` with its message and not retried; any other error is rethrown for a retry.
 */
export async function performComputation(
  database: Database,
  id: string,
  hooks: { lastAttempt?: boolean; onProgress?: (p: RunProgress) => void } = {},
): Promise<RunSummary | undefined> {
  const c = await getComputation(database, id);
  if (!c || c.state === 'done' || c.state === 'failed') return undefined;
  await update(database, id, { state: 'running', done: 0, error: null });
  const [row] = await database.db
    .select({ options: resultsComputations.options, requestedBy: resultsComputations.requestedBy })
    .from(resultsComputations)
    .where(eq(resultsComputations.id, id));
  const actor: Actor = { type: 'system', id: null, label: `system:results.compute (${row!.requestedBy})` };
  try {
    return await runResults(database, c.waveId, actor, row!.options as WeightingOptions, {
      onProgress: async (p) => {
        hooks.onProgress?.(p);
        await update(database, id, {
          done: p.done,
          total: p.total,
          step: { phase: p.phase, ...(p.group ? { group: p.group } : {}) },
        });
        // let the server answer requests between the steps of a long computation
        await new Promise((resolve) => setImmediate(resolve));
      },
      onStored: async (tx, run) => {
        await tx
          .update(resultsComputations)
          .set({
            state: 'done',
            runId: run.id,
            step: null,
            done: sql`${resultsComputations.total}`,
            updatedAt: new Date(),
          })
          .where(eq(resultsComputations.id, id));
      },
    });
  } catch (err) {
    const final = err instanceof AppError || hooks.lastAttempt !== false;
    const error =
      err instanceof AppError
        ? { nl: err.detailIn('nl') ?? err.message, en: err.detailIn('en') ?? err.message }
        : {
            nl: `De berekening is mislukt: ${(err as Error).message}`,
            en: `the computation failed: ${(err as Error).message}`,
          };
    await update(database, id, final ? { state: 'failed', error, step: null } : { state: 'queued', error });
    if (err instanceof AppError) return undefined;
    throw err;
  }
}
