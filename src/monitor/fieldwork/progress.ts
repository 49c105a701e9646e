/**
 * Invitation progress in anonymous waves, recorded in batches (docs/anonymity.md, "Progress in
 * batches").
 *
 * Starting and completing write a response row. If the same moment also updated the person's
 * invitation, the two row versions would carry neighbouring transaction ids (`xmin`) and sit in the
 * table files side by side: a copy of the database would pair every response with its person. So the
 * answering transaction writes no invitation: it adds a *mark* to `invitation_progress`, sealed with
 * a key derived from the server key (AES-256-GCM over the invitation id and the status; no time, no
 * plain id). The job `fieldwork.progress` opens the marks and, per stratum cell (the strata a
 * response stores, so the cell an attacker can match a response to), records completions on the
 * invitations only once at least BATCH_MINIMUM different invitations of that cell completed: one
 * transaction, the invitations updated one by one in a random order, their marks deleted. A copy of
 * the database then ties a completed response to a batch of at least 10 invitations of its cell.
 *
 * While the wave is open, "started" alone is not recorded by these batches: an invitation recorded
 * as started in one batch and as completed in another would be tied to two batches, and the
 * invitations in both can be fewer than 10. So an invitation changes once (to completed; its start
 * mark goes with it). Cells below the minimum, and starts, wait until the wave closes (then everything
 * is recorded). A reminder round records the cells with at least 10 waiting completions (this batch)
 * and reads the rest in memory (`waitingProgress`), reminding no one in a cell with 1–9 waiting
 * (./reminder-gate.ts), so every batch and every round leaves at least 10 per cell (docs/anonymity.md).
 *
 * An opt-out is a mark too (./opt-out.ts). While the wave is open no batch records it (a batch that
 * wrote who of a cell opted out would pair a draft saved right before with its person): every opt-out
 * waits for the close. Reminder rounds read it in memory and skip the person only once at least 10 of
 * the cell's reminded persons opted out since (./reminder-gate.ts); the round then rewrites their
 * marks as *seen* (`opted_out_seen`). A seen person's later completion is not recorded before the
 * close either: the rounds showed them among the opted-out, and a batch that recorded them as completed
 * would take them out of that group of 10.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { responseIdentity } from '../answering/strata.js';
import type { FramePerson } from './model.js';
import { recordOptOut } from './opt-out-record.js';
import { recordCompletionDays } from './response-days.js';
import { framePersons, invitationProgress, invitations } from './schema.js';
import { getWave } from './waves-service.js';

/** A batch ties a response to at least this many invitations of its stratum cell. */
export const BATCH_MINIMUM = 10;

export type ProgressStatus = 'started' | 'completed';
/**
 * What a mark records: a start, a completion, or an opt-out (./opt-out.ts), sealed alike; an opt-out
 * a reminder round has shown (skipped with at least 9 others of its cell) is `opted_out_seen`.
 */
export type MarkKind = ProgressStatus | 'opted_out' | 'opted_out_seen';
const KIND_CODES: Record<MarkKind, string> = {
  started: 's',
  completed: 'c',
  opted_out: 'o',
  opted_out_seen: 'O',
};
const KINDS: Record<string, MarkKind> = { s: 'started', c: 'completed', o: 'opted_out', O: 'opted_out_seen' };
const isOptOut = (kind: MarkKind) => kind === 'opted_out' || kind === 'opted_out_seen';

const keys = new WeakMap<Buffer, Buffer>();
/** The sealing key: derived from the server key, so a copy of the database alone cannot open a mark. */
function sealingKey(serverKey: Buffer): Buffer {
  let key = keys.get(serverKey);
  if (!key) {
    key = createHmac('sha256', serverKey).update('weerbaar invitation progress v1').digest();
    keys.set(serverKey, key);
  }
  return key;
}

export function sealMark(serverKey: Buffer, invitationId: string, status: MarkKind): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(serverKey), iv);
  const body = Buffer.concat([cipher.update(`${KIND_CODES[status]}${invitationId}`), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The mark's invitation and status, or undefined when it was sealed with another key or altered. */
export function openMark(
  serverKey: Buffer,
  sealed: string,
): { invitationId: string; status: MarkKind } | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(serverKey), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const status = KINDS[text[0] ?? ''];
    return status ? { invitationId: text.slice(1), status } : undefined;
  } catch {
    return undefined;
  }
}

/** Adds a mark, in the caller's (answering) transaction. */
export async function queueProgressMark(
  tx: DbOrTx,
  serverKey: Buffer,
  waveId: string,
  invitationId: string,
  status: MarkKind,
): Promise<void> {
  await tx.insert(invitationProgress).values({ waveId, sealed: sealMark(serverKey, invitationId, status) });
}

/** Marks of a wave not recorded yet (the monitoring page states the delay). */
export async function pendingProgressCount(db: DbOrTx, waveId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(invitationProgress)
    .where(eq(invitationProgress.waveId, waveId));
  return Number(r?.n ?? 0);
}

/** The waves that have marks waiting. */
export async function wavesWithProgress(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ waveId: invitationProgress.waveId }).from(invitationProgress);
  return rows.map((r) => r.waveId);
}

/** The stratum cell of a frame person: exactly what an anonymous response of theirs stores. */
export function cellOf(anonymity: string, person: FramePerson): string {
  const strata = responseIdentity(anonymity, person).strata;
  return JSON.stringify([
    person.targetGroup,
    ...Object.keys(strata)
      .sort()
      .map((k) => [k, strata[k]]),
  ]);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface RecordResult {
  /** Invitations updated. */
  recorded: number;
  /** Opt-outs recorded on their frame persons (their queued mail cancelled). */
  optedOut: number;
  /** Marks still waiting (their cell is below the minimum). */
  waiting: number;
}

/**
 * Records a wave's marks on its invitations, in one transaction (the caller's, as a savepoint):
 * cells with at least `minimum` different invitations marked (every cell once the wave is no longer
 * open) are updated in a random order and their marks deleted. Idempotent; status never goes back.
 */
export async function recordProgress(
  db: DbOrTx,
  serverKey: Buffer,
  waveId: string,
  minimum = BATCH_MINIMUM,
): Promise<RecordResult> {
  return db.transaction(async (tx) => {
    const wave = await getWave(tx, waveId);
    const rows = await tx
      .select()
      .from(invitationProgress)
      .where(eq(invitationProgress.waveId, waveId))
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { recorded: 0, optedOut: 0, waiting: 0 };
    const marks = rows.flatMap((r) => {
      const m = openMark(serverKey, r.sealed);
      return m ? [{ id: r.id, ...m }] : [];
    });
    const ids = [...new Set(marks.map((m) => m.invitationId))];
    const people =
      ids.length === 0
        ? []
        : await tx
            .select({ id: invitations.id, status: invitations.status, p: framePersons })
            .from(invitations)
            .innerJoin(framePersons, eq(framePersons.id, invitations.framePersonId))
            .where(and(eq(invitations.waveId, waveId), inArray(invitations.id, ids)));
    const cells = new Map(people.map(({ id, p }) => [id, cellOf(wave.anonymity, p as FramePerson)]));
    // While the wave is open, a batch records completions only (see the file comment): an invitation
    // then changes once, and a response is tied to one batch. Everything goes at the close (and in
    // tests that ask for a minimum of 1).
    const everything = wave.status !== 'open' || minimum <= 1;
    const completed = new Set(marks.filter((m) => m.status === 'completed').map((m) => m.invitationId));
    const progressIds = new Set(marks.filter((m) => !isOptOut(m.status)).map((m) => m.invitationId));
    // Whoever a round showed among the opted-out waits for the close (see the file comment).
    const seen = new Set(marks.filter((m) => m.status === 'opted_out_seen').map((m) => m.invitationId));
    const byCell = new Map<string, Set<string>>();
    for (const id of progressIds) {
      const cell = cells.get(id);
      if (cell === undefined || !(everything || (completed.has(id) && !seen.has(id)))) continue;
      byCell.set(cell, (byCell.get(cell) ?? new Set()).add(id));
    }
    const due = new Set<string>();
    for (const members of byCell.values())
      if (everything || members.size >= minimum) for (const id of members) due.add(id);
    // Marks of invitations that no longer exist go too; so do marks no key opens (nothing can use them).
    const opened = new Set(marks.map((m) => m.id));
    const done = rows.filter((r) => !opened.has(r.id)).map((r) => r.id);
    const latest = new Map<string, ProgressStatus>();
    const byId = new Map(people.map((x) => [x.id, x]));
    const optOuts = new Map<string, string>();
    for (const m of marks) {
      const person = byId.get(m.invitationId);
      if (isOptOut(m.status)) {
        // Opt-outs are recorded at the close only: one written while the wave is open would tell who
        // of the cell opted out, and the opt-out's own mark (written right after the person's
        // response or draft, docs/anonymity.md) ties that to their response.
        if (!person || person.p.optedOutAt) done.push(m.id);
        else if (everything) {
          done.push(m.id);
          optOuts.set(m.invitationId, person.p.id);
        }
        continue;
      }
      if (!cells.has(m.invitationId) || due.has(m.invitationId)) done.push(m.id);
      if (!due.has(m.invitationId)) continue;
      if (latest.get(m.invitationId) !== 'completed') latest.set(m.invitationId, m.status);
    }
    // One random order for both kinds of change: neither the order nor the places in the files tell
    // who completed or opted out first.
    let cancelledMail = 0;
    const changes = [
      ...[...latest.keys()].map((id) => ({ id, optOut: false })),
      ...[...optOuts.keys()].map((id) => ({ id, optOut: true })),
    ];
    for (const { id, optOut } of shuffle(changes)) {
      if (optOut) {
        cancelledMail += await recordOptOut(tx, id, optOuts.get(id)!);
        continue;
      }
      const status = latest.get(id)!;
      await tx
        .update(invitations)
        .set({ status })
        .where(
          and(
            eq(invitations.id, id),
            ne(invitations.status, 'completed'),
            ...(status === 'started' ? [ne(invitations.status, 'started')] : []),
          ),
        );
    }
    await recordCompletionDays(tx, waveId, latest, cells, { closing: everything, minimum });
    if (done.length) await tx.delete(invitationProgress).where(inArray(invitationProgress.id, done));
    if (latest.size || optOuts.size) {
      await audit(
        tx,
        { type: 'system', id: null, label: 'system:invitation progress' },
        {
          action: 'wave.progress.record',
          resourceType: 'wave',
          resourceId: waveId,
          diff: { recorded: latest.size, optedOut: optOuts.size, cancelledMail },
        },
      );
    }
    return { recorded: latest.size, optedOut: optOuts.size, waiting: rows.length - done.length };
  });
}

/**
 * What a wave's waiting marks say, per invitation (completed wins over started), read without recording
 * them: a reminder round must know who completed (they get no reminder; their cell may have to wait),
 * and a second link must not start a second response, but writing that would be a batch smaller than
 * the minimum, narrowing the responses of the last few respondents (docs/anonymity.md). A round's
 * caller holds the wave's lock, so no mark arrives while it reads.
 */
export async function waitingProgress(
  db: DbOrTx,
  serverKey: Buffer,
  waveId: string,
): Promise<Map<string, ProgressStatus>> {
  return (await waitingMarks(db, serverKey, waveId)).progress;
}

/** All of a wave's waiting marks, read in memory: progress per invitation, and the opt-outs. */
export async function waitingMarks(
  db: DbOrTx,
  serverKey: Buffer,
  waveId: string,
): Promise<{
  progress: Map<string, ProgressStatus>;
  /** Every waiting opt-out; `seen`: those a reminder round has shown (./reminder-gate.ts). */
  optedOut: Set<string>;
  seen: Set<string>;
}> {
  const rows = await db
    .select({ sealed: invitationProgress.sealed })
    .from(invitationProgress)
    .where(eq(invitationProgress.waveId, waveId));
  const progress = new Map<string, ProgressStatus>();
  const optedOut = new Set<string>();
  const seen = new Set<string>();
  for (const r of rows) {
    const m = openMark(serverKey, r.sealed);
    if (!m) continue;
    if (m.status === 'opted_out_seen') seen.add(m.invitationId);
    if (isOptOut(m.status)) optedOut.add(m.invitationId);
    else if (progress.get(m.invitationId) !== 'completed') progress.set(m.invitationId, m.status);
  }
  return { progress, optedOut, seen };
}

/**
 * Rewrites the opt-out marks of these invitations as seen (a reminder round skipped them with at least
 * 9 others of their cell), in the round's transaction: later rounds skip them without counting them as
 * new, and their completion waits for the close (see the file comment).
 */
export async function markOptOutsSeen(
  tx: DbOrTx,
  serverKey: Buffer,
  waveId: string,
  invitationIds: ReadonlySet<string>,
): Promise<void> {
  if (invitationIds.size === 0) return;
  const rows = await tx
    .select({ id: invitationProgress.id, sealed: invitationProgress.sealed })
    .from(invitationProgress)
    .where(eq(invitationProgress.waveId, waveId));
  const stale = rows.filter((r) => {
    const m = openMark(serverKey, r.sealed);
    return m?.status === 'opted_out' && invitationIds.has(m.invitationId);
  });
  if (stale.length === 0) return;
  await tx.delete(invitationProgress).where(
    inArray(
      invitationProgress.id,
      stale.map((r) => r.id),
    ),
  );
  await tx.insert(invitationProgress).values(
    shuffle([...invitationIds]).map((id) => ({
      waveId,
      sealed: sealMark(serverKey, id, 'opted_out_seen'),
    })),
  );
}

/**
 * After an anonymous wave closes: its invitations are written again in a random order, in one
 * statement (as its responses were at the close, ../responses/rewrite.ts), so every invitation row
 * has the same `xmin` and a random place; which batch recorded whom is gone from the live rows.
 */
export async function rewriteInvitationsInRandomOrder(tx: DbOrTx, waveId: string): Promise<void> {
  await tx.execute(sql`
    with moved as (delete from ${invitations} where wave_id = ${waveId} returning *)
    insert into ${invitations} select * from moved order by random()`);
}

/**
 * The tables whose old row versions could still pair a response with its person after the close.
 * `VACUUM FULL` writes each into a new file with the live rows only; it cannot run in a transaction
 * and locks the table while it runs (answering in other waves waits a moment).
 */
export const TABLES_TO_COMPACT = ['responses', 'response_recodes', 'invitations', 'invitation_progress'];

/**
 * Holds the wave's row shared for the answering transaction that queues a mark: a reminder round
 * (which locks the wave for update, then records every mark) waits for it, so it sees the mark.
 */
export async function lockWaveShared(tx: DbOrTx, waveId: string): Promise<void> {
  await tx.execute(sql`select id from waves where id = ${waveId} for share`);
}
