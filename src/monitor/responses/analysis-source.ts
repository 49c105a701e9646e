/**
 * What the results domain reads from a closed wave: the completed responses of a target group (strata
 * and answers, no organisation or person) and the frame's population counts by the same stratum
 * variables (bg_* codes, as response rows store them). Read-only; the results domain never reads
 * the monitor's tables itself.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { frameStrata } from '../fieldwork/model.js';
import { framePersons } from '../fieldwork/schema.js';
import type { Answers } from '../questionnaires/model.js';
import { responses } from './schema.js';

export interface CompletedResponse {
  id: string;
  questionnaireVersionId: string;
  strata: Record<string, string>;
  answers: Answers;
}

export async function completedResponses(
  db: DbOrTx,
  waveId: string,
  targetGroup: string,
): Promise<CompletedResponse[]> {
  const rows = await db
    .select({
      id: responses.id,
      questionnaireVersionId: responses.questionnaireVersionId,
      strata: responses.strata,
      answers: responses.answers,
    })
    .from(responses)
    .where(
      and(
        eq(responses.waveId, waveId),
        eq(responses.targetGroup, targetGroup),
        eq(responses.status, 'completed'),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    questionnaireVersionId: r.questionnaireVersionId,
    strata: r.strata as Record<string, string>,
    answers: r.answers as Answers,
  }));
}

export interface PopulationCell {
  /** bg_layer, bg_role, bg_province, bg_org_size, bg_gender, bg_age_group (null: unknown). */
  strata: Record<string, string | null>;
  n: number;
}

/** The frame of a target group counted by its standard stratum variables (opted-out persons included). */
export async function frameCells(db: DbOrTx, waveId: string, targetGroup: string): Promise<PopulationCell[]> {
  const rows = await db
    .select({
      layer: framePersons.layer,
      role: framePersons.role,
      provinceCode: framePersons.provinceCode,
      sizeClass: framePersons.sizeClass,
      gender: framePersons.gender,
      ageGroup: framePersons.ageGroup,
      n: sql<number>`count(*)::int`,
    })
    .from(framePersons)
    .where(and(eq(framePersons.waveId, waveId), eq(framePersons.targetGroup, targetGroup)))
    .groupBy(
      framePersons.layer,
      framePersons.role,
      framePersons.provinceCode,
      framePersons.sizeClass,
      framePersons.gender,
      framePersons.ageGroup,
    );
  const keys = [
    'bg_layer',
    'bg_role',
    'bg_role_group',
    'bg_province',
    'bg_org_size',
    'bg_gender',
    'bg_age_group',
  ];
  return rows.map((r) => {
    const all = frameStrata({ ...r, strata: {} });
    return { strata: Object.fromEntries(keys.map((k) => [k, all[k] ?? null])), n: r.n };
  });
}
