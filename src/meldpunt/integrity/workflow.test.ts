import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type ReportState, states } from './model.js';
import { canMove, nextStates, outcomeRule } from './workflow.js';

test('every step is reachable from ontvangen, and every path ends in gearchiveerd', () => {
  const seen = new Set<ReportState>(['ontvangen']);
  const queue: ReportState[] = ['ontvangen'];
  while (queue.length)
    for (const n of nextStates(queue.shift()!))
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  assert.deepEqual([...seen].sort(), [...states].sort());
  for (const s of states) if (s !== 'gearchiveerd') assert.ok(nextStates(s).length > 0, `${s} is a dead end`);
  assert.deepEqual(nextStates('gearchiveerd'), []);
});

test('random walks only move forward in the handreiking order (no cycles) and reach the archive', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (choices) => {
      let s: ReportState = 'ontvangen';
      for (const c of choices) {
        const next = nextStates(s);
        if (next.length === 0) break;
        const to = next[c % next.length]!;
        assert.ok(states.indexOf(to) > states.indexOf(s));
        assert.ok(canMove(s, to));
        s = to;
      }
      assert.equal(s, 'gearchiveerd');
    }),
  );
});

test('no move skips the decision, and outcomes are asked where the handreiking decides', () => {
  assert.equal(canMove('ontvangen', 'onderzoek'), false);
  assert.equal(canMove('intake', 'gearchiveerd'), false);
  assert.equal(canMove('onderzoek', 'communicatie'), false);
  assert.equal(outcomeRule('besluit', 'communicatie'), 'geen_vervolg');
  assert.equal(outcomeRule('besluit', 'onderzoek'), 'none');
  assert.equal(outcomeRule('besluitvorming', 'communicatie'), 'finding');
});
