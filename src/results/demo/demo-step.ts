/**
 * Demo: the closed waves monitor-2022 and monitor-2024 with realistic synthetic fieldwork (frames of
 * every office holder, organisations and an employee list; invitations; about 3,400 completed
 * office-holder responses per wave), made through the monitor's services: waves, frame import,
 * questionnaires, recorded fieldwork, closing. Seeded: every `npm start` loads the same answers.
 */

import { loadDefinition } from '../../monitor/answering/questionnaire-source.js';
import { importFrame } from '../../monitor/fieldwork/frame-service.js';
import { latestPublishedVersionOf } from '../../monitor/fieldwork/questionnaire-link.js';
import { recordCompletedFieldwork } from '../../monitor/fieldwork/recorded-fieldwork.js';
import {
  createWave,
  findWave,
  setWaveQuestionnaire,
  transitionWave,
} from '../../monitor/fieldwork/waves-service.js';
import type { Actor } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/database.js';
import type { DemoStep } from '../../platform/demo/demo.js';
import { requestComputation } from '../runs/computations.js';
import type { SyntheticPerson } from './population.js';
import { registryOrganisations } from './registry.js';
import { demoWaveTruths, generateWave, type Questionnaires, type WaveTruth } from './waves.js';

const groups = ['office_holders', 'organisation_policy', 'employees'] as const;

export function frameCsv(persons: readonly SyntheticPerson[]): string {
  const rows = ['naam,email,rol,organisatie,geslacht,leeftijdsgroep'];
  for (const p of persons)
    rows.push([p.name, p.email, p.role, p.organisation, p.gender, p.ageGroup].join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** Loads one demo wave unless a wave with its code exists. Returns whether it loaded. */
export async function loadDemoWave(
  tx: Tx,
  truth: WaveTruth,
  actor: Actor,
  /** The organisations in the frames (tests use a few to keep a wave small); default all of them. */
  orgs = registryOrganisations(),
): Promise<boolean> {
  if (await findWave(tx, truth.code).catch(() => undefined)) return false;
  const versions: Record<string, string> = {};
  const defs: Partial<Questionnaires> = {};
  for (const g of groups) {
    const version = await latestPublishedVersionOf(tx, g);
    const def = version ? await loadDefinition(tx, version) : undefined;
    if (!version || !def) return false; // the built-in questionnaires are not loaded
    versions[g] = version;
    defs[g] = def;
  }
  const wave = await createWave(
    tx,
    {
      code: truth.code,
      name: truth.name,
      // organisation-policy answers are never anonymous, so a wave with all three groups is confidential
      anonymity: 'confidential',
      fieldworkStart: truth.fieldworkStart,
      fieldworkEnd: truth.fieldworkEnd,
      reminderDays: [7, 14],
    },
    actor,
  );
  const synthetic = generateWave(truth, orgs, defs as Questionnaires);
  for (const g of groups) {
    const report = await importFrame(
      tx,
      wave.id,
      {
        fileName: `${truth.code}-${g}.csv`,
        data: Buffer.from(frameCsv(synthetic.frame.filter((p) => p.targetGroup === g)), 'utf8'),
        targetGroup: g,
      },
      actor,
    );
    if (!report.written) throw new Error(`demo frame ${g}: ${JSON.stringify(report.problems.slice(0, 3))}`);
    await setWaveQuestionnaire(tx, wave.id, g, versions[g]!, actor);
  }
  await transitionWave(tx, wave.id, 'open', actor);
  for (const g of groups)
    await recordCompletedFieldwork(
      tx,
      wave.id,
      g,
      synthetic.responses.filter((r) => r.targetGroup === g),
      actor,
    );
  await transitionWave(tx, wave.id, 'close', actor);
  return true;
}

/**
 * The demo's results are computed by the job `results.compute` once the server runs (so `npm start`
 * is not slowed by them): the earlier wave first (higher priority), so the later one's run carries
 * its tested changes.
 */
export async function requestDemoComputations(tx: Tx, truths: readonly WaveTruth[], actor: Actor) {
  const ordered = [...truths].sort((a, b) => (a.fieldworkStart < b.fieldworkStart ? -1 : 1));
  for (const [i, truth] of ordered.entries())
    await requestComputation(tx, truth.code, actor, {}, ordered.length - i);
}

const step: DemoStep = {
  name: 'results-waves',
  async run(tx, actor) {
    const loaded: WaveTruth[] = [];
    for (const truth of demoWaveTruths) if (await loadDemoWave(tx, truth, actor)) loaded.push(truth);
    await requestDemoComputations(tx, loaded, actor);
    return [];
  },
};
export default step;
