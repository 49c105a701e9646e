/**
 * Reminder rounds in an anonymous wave against a copy of the database (./reminder-gate.ts,
 * docs/anonymity.md "Reminder rounds"). A cell of 20: three of its members complete between two
 * rounds. Before the gate, the second round reminded the other 17, and a copy tied each of the three
 * responses (completed after the first round) to the three invitations the second round left out. Now
 * the round defers the cell (nobody in it is reminded, and the page says so), records a cell once 10
 * completions wait, and a copy leaves every completed response at least 10 candidates of its cell.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { modules } from '../../../test/support/modules.js';
import { createUser } from '../../../test/support/principals.js';
import {
  boundFor,
  completionCandidates,
  completionTimes,
  currentLink,
  storedRounds,
} from '../../../test/support/reminder-attack.js';
import { cliActor } from '../../platform/audit/audit.js';
import { jobDefinition } from '../../platform/jobs/jobs.js';
import { loadJobModules } from '../../platform/jobs/runtime.js';
import { responseKeyFor, resumeKeyHash } from '../answering/keys.js';
import { Respondent } from '../answering/respondent-client.js';
import { type SeededWave, seedAnsweringWave } from '../answering/seed-wave.js';
import { sendReminders } from './invitations.js';
import { recordProgress } from './progress.js';

let t: TestApp;
let wave: SeededWave;
/** Invitation → cell (the seed gives person i the role i % 3 and the gender i % 2: six cells of 20). */
const cells = new Map<string, string>();
/** Response id → invitation id: known to the test only. */
const truth = new Map<string, string>();

before(async () => {
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: 120 });
  for (const [i, id] of wave.invitationIds.entries()) cells.set(id, `${i % 3}/${i % 2}`);
});
after(() => t.close());

/** Person i answers and completes through the HTTP routes, with the link they hold now. */
async function complete(i: number) {
  const token = await currentLink(t.database, wave.invitationIds[i]!, wave.tokens[i]!);
  const base = `/r/${token}`;
  const r = Respondent.inject(t.app);
  await r.get(base);
  assert.equal((await r.post(`${base}/start`)).status, 303);
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'nooit',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '3',
    _action: 'next',
  });
  await r.post(`${base}/s/afsluiting`, { remarks: '', _action: 'next' });
  assert.equal((await r.post(`${base}/submit`)).location, `${base}/done`);
  const [row] = await t.database.query<{ id: string }>(
    'select id from responses where resume_key_hash = $1',
    [resumeKeyHash(responseKeyFor(t.app.deps.config), token)],
  );
  truth.set(row!.id, wave.invitationIds[i]!);
}

const round = () =>
  sendReminders(t.database.db, t.app.deps.config, wave.waveId, cliActor('test'), {
    mode: 'now',
    minHoursSinceLast: 0,
  });

/** The attack on a copy taken now: every completed response keeps min(10, its status group) candidates. */
async function assertNoNarrowing(label: string) {
  const stored = await storedRounds(t.database, wave.waveId, cells);
  for (const [response, at] of await completionTimes(t.database, wave.waveId)) {
    const own = truth.get(response)!;
    const candidates = completionCandidates(stored, cells.get(own)!, at);
    assert.ok(candidates.includes(own), `${label}: the attack ruled out the right invitation`);
    const bound = boundFor(stored, own);
    assert.ok(
      candidates.length >= bound,
      `${label}: a response narrowed to ${candidates.length} invitations of its cell (at least ${bound} required)`,
    );
  }
}

/** Person indexes of cell 0/0. */
const cellZero = Array.from({ length: 20 }, (_, k) => 6 * k);

test('a round after 3 completions in a cell defers that cell; the copy keeps 10 candidates', async () => {
  assert.deepEqual(await round(), { queued: 120, remaining: 0, deferred: 0 });
  for (const i of cellZero.slice(0, 3)) await complete(i);
  // The batch does not record 3 of a cell.
  assert.equal(
    (await recordProgress(t.database.db, responseKeyFor(t.app.deps.config), wave.waveId)).recorded,
    0,
  );

  const researcher = await createUser(t, { platformRoles: ['researcher'] });
  const page = await t.app.inject({
    method: 'GET',
    url: `/waves/${wave.waveId}/reminders`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="confirm-deferred"[^>]*>\s*17 personen krijgen nu nog geen herinnering/);

  // The other 17 of the cell are not reminded now; the other cells are.
  assert.deepEqual(await round(), { queued: 100, remaining: 0, deferred: 17 });
  await assertNoNarrowing('after a round with 3 waiting in the cell');
  const [audit] = await t.database.query<{ diff: { reminded: number; deferred: number } }>(
    "select diff from audit_log where action = 'wave.reminders.send' order by seq desc limit 1",
  );
  assert.deepEqual([audit!.diff.reminded, audit!.diff.deferred], [100, 17]);
});

test('at 10 waiting completions the round records them and reminds the rest of the cell', async () => {
  for (const i of cellZero.slice(3, 10)) await complete(i);
  assert.deepEqual(await round(), { queued: 110, remaining: 0, deferred: 0 });
  const [{ n }] = (await t.database.query<{ n: number }>(
    "select count(*)::int as n from invitations where wave_id = $1 and status = 'completed'",
    [wave.waveId],
  )) as [{ n: number }];
  assert.equal(n, 10, 'recorded in the round, all ten in one transaction');
  await assertNoNarrowing('after the round that recorded the cell');

  // Two more: the batch waits, the next round defers the cell's 8 non-respondents.
  for (const i of cellZero.slice(10, 12)) await complete(i);
  assert.deepEqual(await round(), { queued: 100, remaining: 0, deferred: 8 });
  await assertNoNarrowing('after a round with 2 waiting');
});

test('scheduled reminders a cell deferred go out with the batch that records the cell', async () => {
  await loadJobModules(modules);
  const context = {
    database: t.database,
    config: t.app.deps.config,
    jobId: 'test',
    attempt: 1,
    lastAttempt: false,
    log: { info() {}, warn() {}, error() {} },
  };
  // A schedule that makes every next reminder due at once.
  await t.database.query(`update waves set reminder_days = '{0,0,0,0,0,0,0,0}' where id = $1`, [wave.waveId]);
  const cellOne = Array.from({ length: 20 }, (_, k) => 6 * k + 1);
  const sentTo = async () =>
    new Map(
      (
        await t.database.query<{ id: string; n: number }>(
          'select id, reminders_sent as n from invitations where id = any($1::uuid[])',
          [cellOne.map((i) => wave.invitationIds[i]!)],
        )
      ).map((r) => [r.id, r.n]),
    );
  for (const i of cellOne.slice(0, 3)) await complete(i);
  const before = await sentTo();
  await jobDefinition('fieldwork.reminders-due')!.handler({}, context);
  const deferred = await sentTo();
  assert.deepEqual(deferred, before, 'the scheduled round defers the cell');
  await assertNoNarrowing('after a scheduled round with 3 waiting');
  for (const i of cellOne.slice(3, 10)) await complete(i);
  // The batch records the ten and, right after, the cell's due reminders go.
  const run = (await jobDefinition('fieldwork.progress')!.handler({}, context)) as { recorded: number };
  assert.equal(run.recorded, 10);
  const after = await sentTo();
  const open = cellOne.slice(10).map((i) => wave.invitationIds[i]!);
  for (const id of open) assert.equal(after.get(id), deferred.get(id)! + 1, 'reminded after the batch');
  await assertNoNarrowing('after the batch and its reminders');
});
