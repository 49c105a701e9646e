/**
 * Opting out of an open anonymous wave (./opt-out.ts; docs/anonymity.md, "Opting out"): the request
 * writes a sealed mark and nothing else, reminder rounds skip the person at once, the cell's batch
 * records a non-completer's opt-out (and cancels their queued mail), a completer's waits for the close.
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

test('the request writes one sealed mark and nothing else; the page answers as before; rounds skip the person at once', async () => {
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

  // The next round: A gets nothing, the rest of A's cell does; B's cell waits for its batch (one
  // completion waiting: ./reminder-gate.ts).
  const second = await round();
  assert.equal(second.queued, 120 - 20 - 1);
  assert.equal(second.deferred, 20 - 1);
  assert.deepEqual(await remindersOf(a), ['1:queued']);
  assert.deepEqual(await remindersOf(cell(0)[1]!), ['1:queued', '2:queued']);
  // The follow-up list leaves A out; B too only once B's completion is recorded (leaving B out now
  // would show who completed a moment ago).
  const emails = new Set(
    (await nonRespondents(t.database.db, wave.waveId, key)).map((p) => p.email.toLowerCase()),
  );
  assert.ok(!emails.has(wave.emails[indexOf(a)]!.toLowerCase()));
  assert.ok(emails.has(wave.emails[indexOf(b)]!.toLowerCase()));
});

test("the cell's batch records a non-completer's opt-out and cancels their queued mail; a completer's waits for the close", async () => {
  // Ten completions in A's cell and nine more in B's: both cells are recorded in one batch.
  for (const id of cell(0).slice(1, 11))
    await queueProgressMark(t.database.db, key, wave.waveId, id, 'completed');
  for (const id of cell(1).slice(1, 10))
    await queueProgressMark(t.database.db, key, wave.waveId, id, 'completed');
  const r = await recordProgress(t.database.db, key, wave.waveId);
  assert.deepEqual({ recorded: r.recorded, optedOut: r.optedOut }, { recorded: 20, optedOut: 1 });
  assert.ok(await optedOutAt(a), "A's opt-out is recorded");
  assert.deepEqual(await remindersOf(a), ['1:cancelled']);
  // In the batch's transaction, with the completions it records.
  const [xa] = await t.database.query<{ x: string }>(
    'select f.xmin::text as x from frame_persons f join invitations i on i.frame_person_id = f.id where i.id = $1',
    [a],
  );
  const [xc] = await t.database.query<{ x: string }>(
    'select xmin::text as x from invitations where id = $1',
    [cell(0)[1]],
  );
  assert.equal(xa!.x, xc!.x);
  const [logged] = await t.database.query<{ diff: Record<string, number> }>(
    "select diff from audit_log where action = 'wave.progress.record' and resource_id = $1 order by seq desc limit 1",
    [wave.waveId],
  );
  assert.deepEqual(logged!.diff, { recorded: 20, optedOut: 1, cancelledMail: 1 });
  // B completed: their opt-out changes no mail and waits, sealed, for the close.
  assert.equal(await optedOutAt(b), null);
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), 1);

  await transitionWave(t.database.db, wave.waveId, 'close', cliActor('test'));
  const closed = await recordProgress(t.database.db, key, wave.waveId);
  assert.equal(closed.optedOut, 1);
  assert.ok(await optedOutAt(b), "B's opt-out is recorded at the close");
  assert.equal(await pendingProgressCount(t.database.db, wave.waveId), 0);
});

test('after the close an opt-out is written directly (the responses were rewritten at the close)', async () => {
  const c = cell(2)[0]!;
  assert.equal(await optOut(t.database.db, key, wave.tokens[indexOf(c)]!), true);
  assert.ok(await optedOutAt(c));
});
