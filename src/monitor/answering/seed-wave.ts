/**
 * A small open wave with a published questionnaire, frame persons and invitations, for tests,
 * the browser test, the crash test and the benchmark. Waves, frame and invitations are plain
 * inserts (what the fieldwork service would write), so the tokens are known to the caller.
 */
import { randomUUID } from 'node:crypto';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { framePersons, invitations, waveQuestionnaires, waves } from '../fieldwork/schema.js';
import type { QuestionnaireDefinition } from '../questionnaires/model.js';
import {
  createQuestionnaire,
  findQuestionnaireByCode,
  getVersion,
  publishVersion,
} from '../questionnaires/service.js';
import { newLinkToken, tokenHash } from './keys.js';

const freq = [
  { code: 'nooit', label: { nl: 'Nee, nooit', en: 'No, never' } },
  { code: 'een_keer', label: { nl: 'Ja, één keer', en: 'Yes, once' } },
  { code: 'vaker', label: { nl: 'Ja, vaker', en: 'Yes, more often' } },
];

/** Three sections; the second only for those who experienced something (routing). */
export const testDefinition: QuestionnaireDefinition = {
  code: 'answering_test',
  title: { nl: 'Monitor Integriteit en Veiligheid (test)', en: 'Integrity and Safety Monitor (test)' },
  context: [
    { name: 'bg_role', example: 'raadslid' },
    { name: 'organisatie', example: 'gemeente' },
  ],
  sections: [
    {
      id: 'agressie',
      title: { nl: 'Agressie en geweld', en: 'Aggression and violence' },
      items: [
        {
          type: 'single_choice',
          code: 'agr_verbal_12m',
          label: {
            nl: 'Heeft iemand u in de afgelopen 12 maanden uitgescholden of beledigd omdat u ${bg_role} bent?',
            en: 'In the past 12 months, has anyone insulted you because you are ${bg_role}?',
          },
          required: true,
          options: freq,
        },
        {
          type: 'single_choice',
          code: 'agr_physical_12m',
          label: { nl: 'Heeft iemand u aangevallen?', en: 'Has anyone attacked you?' },
          required: true,
          options: freq,
        },
        {
          type: 'number',
          code: 'bg_years_in_office',
          label: {
            nl: 'Hoeveel jaar bent u al politiek ambtsdrager?',
            en: 'For how many years have you been an office holder?',
          },
          hint: {
            nl: 'Tel al uw functies mee. Vul een getal in.',
            en: 'Count all your roles. Enter a number.',
          },
          required: true,
          integer: true,
          min: 0,
          max: 60,
        },
      ],
    },
    {
      id: 'melden',
      title: { nl: 'Melden', en: 'Reporting' },
      relevant: "${agr_verbal_12m} != 'nooit' or ${agr_physical_12m} != 'nooit'",
      items: [
        {
          type: 'multiple_choice',
          code: 'report_to',
          label: { nl: 'Bij wie heeft u dit gemeld?', en: 'To whom did you report this?' },
          required: true,
          options: [
            { code: 'politie', label: { nl: 'Bij de politie', en: 'The police' } },
            { code: 'werkgever', label: { nl: 'Bij mijn werkgever', en: 'My employer' } },
            { code: 'anders', label: { nl: 'Anders, namelijk', en: 'Other, namely' }, other: true },
            { code: 'niemand', label: { nl: 'Bij niemand', en: 'Nobody' }, exclusive: true },
          ],
        },
        {
          type: 'matrix',
          code: 'support',
          label: { nl: 'Kreeg u steun van deze mensen?', en: 'Did these people support you?' },
          required: true,
          rows: [
            { code: 'support_colleagues', label: { nl: 'Collega’s', en: 'Colleagues' } },
            { code: 'support_family', label: { nl: 'Familie', en: 'Family' } },
          ],
          options: [
            { code: 'ja', label: { nl: 'Ja', en: 'Yes' } },
            { code: 'nee', label: { nl: 'Nee', en: 'No' } },
            { code: 'weet_niet', label: { nl: 'Weet ik niet', en: 'Don’t know' } },
          ],
        },
      ],
    },
    {
      id: 'afsluiting',
      title: { nl: 'Tot slot', en: 'Finally' },
      items: [
        {
          type: 'note',
          code: 'closing_note',
          label: { nl: 'Dit is de laatste vraag.', en: 'This is the last question.' },
        },
        {
          type: 'text',
          code: 'remarks',
          label: { nl: 'Wilt u nog iets kwijt?', en: 'Anything else you want to say?' },
          hint: { nl: 'Schrijf hier geen namen.', en: 'Please do not write names here.' },
          maxLength: 2000,
        },
      ],
    },
  ],
};

export interface SeededWave {
  waveId: string;
  versionId: string;
  tokens: string[];
  invitationIds: string[];
  framePersonIds: string[];
  emails: string[];
  organisationIds: string[];
}

/** The published test questionnaire version (created once per database). */
export async function testQuestionnaireVersion(database: Database, def = testDefinition): Promise<string> {
  const actor = cliActor('test');
  const existing = await findQuestionnaireByCode(database.db, def.code);
  if (existing) return (await getVersion(database.db, existing.id, 1)).id;
  const created = await createQuestionnaire(database.db, actor, def);
  await publishVersion(database.db, actor, created.questionnaireId, 1);
  return created.version.id;
}

export async function seedAnsweringWave(
  database: Database,
  options: {
    anonymity?: 'anonymous' | 'confidential' | 'named';
    status?: 'draft' | 'open' | 'closed';
    persons?: number;
    targetGroup?: string;
    name?: string;
  } = {},
): Promise<SeededWave> {
  const versionId = await testQuestionnaireVersion(database);
  const targetGroup = options.targetGroup ?? 'office_holders';
  const n = options.persons ?? 3;
  const suffix = randomUUID().slice(0, 8);
  const [wave] = await database.db
    .insert(waves)
    .values({
      code: `test-${suffix}`,
      name: options.name ?? 'Monitor Integriteit en Veiligheid 2026',
      status: options.status ?? 'open',
      anonymity: options.anonymity ?? 'anonymous',
    })
    .returning();
  await database.db
    .insert(waveQuestionnaires)
    .values({ waveId: wave!.id, targetGroup, questionnaireVersionId: versionId });
  const roles = ['burgemeester', 'raadslid', 'wethouder'];
  const people = Array.from({ length: n }, (_, i) => ({
    waveId: wave!.id,
    targetGroup,
    name: `Persoon ${i} ${suffix}`,
    email: `persoon${i}.${suffix}@example.nl`,
    role: roles[i % roles.length]!,
    organisationId: randomUUID(),
    layer: 'gemeente',
    provinceCode: 'PV26',
    sizeClass: '20k-50k',
    gender: i % 2 ? 'vrouw' : 'man',
    strata: { district: `wijk-${i}` },
  }));
  const persons = [];
  for (let i = 0; i < people.length; i += 500)
    persons.push(
      ...(await database.db
        .insert(framePersons)
        .values(people.slice(i, i + 500))
        .returning()),
    );
  const tokens = persons.map(() => newLinkToken());
  const invs = [];
  for (let i = 0; i < persons.length; i += 500)
    invs.push(
      ...(await database.db
        .insert(invitations)
        .values(
          persons.slice(i, i + 500).map((p, j) => ({
            waveId: wave!.id,
            framePersonId: p.id,
            tokenHash: tokenHash(tokens[i + j]!),
            invitedAt: new Date(),
          })),
        )
        .returning()),
    );
  return {
    waveId: wave!.id,
    versionId,
    tokens,
    invitationIds: invs.map((i) => i.id),
    framePersonIds: persons.map((p) => p.id),
    emails: persons.map((p) => p.email),
    organisationIds: persons.map((p) => p.organisationId),
  };
}
