/**
 * Test fixture: an open wave with the built-in questionnaires (questionnaires/templates) for every
 * target group, and one invited person for every layer and role the templates fill texts for. Plain
 * inserts, like seed-wave.ts, so the tokens are known. Also the answers a test respondent gives
 * ("positive": the answers that open follow-up questions; "negative": the ones that skip them).
 */
import { randomUUID } from 'node:crypto';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { framePersons, invitations, waveQuestionnaires, waves } from '../fieldwork/schema.js';
import type { QuestionnaireDefinition, Section } from '../questionnaires/model.js';
import { findQuestionnaireByCode, getQuestionnaire, getVersionById } from '../questionnaires/service.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { newLinkToken, tokenHash } from './keys.js';
import type { FormValues } from './respondent-client.js';

export const layerRoles: Record<string, string[]> = {
  gemeente: ['burgemeester', 'wethouder', 'raadslid'],
  provincie: ['cdk', 'gedeputeerde', 'statenlid'],
  waterschap: ['dijkgraaf', 'lid_db', 'lid_ab'],
};

export const templateTargetGroups: Record<string, string> = {
  office_holders: 'office_holders',
  organisation_policy: 'organisation_policy',
  employees: 'employees',
};

export interface TemplatePerson {
  token: string;
  targetGroup: string;
  layer: string;
  role: string;
  lang: 'nl' | 'en';
}

export interface TemplateWave {
  waveId: string;
  /** questionnaire code → its published definition and the questionnaire id. */
  questionnaires: Map<string, { id: string; def: QuestionnaireDefinition }>;
  people: TemplatePerson[];
}

/** The published built-in questionnaires (loaded once per database). */
export async function builtInQuestionnaires(database: Database) {
  await loadTemplates(database.db, cliActor('test'));
  const out = new Map<string, { id: string; versionId: string; def: QuestionnaireDefinition }>();
  for (const code of Object.keys(templateTargetGroups)) {
    const q = await findQuestionnaireByCode(database.db, code);
    if (!q) throw new Error(`template ${code} not loaded`);
    const full = await getQuestionnaire(database.db, q.id);
    const versionId = full.versions.find((v) => v.status === 'published')!.id;
    out.set(code, { id: q.id, versionId, def: (await getVersionById(database.db, versionId)).definition });
  }
  return out;
}

export async function seedTemplateWave(
  database: Database,
  options: { anonymity?: 'anonymous' | 'confidential' | 'named'; lang?: 'nl' | 'en'; only?: string } = {},
): Promise<TemplateWave> {
  const qs = await builtInQuestionnaires(database);
  const suffix = randomUUID().slice(0, 8);
  const [wave] = await database.db
    .insert(waves)
    .values({
      code: `templates-${suffix}`,
      name: 'Monitor Integriteit en Veiligheid 2026',
      status: 'open',
      anonymity: options.anonymity ?? 'confidential',
    })
    .returning();
  const waveId = wave!.id;
  const rows: Array<typeof framePersons.$inferInsert> = [];
  for (const [code, targetGroup] of Object.entries(templateTargetGroups)) {
    if (options.only && options.only !== code) continue;
    await database.db
      .insert(waveQuestionnaires)
      .values({ waveId, targetGroup, questionnaireVersionId: qs.get(code)!.versionId });
    for (const [layer, roles] of Object.entries(layerRoles))
      for (const role of targetGroup === 'office_holders'
        ? roles
        : [targetGroup === 'employees' ? 'medewerker' : 'secretaris'])
        rows.push({
          waveId,
          targetGroup,
          name: `${role} ${layer} ${suffix}`,
          email: `${role}.${layer}.${suffix}@example.nl`,
          role,
          organisationId: randomUUID(),
          layer,
          provinceCode: 'PV26',
          sizeClass: '20k-50k',
          gender: 'vrouw',
          ageGroup: 'van_35_tot_50',
          strata: options.lang === 'en' ? { taal: 'en' } : {},
        });
  }
  const persons = await database.db.insert(framePersons).values(rows).returning();
  const tokens = persons.map(() => newLinkToken());
  await database.db.insert(invitations).values(
    persons.map((p, i) => ({
      waveId,
      framePersonId: p.id,
      tokenHash: tokenHash(tokens[i]!),
      invitedAt: new Date(),
    })),
  );
  return {
    waveId,
    questionnaires: new Map([...qs].map(([k, v]) => [k, { id: v.id, def: v.def }])),
    people: persons.map((p, i) => ({
      token: tokens[i]!,
      targetGroup: p.targetGroup,
      layer: p.layer!,
      role: p.role,
      lang: options.lang ?? 'nl',
    })),
  };
}

const NEGATIVE = new Set(['nee', 'nooit', 'weet_niet', 'geen', 'wil_niet_zeggen']);

/**
 * Answers to one section as a form post. "positive" picks the answers that open follow-up
 * questions (ja, or anything but nee / nooit / weet niet; every non-exclusive box with "anders,
 * namelijk" and its text); "negative" picks nee (or the first answer) and one box.
 */
export function sectionAnswers(section: Section, mode: 'positive' | 'negative'): FormValues {
  const out: FormValues = {};
  const pick = (options: Array<{ code: string }>) =>
    mode === 'negative'
      ? (options.find((o) => o.code === 'nee') ?? options[0]!).code
      : (options.find((o) => o.code === 'ja') ?? options.find((o) => !NEGATIVE.has(o.code)) ?? options[0]!)
          .code;
  for (const item of section.items) {
    switch (item.type) {
      case 'note':
        break;
      case 'single_choice': {
        const code = pick(item.options);
        out[item.code] = code;
        if (item.options.find((o) => o.code === code)?.other)
          out[`${item.code}_${code}_tekst`] = 'iets anders';
        break;
      }
      case 'multiple_choice': {
        const codes =
          mode === 'negative'
            ? [item.options[0]!.code]
            : item.options.filter((o) => !o.exclusive && !NEGATIVE.has(o.code)).map((o) => o.code);
        out[item.code] = codes;
        for (const o of item.options)
          if (o.other && codes.includes(o.code)) out[`${item.code}_${o.code}_tekst`] = 'iets anders';
        break;
      }
      case 'matrix':
        for (const row of item.rows)
          out[row.code] = item.multiple
            ? [item.options[0]!.code]
            : pick(item.options.filter((o) => !o.exclusive || mode === 'negative'));
        break;
      case 'number':
        out[item.code] = String(item.min !== undefined && item.min > 1 ? item.min : 1);
        break;
      case 'date':
        out[item.code] = '2026-01-15';
        break;
      case 'text':
        out[item.code] = 'een antwoord';
        break;
    }
  }
  return out;
}
