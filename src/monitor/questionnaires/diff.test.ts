/** The differences between two versions: key order never matters; removing or relabelling an item is found. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { testDefinition } from '../answering/seed-wave.js';
import { canonicalJson, diffDefinitions, sameDefinition } from './diff.js';
import type { QuestionnaireDefinition } from './model.js';

/** The same value with the keys of every object in an order the seed picks. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const order = entries.map((_, i) => ((i + 1) * (seed + 7919)) % 104_729);
  return Object.fromEntries(
    entries
      .map((e, i) => [e, order[i]!] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([[k, v]], i) => [k, shuffleKeys(v, seed * 31 + i)]),
  );
}

const codes = testDefinition.sections.flatMap((s) => s.items.map((i) => i.code));

test('key order never makes a difference', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
      const shuffled = shuffleKeys(testDefinition, seed) as QuestionnaireDefinition;
      assert.equal(canonicalJson(shuffled), canonicalJson(testDefinition));
      assert.ok(sameDefinition(shuffled, testDefinition));
      assert.deepEqual(diffDefinitions(testDefinition, shuffled), []);
    }),
  );
});

test('a removed item and a relabelled item are each reported once, by code', () => {
  fc.assert(
    fc.property(fc.constantFrom(...codes), fc.constantFrom(...codes), (gone, relabelled) => {
      fc.pre(gone !== relabelled);
      const next = structuredClone(testDefinition);
      for (const s of next.sections) {
        s.items = s.items.filter((i) => i.code !== gone);
        for (const i of s.items) if (i.code === relabelled) i.label = { nl: `${i.label.nl} (nieuw)` };
      }
      const changes = diffDefinitions(testDefinition, next).filter((c) => c.what === 'item');
      assert.deepEqual(
        changes.map((c) => `${c.kind} ${c.code}`).sort(),
        [`changed ${relabelled}`, `removed ${gone}`].sort(),
      );
      assert.equal(sameDefinition(testDefinition, next), false);
    }),
  );
});
