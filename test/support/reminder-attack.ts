/**
 * The attack on reminder rounds (docs/anonymity.md, "Reminder rounds"), from what a copy of the
 * database stores: who each round reminded (the outbox's `reminder:<invitation>:<n>` rows and their
 * transaction id), when each invitation's completion was recorded (the transaction id of the
 * invitation's version that says `completed`), and when each response was completed (its version's
 * transaction id). Times are transaction ids (or any order of writes).
 *
 * A round reminds non-respondents only, so for the response completed at C, an invitation of its cell
 * is ruled out when:
 * - a round after C reminded it (it had not completed then);
 * - its completion was recorded before C (that was another response);
 * - a round before C reminded others in its cell but not it, and no later round reminded it (it had
 *   completed by then; one reminded later had only been held back).
 * The candidates are the rest. Used by the property test (./../../src/monitor/fieldwork/
 * reminder-gate.test.ts) on simulated schedules and by the database tests on real copies.
 */
import type { Database } from '../../src/platform/db/database.js';

export interface StoredRounds {
  /** Every invitation of the wave with its stratum cell. */
  cells: ReadonlyMap<string, string>;
  /** Reminder rounds (one per transaction), in any order. */
  rounds: ReadonlyArray<{ at: number; reminded: ReadonlySet<string> }>;
  /** Invitation → when its completion was recorded (absent: not recorded). */
  recordedAt: ReadonlyMap<string, number>;
}

export function completionCandidates(s: StoredRounds, cell: string, completedAt: number): string[] {
  const cellRounds = s.rounds.filter((r) => [...r.reminded].some((i) => s.cells.get(i) === cell));
  const out: string[] = [];
  for (const [i, c] of s.cells) {
    if (c !== cell) continue;
    const recorded = s.recordedAt.get(i);
    if (recorded !== undefined && recorded < completedAt) continue;
    if (cellRounds.some((r) => r.at > completedAt && r.reminded.has(i))) continue;
    const leftOut = (r: { at: number; reminded: ReadonlySet<string> }) =>
      !r.reminded.has(i) && !cellRounds.some((q) => q.at > r.at && q.reminded.has(i));
    if (cellRounds.some((r) => r.at < completedAt && leftOut(r))) continue;
    out.push(i);
  }
  return out;
}

/**
 * The bound a response must keep: min(10, the invitations of its cell with the recorded status its
 * own invitation shows), as "chance" in the attack test.
 */
export function boundFor(s: StoredRounds, truth: string, minimum = 10): number {
  const cell = s.cells.get(truth);
  const recorded = s.recordedAt.has(truth);
  let group = 0;
  for (const [i, c] of s.cells) if (c === cell && s.recordedAt.has(i) === recorded) group++;
  return Math.min(minimum, group);
}

// ---- reading a real copy ----

const LINK = /\/r\/([A-Za-z0-9_-]{22,128})/;

/**
 * The link a person holds now: the one in their latest mail that has one (a reminder to someone who
 * had not started carries a new link), else `initial` (the seeded wave's token, mailed by nobody).
 */
export async function currentLink(database: Database, invitationId: string, initial: string) {
  const rows = await database.query<{ text_body: string | null }>(
    `select text_body from mail_messages
      where idempotency_key = $1 or idempotency_key like $2
      order by created_at desc, xmin::text::bigint desc`,
    [`invitation:${invitationId}`, `reminder:${invitationId}:%`],
  );
  for (const r of rows) {
    const m = LINK.exec(r.text_body ?? '');
    if (m) return m[1]!;
  }
  return initial;
}

/**
 * What a copy of the live tables shows about a wave's reminder rounds: each round's transaction id
 * (the outbox rows it queued; the audit record and the mail jobs carry the same) and whom it reminded;
 * when each completion was recorded (the `xmin` of the invitation's version that says completed).
 */
export async function storedRounds(
  database: Database,
  waveId: string,
  cells: ReadonlyMap<string, string>,
): Promise<StoredRounds> {
  // A cancelled message's row was written again by the cancellation: its round is the transaction
  // of its mail job (queued with it), when the job is still there.
  const mails = await database.query<{ key: string; at: string | null }>(
    `select idempotency_key as key,
            case when status = 'cancelled'
                 then (select j.xmin::text from pgboss.job j where j.data->>'messageId' = m.id::text limit 1)
                 else m.xmin::text end as at
       from mail_messages m
      where purpose = 'reminder' and idempotency_key like 'reminder:%'`,
  );
  const byRound = new Map<number, Set<string>>();
  for (const m of mails) {
    const invitation = m.key.split(':')[1]!;
    if (!cells.has(invitation) || m.at === null) continue;
    const at = Number(m.at);
    byRound.set(at, (byRound.get(at) ?? new Set()).add(invitation));
  }
  const recorded = await database.query<{ id: string; at: string }>(
    `select id, xmin::text as at from invitations where wave_id = $1 and status = 'completed'`,
    [waveId],
  );
  return {
    cells,
    rounds: [...byRound].map(([at, reminded]) => ({ at, reminded })),
    recordedAt: new Map(recorded.map((r) => [r.id, Number(r.at)])),
  };
}

/** Completed responses of a wave and the transaction id of their (completed) live version. */
export async function completionTimes(database: Database, waveId: string): Promise<Map<string, number>> {
  const rows = await database.query<{ id: string; at: string }>(
    `select id, xmin::text as at from responses where wave_id = $1 and status = 'completed'`,
    [waveId],
  );
  return new Map(rows.map((r) => [r.id, Number(r.at)]));
}
