/**
 * The epoch reader shares reads under load, but never hands a caller a read that was already running
 * when it asked (that read may miss a change the caller must see).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import type { Database } from './database.js';
import { epochsOf, queryReader } from './epochs.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('both counters are read; on PostgreSQL many callers at once share two reads', {
  skip: testBackend() !== 'postgres' ? 'PGlite keeps the counters in memory (next test)' : false,
}, async () => {
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

test('PGlite: the counters are kept in memory until a change is announced, however it is made', {
  skip: testBackend() !== 'pglite' ? 'PostgreSQL reads the counters (previous test)' : false,
}, async () => {
  const reader = epochsOf(database);
  const first = await reader.read();
  const reads = reader.reads;
  await Promise.all(Array.from({ length: 50 }, () => reader.read()));
  assert.equal(reader.reads, reads, 'no query while nothing changes');

  // a change of the registry (trigger → registry_epoch → announcement)
  await database.query("update organisations set name = name where code = 'PV26'");
  const afterChange = await reader.read();
  assert.equal(Number(afterChange.registry), Number(first.registry) + 1);
  assert.equal(reader.reads, reads + 1);

  // a counter moved by hand, inside a transaction: announced at commit, not before
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`update auth_epoch set n = n + 1`);
  });
  assert.equal(Number((await reader.read()).auth), Number(first.auth) + 1);

  // a rolled-back change announces nothing and moves nothing
  const settled = reader.reads;
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`update registry_epoch set n = n + 1`);
      throw new Error('roll back');
    })
    .catch(() => {});
  assert.equal((await reader.read()).registry, afterChange.registry);
  assert.equal(reader.reads, settled);
});

test('the query reader: a caller that asks while a read runs gets a read that started after it asked', {
  // PGlite runs one statement at a time, in order: the update is sure to commit between the reads
  skip: testBackend() !== 'pglite' ? 'the ordering is only deterministic on PGlite' : false,
}, async () => {
  const reader = queryReader(database);
  const start = Number((await reader.read()).registry);
  const running = reader.read();
  const update = database.query('update registry_epoch set n = n + 1');
  const asked = reader.read();
  assert.equal(Number((await running).registry), start, 'the running read began before the update');
  await update;
  assert.equal(Number((await asked).registry), start + 1, 'the later caller sees the update');
});

test('a failed query read is reported to its callers, and the next read works again', async () => {
  const reader = queryReader(database);
  await database.query('alter table registry_epoch rename to registry_epoch_away');
  try {
    await assert.rejects(reader.read());
  } finally {
    await database.query('alter table registry_epoch_away rename to registry_epoch');
  }
  assert.match((await reader.read()).registry, /^\d+$/);
});
