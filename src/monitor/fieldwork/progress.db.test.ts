/**
 * Invitation progress in batches (./progress.ts, docs/anonymity.md): marks are sealed, a cell's
 * completions are recorded only from 10 on, in one transaction; starts wait while the wave is open;
 * a closed wave (or a test's minimum of 1) records everything.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../../platform/db/database.js';
import { type SeededWave, seedAnsweringWave } from '../answering/seed-wave.js';
import { openMark, pendingProgressCount, queueProgressMark, recordProgress, sealMark } from './progress.js';

let database: Database;
let wave: SeededWave;
const key = randomBytes(32);

before(async () => {
  database = await createTestDatabase();
  // Person i has role i % 3 and gender i % 2: six cells of 10.
  wave = await seedAnsweringWave(database, { persons: 60 });
});
after(() => database.close());

const cell = (c: number) => wave.invitationIds.filter((_, i) => i % 6 === c);
const invitationRows = (ids: string[]) =>
  database.query<{ status: string; xmin: string }>(
    'select status, xmin::text from invitations where id = any($1::uuid[])',
    [ids],
  );

test('a mark is sealed: no invitation id in it, and only the server key opens it', () => {
  const id = wave.invitationIds[0]!;
  const sealed = sealMark(key, id, 'completed');
  assert.ok(!sealed.includes(id) && !Buffer.from(sealed, 'base64').toString('latin1').includes(id));
  assert.notEqual(sealMark(key, id, 'completed'), sealed, 'a fresh nonce every time');
  assert.deepEqual(openMark(key, sealed), { invitationId: id, status: 'completed' });
  assert.equal(openMark(randomBytes(32), sealed), undefined);
  assert.equal(openMark(key, `${sealed.slice(0, -4)}AAAA`), undefined);
});

test('completions of a cell are recorded from 10 on, together; starts wait while the wave is open', async () => {
  const zero = cell(0);
  for (const id of zero.slice(0, 9)) {
    await queueProgressMark(database.db, key, wave.waveId, id, 'started');
    await queueProgressMark(database.db, key, wave.waveId, id, 'completed');
  }
  for (const id of cell(1)) await queueProgressMark(database.db, key, wave.waveId, id, 'started');
  // Nine completions in cell 0 (nine in other cells would not help: cells are counted apart).
  await queueProgressMark(database.db, key, wave.waveId, cell(2)[0]!, 'completed');
  assert.deepEqual(await recordProgress(database.db, key, wave.waveId), {
    recorded: 0,
    optedOut: 0,
    waiting: 29,
  });
  assert.deepEqual(
    [...new Set((await invitationRows(wave.invitationIds)).map((r) => r.status))],
    ['not_started'],
  );

  await queueProgressMark(database.db, key, wave.waveId, zero[9]!, 'completed');
  assert.deepEqual(await recordProgress(database.db, key, wave.waveId), {
    recorded: 10,
    optedOut: 0,
    waiting: 11,
  });
  const rows = await invitationRows(zero);
  assert.deepEqual(
    rows.map((r) => r.status),
    Array(10).fill('completed'),
  );
  assert.equal(new Set(rows.map((r) => r.xmin)).size, 1, 'one transaction');
  assert.equal(await pendingProgressCount(database.db, wave.waveId), 11);
  // Ten starts are not a batch: a start recorded now and a completion later would tie two batches.
  assert.deepEqual([...new Set((await invitationRows(cell(1))).map((r) => r.status))], ['not_started']);
});

test('a closed wave records everything that waits; marks no key opens are dropped', async () => {
  await database.query('insert into invitation_progress (wave_id, sealed) values ($1, $2)', [
    wave.waveId,
    sealMark(randomBytes(32), wave.invitationIds[1]!, 'completed'),
  ]);
  await database.query(`update waves set status = 'closed' where id = $1`, [wave.waveId]);
  assert.deepEqual(await recordProgress(database.db, key, wave.waveId), {
    recorded: 11,
    optedOut: 0,
    waiting: 0,
  });
  assert.equal(await pendingProgressCount(database.db, wave.waveId), 0);
  assert.deepEqual([...new Set((await invitationRows(cell(1))).map((r) => r.status))], ['started']);
  assert.equal((await invitationRows([cell(2)[0]!]))[0]!.status, 'completed');
  assert.equal((await invitationRows([wave.invitationIds[1]!]))[0]!.status, 'started');
});
