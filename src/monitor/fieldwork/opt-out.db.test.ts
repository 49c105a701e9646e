/**
 * Opting out of an open anonymous wave (./opt-out.ts; docs/anonymity.md, "Opting out"): the request
 * writes a sealed mark and nothing else; a reminder round defers a cell with 1–9 new opt-outs and
 * skips them 10 at a time; no batch records an opt-out before the close.
 * The attack on a whole run is in ../answering/anonymity-attack.db.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cliActor } from '../../platform/audit/audit.js';
import { responseKeyFor } from '../answering/keys.js';
import { Respondent } from '../answering/respondent-client.js';
import { type SeededWave, seedAnsweringWave } from '../answering/seed-wave.js';
import { nonRespondents, sendReminders } from './invitations.js';
import { optOut } from './opt-out.js';
import { pendingProgressCount, queueProgressMark, recordProgress } from './progress.js';
import { transitionWave } from './waves-service.js';

let t: TestApp;
let wave: SeededWave;
let key: Buffer;
/** The seed gives person i the role i % 3 and the gender i % 2: six cells of 20. */
const cell = (c: number) => wave.invitationIds.filter((_, i) => i % 6 === c);
const indexOf = (id: string) => wave.invitationIds.indexOf(id);
/** A: has not started, in cell 0. B: completes and opts out right after, in cell 1. */
let a: string;
let b: string;

before(async () => {
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: 120 });
  key = responseKeyFor(t.app.deps.config);
  a = cell(0)[0]!;
  b = cell(1)[0]!;
});
after(() => t.close());

const round = () =>
  sendReminders(t.database.db, t.app.deps.config, wave.waveId, cliActor('test'), {
    mode: 'now',
    minHoursSinceLast: 0,
  });
const one = async <T>(sql: string, params: unknown[] = []) => (await t.database.query<T>(sql, params))[0]!;
const traces = async () => ({
  audit: (await one<{ n: number }>('select count(*)::int as n from audit_log')).n,
  jobs: (await one<{ n: number }>('select count(*)::int as n from pgboss.job')).n,
  mail: await t.database.query<{ id: string; status: string; xmin: string }>(
    'select id, status, xmin::text from mail_messages order by id',
  ),
  persons: await t.database.query<{ id: string; opted: Date | null; xmin: string }>(
    'select id, opted_out_at as opted, xmin::text from frame_persons where wave_id = $1 order by id',
    [wave.waveId],
  ),
  invitations: await t.database.query<{ id: string; xmin: string }>(
    'select id, xmin::text from invitations where wave_id = $1 order by id',
    [wave.waveId],
  ),
});
const remindersOf = async (id: string) =>
  (
    await t.database.query<{ key: string; status: string }>(
      'select idempotency_key as key, status from mail_messages where idempotency_key like $1 order by 1',
      [`reminder:${id}:%`],
    )
  ).map((m) => `${m.key.split(':')[2]}:${m.status}`);
const optedOutAt = async (id: string) =>
  (
    await one<{ at: Date | null }>(
      'select f.opted_out_at as at from frame_persons f join invitations i on i.frame_person_id = f.id where i.id = $1',
      [id],
    )
  ).at;

test('the request writes one sealed mark and nothing else; rounds skip opt-outs of a cell only 10 at a time', async () => {
  assert.equal((await round()).queued, 120, 'a first round reminds everyone');
  // B completes (a sealed completion mark, as the answering pages write it), then both opt out.
  await queueProgressMark(t.database.db, key, wave.waveId, b, 'completed');
  const before = await traces();
  const marks = await pendingProgressCount(t.database.db, wave.waveId);
  const r = Respondent.inject(t.app);
  const path = `/r/${wave.tokens[indexOf(a)]}/afmelden`;
  assert.match((await r.get(path)).body, /Ja, meld mij af/);
  const done = await r.post(path);
  assert.equal(done.status, 200);
  assert.match(done.body, /U bent afgemeld/);
  assert.equal(await optOut(t.database.db, key, wave.tokens[indexOf(b)]!), true);
  // Nothing but the two marks: no person, invitation, mail, job or audit record changed.
  assert.deepEqual(await traces(), before);
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), marks + 2);
  // The page says "opted out" from the mark; again is idempotent (no second mark).
  assert.match((await r.get(path)).body, /U bent afgemeld/);
  assert.equal(await optOut(t.database.db, key, wave.tokens[indexOf(a)]!), true);
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), marks + 2);
  assert.equal(await optOut(t.database.db, key, 'B'.repeat(43)), false);

  // The next round: A gets nothing, and neither does the rest of A's cell (skipping A alone would show
  // who opted out); B's cell waits for its batch (one completion waiting: ./reminder-gate.ts).
  const second = await round();
  assert.equal(second.queued, 120 - 20 - 20);
  assert.equal(second.deferred, 19 + 19);
  assert.deepEqual(await remindersOf(a), ['1:queued']);
  assert.deepEqual(await remindersOf(cell(0)[1]!), ['1:queued']);
  // The follow-up list keeps A (leaving A out would show the same) and B (completed a moment ago).
  const listed = async () =>
    new Set((await nonRespondents(t.database.db, wave.waveId, key)).map((p) => p.email.toLowerCase()));
  assert.ok((await listed()).has(wave.emails[indexOf(a)]!.toLowerCase()));
  assert.ok((await listed()).has(wave.emails[indexOf(b)]!.toLowerCase()));

  // Nine more of A's cell opt out: the next round skips the ten together and reminds the other ten.
  for (const id of cell(0).slice(1, 10))
    assert.equal(await optOut(t.database.db, key, wave.tokens[indexOf(id)]!), true);
  const third = await round();
  assert.equal(third.queued, 120 - 20 - 10);
  assert.equal(third.deferred, 19);
  assert.deepEqual(await remindersOf(a), ['1:queued']);
  assert.deepEqual(await remindersOf(cell(0)[10]!), ['1:queued', '2:queued']);
  const [skipped] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from invitations i where i.id = any($1::uuid[]) and i.reminders_sent = 1`,
    [cell(0)],
  );
  assert.equal(skipped!.n, 10, 'the round skipped 10 of the cell at once');
  // Seen: the follow-up list leaves them out now; the marks were rewritten, not recorded.
  assert.ok(!(await listed()).has(wave.emails[indexOf(a)]!.toLowerCase()));
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), marks + 11);
  assert.equal(await optedOutAt(a), null);
  // Another round finds nothing new in A's cell and reminds its other ten again.
  assert.equal((await round()).queued, 120 - 20 - 10);
});

test('no batch records an opt-out while the wave is open (nor the completion of someone seen opting out); the close records them all', async () => {
  // Ten completions in A's cell, among them one of the seen opt-outs, and ten in cell 2.
  for (const id of [...cell(0).slice(9, 20), ...cell(2).slice(0, 10)])
    await queueProgressMark(t.database.db, key, wave.waveId, id, 'completed');
  const r = await recordProgress(t.database.db, key, wave.waveId);
  assert.deepEqual({ recorded: r.recorded, optedOut: r.optedOut }, { recorded: 20, optedOut: 0 });
  assert.equal(await optedOutAt(a), null);
  // The cost: mail queued before the opt-out is not cancelled before the close.
  assert.deepEqual(await remindersOf(a), ['1:queued']);
  const [seen] = await t.database.query<{ status: string }>('select status from invitations where id = $1', [
    cell(0)[9],
  ]);
  assert.equal(seen!.status, 'not_started', "a seen opt-out's completion waits for the close");

  await transitionWave(t.database.db, wave.waveId, 'close', cliActor('test'));
  const closed = await recordProgress(t.database.db, key, wave.waveId);
  assert.equal(closed.optedOut, 11);
  for (const id of [a, b, ...cell(0).slice(1, 10)]) assert.ok(await optedOutAt(id), 'recorded at the close');
  assert.deepEqual(await remindersOf(a), ['1:cancelled']);
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), 0);
});

test('after the close an opt-out is written directly (the responses were rewritten at the close)', async () => {
  const c = cell(2)[0]!;
  assert.equal(await optOut(t.database.db, key, wave.tokens[indexOf(c)]!), true);
  assert.ok(await optedOutAt(c));
});
