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
 * - a round before C reminded others in its cell but not it (it had completed by then).
 * The candidates are the rest. Used by the property test (./../../src/monitor/fieldwork/
 * reminder-gate.test.ts) on simulated schedules and by the database tests on real copies.
 */
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
    if (cellRounds.some((r) => r.at < completedAt && !r.reminded.has(i))) continue;
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
