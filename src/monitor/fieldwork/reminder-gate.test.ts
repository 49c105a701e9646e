/**
 * Reminder rounds against stratum cells (./reminder-gate.ts, docs/anonymity.md "Reminder rounds"),
 * as a property over random schedules of completions, progress batches and reminder rounds: after
 * every step, an attacker with a copy of what is stored (who each round reminded, when each
 * invitation's completion was recorded, when each response was completed) is left with at least
 * min(10, the invitations of the cell with the same recorded status) candidates for every completed
 * response, its own invitation among them. The same schedules with the rounds as they were before the
 * gate (remind every non-respondent, record nothing) give the attacker fewer: the property fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { boundFor, completionCandidates } from '../../../test/support/reminder-attack.js';
import { BATCH_MINIMUM } from './progress.js';
import { deferredCells } from './reminder-gate.js';

type Step = { kind: 'complete'; pick: number } | { kind: 'batch' } | { kind: 'round' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((pick) => ({ kind: 'complete' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'batch' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'round' as const }) },
);
const schedule = fc.record({
  cellSizes: fc.array(fc.integer({ min: 1, max: 26 }), { minLength: 1, maxLength: 3 }),
  steps: fc.array(step, { maxLength: 90 }),
});

/**
 * Runs a schedule; `gated`: rounds as ./invitations.ts sends them now (record the cells with at
 * least 10 waiting completions, defer the cells with 1–9); otherwise as before (record nothing,
 * remind every non-respondent). Returns the first narrowing found, or undefined.
 */
function run(cellSizes: number[], steps: Step[], gated: boolean): string | undefined {
  const cells = new Map<string, string>();
  cellSizes.forEach((n, c) => {
    for (let k = 0; k < n; k++) cells.set(`${c}:${k}`, `cell ${c}`);
  });
  const completedAt = new Map<string, number>();
  const waiting = new Set<string>();
  const recordedAt = new Map<string, number>();
  const rounds: Array<{ at: number; reminded: Set<string> }> = [];
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
    } else if (s.kind === 'batch') record(at);
    else {
      if (gated) record(at);
      const deferred = gated ? deferredCells(waitingByCell()) : new Set<string>();
      const reminded = new Set(
        [...cells].filter(([i, c]) => !completedAt.has(i) && !deferred.has(c)).map(([i]) => i),
      );
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
  }
  return undefined;
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
