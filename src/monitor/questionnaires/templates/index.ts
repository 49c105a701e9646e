/**
 * The built-in templates: office holders (P), organisation policy (O, one response per
 * organisation) and employees (M), from the draft item bank with its item codes.
 */
import type { Actor } from '../../../platform/audit/audit.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import type { QuestionnaireDefinition } from '../model.js';
import { createQuestionnaire, findQuestionnaireByCode, publishVersion } from '../service.js';
import { employees } from './employees.js';
import { officeHolders } from './office-holders.js';
import { organisationPolicy } from './organisation-policy.js';

export const templates: readonly QuestionnaireDefinition[] = [officeHolders, organisationPolicy, employees];

/**
 * Loads every template as published version 1, unless a questionnaire with its code exists.
 * Returns the codes it loaded.
 */
export async function loadTemplates(db: DbOrTx, actor: Actor): Promise<string[]> {
  const loaded: string[] = [];
  for (const def of templates) {
    if (await findQuestionnaireByCode(db, def.code)) continue;
    const { questionnaireId } = await createQuestionnaire(db, actor, def, 'template');
    await publishVersion(db, actor, questionnaireId, 1);
    loaded.push(def.code);
  }
  return loaded;
}
