/**
 * What the results domain reads for the letters to participating organisations (issue #15): the
 * completed organisation-policy responses with the organisation they are about (an organisation-policy
 * response always names its organisation, see ./schema.ts), and the contact persons of the
 * organisation-policy frame (the secretaris or griffier the letter is addressed to). Read-only.
 */
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { framePersons } from '../fieldwork/schema.js';
import type { Answers } from '../questionnaires/model.js';
import { responses } from './schema.js';

export interface OrganisationAnswers {
  organisationId: string;
  questionnaireVersionId: string;
  strata: Record<string, string>;
  answers: Answers;
}

/** One completed organisation-policy response per organisation (the latest, should there be two). */
export async function organisationPolicyAnswers(db: DbOrTx, waveId: string): Promise<OrganisationAnswers[]> {
  const rows = await db
    .select({
      organisationId: responses.organisationId,
      questionnaireVersionId: responses.questionnaireVersionId,
      strata: responses.strata,
      answers: responses.answers,
    })
    .from(responses)
    .where(
      and(
        eq(responses.waveId, waveId),
        eq(responses.targetGroup, 'organisation_policy'),
        eq(responses.status, 'completed'),
        isNotNull(responses.organisationId),
      ),
    )
    .orderBy(desc(responses.completedOn), desc(responses.id));
  const seen = new Set<string>();
  const out: OrganisationAnswers[] = [];
  for (const r of rows) {
    if (seen.has(r.organisationId!)) continue;
    seen.add(r.organisationId!);
    out.push({
      organisationId: r.organisationId!,
      questionnaireVersionId: r.questionnaireVersionId,
      strata: r.strata as Record<string, string>,
      answers: r.answers as Answers,
    });
  }
  return out;
}

export interface OrganisationContact {
  organisationId: string;
  name: string;
  email: string;
  role: string;
}

/**
 * The contact of each organisation in the wave's organisation-policy frame: the secretaris before the
 * griffier, then by name. Organisations whose frame rows were deleted (retention) have none.
 */
export async function organisationPolicyContacts(
  db: DbOrTx,
  waveId: string,
): Promise<Map<string, OrganisationContact>> {
  const rows = await db
    .select({
      organisationId: framePersons.organisationId,
      name: framePersons.name,
      email: framePersons.email,
      role: framePersons.role,
    })
    .from(framePersons)
    .where(and(eq(framePersons.waveId, waveId), eq(framePersons.targetGroup, 'organisation_policy')))
    .orderBy(asc(framePersons.role), asc(framePersons.name), asc(framePersons.id));
  const out = new Map<string, OrganisationContact>();
  // 'griffier' sorts before 'secretaris': take a secretaris when there is one
  for (const r of rows) {
    const had = out.get(r.organisationId);
    if (!had || (had.role !== 'secretaris' && r.role === 'secretaris')) out.set(r.organisationId, r);
  }
  return out;
}
