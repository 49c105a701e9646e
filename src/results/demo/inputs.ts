/**
 * A synthetic wave as the results pipeline sees a closed wave: per target group the respondents'
 * strata and answers, and the frame counted by stratum. What the database path reads from the monitor
 * (completedResponses, frameCells), made here without a database for fast, pure tests.
 */
import type { Answers } from '../../monitor/questionnaires/model.js';
import type { PopulationCell } from '../weighting/weighting.js';
import type { RegistryOrganisation } from './population.js';
import { type SyntheticWave, strataOf } from './waves.js';

export interface GroupData {
  respondents: Array<{ strata: Record<string, string>; answers: Answers }>;
  population: PopulationCell[];
}

export function groupData(
  wave: SyntheticWave,
  orgs: readonly RegistryOrganisation[],
  targetGroup: string,
): GroupData {
  const orgOf = new Map(orgs.map((o) => [o.code, o]));
  const persons = wave.frame.filter((p) => p.targetGroup === targetGroup);
  const strata = new Map(persons.map((p) => [p.email, strataOf(p, orgOf.get(p.organisation)!)]));
  const cells = new Map<string, PopulationCell>();
  for (const s of strata.values()) {
    const key = JSON.stringify(s);
    const cell = cells.get(key) ?? { strata: s, n: 0 };
    cell.n++;
    cells.set(key, cell);
  }
  return {
    respondents: wave.responses
      .filter((r) => r.targetGroup === targetGroup)
      .map((r) => ({ strata: strata.get(r.email)!, answers: r.answers })),
    population: [...cells.values()],
  };
}
