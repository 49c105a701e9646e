/**
 * Reproduction packages of a stored results run: the weights of its weighting runs (in the run's
 * canonical order), the completed responses they belong to (read through the monitor's service), the
 * indicator versions the run used and its numbers. Nothing is recomputed: the files describe exactly
 * the stored run. Researchers only (policy `results.reproduce`): the analysis file holds strata that
 * can single people out. Every export is audited.
 */
import { loadDefinition } from '../../monitor/answering/questionnaire-source.js';
import { findWave, waveQuestionnairesOf } from '../../monitor/fieldwork/waves-service.js';
import { completedResponses } from '../../monitor/responses/analysis-source.js';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { type CompiledIndicator, compileIndicator } from '../indicators/model.js';
import { indicatorVersion } from '../indicators/service.js';
import { visibleRun } from '../release/service.js';
import { weightingRun } from '../runs/service.js';
import type { DesignJson } from '../weighting/design-json.js';
import { categoryOf } from '../weighting/scheme.js';
import type { ReproducibleWeighting } from './analysis-file.js';
import { reproduction } from './package.js';

interface StoredWeights {
  responseIds: string[];
  stratum: string[];
  fpc: number[];
  base: number[];
  start: number[];
  final: number[];
}

export interface ReproductionFiles {
  waveCode: string;
  runVersion: number;
  /** Per target group: file name → contents. */
  groups: Record<string, Record<string, string>>;
}

function notFound(nl: string, en: string): AppError {
  return new AppError('not-found', { detail: { nl, en } });
}

/**
 * The reproduction files of a wave's latest run (researchers see runs under embargo too): every
 * weighted target group, or only the group of one indicator with that indicator's scripts.
 */
export async function reproductionFiles(
  database: Database,
  waveIdOrCode: string,
  /** Who takes the files: audited, as every export of respondent-level data. */
  actor: Actor,
  only?: { indicator: string },
): Promise<ReproductionFiles> {
  const { db } = database;
  const wave = await findWave(db, waveIdOrCode);
  const run = await visibleRun(database, wave.id, 'embargoed');
  if (!run)
    throw notFound(
      `De meting ${wave.code} heeft nog geen resultaten. Bereken eerst de resultaten.`,
      `wave ${wave.code} has no results run yet: compute results first`,
    );
  const links = await waveQuestionnairesOf(db, wave.id);
  const waveYear = wave.fieldworkStart ? { wave_year: wave.fieldworkStart.slice(0, 4) } : undefined;
  const groups: Record<string, Record<string, string>> = {};
  for (const [targetGroup, weightingId] of Object.entries(run.weightingRuns).sort()) {
    const link = links.find((l) => l.targetGroup === targetGroup);
    const stored = await weightingRun(database, weightingId);
    const questionnaire = link && (await loadDefinition(db, link.questionnaireVersionId));
    if (!stored || !questionnaire) continue;
    const indicators: CompiledIndicator[] = [];
    for (const [code, version] of Object.entries(run.indicators).sort()) {
      const d = await indicatorVersion(db, code, version);
      if (d && d.targetGroup === targetGroup) indicators.push(compileIndicator(d, questionnaire, waveYear));
    }
    if (only && !indicators.some((i) => i.definition.code === only.indicator)) continue;
    const w = stored.weights as StoredWeights;
    const design = stored.design as DesignJson;
    const byId = new Map((await completedResponses(db, wave.id, targetGroup)).map((r) => [r.id, r]));
    const respondents = w.responseIds.map((id) => {
      const r = byId.get(id);
      if (!r)
        throw new AppError('conflict', {
          detail: {
            nl: `Een antwoord van weging ${stored.version} (${targetGroup}) bestaat niet meer; bereken de resultaten opnieuw.`,
            en: `a response of weighting run ${stored.version} (${targetGroup}) no longer exists: compute results again`,
          },
        });
      return r;
    });
    const weighting: ReproducibleWeighting = {
      rows: respondents.length,
      stratum: w.stratum,
      fpc: w.fpc,
      baseWeights: w.base,
      startWeights: w.start,
      finalWeights: w.final,
      margins: design.calibration.margins.map((m) => ({
        name: m.column.replace(/^m_/, ''),
        variables: m.variables,
        totals: m.totals,
        values: respondents.map((r) => categoryOf(r.strata, m.variables)),
      })),
      epsilon: design.calibration.epsilon,
      maxit: design.calibration.maxit,
    };
    groups[targetGroup] = reproduction({
      wave: wave.code,
      targetGroup,
      run: { id: run.id, version: run.version },
      respondents,
      weighting,
      design,
      questionnaire,
      indicators,
      estimates: run.estimates[targetGroup] ?? { cells: [], comparisons: [] },
      ...(only ? { only: [only.indicator] } : {}),
    });
  }
  if (only && Object.keys(groups).length === 0)
    throw notFound(
      `Indicator ${only.indicator} zit niet in de resultaten van ${wave.code}.`,
      `indicator ${only.indicator} is not in the results of ${wave.code}`,
    );
  await database.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'results.reproduce.export',
      resourceType: 'results_run',
      resourceId: run.id,
      diff: {
        waveId: wave.id,
        version: run.version,
        ...(only ? { indicator: only.indicator } : {}),
        groups: Object.keys(groups),
      },
    }),
  );
  return { waveCode: wave.code, runVersion: run.version, groups };
}
