/**
 * Invitations (reminder rounds: ./reminders.ts; the mails: ./wave-mail.ts).
 *
 * A link token is 256 random bits (`newSecret`), put into the mail and forgotten: the invitations
 * table keeps only `hashSecret(token)`. The mail itself is queued through the mail module in the same
 * transaction as the invitation row, with the idempotency key `invitation:<invitationId>` (reminders:
 * `reminder:<invitationId>:<n>`), so a crash or restart never sends a message twice; delivery,
 * throttling, retries and bounces are the mail module's job.
 */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Config } from '../../platform/config/config.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { type JsonStatementParam, jsonStatement, rowFromJson } from '../../platform/db/json-statements.js';
import { AppError } from '../../platform/errors.js';
import { type QueueMailInput, queueMails } from '../../platform/mail/mail.js';
import type { FramePerson, Invitation, Wave } from './model.js';
import { mailKeysOf } from './opt-out-record.js';
import { minutesByTargetGroup } from './questionnaire-link.js';
import { framePersons, invitations, waves } from './schema.js';
import { langOf, linkFor, optOutLinkFor, organisationNames, renderWaveMail } from './wave-mail.js';
import { assertBeforeEnd, assertState, getWave, templatesOf } from './waves-service.js';

/** Tokens are base64url; anything else cannot be a link. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

export interface InvitationByToken {
  invitation: Invitation;
  wave: Wave;
  framePerson: FramePerson;
  /** The version the person's target group answers; undefined when none is attached (yet). */
  questionnaireVersionId: string | undefined;
}

/**
 * SQL for the invitation a link token's hash (the parameter `param`) belongs to: its current link, or
 * an earlier one a reminder round kept working (`invitation_links`, anonymous waves). Two index lookups.
 */
const invitationOfLink = (param: string) =>
  `select l.id from (select id, 0 as o from invitations where token_hash = ${param}
                      union all select invitation_id, 1 from invitation_links where token_hash = ${param}) l
    order by l.o limit 1`;

/**
 * The lookup of a link token: its invitation, wave, frame person and the questionnaire version of the
 * person's target group, as one prepared statement (the link pages run it on every request).
 * `extra`: SQL for one more value the caller computes alongside, from its own tables and its own
 * parameters ($2 on) — the answering pages find their response by its resume key in the same round
 * trip. The statement only puts side by side what the caller already holds the keys to.
 */
export function invitationLookup<Extra = null>(name: string, extra = 'null') {
  const statement = jsonStatement(
    name,
    `select json_build_object('invitation', to_json(i), 'wave', to_json(w), 'framePerson', to_json(f),
        'questionnaireVersionId', wq.questionnaire_version_id, 'extra', ${extra})::text
       from invitations i
       join waves w on w.id = i.wave_id
       join frame_persons f on f.id = i.frame_person_id
       left join wave_questionnaires wq on wq.wave_id = i.wave_id and wq.target_group = f.target_group
      where i.id = (${invitationOfLink('$1')})`,
  );
  return async (
    db: Database | DbOrTx,
    token: string,
    ...extraParams: JsonStatementParam[]
  ): Promise<(InvitationByToken & { extra: Extra }) | undefined> => {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const [row] = (await statement(db, [hashSecret(token), ...extraParams])) as Array<
      Record<string, any> | undefined
    >;
    return (
      row && {
        invitation: rowFromJson(invitations, row.invitation),
        wave: rowFromJson(waves, row.wave),
        framePerson: rowFromJson(framePersons, row.framePerson),
        questionnaireVersionId: row.questionnaireVersionId ?? undefined,
        extra: row.extra as Extra,
      }
    );
  };
}

/**
 * SQL that is true while the link token whose hash is the parameter `param` (e.g. '$5') leads to an
 * open wave: for a statement that may act only on a live link (the answering pages' one-statement
 * save puts it in its UPDATE, so that save needs no lookup of its own).
 */
export const linkIsOpenSql = (param: string) =>
  `exists (select 1 from invitations i join waves w on w.id = i.wave_id
            where i.id = (${invitationOfLink(param)}) and w.status = 'open'
              and (w.fieldwork_end is null or w.fieldwork_end >= (now() at time zone 'Europe/Amsterdam')::date))`;

/** The invitation a link token belongs to (the opt-out page; the answering pages use `invitationLookup`). */
export const findInvitationByToken: (
  db: Database | DbOrTx,
  token: string,
) => Promise<InvitationByToken | undefined> = invitationLookup('fieldwork_invitation_by_token');

/** Records that the person started or completed. Never goes back (completed stays completed). */
export async function markInvitationStatus(
  tx: DbOrTx,
  invitationId: string,
  status: 'started' | 'completed',
): Promise<void> {
  await tx
    .update(invitations)
    .set({ status })
    .where(
      and(
        eq(invitations.id, invitationId),
        ne(invitations.status, 'completed'),
        ...(status === 'started' ? [ne(invitations.status, 'started')] : []),
      ),
    );
}

// ---- mail: ./wave-mail.ts; reminder rounds: ./reminders.ts ----

export { type ReminderOptions, sendDueReminders, sendReminders } from './reminders.js';
export {
  continueText,
  keptText,
  langOf,
  linkFor,
  type MailParamsInput,
  optOutLinkFor,
  previewWaveMail,
  renderWaveMail,
} from './wave-mail.js';

// ---- invitations ----

export interface SendResult {
  /** Messages queued in this call. */
  queued: number;
  /** Still waiting (when a limit stopped this call). */
  remaining: number;
  /**
   * Reminders: non-respondents not reminded in this round because their stratum cell has 1–9
   * completions not recorded yet (anonymous waves; ./reminder-gate.ts). A later round reaches them.
   */
  deferred?: number;
}

const notInvited = sql`not exists (select 1 from ${invitations} where ${invitations.framePersonId} = ${framePersons.id})`;

/** Frame persons of a wave that have no invitation yet and did not opt out. */
async function pendingCount(db: DbOrTx, waveId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(framePersons)
    .where(and(eq(framePersons.waveId, waveId), isNull(framePersons.optedOutAt), notInvited));
  return r?.n ?? 0;
}

export const countPendingInvitations = pendingCount;

/** Invitations not completed yet: how many a reminder round may have to look at. */
export async function countUncompletedInvitations(db: DbOrTx, waveId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.waveId, waveId), ne(invitations.status, 'completed')));
  return r?.n ?? 0;
}

/**
 * Invites up to `batchSize` persons who have no invitation yet: creates the invitation (token hash)
 * and queues the mail, in one transaction per batch. Returns how many were queued. Safe to run
 * concurrently and again after a crash: a person gets one invitation (unique index) and one mail
 * (idempotency key).
 */
export async function inviteBatch(
  db: DbOrTx,
  config: Pick<Config, 'publicUrl'>,
  waveId: string,
  actor: Actor,
  batchSize = 500,
  /** Where the previous batch of this caller ended (frame person id); updated. Saves rescanning the frame. */
  cursor: { after?: string } = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    // A share lock: batches run side by side, a state change (FOR UPDATE) waits for them.
    await getWave(tx, waveId);
    await tx.execute(sql`select id from waves where id = ${waveId} for share`);
    const wave = await getWave(tx, waveId);
    assertState(wave, 'sending invitations', ['open']);
    assertBeforeEnd(wave, 'sending invitations');
    // `not exists`, not a left join: with FOR UPDATE the planner keeps a left join as a join and sorts the
    // whole frame for every batch; as an anti join it walks the frame by its key and stops after a batch.
    const persons = await tx
      .select({ p: framePersons })
      .from(framePersons)
      .where(
        and(
          eq(framePersons.waveId, waveId),
          isNull(framePersons.optedOutAt),
          notInvited,
          ...(cursor.after ? [sql`${framePersons.id} > ${cursor.after}`] : []),
        ),
      )
      .orderBy(asc(framePersons.id))
      .limit(batchSize)
      .for('update', { of: framePersons, skipLocked: true });
    if (persons.length === 0) return 0;
    cursor.after = persons[persons.length - 1]!.p.id;
    const templates = templatesOf(wave);
    const orgNames = await organisationNames(tx);
    const minutes = await minutesByTargetGroup(tx, waveId);
    const tokens = persons.map(() => newSecret());
    const created = await tx
      .insert(invitations)
      .values(
        persons.map(({ p }, i) => ({
          waveId,
          framePersonId: p.id,
          tokenHash: hashSecret(tokens[i]!),
          invitedAt: sql`now()` as any,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: invitations.id, framePersonId: invitations.framePersonId });
    const byPerson = new Map(created.map((c) => [c.framePersonId, c.id]));
    const mails: QueueMailInput[] = [];
    for (let i = 0; i < persons.length; i++) {
      const p = persons[i]!.p;
      const invitationId = byPerson.get(p.id);
      if (!invitationId) continue; // invited concurrently by someone else
      const lang = langOf(p);
      const token = tokens[i]!;
      const rendered = renderWaveMail(templates, 'invitation', lang, {
        name: p.name,
        link: linkFor(config, token, lang),
        optOutLink: optOutLinkFor(config, token, lang),
        organisation: orgNames.get(p.organisationId) ?? '',
        end: wave.fieldworkEnd,
        minutes: minutes.get(p.targetGroup),
      });
      mails.push({
        to: p.email,
        rendered,
        lang,
        idempotencyKey: mailKeysOf(invitationId, 0)[0]!,
        purpose: 'invitation',
        organisationId: p.organisationId,
        redactAfterSend: true,
      });
    }
    const queued = (await queueMails(tx, mails)).filter((m) => m.created).length;
    await audit(tx, actor, {
      action: 'wave.invitations.send',
      resourceType: 'wave',
      resourceId: waveId,
      diff: { invited: queued },
    });
    return queued;
  });
}

/**
 * Invites everyone pending, batch by batch (CLI, jobs, small frames inline). `parallel` batches run
 * side by side (PostgreSQL; on the embedded database there is one connection, so keep 1).
 */
export async function inviteAll(
  db: DbOrTx,
  config: Pick<Config, 'publicUrl'>,
  waveId: string,
  actor: Actor,
  onProgress?: (done: number, total: number) => void,
  batchSize = 500,
  parallel = 1,
): Promise<SendResult> {
  const total = await pendingCount(db, waveId);
  let done = 0;
  const worker = async () => {
    const cursor: { after?: string } = {};
    for (;;) {
      const n = await inviteBatch(db, config, waveId, actor, batchSize, cursor);
      if (n === 0) break;
      done += n;
      onProgress?.(done, total);
    }
  };
  // The first batch alone: it creates the mail queue if needed (concurrent first use of a pg-boss queue
  // deadlocks in create_queue), then the others side by side.
  const first = await inviteBatch(db, config, waveId, actor, batchSize);
  done += first;
  if (first > 0) onProgress?.(done, total);
  if (first === batchSize) await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return { queued: done, remaining: 0 };
}

// ---- opt-out: ./opt-out.ts ----

// The follow-up list: ./non-respondents.ts.
export { type NonRespondent, nonRespondents } from './non-respondents.js';
export { mailKeysOf } from './opt-out-record.js';

export async function invitationsOf(db: DbOrTx, waveId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.waveId, waveId), inArray(invitations.id, ids)));
}

export function assertToken(token: string): void {
  if (!TOKEN_PATTERN.test(token))
    throw new AppError('not-found', {
      detail: {
        nl: 'Deze link werkt niet. Controleer of u de hele link heeft gebruikt.',
        en: 'unknown link',
      },
    });
}
