/**
 * Reminder rounds against the stratum cells of anonymous waves (docs/anonymity.md, "Reminder rounds").
 *
 * A round reminds non-respondents only, so what it writes (`reminders_sent`, the outbox, the mail
 * jobs) tells, per invitation, "not completed at this moment". A response's completion has a
 * transaction id, so a copy of the database dates it against every round. If a round went out while
 * k (1–9) completions of a cell were not yet recorded, those k responses (completed after the cell's
 * previous event) would be tied to the k invitations of the cell that completed in between: the ones
 * that stop being reminded, or that a later batch records. A copy would narrow them to k < 10.
 *
 * So every moment at which something is written per invitation of a cell is an *event* of that cell:
 * a batch (./progress.ts) or a round. Each event records all of the cell's waiting completions, and
 * an event may happen only when that number is 0 or at least BATCH_MINIMUM: a round first records
 * the cells with at least 10 waiting completions (a batch, in the round's transaction), then reminds
 * only in cells with none waiting. A cell with 1–9 waiting completions is *deferred*: none of its
 * members gets a reminder in this round (they get one in a later round, once the cell's batch is
 * recorded; the confirmation page and the result say how many and why). The completions between two
 * events of a cell are then 0 or at least 10, and every response is tied to at least 10 invitations.
 *
 * Holding back a random 10 − k non-respondents instead would not do: they get the next round, and
 * that reminder shows they had not completed, which leaves the k again.
 *
 * Opt-outs are events of the same kind. A round skips whoever opted out (read in memory; no batch
 * records an opt-out before the close, ./progress.ts), and the persons of a cell a round newly skips
 * while reminding others show who of it opted out since. Someone who saved a draft and opted out a
 * moment later left a mark written alone next to the draft's last version; had the round skipped them
 * alone, a copy would pair the draft with them. So, per cell and per transaction of a round, the
 * opt-outs it would newly skip (`fresh`: not yet seen by a round) must be 0 or at least 10, or the
 * cell is deferred as well (`optOutHolds`); the ones it does skip become *seen* (their marks are
 * rewritten in the round's transaction) and count no more.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../platform/config/config.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { responseKeyFor } from '../answering/keys.js';
import type { FramePerson, Wave } from './model.js';
import { BATCH_MINIMUM, cellOf, type ProgressStatus, waitingMarks } from './progress.js';

/** The cells a round must also defer: 1 to minimum − 1 opt-outs it would newly skip there. */
export const optOutHolds = deferredCells;

import { framePersons, invitations } from './schema.js';

/** The cells whose round must wait: 1 to minimum − 1 completions not recorded yet. */
export function deferredCells(waitingCompletions: ReadonlyMap<string, number>, minimum = BATCH_MINIMUM) {
  const out = new Set<string>();
  for (const [cell, n] of waitingCompletions) if (n > 0 && n < minimum) out.add(cell);
  return out;
}

export interface ReminderGate {
  /** Waiting marks per invitation (completed wins over started), read without recording them. */
  waiting: Map<string, ProgressStatus>;
  /** Invitations whose person opted out in a mark not recorded yet: they get no reminder. */
  optedOut: Set<string>;
  /** Of those, the ones a round has skipped already (with at least 9 others of their cell). */
  seen: Set<string>;
  /** Cells none of whose members may be reminded now. */
  deferred: Set<string>;
  /** The cell of a frame person, as the gate counts it. */
  cellOf: (p: FramePerson) => string;
}

/**
 * Reads an anonymous wave's waiting marks (in memory, with the server key) and the cells they defer.
 * Run it after recording the cells with at least 10 (`recordProgress`), in the transaction that holds
 * the wave's lock, so no mark arrives meanwhile.
 */
export async function reminderGate(tx: DbOrTx, serverKey: Buffer, wave: Wave): Promise<ReminderGate> {
  const { progress: waiting, optedOut, seen } = await waitingMarks(tx, serverKey, wave.id);
  // A seen person's completion waits for the close (./progress.ts) and changes no round: not counted.
  const completed = [...waiting].filter(([id, s]) => s === 'completed' && !seen.has(id)).map(([id]) => id);
  const counts = new Map<string, number>();
  if (completed.length) {
    const people = await tx
      .select({ p: framePersons })
      .from(invitations)
      .innerJoin(framePersons, eq(framePersons.id, invitations.framePersonId))
      .where(and(eq(invitations.waveId, wave.id), inArray(invitations.id, completed)));
    for (const { p } of people) {
      const cell = cellOf(wave.anonymity, p as FramePerson);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
  }
  return {
    waiting,
    optedOut,
    seen,
    deferred: deferredCells(counts),
    cellOf: (p) => cellOf(wave.anonymity, p),
  };
}

/**
 * What a round would do now, for the confirmation page: how many non-respondents (as far as the
 * marks tell) are in cells that would be deferred. Cells with at least 10 waiting completions are
 * not deferred (the round records them first). Opt-outs are counted over the whole wave (a round of
 * more than 500 invitations checks them per transaction, so it may defer more).
 */
export async function deferredNow(db: DbOrTx, config: Config, wave: Wave): Promise<number> {
  if (wave.anonymity !== 'anonymous' || wave.status !== 'open') return 0;
  const gate = await reminderGate(db, responseKeyFor(config), wave);
  if (gate.deferred.size === 0 && gate.optedOut.size === gate.seen.size) return 0;
  const rows = await db
    .select({ i: invitations, p: framePersons })
    .from(invitations)
    .innerJoin(framePersons, eq(framePersons.id, invitations.framePersonId))
    .where(eq(invitations.waveId, wave.id));
  const open = rows.filter(
    ({ i, p }) =>
      i.invitedAt !== null && p.optedOutAt === null && (gate.waiting.get(i.id) ?? i.status) !== 'completed',
  );
  const fresh = new Map<string, number>();
  for (const { i, p } of open)
    if (gate.optedOut.has(i.id) && !gate.seen.has(i.id)) {
      const cell = gate.cellOf(p as FramePerson);
      fresh.set(cell, (fresh.get(cell) ?? 0) + 1);
    }
  const held = optOutHolds(fresh);
  return open.filter(({ i, p }) => {
    const cell = gate.cellOf(p as FramePerson);
    return !gate.optedOut.has(i.id) && (gate.deferred.has(cell) || held.has(cell));
  }).length;
}
