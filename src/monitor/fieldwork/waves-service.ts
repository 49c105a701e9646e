/**
 * Waves: create, update, attach questionnaire versions, and move through draft → open → closed →
 * archived. What may change in which state is decided here (and only here):
 *
 * | change                                   | draft | open | closed | archived |
 * |------------------------------------------|:-----:|:----:|:------:|:--------:|
 * | name, dates, reminder days, mail texts   |  yes  | yes  |   no   |    no    |
 * | anonymity, questionnaires                |  yes  |  no  |   no   |    no    |
 * | frame import                             |  yes  | yes  |   no   |    no    |
 * | invitations, reminders                   |  no   | yes  |   no   |    no    |
 *
 * Opening needs at least one questionnaire and a frame; closing stops the links (the answering
 * pages check the wave's status). Every change is audited in the same transaction.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { type Actor, audit, diffOf } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, type Localised } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs/jobs.js';
import { rewriteResponsesInRandomOrder } from '../responses/rewrite.js';
import { sealClosedWaveJob } from './jobs.js';
import {
  type Anonymity,
  checkTemplates,
  defaultMailTemplates,
  parseInput,
  pastEnd,
  type TargetGroup,
  targetGroups,
  transitions,
  type Wave,
  type WaveCreate,
  type WaveMailTemplates,
  type WaveStatus,
  type WaveTransition,
  type WaveUpdate,
  waveCreateSchema,
  waveUpdateSchema,
} from './model.js';
import { publishedVersion } from './questionnaire-link.js';
import { framePersons, waveQuestionnaires, waves } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

function validation(name: string, code: string, reason: Localised): AppError {
  return new AppError('validation', { detail: reason, invalidParams: [{ name, code, reason }] });
}

/** What a state check guards, by its English name (also the CLI's), with its Dutch. */
const stateActions = {
  'changing the anonymity': 'De anonimiteit wijzigen',
  'changing the wave': 'De meting wijzigen',
  'changing the questionnaires': 'De vragenlijsten wijzigen',
  'importing a frame': 'Een steekproefkader importeren',
  'clearing the frame': 'Het steekproefkader leegmaken',
  'sending invitations': 'Uitnodigingen versturen',
  'sending reminders': 'Herinneringen versturen',
  'recording fieldwork': 'Veldwerk vastleggen',
} as const;
export type StateAction = keyof typeof stateActions;

/** A wave's status as the end of "de meting is …". */
const statusNl: Record<WaveStatus, string> = {
  draft: 'een concept',
  open: 'open',
  closed: 'gesloten',
  archived: 'gearchiveerd',
};
const statusIsNl = (status: string) => statusNl[status as WaveStatus] ?? status;

function stateError(wave: Wave, what: StateAction, allowed: WaveStatus[]): AppError {
  return new AppError('conflict', {
    detail: {
      nl: `${stateActions[what]} kan nu niet, want de meting is ${statusIsNl(wave.status)}. Dat kan alleen als de meting ${allowed.map(statusIsNl).join(' of ')} is.`,
      en: `${what} is not possible while the wave is ${wave.status} (only when ${allowed.join(' or ')})`,
    },
    invalidParams: [
      {
        name: 'status',
        code: 'wrong_state',
        reason: { nl: `De meting is ${statusIsNl(wave.status)}.`, en: `wave is ${wave.status}` },
      },
    ],
  });
}

/** Throws 409 if the wave is past its end date (the links take no answers, so no mail goes out). */
export function assertBeforeEnd(wave: Wave, what: StateAction): void {
  if (!pastEnd(wave)) return;
  throw new AppError('conflict', {
    detail: {
      nl: `${stateActions[what]} kan nu niet, want de einddatum van het veldwerk (${wave.fieldworkEnd}) is voorbij: de links nemen geen antwoorden meer aan. Verleng eerst de einddatum.`,
      en: `${what} is not possible: the fieldwork ended on ${wave.fieldworkEnd} and the links take no answers; extend the end date first`,
    },
    invalidParams: [
      {
        name: 'fieldworkEnd',
        code: 'past_end',
        reason: {
          nl: `De einddatum ${wave.fieldworkEnd} is voorbij.`,
          en: `the end date ${wave.fieldworkEnd} has passed`,
        },
      },
    ],
  });
}

/** Throws 409 unless the wave is in one of the states. */
export function assertState(wave: Wave, what: StateAction, allowed: WaveStatus[]): void {
  if (!allowed.includes(wave.status as WaveStatus)) throw stateError(wave, what, allowed);
}

export const templatesOf = (wave: Pick<Wave, 'mailTemplates'>): WaveMailTemplates => {
  const t = (wave.mailTemplates ?? {}) as Partial<WaveMailTemplates>;
  return {
    invitation: { ...defaultMailTemplates.invitation, ...(t.invitation ?? {}) },
    reminder: { ...defaultMailTemplates.reminder, ...(t.reminder ?? {}) },
  };
};

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) {
    throw validation('fieldworkEnd', 'before_start', {
      nl: 'De einddatum van het veldwerk ligt vóór de begindatum. Kies een einddatum op of na de begindatum.',
      en: 'the fieldwork ends before it starts',
    });
  }
}

export async function getWave(db: DbOrTx, id: string): Promise<Wave> {
  const [wave] = isUuid(id) ? await db.select().from(waves).where(eq(waves.id, id)) : [];
  if (!wave)
    throw new AppError('not-found', {
      detail: { nl: `Er is geen meting ${id}. Controleer de link of het id.`, en: `no wave ${id}` },
    });
  return wave;
}

/** By id or by code (CLI). */
export async function findWave(db: DbOrTx, idOrCode: string): Promise<Wave> {
  if (isUuid(idOrCode)) return getWave(db, idOrCode);
  const [wave] = await db.select().from(waves).where(eq(waves.code, idOrCode));
  if (!wave)
    throw new AppError('not-found', {
      detail: {
        nl: `Er is geen meting met code ${idOrCode}. Controleer de code.`,
        en: `no wave with code ${idOrCode}`,
      },
    });
  return wave;
}

/** Locks the wave row for the rest of the transaction (state checks race-free). */
export async function lockWave(tx: DbOrTx, id: string): Promise<Wave> {
  await getWave(tx, id);
  await tx.execute(sql`select id from waves where id = ${id} for update`);
  return getWave(tx, id);
}

export interface WaveSummary extends Wave {
  framePersons: number;
  invited: number;
  completed: number;
}

export async function listWaves(db: DbOrTx): Promise<WaveSummary[]> {
  const rows = await db
    .select({
      wave: waves,
      framePersons: sql<number>`(select count(*)::int from frame_persons fp where fp.wave_id = "waves"."id")`,
      invited: sql<number>`(select count(*)::int from invitations i where i.wave_id = "waves"."id" and i.invited_at is not null)`,
      completed: sql<number>`(select count(*)::int from invitations i where i.wave_id = "waves"."id" and i.status = 'completed')`,
    })
    .from(waves)
    .orderBy(sql`${waves.createdAt} desc`, asc(waves.code));
  return rows.map((r) => ({
    ...r.wave,
    framePersons: r.framePersons,
    invited: r.invited,
    completed: r.completed,
  }));
}

export async function createWave(db: DbOrTx, input: WaveCreate, actor: Actor): Promise<Wave> {
  const data = parseInput(waveCreateSchema, input);
  checkDates(data.fieldworkStart, data.fieldworkEnd);
  const templates = data.mailTemplates ?? defaultMailTemplates;
  const problems = checkTemplates(templates);
  if (problems.length)
    throw new AppError('validation', { detail: problems[0]!.reason, invalidParams: problems });
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: waves.id }).from(waves).where(eq(waves.code, data.code));
    if (clash) {
      throw new AppError('conflict', {
        detail: {
          nl: `Er is al een meting met code ${data.code}. Kies een andere code.`,
          en: `a wave with code ${data.code} exists already`,
        },
        invalidParams: [
          {
            name: 'code',
            code: 'duplicate',
            reason: { nl: `Code ${data.code} is al in gebruik.`, en: `code ${data.code} is taken` },
          },
        ],
      });
    }
    const values = {
      code: data.code,
      name: data.name,
      anonymity: data.anonymity,
      fieldworkStart: data.fieldworkStart ?? null,
      fieldworkEnd: data.fieldworkEnd ?? null,
      reminderDays: [...new Set(data.reminderDays)].sort((a, b) => a - b),
      mailTemplates: templates,
      privacy: data.privacy ?? {},
    };
    const [wave] = await tx.insert(waves).values(values).returning();
    await audit(tx, actor, {
      action: 'wave.create',
      resourceType: 'wave',
      resourceId: wave!.id,
      diff: { ...values, mailTemplates: undefined },
    });
    return wave!;
  });
}

export async function updateWave(db: DbOrTx, id: string, input: WaveUpdate, actor: Actor): Promise<Wave> {
  const patch = parseInput(waveUpdateSchema, input);
  return db.transaction(async (tx) => {
    const before = await lockWave(tx, id);
    const status = before.status as WaveStatus;
    if (patch.anonymity !== undefined && patch.anonymity !== before.anonymity) {
      assertState(before, 'changing the anonymity', ['draft']);
      if (patch.anonymity === 'anonymous') await assertAnonymityFits(tx, id, 'anonymous');
    }
    const other = { ...patch, anonymity: undefined };
    if (Object.values(other).some((v) => v !== undefined) && !['draft', 'open'].includes(status)) {
      throw stateError(before, 'changing the wave', ['draft', 'open']);
    }
    checkDates(
      patch.fieldworkStart === undefined ? before.fieldworkStart : patch.fieldworkStart,
      patch.fieldworkEnd === undefined ? before.fieldworkEnd : patch.fieldworkEnd,
    );
    if (patch.mailTemplates) {
      const problems = checkTemplates(patch.mailTemplates);
      if (problems.length)
        throw new AppError('validation', { detail: problems[0]!.reason, invalidParams: problems });
    }
    const next: Partial<Wave> = {
      name: patch.name,
      anonymity: patch.anonymity,
      fieldworkStart: patch.fieldworkStart,
      fieldworkEnd: patch.fieldworkEnd,
      reminderDays:
        patch.reminderDays === undefined ? undefined : [...new Set(patch.reminderDays)].sort((a, b) => a - b),
      mailTemplates: patch.mailTemplates,
      privacy: patch.privacy,
    };
    const changes = diffOf(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const set = Object.fromEntries(Object.keys(changes).map((k) => [k, (next as any)[k]]));
    const [after] = await tx
      .update(waves)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(waves.id, id))
      .returning();
    if (changes.mailTemplates) changes.mailTemplates = ['…', 'changed'];
    await audit(tx, actor, { action: 'wave.update', resourceType: 'wave', resourceId: id, diff: changes });
    return after!;
  });
}

/** organisation_policy answers are never anonymous: such a wave is confidential or named. */
async function assertAnonymityFits(tx: DbOrTx, waveId: string, anonymity: Anonymity) {
  if (anonymity !== 'anonymous') return;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(waveQuestionnaires)
    .where(
      sql`${waveQuestionnaires.waveId} = ${waveId} and ${waveQuestionnaires.targetGroup} = 'organisation_policy'`,
    );
  if ((row?.n ?? 0) > 0) {
    throw validation('anonymity', 'policy_not_anonymous', {
      nl: 'Antwoorden over organisatiebeleid zijn nooit anoniem. Kies voor deze meting vertrouwelijk of op naam.',
      en: 'organisation-policy answers are never anonymous: choose confidential or named for this wave',
    });
  }
}

export interface WaveQuestionnaire {
  targetGroup: TargetGroup;
  questionnaireVersionId: string;
}

export async function waveQuestionnairesOf(db: DbOrTx, waveId: string): Promise<WaveQuestionnaire[]> {
  const rows = await db
    .select()
    .from(waveQuestionnaires)
    .where(eq(waveQuestionnaires.waveId, waveId))
    .orderBy(asc(waveQuestionnaires.targetGroup));
  return rows.map((r) => ({
    targetGroup: r.targetGroup as TargetGroup,
    questionnaireVersionId: r.questionnaireVersionId,
  }));
}

/**
 * Attaches a published questionnaire version to a target group (replacing the one attached before),
 * or detaches it (`versionId` null). Draft waves only.
 */
export async function setWaveQuestionnaire(
  db: DbOrTx,
  waveId: string,
  targetGroup: string,
  versionId: string | null,
  actor: Actor,
): Promise<WaveQuestionnaire[]> {
  if (!(targetGroups as readonly string[]).includes(targetGroup)) {
    throw validation('targetGroup', 'invalid_enum_value', {
      nl: `Deze doelgroep bestaat niet. Kies een van deze: ${targetGroups.join(', ')}.`,
      en: `target group must be one of ${targetGroups.join(', ')}`,
    });
  }
  return db.transaction(async (tx) => {
    const wave = await lockWave(tx, waveId);
    assertState(wave, 'changing the questionnaires', ['draft']);
    const [before] = await tx
      .select()
      .from(waveQuestionnaires)
      .where(
        sql`${waveQuestionnaires.waveId} = ${waveId} and ${waveQuestionnaires.targetGroup} = ${targetGroup}`,
      );
    if (versionId === null) {
      if (before) {
        await tx
          .delete(waveQuestionnaires)
          .where(
            sql`${waveQuestionnaires.waveId} = ${waveId} and ${waveQuestionnaires.targetGroup} = ${targetGroup}`,
          );
      }
    } else {
      if (!isUuid(versionId))
        throw validation('questionnaireVersionId', 'invalid_uuid', {
          nl: 'Dit is geen geldig id van een vragenlijstversie.',
          en: 'not a version id',
        });
      const version = await publishedVersion(tx, versionId);
      if (!version) {
        throw validation('questionnaireVersionId', 'unknown_version', {
          nl: `Er is geen vragenlijstversie ${versionId}. Kies een bestaande versie.`,
          en: `no questionnaire version ${versionId}`,
        });
      }
      if (!version.published) {
        throw validation('questionnaireVersionId', 'not_published', {
          nl: `Versie ${version.label} is nog niet gepubliceerd. U kunt alleen gepubliceerde versies gebruiken in een meting.`,
          en: `version ${version.label} is not published; only published versions can be used in a wave`,
        });
      }
      if (targetGroup === 'organisation_policy' && wave.anonymity === 'anonymous') {
        throw validation('anonymity', 'policy_not_anonymous', {
          nl: 'Antwoorden over organisatiebeleid zijn nooit anoniem. Maak de meting eerst vertrouwelijk of op naam.',
          en: 'organisation-policy answers are never anonymous: make the wave confidential or named first',
        });
      }
      await tx
        .insert(waveQuestionnaires)
        .values({ waveId, targetGroup, questionnaireVersionId: versionId })
        .onConflictDoUpdate({
          target: [waveQuestionnaires.waveId, waveQuestionnaires.targetGroup],
          set: { questionnaireVersionId: versionId },
        });
    }
    await audit(tx, actor, {
      action: 'wave.questionnaire',
      resourceType: 'wave',
      resourceId: waveId,
      diff: { [targetGroup]: [before?.questionnaireVersionId ?? null, versionId] },
    });
    return waveQuestionnairesOf(tx, waveId);
  });
}

const transitionTarget: Record<WaveTransition, WaveStatus> = {
  open: 'open',
  reopen: 'open',
  close: 'closed',
  archive: 'archived',
};

/** Moves the wave to its next state, if the rules allow it. */
export async function transitionWave(
  db: DbOrTx,
  id: string,
  transition: WaveTransition,
  actor: Actor,
): Promise<Wave> {
  const target = transitionTarget[transition];
  if (!target)
    throw validation('transition', 'invalid_enum_value', {
      nl: `Onbekende stap: ${transition}. Kies open, reopen, close of archive.`,
      en: `unknown transition ${transition}`,
    });
  return db.transaction(async (tx) => {
    const wave = await lockWave(tx, id);
    const from = wave.status as WaveStatus;
    if (!transitions[from].includes(target) || (transition === 'open' && from !== 'draft')) {
      const verbNl = target === 'closed' ? 'sluiten' : target === 'archived' ? 'archiveren' : 'openen';
      throw new AppError('conflict', {
        detail: {
          nl: `De meting is ${statusIsNl(from)}. U kunt hem daarom niet ${verbNl}.`,
          en: `a ${from} wave cannot be ${target === 'closed' ? 'closed' : target === 'archived' ? 'archived' : 'opened'}`,
        },
        invalidParams: [
          {
            name: 'status',
            code: 'wrong_state',
            reason: { nl: `De meting is ${statusIsNl(from)}.`, en: `wave is ${from}` },
          },
        ],
      });
    }
    if (target === 'open') {
      const qs = await waveQuestionnairesOf(tx, id);
      if (qs.length === 0) {
        throw new AppError('conflict', {
          detail: {
            nl: 'Er is nog geen vragenlijst gekoppeld. Koppel minstens één gepubliceerde vragenlijst en open de meting daarna.',
            en: 'attach at least one published questionnaire before opening the wave',
          },
          invalidParams: [
            {
              name: 'questionnaires',
              code: 'required',
              reason: { nl: 'Er is geen vragenlijst gekoppeld.', en: 'no questionnaire attached' },
            },
          ],
        });
      }
      const [frame] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(framePersons)
        .where(eq(framePersons.waveId, id));
      if ((frame?.n ?? 0) === 0) {
        throw new AppError('conflict', {
          detail: {
            nl: 'Het steekproefkader is leeg. Importeer eerst een kader en open de meting daarna.',
            en: 'import a sample frame before opening the wave',
          },
          invalidParams: [
            {
              name: 'frame',
              code: 'required',
              reason: { nl: 'Het steekproefkader is leeg.', en: 'the frame is empty' },
            },
          ],
        });
      }
      // Every frame person's target group needs a questionnaire.
      const groups = await tx
        .selectDistinct({ g: framePersons.targetGroup })
        .from(framePersons)
        .where(eq(framePersons.waveId, id));
      const missing = groups.map((g) => g.g).filter((g) => !qs.some((q) => q.targetGroup === g));
      if (missing.length) {
        throw new AppError('conflict', {
          detail: {
            nl: `Het kader heeft personen in ${missing.join(', ')}, maar daarvoor is geen vragenlijst gekoppeld. Koppel een vragenlijst voor deze doelgroep.`,
            en: `the frame has persons in ${missing.join(', ')} but no questionnaire is attached for it`,
          },
          invalidParams: missing.map((g) => ({
            name: `questionnaires.${g}`,
            code: 'required',
            reason: { nl: 'Er is geen vragenlijst gekoppeld.', en: 'missing' },
          })),
        });
      }
    }
    const set: Partial<Wave> & Record<string, unknown> = { status: target, updatedAt: sql`now()` as any };
    if (target === 'open' && !wave.openedAt) set.openedAt = sql`now()` as any;
    if (target === 'closed') set.closedAt = sql`now()` as any;
    if (target === 'open' && from === 'closed') set.closedAt = null;
    const [after] = await tx.update(waves).set(set).where(eq(waves.id, id)).returning();
    // Anonymous responses lose their order of answering (docs/anonymity.md, "Order and timing").
    if (target === 'closed' && wave.anonymity === 'anonymous') {
      await rewriteResponsesInRandomOrder(tx, id);
      // After the commit: record all progress, rewrite the invitations, compact the tables (./jobs.ts).
      await enqueue(tx, sealClosedWaveJob, { waveId: id });
    }
    await audit(tx, actor, {
      action: `wave.${transition}`,
      resourceType: 'wave',
      resourceId: id,
      diff: { status: [from, target] },
    });
    return after!;
  });
}
