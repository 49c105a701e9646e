/**
 * The questionnaire a respondent answers, by version id, from the questionnaires service.
 * Published versions are immutable, so a definition is cached for the life of the process.
 */
import type { DbOrTx } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors.js';
import type { QuestionnaireDefinition } from '../questionnaires/model.js';
import { getVersionById } from '../questionnaires/service.js';

const cache = new Map<string, QuestionnaireDefinition>();

export async function loadDefinition(
  db: DbOrTx,
  versionId: string,
): Promise<QuestionnaireDefinition | undefined> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  try {
    const version = await getVersionById(db, versionId);
    // Drafts are never answered; only published versions are immutable and may be cached.
    if (version.status !== 'published') return undefined;
    cache.set(versionId, version.definition);
    return version.definition;
  } catch (err) {
    if (isAppError(err) && err.code === 'not-found') return undefined;
    throw err;
  }
}
