/**
 * A results run: weight every weighted target group of a closed wave and estimate every current
 * indicator × breakdown with its tests, then write the weighting runs and the results run in one
 * transaction (nothing half-computed is ever stored). Reads the wave through the monitor's services.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { loadDefinition } from '../../monitor/answering/questionnaire-source.js';
import type { Wave } from '../../monitor/fieldwork/model.js';
import { findWave, listWaves, waveQuestionnairesOf } from '../../monitor/fieldwork/waves-service.js';
import {
  type CompletedResponse,
  completedResponses,
  frameCells,
} from '../../monitor/responses/analysis-source.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { loadSolver } from '../../stats/disclosure/attacker.js';
import { disclosureRulesOf } from '../disclosure/settings.js';
import type { GroupEstimates } from '../estimates/compute.js';
import { discloseGroup, publishedCells, reapplyHolm } from '../estimates/disclosure.js';
import { currentIndicators, ensureBuiltinIndicators } from '../indicators/service.js';
import { computeGroup, type GroupResults, weightedGroups } from '../pipeline.js';
import { resultsRuns, weightingRuns } from '../schema.js';
import { trendTests } from '../trends/trend.js';
import { designJson } from '../weighting/design-json.js';
import { schemes } from '../weighting/scheme.js';
import type { WeightingOptions } from '../weighting/weighting.js';

export interface RunSummary {
  id: string;
  waveId: string;
  version: number;
  createdAt: Date;
  releasedAt: Date | null;
  weightingRuns: Record<string, string>;
  indicators: Record<string, number>;
  estimates: Record<string, GroupEstimates>;
}

/** Refuses a wave that is not closed: only a closed wave can be weighted. */
export function assertClosed(wave: Wave): void {
  if (wave.status !== 'closed' && wave.status !== 'archived')
    throw new AppError('conflict', {
      detail: {
        nl: `De meting ${wave.code} is nog niet gesloten. Sluit de meting eerst; pas dan kunt u wegen en resultaten berekenen.`,
        en: `wave ${wave.code} is ${wave.status}: close it before weighting and computing results`,
      },
    });
}

/** Steps of a run, for progress (the job `results.compute`, the CLI's bar). */
export interface RunProgress {
  done: number;
  total: number;
  group?: string;
  phase: 'read' | 'estimate' | 'store';
}

export interface RunHooks {
  /** Called before each step; awaited, so the caller can record it (and the event loop breathes). */
  onProgress?: (p: RunProgress) => Promise<void> | void;
  /** Runs inside the run's transaction after the run is written (e.g. to mark a computation done). */
  onStored?: (tx: Tx, run: RunSummary) => Promise<void>;
}

/** Computes and stores a results run of a closed wave. */
export async function runResults(
  database: Database,
  waveIdOrCode: string,
  actor: Actor,
  options: WeightingOptions = {},
  hooks: RunHooks = {},
): Promise<RunSummary> {
  const wave = await findWave(database.db, waveIdOrCode);
  assertClosed(wave);
  await ensureBuiltinIndicators(database.db, actor);
  const groups: Array<GroupResults<CompletedResponse>> = [];
  const used: Record<string, number> = {};
  const links = (await waveQuestionnairesOf(database.db, wave.id)).filter((l) =>
    weightedGroups.includes(l.targetGroup),
  );
  const total = 2 * links.length + 1;
  let done = 0;
  const step = async (phase: RunProgress['phase'], group?: string) => {
    await hooks.onProgress?.({ done, total, phase, ...(group ? { group } : {}) });
    done++;
  };
  for (const link of links) {
    await step('read', link.targetGroup);
    const respondents = await completedResponses(database.db, wave.id, link.targetGroup);
    if (respondents.length === 0) {
      done++;
      continue;
    }
    const questionnaire = await loadDefinition(database.db, link.questionnaireVersionId);
    if (!questionnaire) {
      done++;
      continue;
    }
    const definitions = await currentIndicators(database.db, link.targetGroup);
    for (const d of definitions) used[d.code] = d.version;
    await step('estimate', link.targetGroup);
    groups.push(
      computeGroup({
        targetGroup: link.targetGroup,
        questionnaire,
        respondents,
        population: await frameCells(database.db, wave.id, link.targetGroup),
        indicators: definitions,
        weighting: options,
        ...(wave.fieldworkStart ? { waveYear: Number(wave.fieldworkStart.slice(0, 4)) } : {}),
      }),
    );
  }
  if (groups.length === 0)
    throw new AppError('conflict', {
      detail: {
        nl: `De meting ${wave.code} heeft geen ingevulde vragenlijsten om te wegen.`,
        en: `wave ${wave.code} has no completed responses to weight`,
      },
    });
  // disclosure control (docs/results.md): what may be published, decided once and stored with the run
  const highs = await loadSolver();
  const rules = await disclosureRulesOf(database.db, wave.id);
  for (const g of groups)
    g.estimates.disclosure = discloseGroup(
      highs,
      {
        respondents: g.ordered,
        weights: g.weighting.finalWeights,
        indicators: g.indicators,
        estimates: g.estimates,
      },
      rules,
    );
  // changes from the previous wave run in Weerbaar, between published cells only, tested together
  // with the comparisons (Holm)
  const previous = await previousRun(database, wave);
  for (const g of groups) {
    const before = previous?.run.estimates[g.targetGroup];
    if (!before) continue;
    g.estimates.trends = trendTests(
      publishedCells(g.estimates.cells),
      publishedCells(before.cells),
      previous.wave.code,
    );
    reapplyHolm(g.estimates);
  }
  await step('store');
  return database.db.transaction(async (tx) => {
    // one run at a time per wave: the version numbers come from the rows this transaction sees
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`results:${wave.id}`}))`);
    const weightingIds: Record<string, string> = {};
    for (const g of groups) {
      const [last] = await tx
        .select({ v: sql<number>`coalesce(max(${weightingRuns.version}), 0)::int` })
        .from(weightingRuns)
        .where(sql`${weightingRuns.waveId} = ${wave.id} and ${weightingRuns.targetGroup} = ${g.targetGroup}`);
      const w = g.weighting;
      const [row] = await tx
        .insert(weightingRuns)
        .values({
          waveId: wave.id,
          targetGroup: g.targetGroup,
          version: (last?.v ?? 0) + 1,
          options,
          design: designJson(w, schemes[g.targetGroup]!.strata, options),
          report: w.report,
          weights: {
            responseIds: g.ordered.map((r) => r.id),
            stratum: w.stratum,
            fpc: [...w.fpc],
            base: [...w.baseWeights],
            start: [...w.startWeights],
            final: [...w.finalWeights],
          },
        })
        .returning({ id: weightingRuns.id });
      weightingIds[g.targetGroup] = row!.id;
    }
    const [lastRun] = await tx
      .select({ v: sql<number>`coalesce(max(${resultsRuns.version}), 0)::int` })
      .from(resultsRuns)
      .where(eq(resultsRuns.waveId, wave.id));
    const estimates = Object.fromEntries(groups.map((g) => [g.targetGroup, g.estimates]));
    const [run] = await tx
      .insert(resultsRuns)
      .values({
        waveId: wave.id,
        version: (lastRun?.v ?? 0) + 1,
        weightingRuns: weightingIds,
        indicators: used,
        estimates,
      })
      .returning();
    await audit(tx, actor, {
      action: 'results.run',
      resourceType: 'results_run',
      resourceId: run!.id,
      diff: {
        waveId: wave.id,
        version: run!.version,
        weightingRuns: weightingIds,
        options,
        disclosure: rules,
      },
    });
    const summary = toSummary(run!);
    await hooks.onStored?.(tx, summary);
    return summary;
  });
}

export function toSummary(r: typeof resultsRuns.$inferSelect): RunSummary {
  return {
    id: r.id,
    waveId: r.waveId,
    version: r.version,
    createdAt: r.createdAt,
    releasedAt: r.releasedAt,
    weightingRuns: r.weightingRuns as Record<string, string>,
    indicators: r.indicators as Record<string, number>,
    estimates: r.estimates as Record<string, GroupEstimates>,
  };
}

/** The latest run of the closest earlier wave (by fieldwork start) that has one. */
async function previousRun(
  database: Database,
  wave: Wave,
): Promise<{ wave: Wave; run: RunSummary } | undefined> {
  const start = wave.fieldworkStart ?? '9999-12-31';
  const earlier = (await listWaves(database.db))
    .filter((w) => w.id !== wave.id && (w.fieldworkStart ?? '') < start && w.fieldworkStart)
    .sort((a, b) => (a.fieldworkStart! < b.fieldworkStart! ? 1 : -1));
  for (const w of earlier) {
    const run = await latestRun(database, w.id);
    if (run) return { wave: w, run };
  }
  return undefined;
}

/** The latest complete run of a wave (runs are written whole, so the latest row is complete). */
export async function latestRun(database: Database, waveId: string): Promise<RunSummary | undefined> {
  const [r] = await database.db
    .select()
    .from(resultsRuns)
    .where(eq(resultsRuns.waveId, waveId))
    .orderBy(desc(resultsRuns.version))
    .limit(1);
  return r && toSummary(r);
}

/** The stored weighting run (report, design and weights). */
export async function weightingRun(database: Database, id: string) {
  const [r] = await database.db.select().from(weightingRuns).where(eq(weightingRuns.id, id));
  return r;
}
