/**
 * Response over time (./response-days.ts): in an anonymous wave the progress batches count completions
 * per stratum cell and day, never fewer than a batch in a cell-day; confidential waves count the
 * responses' completion days; reminder days come from the reminder rounds' audit records.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test/support/database.js';
import { audit, systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { type SeededWave, seedAnsweringWave } from '../answering/seed-wave.js';
import { BATCH_MINIMUM, queueProgressMark, recordProgress } from './progress.js';
import { responseOverTime } from './response-days.js';

let database: Database;
let wave: SeededWave;
const key = randomBytes(32);

before(async () => {
  database = await createTestDatabase();
  // Person i has role i % 3 and gender i % 2: six cells of 12.
  wave = await seedAnsweringWave(database, { persons: 72 });
});
after(() => database.close());

const cell = (c: number) => wave.invitationIds.filter((_, i) => i % 6 === c);
const dayRows = () =>
  database.query<{ day: string; cell: string; completed: number }>(
    'select day::text, cell, completed from completion_days where wave_id = $1 order by cell, day',
    [wave.waveId],
  );
const complete = async (ids: string[]) => {
  for (const id of ids) await queueProgressMark(database.db, key, wave.waveId, id, 'completed');
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** Every cell-day holds at least a batch, unless it is its cell's only day (then: the cell's total). */
async function assertNoSmallCellDay() {
  const rows = await dayRows();
  const perCell = new Map<string, number>();
  for (const r of rows) perCell.set(r.cell, (perCell.get(r.cell) ?? 0) + 1);
  for (const r of rows)
    assert.ok(
      r.completed >= BATCH_MINIMUM || perCell.get(r.cell) === 1,
      `${r.cell} on ${r.day}: ${r.completed}`,
    );
}

test('an anonymous wave: a cell-day count is a whole batch, recorded with the batch', async () => {
  await complete(cell(0).slice(0, 9));
  await recordProgress(database.db, key, wave.waveId);
  assert.deepEqual(await dayRows(), [], 'nine completions: no batch, no count');

  await complete([cell(0)[9]!, ...cell(3).slice(0, 11)]);
  assert.equal((await recordProgress(database.db, key, wave.waveId)).recorded, 21);
  const rows = await dayRows();
  assert.deepEqual(
    rows.map((r) => [r.day, r.completed]),
    [
      [today, 10],
      [today, 11],
    ],
  );
  // the cell is what a response stores: target group and standard strata, no person, no organisation
  const [targetGroup, ...strata] = JSON.parse(rows[0]!.cell) as [string, ...[string, string][]];
  assert.equal(targetGroup, 'office_holders');
  assert.ok(strata.some(([k, v]) => k === 'bg_layer' && v === 'gemeente'));
  assert.ok(!rows[0]!.cell.includes(wave.organisationIds[0]!));
  await assertNoSmallCellDay();

  const over = await responseOverTime(database.db, wave.waveId);
  assert.equal(over.dayKind, 'recorded');
  assert.deepEqual(over.counts, [
    { day: today, targetGroup: 'office_holders', layer: 'gemeente', completed: 21 },
  ]);
});

test('at the close a cell’s remainder below a batch joins the cell’s last day; a cell never batched is its total', async () => {
  // The earlier batches were "yesterday".
  await database.query(`update completion_days set day = day - 1 where wave_id = $1`, [wave.waveId]);
  await complete(cell(0).slice(10, 12)); // two more in cell 0 (batched before)
  await complete(cell(1).slice(0, 3)); // three in cell 1 (never batched)
  assert.equal((await recordProgress(database.db, key, wave.waveId)).recorded, 0);
  await database.query(`update waves set status = 'closed' where id = $1`, [wave.waveId]);
  assert.equal((await recordProgress(database.db, key, wave.waveId)).recorded, 5);
  const rows = await dayRows();
  assert.deepEqual(
    rows.map((r) => r.completed).sort((a, b) => a - b),
    [3, 11, 12],
  );
  assert.ok(
    rows.every((r) => r.completed !== 2),
    'the two of cell 0 did not get a day of their own',
  );
  await assertNoSmallCellDay();
  const total = rows.reduce((s, r) => s + r.completed, 0);
  const [invited] = await database.query<{ n: number }>(
    `select count(*)::int as n from invitations where wave_id = $1 and status = 'completed'`,
    [wave.waveId],
  );
  assert.equal(total, invited!.n, 'the counts add up to the completed invitations');
});

test('reminder days come from the reminder rounds; a confidential wave counts the days of completion', async () => {
  const other = await seedAnsweringWave(database, { persons: 3, anonymity: 'confidential' });
  await database.db.transaction(async (tx) => {
    for (const reminded of [40, 2])
      await audit(tx, systemActor, {
        action: 'wave.reminders.send',
        resourceType: 'wave',
        resourceId: other.waveId,
        diff: { reminded, mode: 'due' },
      });
  });
  for (const [i, day] of ['2026-03-02', '2026-03-02', '2026-03-04'].entries())
    await database.query(
      `insert into responses (wave_id, target_group, questionnaire_version_id, resume_key_hash, strata, status, started_on, completed_on)
       values ($1, 'office_holders', $2, $3, $4, 'completed', $5, $5)`,
      [
        other.waveId,
        other.versionId,
        randomUUID(),
        JSON.stringify({ bg_layer: i ? 'gemeente' : 'provincie' }),
        day,
      ],
    );
  const over = await responseOverTime(database.db, other.waveId);
  assert.equal(over.dayKind, 'completed');
  assert.deepEqual(over.counts, [
    { day: '2026-03-02', targetGroup: 'office_holders', layer: 'gemeente', completed: 1 },
    { day: '2026-03-02', targetGroup: 'office_holders', layer: 'provincie', completed: 1 },
    { day: '2026-03-04', targetGroup: 'office_holders', layer: 'gemeente', completed: 1 },
  ]);
  assert.deepEqual(over.reminders, [{ day: today, sent: 42 }]);
  // the anonymous wave had no reminder round
  assert.deepEqual((await responseOverTime(database.db, wave.waveId)).reminders, []);
});

test('any order of completions, batches, days and the close: no cell-day below a batch, and the counts add up', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          cell: fc.integer({ min: 0, max: 5 }),
          complete: fc.integer({ min: 0, max: 12 }),
          batch: fc.boolean(),
          nextDay: fc.boolean(),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      async (steps) => {
        // Person i has role i % 3 and gender i % 2: six cells of 12.
        const w = await seedAnsweringWave(database, { persons: 72 });
        const cellOf = (c: number) => w.invitationIds.filter((_, i) => i % 6 === c);
        const rows = () =>
          database.query<{ day: string; cell: string; completed: number }>(
            'select day::text, cell, completed from completion_days where wave_id = $1',
            [w.waveId],
          );
        const done = [0, 0, 0, 0, 0, 0];
        for (const step of steps) {
          const members = cellOf(step.cell);
          for (const id of members.slice(done[step.cell], done[step.cell]! + step.complete))
            await queueProgressMark(database.db, key, w.waveId, id, 'completed');
          done[step.cell] = Math.min(members.length, done[step.cell]! + step.complete);
          if (step.batch) await recordProgress(database.db, key, w.waveId);
          // the day passes: what was counted so far belongs to an earlier day
          if (step.nextDay)
            await database.query('update completion_days set day = day - 1 where wave_id = $1', [w.waveId]);
          for (const r of await rows()) assert.ok(r.completed >= BATCH_MINIMUM, `open: ${r.completed}`);
        }
        await database.query(`update waves set status = 'closed' where id = $1`, [w.waveId]);
        await recordProgress(database.db, key, w.waveId);
        const all = await rows();
        const perCell = new Map<string, number>();
        for (const r of all) perCell.set(r.cell, (perCell.get(r.cell) ?? 0) + 1);
        for (const r of all)
          assert.ok(r.completed >= BATCH_MINIMUM || perCell.get(r.cell) === 1, `closed: ${r.completed}`);
        assert.equal(
          all.reduce((sum, r) => sum + r.completed, 0),
          done.reduce((a, b) => a + b, 0),
        );
      },
    ),
    { numRuns: 10 },
  );
});
