/**
 * The epoch reader shares reads under load, but never hands a caller a read that was already running
 * when it asked (that read may miss a change the caller must see).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import type { Database } from './database.js';
import { epochsOf } from './epochs.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('both counters are read; many callers at once share two reads', async () => {
  const reader = epochsOf(database);
  assert.equal(epochsOf(database), reader, 'one reader per database');
  const first = await reader.read();
  assert.match(first.auth, /^\d+$/);
  assert.match(first.registry, /^\d+$/);

  const before = reader.reads;
  const all = await Promise.all(Array.from({ length: 50 }, () => reader.read()));
  // the first caller starts a read; the 49 that ask while it runs share the one after it
  assert.equal(reader.reads - before, 2);
  assert.ok(all.every((e) => e.registry === first.registry));
});

test('a caller that asks while a read runs gets a read that started after it asked', {
  // PGlite runs one statement at a time, in order: the update is sure to commit between the reads
  skip: testBackend() !== 'pglite' ? 'the ordering is only deterministic on PGlite' : false,
}, async () => {
  const reader = epochsOf(database);
  const start = Number((await reader.read()).registry);
  const running = reader.read();
  const update = database.query('update registry_epoch set n = n + 1');
  const asked = reader.read();
  assert.equal(Number((await running).registry), start, 'the running read began before the update');
  await update;
  assert.equal(Number((await asked).registry), start + 1, 'the later caller sees the update');
});

test('a failed read is reported to its callers, and the next read works again', async () => {
  const reader = epochsOf(database);
  await database.query('alter table registry_epoch rename to registry_epoch_away');
  try {
    await assert.rejects(reader.read());
  } finally {
    await database.query('alter table registry_epoch_away rename to registry_epoch');
  }
  assert.match((await reader.read()).registry, /^\d+$/);
});
