/**
 * Reminder rounds against stratum cells (./reminder-gate.ts, docs/anonymity.md "Reminder rounds"),
 * as a property over random schedules of completions, progress batches and reminder rounds: after
 * every step, an attacker with a copy of what is stored (who each round reminded, when each
 * invitation's completion was recorded, when each response was completed) is left with at least
 * min(10, the invitations of the cell with the same recorded status) candidates for every completed
 * response, its own invitation among them. The same schedules with the rounds as they were before the
 * gate (remind every non-respondent, record nothing) give the attacker fewer: the property fails.
 *
 * The schedules also have opt-outs of persons who did not complete (someone who saved a draft and
 * opted out: the copy dates the opt-out by its mark next to the draft). The attacker takes the first
 * round after it that left out persons of the cell it reached (not recorded as completed, not left
 * out before) as naming the candidates; they must be at least min(10, the cell's invitations not
 * recorded as completed). With rounds that skip an opt-out at once (as before "Opting out" in
 * docs/anonymity.md was rewritten), the property fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boundFor, completionCandidates } from '../../../test/support/reminder-attack.js';
import { BATCH_MINIMUM } from './progress.js';
import { deferredCells, optOutHolds } from './reminder-gate.js';

type Step =
  | { kind: 'complete'; pick: number }
  | { kind: 'optout'; pick: number }
  | { kind: 'batch' }
  | { kind: 'round' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((pick) => ({ kind: 'complete' as const, pick })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'optout' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'batch' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'round' as const }) },
);
const schedule = fc.record({
  cellSizes: fc.array(fc.integer({ min: 1, max: 26 }), { minLength: 1, maxLength: 3 }),
  steps: fc.array(step, { maxLength: 90 }),
});

/**
 * Runs a schedule; `gated`: rounds as ./reminders.ts sends them now (record the cells with at
 * least 10 waiting completions, defer the cells with 1–9 of them or with 1–9 new opt-outs); otherwise
 * as before (record nothing, remind every non-respondent who did not opt out). `optOutGate: false`:
 * the completion gate only, opt-outs skipped at once. Returns the first narrowing found, or undefined.
 */
function run(cellSizes: number[], steps: Step[], gated: boolean, optOutGate = gated): string | undefined {
  const cells = new Map<string, string>();
  cellSizes.forEach((n, c) => {
    for (let k = 0; k < n; k++) cells.set(`${c}:${k}`, `cell ${c}`);
  });
  const completedAt = new Map<string, number>();
  const waiting = new Set<string>();
  const recordedAt = new Map<string, number>();
  const rounds: Array<{ at: number; reminded: Set<string> }> = [];
  /** Opted out (and never completing), when; `seen`: left out by a round that reminded others. */
  const optedOutAt = new Map<string, number>();
  const seen = new Set<string>();
  const waitingByCell = () => {
    const counts = new Map<string, number>();
    for (const i of waiting) counts.set(cells.get(i)!, (counts.get(cells.get(i)!) ?? 0) + 1);
    return counts;
  };
  /** A batch (./progress.ts recordProgress): every cell with at least the minimum waiting. */
  const record = (at: number) => {
    const counts = waitingByCell();
    for (const i of [...waiting])
      if ((counts.get(cells.get(i)!) ?? 0) >= BATCH_MINIMUM) {
        recordedAt.set(i, at);
        waiting.delete(i);
      }
  };
  let at = 0;
  for (const s of steps) {
    at++;
    if (s.kind === 'complete') {
      const open = [...cells.keys()].filter((i) => !completedAt.has(i));
      if (!open.length) continue;
      const i = open[s.pick % open.length]!;
      completedAt.set(i, at);
      waiting.add(i);
    } else if (s.kind === 'optout') {
      const open = [...cells.keys()].filter((i) => !completedAt.has(i) && !optedOutAt.has(i));
      if (!open.length) continue;
      optedOutAt.set(open[s.pick % open.length]!, at);
    } else if (s.kind === 'batch') record(at);
    else {
      if (gated) record(at);
      const deferred = gated ? deferredCells(waitingByCell()) : new Set<string>();
      const fresh = [...optedOutAt.keys()].filter((i) => !seen.has(i));
      const held = optOutGate ? optOutHolds(countCells(fresh.map((i) => cells.get(i)!))) : new Set();
      const reminded = new Set(
        [...cells]
          .filter(([i, c]) => !completedAt.has(i) && !optedOutAt.has(i) && !deferred.has(c) && !held.has(c))
          .map(([i]) => i),
      );
      const reached = new Set([...reminded].map((i) => cells.get(i)));
      for (const i of fresh) if (reached.has(cells.get(i))) seen.add(i);
      if (reminded.size) rounds.push({ at, reminded });
    }
    // A copy now.
    const stored = { cells, rounds, recordedAt };
    for (const [truth, when] of completedAt) {
      const candidates = completionCandidates(stored, cells.get(truth)!, when);
      if (!candidates.includes(truth)) return `the attacker ruled out the truth at step ${at}`;
      const bound = boundFor(stored, truth);
      if (candidates.length < bound)
        return `a response completed at step ${when} narrowed to ${candidates.length} < ${bound} after step ${at}`;
    }
    for (const [truth, when] of optedOutAt) {
      const candidates = optOutCandidates(stored, cells.get(truth)!, when);
      if (!candidates.includes(truth)) return `the attacker ruled out an opt-out's truth at step ${at}`;
      const bound = boundFor(stored, truth);
      if (candidates.length < bound)
        return `an opt-out at step ${when} narrowed to ${candidates.length} < ${bound} after step ${at}`;
    }
  }
  return undefined;
}

function countCells(cells: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

/**
 * The opting-out attack on what is stored: the persons of the cell that the first round after the
 * opt-out left out while reminding others there (not recorded as completed, not left out before);
 * without such a round, the cell's persons not recorded as completed and not reminded after it.
 */
function optOutCandidates(
  s: {
    cells: ReadonlyMap<string, string>;
    rounds: ReadonlyArray<{ at: number; reminded: ReadonlySet<string> }>;
    recordedAt: ReadonlyMap<string, number>;
  },
  cell: string,
  at: number,
): string[] {
  const members = [...s.cells].filter(([, c]) => c === cell).map(([i]) => i);
  const open = members.filter((i) => !s.recordedAt.has(i));
  const cellRounds = [...s.rounds]
    .filter((r) => members.some((i) => r.reminded.has(i)))
    .sort((a, b) => a.at - b.at);
  const leftOutBefore = new Set<string>();
  for (const r of cellRounds) {
    const fresh = open.filter((i) => !r.reminded.has(i) && !leftOutBefore.has(i));
    if (r.at > at && fresh.length) return fresh;
    for (const i of fresh) leftOutBefore.add(i);
  }
  return open.filter((i) => !cellRounds.some((r) => r.at > at && r.reminded.has(i)));
}

test('with the gate, no schedule narrows a completed response below min(10, its status group) of its cell', () => {
  fc.assert(
    fc.property(schedule, ({ cellSizes, steps }) => {
      const narrowed = run(cellSizes, steps, true);
      assert.equal(narrowed, undefined, narrowed);
    }),
    { numRuns: 400 },
  );
});

test('without the gate (rounds as before), the same attacker narrows responses: the property fails', () => {
  const result = fc.check(
    fc.property(schedule, ({ cellSizes, steps }) => run(cellSizes, steps, false) === undefined),
    { numRuns: 400 },
  );
  assert.ok(result.failed, 'rounds that remind every non-respondent must let the attacker narrow');
  const [example] = result.counterexample!;
  assert.match(String(run(example.cellSizes, example.steps, false)), /narrowed to/);
});

test('rounds that skip an opt-out at once (completion gate only): the opting-out attack narrows: the property fails', () => {
  const result = fc.check(
    fc.property(schedule, ({ cellSizes, steps }) => run(cellSizes, steps, true, false) === undefined),
    { numRuns: 400 },
  );
  assert.ok(result.failed, 'rounds that skip opt-outs one by one must let the attacker narrow');
  const [example] = result.counterexample!;
  assert.match(String(run(example.cellSizes, example.steps, true, false)), /an opt-out .* narrowed to/);
});

test('deferredCells: 1 to 9 waiting completions defer a cell; 0 and 10 or more do not', () => {
  const counts = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 9],
    ['d', 10],
    ['e', 31],
  ]);
  assert.deepEqual([...deferredCells(counts)].sort(), ['b', 'c']);
  assert.deepEqual([...deferredCells(counts, 2)], ['b']);
});
