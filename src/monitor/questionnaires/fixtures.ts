/**
 * Test fixtures: a small questionnaire with a published version 1, for the tenant-isolation test
 * (test/support/route-fixtures.ts) and other domains' tests.
 */
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import type { QuestionnaireDefinition } from './model.js';
import { createQuestionnaire, findQuestionnaireByCode, publishVersion } from './service.js';

export const isolationDefinition: QuestionnaireDefinition = {
  code: 'isolation_check',
  title: { nl: 'Isolatietest', en: 'Isolation test' },
  sections: [
    {
      id: 'deel',
      title: { nl: 'Deel' },
      items: [
        {
          type: 'single_choice',
          code: 'isolation_q',
          label: { nl: 'Vraag?' },
          options: [
            { code: 'ja', label: { nl: 'Ja' } },
            { code: 'nee', label: { nl: 'Nee' } },
          ],
        },
      ],
    },
  ],
};

/** The id of the isolation questionnaire (created and published on first use). */
export async function isolationQuestionnaire(database: Database): Promise<string> {
  const existing = await findQuestionnaireByCode(database.db, isolationDefinition.code);
  if (existing) return existing.id;
  const { questionnaireId } = await createQuestionnaire(
    database.db,
    systemActor,
    isolationDefinition,
    'test',
  );
  await publishVersion(database.db, systemActor, questionnaireId, 1);
  return questionnaireId;
}
