/**
 * Fieldwork recorded in bulk instead of answered link by link: the demo waves and benchmarks load
 * thousands of completed responses this way. It writes what answering would have written (an
 * invitation per frame person, completed for those who responded; an anonymous response row with
 * the standard strata of docs/anonymity.md), in a few statements instead of one transaction per save.
 *
 * The invitation tokens are random and thrown away (no one can open these links), and the responses
 * are written in the order given, then shuffled when the wave closes like any anonymous wave.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { tokenHash } from '../answering/keys.js';
import { loadDefinition } from '../answering/questionnaire-source.js';
import { responseIdentity } from '../answering/strata.js';
import type { Answers } from '../questionnaires/model.js';
import { variablesOf } from '../questionnaires/model.js';
import { type TargetGroup, targetGroups } from './model.js';
import { framePersons } from './schema.js';
import { assertState, lockWave, waveQuestionnairesOf } from './waves-service.js';

export interface RecordedResponse {
  /** The frame person who responded (their invitation is marked completed; the response is anonymous). */
  email: string;
  answers: Answers;
  /** YYYY-MM-DD; responses keep only the day. */
  completedOn: string;
}

export interface RecordedFieldwork {
  invited: number;
  completed: number;
}

const CHUNK = 2000;

function problem(nl: string, en: string): AppError {
  return new AppError('validation', { detail: { nl, en } });
}

/** Records the invitations and completed responses of one target group of an open wave. */
export async function recordCompletedFieldwork(
  db: DbOrTx,
  waveId: string,
  targetGroup: string,
  completed: readonly RecordedResponse[],
  actor: Actor,
): Promise<RecordedFieldwork> {
  if (!(targetGroups as readonly string[]).includes(targetGroup))
    throw problem(`Onbekende doelgroep: ${targetGroup}.`, `unknown target group ${targetGroup}`);
  return db.transaction(async (tx) => {
    const wave = await lockWave(tx, waveId);
    assertState(wave, 'recording fieldwork', ['open']);
    const link = (await waveQuestionnairesOf(tx, waveId)).find((q) => q.targetGroup === targetGroup);
    if (!link)
      throw problem(
        `Er is geen vragenlijst gekoppeld voor ${targetGroup}.`,
        `no questionnaire is attached for ${targetGroup}`,
      );
    const def = await loadDefinition(tx, link.questionnaireVersionId);
    if (!def) throw problem('De vragenlijst is niet gevonden.', 'the questionnaire version was not found');
    const known = new Set(variablesOf(def).map((v) => v.code));
    const persons = await tx
      .select()
      .from(framePersons)
      .where(and(eq(framePersons.waveId, waveId), eq(framePersons.targetGroup, targetGroup as TargetGroup)));
    const byEmail = new Map(persons.map((p) => [p.email.toLowerCase(), p]));
    const done = new Set<string>();
    for (const r of completed) {
      const email = r.email.toLowerCase();
      if (!byEmail.has(email) || done.has(email))
        throw problem(
          `${r.email} staat niet (of twee keer) in het kader van ${targetGroup}.`,
          `${r.email} is not in the ${targetGroup} frame, or responds twice`,
        );
      done.add(email);
      for (const code of Object.keys(r.answers))
        if (!known.has(code))
          throw problem(`Onbekende vraagcode: ${code}.`, `unknown item code ${code} in the answers`);
    }
    const invitedAt = `${wave.fieldworkStart ?? new Date().toISOString().slice(0, 10)}T08:00:00Z`;
    const invitationRows = persons.map((p) => ({
      frame_person_id: p.id,
      token_hash: tokenHash(randomBytes(24).toString('base64url')),
      status: done.has(p.email.toLowerCase()) ? 'completed' : 'not_started',
    }));
    for (let i = 0; i < invitationRows.length; i += CHUNK)
      await tx.execute(sql`
        insert into invitations (wave_id, frame_person_id, token_hash, status, invited_at)
        select ${waveId}::uuid, r.frame_person_id, r.token_hash, r.status, ${invitedAt}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(invitationRows.slice(i, i + CHUNK))}::jsonb)
          as r(frame_person_id uuid, token_hash text, status text)`);
    const responseRows = completed.map((r) => {
      const identity = responseIdentity(wave.anonymity, byEmail.get(r.email.toLowerCase())!);
      return {
        resume_key_hash: tokenHash(randomBytes(24).toString('base64url')),
        strata: identity.strata,
        organisation_id: identity.organisationId,
        frame_person_id: identity.framePersonId,
        answers: r.answers,
        day: r.completedOn,
      };
    });
    for (let i = 0; i < responseRows.length; i += CHUNK)
      await tx.execute(sql`
        insert into responses (wave_id, target_group, questionnaire_version_id, resume_key_hash, strata,
          organisation_id, frame_person_id, answers, status, current_section, started_on, completed_on)
        select ${waveId}::uuid, ${targetGroup}, ${link.questionnaireVersionId}::uuid, r.resume_key_hash,
          r.strata, r.organisation_id, r.frame_person_id, r.answers, 'completed', ${def.sections.length},
          r.day::date, r.day::date
        from jsonb_to_recordset(${JSON.stringify(responseRows.slice(i, i + CHUNK))}::jsonb)
          as r(resume_key_hash text, strata jsonb, organisation_id uuid, frame_person_id uuid,
               answers jsonb, day text)`);
    await audit(tx, actor, {
      action: 'wave.fieldwork.record',
      resourceType: 'wave',
      resourceId: waveId,
      diff: { targetGroup, invited: persons.length, completed: completed.length },
    });
    return { invited: persons.length, completed: completed.length };
  });
}
