/**
 * Invitations and reminders.
 *
 * A link token is 256 random bits (`newSecret`), put into the mail and forgotten: the invitations
 * table keeps only `hashSecret(token)`. The mail itself is queued through the mail module in the same
 * transaction as the invitation row, with the idempotency key `invitation:<invitationId>` (reminders:
 * `reminder:<invitationId>:<n>`), so a crash or restart never sends a message twice; delivery,
 * throttling, retries and bounces are the mail module's job.
 *
 * Reminders: since the token is not kept, a reminder carries a new link. In confidential and named
 * waves only to someone who has not started (the token is replaced: the old link stops working, the
 * mail says so); someone who started keeps the link they have (a new one would lose their saved
 * answers, which are found only through it), and the reminder asks them to continue with it. In
 * anonymous waves everyone reminded gets a new link and the same text, and earlier links keep working
 * (`invitation_links`), so a round does not write who had started; and a round reaches a stratum
 * cell only when 0 or at least 10 of its completions wait (./reminder-gate.ts, docs/anonymity.md).
 */
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Config } from '../../platform/config/config.js';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { type JsonStatementParam, jsonStatement, rowFromJson } from '../../platform/db/json-statements.js';
import { AppError, type Lang } from '../../platform/errors.js';
import { type QueueMailInput, queueMails } from '../../platform/mail/mail.js';
import { renderMail } from '../../platform/mail/templates.js';
import { responseKeyFor } from '../answering/keys.js';
import { organisationsByCode } from './frame-service.js';
import type { FramePerson, Invitation, Wave, WaveMailTemplates } from './model.js';
import { mailKeysOf } from './opt-out-record.js';
import { recordProgress, waitingMarks } from './progress.js';
import { minutesByTargetGroup } from './questionnaire-link.js';
import { type ReminderGate, reminderGate } from './reminder-gate.js';
import { framePersons, invitations, waves } from './schema.js';
import { type UndeliveredPerson, undeliveredByPerson } from './undelivered.js';
import { assertBeforeEnd, assertState, getWave, lockWave, templatesOf } from './waves-service.js';

/** The personal link; for a person who reads English it opens the questionnaire in English. */
export const linkFor = (config: Pick<Config, 'publicUrl'>, token: string, lang: Lang = 'nl') =>
  `${config.publicUrl}/r/${token}${lang === 'en' ? '?lang=en' : ''}`;
export const optOutLinkFor = (config: Pick<Config, 'publicUrl'>, token: string, lang: Lang = 'nl') =>
  `${config.publicUrl}/r/${token}/afmelden${lang === 'en' ? '?lang=en' : ''}`;

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

// ---- mail ----

// Made once: constructing an Intl.DateTimeFormat costs more than rendering a whole mail.
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};
const dateText = (iso: string | null, lang: Lang) =>
  iso
    ? dateFormats[lang].format(new Date(`${iso}T00:00:00Z`))
    : lang === 'nl'
      ? 'het einde van het onderzoek'
      : 'the end of the study';

export const continueText: Record<Lang, string> = {
  nl: 'U bent al begonnen. Ga verder met de link uit onze eerste e-mail; uw antwoorden zijn bewaard.',
  en: 'You have already started. Continue with the link in our first e-mail; your answers have been saved.',
};
const replacedText: Record<Lang, string> = {
  nl: 'Dit is uw persoonlijke link (deze vervangt de link uit de eerdere e-mail):',
  en: 'This is your personal link (it replaces the link in the earlier e-mail):',
};
/** Anonymous waves: everyone reminded gets this text and a new link; earlier links keep working. */
export const keptText: Record<Lang, string> = {
  nl: 'Bent u al begonnen? Ga dan verder met de link uit de e-mail waarmee u begon: uw antwoorden staan daar. Nog niet begonnen? Dan is dit uw persoonlijke link:',
  en: 'Have you already started? Then continue with the link in the e-mail you started with: your answers are there. Not started yet? This is your personal link:',
};

/** The language of a frame person's mail: a `taal`/`language` column with `en`, else Dutch. */
export function langOf(p: Pick<FramePerson, 'strata'>): Lang {
  const s = (p.strata ?? {}) as Record<string, string>;
  const v = (s.taal ?? s.language ?? s.lang ?? '').toLowerCase();
  return v === 'en' || v === 'engels' || v === 'english' ? 'en' : 'nl';
}

export interface MailParamsInput {
  name: string;
  link: string;
  optOutLink: string;
  organisation: string;
  end: string | null;
  /** Minutes to answer, from the person's questionnaire (questionnaires/progress.ts); unknown: "a few". */
  minutes?: number;
}

/** Renders one of the wave's mails (also for the preview). */
export function renderWaveMail(
  templates: WaveMailTemplates,
  kind: 'invitation' | 'reminder',
  lang: Lang,
  p: MailParamsInput,
) {
  const t = templates[kind];
  return renderMail(
    {
      subject: { nl: t.nl.subject, en: t.en.subject },
      text: { nl: t.nl.body, en: t.en.body },
      // Only our links are links; a name or organisation with a URL in it stays text (issue 13, row 13).
      links: ['link', 'afmeldlink'],
    },
    lang,
    {
      naam: p.name,
      link: p.link,
      afmeldlink: p.optOutLink,
      organisatie: p.organisation,
      einddatum: dateText(p.end, lang),
      minuten: p.minutes === undefined ? (lang === 'nl' ? 'enkele' : 'a few') : String(p.minutes),
    },
  );
}

/** The preview: example values, with a visibly fake link. */
export function previewWaveMail(
  wave: Wave,
  kind: 'invitation' | 'reminder',
  lang: Lang,
  config: Pick<Config, 'publicUrl'>,
  /** The minutes of the wave's questionnaire (waveMinutes), as the invitation will say. */
  minutes?: number,
) {
  const example = `${config.publicUrl}/r/VOORBEELD-voorbeeld-VOORBEELD`;
  return renderWaveMail(templatesOf(wave), kind, lang, {
    name: lang === 'nl' ? 'mevrouw J. de Vries' : 'Ms J. de Vries',
    link: example,
    optOutLink: `${example}/afmelden`,
    organisation: 'Gemeente Utrecht',
    end: wave.fieldworkEnd,
    minutes,
  });
}

/** Organisation names by id, for the `{organisatie}` placeholder: one query, not one per person. */
async function organisationNames(db: DbOrTx): Promise<Map<string, string>> {
  return new Map([...(await organisationsByCode(db)).values()].map((o) => [o.id, o.name]));
}

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

// ---- reminders ----

export interface ReminderOptions {
  /** `due`: per the wave's schedule (the scheduled job); `now`: everyone eligible (the button). */
  mode: 'due' | 'now';
  /** `now` skips persons mailed less than this many hours ago (default 1: a double click sends nothing twice). */
  minHoursSinceLast?: number;
  batchSize?: number;
  /** For tests: the moment to compute due dates against. */
  at?: Date;
}

/**
 * Sends reminders to invited persons who have not completed and did not opt out. One transaction per
 * batch; the key `reminder:<invitation>:<n>` and the `reminders_sent` counter (updated in the same
 * transaction) make a rerun after a crash send nothing twice.
 */
export async function sendReminders(
  db: DbOrTx,
  config: Config,
  waveId: string,
  actor: Actor,
  options: ReminderOptions,
): Promise<SendResult> {
  const batchSize = options.batchSize ?? 500;
  const wave = await getWave(db, waveId);
  assertState(wave, 'sending reminders', ['open']);
  assertBeforeEnd(wave, 'sending reminders');
  const at = options.at ?? new Date();
  let total = 0;
  let deferredTotal = 0;
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { sent, last, deferred } = await db.transaction(async (tx) => {
      const w = await lockWave(tx, waveId);
      assertState(w, 'sending reminders', ['open']);
      assertBeforeEnd(w, 'sending reminders');
      // A round dates "not completed" for everyone it reminds. In an anonymous wave it is an event of
      // each cell it reaches (./reminder-gate.ts): first the cells with at least 10 waiting completions
      // are recorded (a batch, in this transaction); a cell with 1–9 waiting gets no reminder now.
      let gate: ReminderGate | undefined;
      if (w.anonymity === 'anonymous') {
        const key = responseKeyFor(config);
        await recordProgress(tx, key, waveId);
        gate = await reminderGate(tx, key, w);
      }
      const days = w.reminderDays ?? [];
      const conds = [
        eq(invitations.waveId, waveId),
        ne(invitations.status, 'completed'),
        isNotNull(invitations.invitedAt),
        isNull(framePersons.optedOutAt),
        sql`${invitations.id} > ${lastId}`,
      ];
      if (options.mode === 'due') {
        if (days.length === 0) return { sent: 0, last: undefined, deferred: 0 };
        // The n-th reminder (n = reminders_sent + 1) is due reminderDays[n-1] days after the invitation.
        conds.push(
          sql`${invitations.remindersSent} < ${days.length} and ${invitations.invitedAt} + make_interval(days => (${sql.raw(`'{${days.join(',')}}'`)}::int[])[${invitations.remindersSent} + 1]) <= ${at.toISOString()}::timestamptz`,
        );
      } else {
        const hours = options.minHoursSinceLast ?? 1;
        conds.push(
          sql`coalesce(${invitations.lastRemindedAt}, '-infinity'::timestamptz) <= ${at.toISOString()}::timestamptz - make_interval(hours => ${hours})`,
        );
      }
      const select = () =>
        tx
          .select({ i: invitations, p: framePersons })
          .from(invitations)
          .innerJoin(framePersons, eq(framePersons.id, invitations.framePersonId))
          .where(and(...conds))
          .orderBy(asc(invitations.id))
          .limit(batchSize)
          // The frame persons too: an opt-out waits for this batch (and then cancels its mail), or this
          // batch waits for the opt-out and no longer selects the person.
          .for('update', { of: [invitations, framePersons] });
      const selected = await select();
      if (selected.length === 0) return { sent: 0, last: undefined, deferred: 0 };
      const lastSelected = selected[selected.length - 1]!.i.id;
      // A reminder must know who started (they keep their link) and who completed (they get none). In an
      // anonymous wave that may still wait in sealed marks (below the minimum of a batch): the gate read
      // them in memory without recording them. The wave's lock waits for starts and completions in
      // progress (they hold it shared), so no mark arrives meanwhile.
      const waiting: Map<string, string> = gate?.waiting ?? new Map();
      const statusOf = (i: Invitation) => waiting.get(i.id) ?? i.status;
      // Whoever opted out gets nothing from now on, also while their opt-out waits in a mark (anonymous
      // waves record it with a batch: ./opt-out.ts).
      const due = selected.filter(({ i }) => statusOf(i) !== 'completed' && !gate?.optedOut.has(i.id));
      const rows = gate ? due.filter(({ p }) => !gate.deferred.has(gate.cellOf(p))) : due;
      const deferred = due.length - rows.length;
      if (rows.length === 0) return { sent: 0, last: lastSelected, deferred };
      const templates = templatesOf(w);
      const orgNames = await organisationNames(tx);
      // Who has not started gets a new link (the rows are locked, so their status holds). In an
      // anonymous wave everyone reminded does, and the link they had keeps working: a round that
      // treated starters differently would write who had started (docs/anonymity.md).
      const keep = gate !== undefined;
      const fresh = new Map(
        rows.filter(({ i }) => keep || statusOf(i) === 'not_started').map(({ i }) => [i.id, newSecret()]),
      );
      if (fresh.size > 0) {
        const hashes = [...fresh].map(([id, token]) => ({ id, hash: hashSecret(token) }));
        if (keep)
          await tx.execute(sql`
            insert into invitation_links (token_hash, invitation_id, wave_id)
            select i.token_hash, i.id, i.wave_id from invitations i
              join jsonb_to_recordset(${JSON.stringify(hashes)}::jsonb) as r(id uuid, hash text) on r.id = i.id
            on conflict do nothing`);
        await tx.execute(sql`
          update invitations set token_hash = r.hash
            from jsonb_to_recordset(${JSON.stringify(hashes)}::jsonb) as r(id uuid, hash text)
           where invitations.id = r.id`);
      }
      const mails: QueueMailInput[] = rows.map(({ i, p }) => {
        const lang = langOf(p);
        const token = fresh.get(i.id);
        const rendered = renderWaveMail(templates, 'reminder', lang, {
          name: p.name,
          link: token
            ? `${(keep ? keptText : replacedText)[lang]}\n${linkFor(config, token, lang)}`
            : continueText[lang],
          optOutLink: token
            ? optOutLinkFor(config, token, lang)
            : lang === 'nl'
              ? '(via de link in onze eerste e-mail)'
              : '(through the link in our first e-mail)',
          organisation: orgNames.get(p.organisationId) ?? '',
          end: w.fieldworkEnd,
        });
        return {
          to: p.email,
          rendered,
          lang,
          idempotencyKey: `reminder:${i.id}:${i.remindersSent + 1}`,
          purpose: 'reminder',
          organisationId: p.organisationId,
          redactAfterSend: true,
        };
      });
      const sent = (await queueMails(tx, mails)).filter((q) => q.created).length;
      await tx
        .update(invitations)
        .set({ remindersSent: sql`${invitations.remindersSent} + 1`, lastRemindedAt: sql`now()` })
        .where(
          inArray(
            invitations.id,
            rows.map(({ i }) => i.id),
          ),
        );
      if (sent > 0 || deferred > 0) {
        await audit(tx, actor, {
          action: 'wave.reminders.send',
          resourceType: 'wave',
          resourceId: waveId,
          diff: { reminded: sent, deferred, mode: options.mode },
        });
      }
      return { sent, last: lastSelected, deferred };
    });
    total += sent;
    deferredTotal += deferred;
    if (!last) break;
    lastId = last;
  }
  return { queued: total, remaining: 0, deferred: deferredTotal };
}

/**
 * Every open wave's due reminders (the scheduled job), or one wave's (the progress job, right after it
 * recorded a batch: reminders a cell's waiting completions deferred go out then; ./reminder-gate.ts).
 */
export async function sendDueReminders(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  waveId?: string,
): Promise<number> {
  // Waves past their end date send nothing (their links take no answers).
  const open = await db
    .select({ id: waves.id })
    .from(waves)
    .where(
      sql`${waves.status} = 'open' and (${waves.fieldworkEnd} is null or ${waves.fieldworkEnd} >= (now() at time zone 'Europe/Amsterdam')::date) and cardinality(${waves.reminderDays}) > 0 ${waveId ? sql`and ${waves.id} = ${waveId}` : sql``}`,
    );
  let n = 0;
  for (const w of open) n += (await sendReminders(db, config, w.id, actor, { mode: 'due' })).queued;
  return n;
}

// ---- opt-out: ./opt-out.ts ----

export { mailKeysOf } from './opt-out-record.js';

// ---- non-respondents ----

export interface NonRespondent {
  name: string;
  email: string;
  role: string;
  organisationId: string;
  layer: string;
  /** not_invited | not_started | started */
  status: string;
  remindersSent: number;
  invitedAt: Date | null;
  strata: Record<string, string>;
  /** The latest invitation or reminder that did not arrive (bounced, failed for good), if any. */
  undelivered: Pick<UndeliveredPerson, 'reminder' | 'status' | 'reason' | 'at'> | null;
}

/**
 * Everyone in the frame who has not completed and did not opt out, for phone or paper follow-up. With
 * the server key, an anonymous wave's waiting opt-outs count too — except of whoever has a completion
 * waiting as well: leaving them out would show who completed a moment ago (docs/anonymity.md).
 */
export async function nonRespondents(
  db: DbOrTx,
  waveId: string,
  serverKey?: Buffer,
): Promise<NonRespondent[]> {
  const wave = await getWave(db, waveId);
  const waiting =
    serverKey && wave.anonymity === 'anonymous' ? await waitingMarks(db, serverKey, waveId) : undefined;
  const optedOut = (invitationId: string | undefined) =>
    invitationId !== undefined &&
    waiting?.optedOut.has(invitationId) === true &&
    waiting.progress.get(invitationId) !== 'completed';
  const rows = await db
    .select({ p: framePersons, i: invitations })
    .from(framePersons)
    .leftJoin(invitations, eq(invitations.framePersonId, framePersons.id))
    .where(
      and(
        eq(framePersons.waveId, waveId),
        isNull(framePersons.optedOutAt),
        sql`coalesce(${invitations.status}, 'not_invited') <> 'completed'`,
      ),
    )
    .orderBy(asc(framePersons.layer), asc(framePersons.organisationId), asc(framePersons.name));
  const undelivered = await undeliveredByPerson(db, waveId);
  return rows
    .filter(({ i }) => !optedOut(i?.id))
    .map(({ p, i }) => ({
      name: p.name,
      email: p.email,
      role: p.role,
      organisationId: p.organisationId,
      layer: p.layer,
      status: i?.status ?? 'not_invited',
      remindersSent: i?.remindersSent ?? 0,
      invitedAt: i?.invitedAt ?? null,
      strata: (p.strata ?? {}) as Record<string, string>,
      undelivered: undelivered.get(p.id) ?? null,
    }));
}

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
