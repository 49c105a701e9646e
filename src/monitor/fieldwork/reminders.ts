/**
 * Reminder rounds (links, tokens and invitations: ./invitations.ts; the mails: ./wave-mail.ts).
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
import type { DbOrTx } from '../../platform/db/database.js';
import { type QueueMailInput, queueMails } from '../../platform/mail/mail.js';
import { responseKeyFor } from '../answering/keys.js';
import type { SendResult } from './invitations.js';
import type { FramePerson, Invitation } from './model.js';
import { markOptOutsSeen, recordProgress } from './progress.js';
import { optOutHolds, type ReminderGate, reminderGate } from './reminder-gate.js';
import { framePersons, invitations, waves } from './schema.js';
import {
  continueText,
  keptText,
  langOf,
  linkFor,
  optOutLinkFor,
  organisationNames,
  renderWaveMail,
  replacedText,
} from './wave-mail.js';
import { assertBeforeEnd, assertState, getWave, lockWave, templatesOf } from './waves-service.js';

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
      // waves record it at the close: ./opt-out.ts).
      const due = selected.filter(({ i }) => statusOf(i) !== 'completed' && !gate?.optedOut.has(i.id));
      // Opt-outs this transaction would newly skip show who of a cell opted out: 1–9 defer the cell
      // too (./reminder-gate.ts); once a round skips them while reminding others there, they are seen.
      const newOptOuts = gate
        ? selected.filter(
            ({ i }) => statusOf(i) !== 'completed' && gate.optedOut.has(i.id) && !gate.seen.has(i.id),
          )
        : [];
      const held = gate
        ? optOutHolds(countByCell(newOptOuts.map(({ p }) => gate.cellOf(p))))
        : new Set<string>();
      const blocked = (p: FramePerson) =>
        gate !== undefined && (gate.deferred.has(gate.cellOf(p)) || held.has(gate.cellOf(p)));
      const rows = due.filter(({ p }) => !blocked(p));
      const deferred = due.length - rows.length;
      if (gate) {
        const reached = new Set(rows.map(({ p }) => gate.cellOf(p)));
        const shown = newOptOuts.filter(({ p }) => reached.has(gate.cellOf(p))).map(({ i }) => i.id);
        await markOptOutsSeen(tx, responseKeyFor(config), waveId, new Set(shown));
      }
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

function countByCell(cells: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
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
