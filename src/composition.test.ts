/**
 * The composed modules fit together: unique names, each messages file with the same keys in Dutch and
 * English (per domain), no key defined by two domains, every navigation label a known text, and the
 * lazy parts load.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertSameKeys } from '../test/support/messages.js';
import { modules } from './composition.js';
import { catalogue } from './platform/i18n/catalogue.js';
import { navigationOf } from './platform/modules.js';

test('module names are unique, the platform first', () => {
  const names = modules.map((m) => m.name);
  assert.equal(names[0], 'platform');
  assert.equal(new Set(names).size, names.length);
});

test("each domain's messages: nl and en have the same keys and placeholders; no key in two files", () => {
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [i, records] of (m.messages ?? []).entries()) {
      assertSameKeys(records, `${m.name} messages #${i}`);
      for (const key of Object.keys(records.nl)) {
        assert.equal(owner.get(key), undefined, `${key} in ${m.name} and ${owner.get(key)}`);
        owner.set(key, m.name);
      }
    }
  }
  // The composition root registered all of them, and nothing else.
  assert.deepEqual(Object.keys(catalogue.nl).sort(), [...owner.keys()].sort());
  assert.deepEqual(Object.keys(catalogue.en).sort(), [...owner.keys()].sort());
});

test('navigation entries have known labels and hints, and unique addresses', () => {
  const entries = navigationOf(modules);
  assert.ok(entries.length >= 8);
  for (const e of entries) {
    assert.ok(e.labelKey in catalogue.nl, e.labelKey);
    if (e.hintKey) assert.ok(e.hintKey in catalogue.nl, e.hintKey);
  }
  assert.equal(new Set(entries.map((e) => e.href)).size, entries.length);
});

test('every route, job, demo step and command module loads', async () => {
  for (const m of modules) {
    for (const load of m.routes ?? []) assert.equal(typeof (await load()).default, 'function', m.name);
    for (const load of m.demoSteps ?? []) assert.equal(typeof (await load()).default.run, 'function', m.name);
    for (const load of m.commands ?? []) assert.equal(typeof (await load()).register, 'function', m.name);
    for (const load of m.jobs ?? []) await load();
  }
});
