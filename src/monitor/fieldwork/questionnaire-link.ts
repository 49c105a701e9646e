/**
 * What fieldwork needs to know about questionnaire versions (owned by ../questionnaires, reached only
 * through its service): whether a version exists and is published, its label, and its definition
 * (for the response export).
 */

import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { QuestionnaireDefinition } from '../questionnaires/model.js';
import { estimatedMinutes } from '../questionnaires/progress.js';
import {
  findQuestionnaireByCode,
  getQuestionnaire,
  getVersionById,
  listQuestionnaires,
} from '../questionnaires/service.js';
import { type TargetGroup, targetGroups } from './model.js';
import { waveQuestionnaires } from './schema.js';

export interface VersionInfo {
  id: string;
  /** e.g. "office_holders v3" */
  label: string;
  code: string;
  /** The questionnaire's title, shown beside the label when choosing. */
  title: { nl: string; en?: string };
  /** The target group the questionnaire is meant for, when its code names one. */
  intendedFor: TargetGroup | undefined;
  published: boolean;
  definition: QuestionnaireDefinition | undefined;
}

/**
 * The target group a questionnaire is meant for: the built-in ones have its code (`employees`), and
 * a researcher's own copy keeps it as prefix (`employees_2027`).
 */
export function intendedTargetGroup(code: string): TargetGroup | undefined {
  return targetGroups.find((g) => code === g || code.startsWith(`${g}_`));
}

/** A version by id, or undefined when there is none. */
export async function publishedVersion(db: DbOrTx, id: string): Promise<VersionInfo | undefined> {
  try {
    const v = await getVersionById(db, id);
    return {
      id: v.id,
      code: v.questionnaireCode,
      label: `${v.questionnaireCode} v${v.version}`,
      title: v.definition.title,
      intendedFor: intendedTargetGroup(v.questionnaireCode),
      published: v.status === 'published',
      definition: v.definition,
    };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not-found') return undefined;
    throw err;
  }
}

/** Every published version, to choose from in the wave form. */
export async function publishedVersions(db: DbOrTx): Promise<VersionInfo[]> {
  const out: VersionInfo[] = [];
  for (const q of await listQuestionnaires(db)) {
    if (q.publishedVersion === null) continue;
    const full = await getQuestionnaire(db, q.id);
    for (const v of full.versions) {
      if (v.status !== 'published') continue;
      out.push({
        id: v.id,
        code: q.code,
        label: `${q.code} v${v.version}`,
        title: q.title,
        intendedFor: intendedTargetGroup(q.code),
        published: true,
        definition: undefined,
      });
    }
  }
  return out;
}

/** The newest published version of the questionnaire with this code (e.g. the built-in template). */
export async function latestPublishedVersionOf(db: DbOrTx, code: string): Promise<string | undefined> {
  const q = await findQuestionnaireByCode(db, code);
  if (!q) return undefined;
  const full = await getQuestionnaire(db, q.id);
  return full.versions.find((v) => v.status === 'published')?.id;
}

/**
 * Minutes to answer per target group, from the questionnaire each group answers in the wave: the
 * number the invitation ({minuten}) and the start page both state.
 */
export async function minutesByTargetGroup(db: DbOrTx, waveId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const rows = await db.select().from(waveQuestionnaires).where(eq(waveQuestionnaires.waveId, waveId));
  for (const r of rows) {
    const def = (await publishedVersion(db, r.questionnaireVersionId))?.definition;
    if (def) out.set(r.targetGroup, estimatedMinutes(def));
  }
  return out;
}

/** The minutes a mail preview shows: the office holders' questionnaire's, else the first one's. */
export async function previewMinutes(db: DbOrTx, waveId: string): Promise<number | undefined> {
  const m = await minutesByTargetGroup(db, waveId);
  return m.get('office_holders') ?? [...m.values()][0];
}
