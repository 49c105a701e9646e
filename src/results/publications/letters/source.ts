/**
 * Everything the letters of a wave are made from, loaded once per wave and reused for all its letters
 * (a wave has 200–400): the participating organisations (a completed organisation-policy response),
 * their contact from the organisation-policy frame, their values of the organisation-policy indicators,
 * the benchmark per comparison group, and the visible results run (the national findings).
 * Reads the monitor and the registry through their services only.
 */
import { loadDefinition } from '../../../monitor/answering/questionnaire-source.js';
import {
  type OrganisationContact,
  organisationPolicyAnswers,
  organisationPolicyContacts,
} from '../../../monitor/responses/organisation-answers.js';
import type { Organisation } from '../../../platform/orgs/model.js';
import { organisationsByIds } from '../../../platform/orgs/service.js';
import { disclosureRulesOf } from '../../disclosure/settings.js';
import {
  type CompiledIndicator,
  compileIndicator,
  type IndicatorDefinition,
} from '../../indicators/model.js';
import { currentIndicators, indicatorVersion } from '../../indicators/service.js';
import { visibleRun } from '../../release/service.js';
import type { RunSummary } from '../../runs/service.js';
import type { ProductScope } from '../product.js';
import { type Benchmark, benchmarkTable, groupOf, type Value } from './benchmark.js';

/** The national findings of the letter (seed 003: four bullets), by target group and indicator. */
export const keyFindings = [
  ['office_holders', 'agr_any_12m'],
  ['office_holders', 'agr_social_any_12m'],
  ['office_holders', 'int_aware_codes'],
  ['organisation_policy', 'org_protocol_aggression'],
] as const;

export interface Participant {
  organisation: Organisation;
  contact?: OrganisationContact;
  layer: string;
  sizeClass: string | null;
  group: string;
  values: Record<string, Value>;
}

export interface LetterSource {
  run: RunSummary;
  /** N: the wave's disclosure threshold (minRespondents; the stricter of the run's and the current). */
  threshold: number;
  indicators: IndicatorDefinition[];
  /** The labels of the key findings' indicators (the run's versions). */
  labels: Record<string, { nl: string; en: string }>;
  /** By organisation id, in the order of the organisations' names. */
  participants: Map<string, Participant>;
  benchmarks: Map<string, Record<string, Benchmark>>;
}

const cache = new WeakMap<object, Map<string, { at: number; source: Promise<LetterSource> }>>();
const FRESH_MS = 30_000;

/**
 * The letters' source of a wave, or null when there are none yet (no visible results run). Cached for
 * a few seconds per database and run, so rendering every letter reads the wave once.
 */
export async function letterSource(scope: ProductScope): Promise<LetterSource | null> {
  const run = await visibleRun(scope.database, scope.wave.id, scope.visibility);
  if (!run) return null;
  const byRun = cache.get(scope.database) ?? new Map();
  cache.set(scope.database, byRun);
  const hit = byRun.get(run.id);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.source;
  const source = load(scope, run);
  byRun.set(run.id, { at: Date.now(), source });
  source.catch(() => byRun.delete(run.id));
  return source;
}

async function load({ database, wave }: ProductScope, run: RunSummary): Promise<LetterSource> {
  const db = database.db;
  const answers = await organisationPolicyAnswers(db, wave.id);
  const indicators = await policyIndicators(database, run);
  const year: Record<string, string> = wave.fieldworkStart
    ? { wave_year: wave.fieldworkStart.slice(0, 4) }
    : {};
  const compiled = new Map<string, CompiledIndicator[]>();
  const compiledFor = async (versionId: string) => {
    if (!compiled.has(versionId)) {
      const questionnaire = await loadDefinition(db, versionId);
      compiled.set(
        versionId,
        questionnaire ? indicators.map((d) => compileIndicator(d, questionnaire, year)) : [],
      );
    }
    return compiled.get(versionId)!;
  };
  const organisations = new Map(
    (
      await organisationsByIds(
        db,
        answers.map((a) => a.organisationId),
      )
    ).map((o) => [o.id, o]),
  );
  const contacts = await organisationPolicyContacts(db, wave.id);
  const list: Participant[] = [];
  for (const a of answers) {
    const organisation = organisations.get(a.organisationId);
    if (!organisation) continue;
    const values: Record<string, Value> = {};
    for (const c of await compiledFor(a.questionnaireVersionId))
      values[c.definition.code] = c.valueOf(a.strata, a.answers);
    const layer = a.strata.bg_layer ?? organisation.layer;
    // provincies and waterschappen have no size class (the frame says 'nvt'): one group per layer
    const size = a.strata.bg_org_size;
    const sizeClass = size && size !== 'nvt' ? size : null;
    const contact = contacts.get(a.organisationId);
    list.push({
      organisation,
      ...(contact ? { contact } : {}),
      layer,
      sizeClass,
      group: groupOf(layer, sizeClass),
      values,
    });
  }
  list.sort(
    (x, y) =>
      x.organisation.name.localeCompare(y.organisation.name, 'nl') ||
      x.organisation.code.localeCompare(y.organisation.code),
  );
  const labels: LetterSource['labels'] = {};
  for (const [, code] of keyFindings) {
    const d = await indicatorVersion(db, code, run.indicators[code]);
    if (d) labels[code] = d.label;
  }
  // the stricter of the rules the run applied and the wave's rules now
  const threshold = Math.max(
    run.estimates.organisation_policy?.disclosure?.rules.minRespondents ?? 1,
    (await disclosureRulesOf(db, wave.id)).minRespondents,
  );
  return {
    run,
    threshold,
    indicators,
    labels,
    participants: new Map(list.map((p) => [p.organisation.id, p])),
    benchmarks: benchmarkTable(
      list,
      indicators.map((d) => d.code),
      threshold,
    ),
  };
}

/** The organisation-policy indicators of the run (their versions), or the current ones. */
async function policyIndicators(
  database: ProductScope['database'],
  run: RunSummary,
): Promise<IndicatorDefinition[]> {
  const current = (await currentIndicators(database.db, 'organisation_policy')).filter(
    (d) => d.theme === 'policy',
  );
  const out: IndicatorDefinition[] = [];
  for (const d of current) {
    const version = run.indicators[d.code];
    out.push((version !== undefined && (await indicatorVersion(database.db, d.code, version))) || d);
  }
  return out;
}
