/**
 * Closing an anonymous wave rewrites its responses in random order: afterwards the physical row
 * order is not the order of answering and every row has the close's transaction id, while every
 * value (answers, strata, dates, revisions) and every recoding is kept.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { responseKeyFor } from '../answering/keys.js';
import { seedAnsweringWave } from '../answering/seed-wave.js';
import { openLink, startResponse } from '../answering/service.js';
import { transitionWave } from '../fieldwork/waves-service.js';
import { responseRecodes } from './schema.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const serverKey = () => responseKeyFor(loadConfig({ NODE_ENV: 'test' }));

/** Every respondent presses "Begin" in turn (one row each, in this order) and saves an answer. */
async function answerInOrder(tokens: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const link = await openLink(database, serverKey(), token);
    assert.equal(link.kind, 'open');
    if (link.kind !== 'open') throw new Error('not open');
    const row = await startResponse(database, link);
    await database.query('update responses set answers = $1::jsonb, revision = revision + 1 where id = $2', [
      JSON.stringify({ agr_verbal_12m: i % 3 ? 'nooit' : 'vaker', bg_years_in_office: i }),
      row.id,
    ]);
    ids.push(row.id);
  }
  return ids;
}

const physicalOrder = async (waveId: string) =>
  (
    await database.query<{ id: string }>('select id from responses where wave_id = $1 order by ctid', [
      waveId,
    ])
  ).map((r) => r.id);

const contents = async (waveId: string) =>
  (
    await database.query<Record<string, unknown>>(
      `select id, target_group, questionnaire_version_id, resume_key_hash, strata, organisation_id, frame_person_id,
              answers, status, current_section, started_on::text, completed_on::text, revision
         from responses where wave_id = $1 order by id`,
      [waveId],
    )
  ).map((r) => JSON.stringify(r));

test('closing an anonymous wave puts its responses in random physical order, nothing lost', async () => {
  const n = 40; // a random permutation of 40 rows is the identity with probability 1/40! ≈ 1e-48
  const wave = await seedAnsweringWave(database, { persons: n });
  const answeringOrder = await answerInOrder(wave.tokens);
  const recoded = answeringOrder[7]!;
  await database.db.insert(responseRecodes).values({
    responseId: recoded,
    itemCode: 'report_to',
    originalText: 'bij de wijkagent',
    recodedTo: 'politie',
  });

  // Before: rows lie in the order of answering, each from its own transaction (what the rewrite removes).
  assert.deepEqual(await physicalOrder(wave.waveId), answeringOrder);
  const xminsBefore = await database.query<{ n: number }>(
    'select count(distinct xmin::text)::int as n from responses where wave_id = $1',
    [wave.waveId],
  );
  assert.equal(xminsBefore[0]!.n, n);
  const before = await contents(wave.waveId);

  await transitionWave(database.db, wave.waveId, 'close', cliActor('test'));

  const order = await physicalOrder(wave.waveId);
  assert.notDeepEqual(order, answeringOrder, 'physical order is no longer the order of answering');
  assert.deepEqual([...order].sort(), [...answeringOrder].sort());
  const xminsAfter = await database.query<{ n: number }>(
    'select count(distinct xmin::text)::int as n from responses where wave_id = $1',
    [wave.waveId],
  );
  assert.equal(xminsAfter[0]!.n, 1, 'every row carries the transaction id of the close');
  assert.deepEqual(await contents(wave.waveId), before, 'every value is kept');
  const recodes = await database.query<{ response_id: string; recoded_to: string }>(
    'select response_id, recoded_to from response_recodes where response_id = $1',
    [recoded],
  );
  assert.deepEqual(recodes, [{ response_id: recoded, recoded_to: 'politie' }], 'recodings are kept');
});

test('closing an anonymous wave reduces the answering days to the period of the wave', async () => {
  const wave = await seedAnsweringWave(database, { persons: 12 });
  await answerInOrder(wave.tokens);
  // Answers given on different days (a reminder day in between would split the respondents by day).
  await database.query(
    `update responses set started_on = current_date - (random() * 20)::int,
                          completed_on = current_date - (random() * 10)::int
      where wave_id = $1`,
    [wave.waveId],
  );
  const days = async () =>
    database.query<{ started: number; completed: number }>(
      `select count(distinct started_on)::int as started, count(distinct completed_on)::int as completed
         from responses where wave_id = $1`,
      [wave.waveId],
    );
  assert.ok((await days())[0]!.started > 1, 'the test starts with several days');
  await transitionWave(database.db, wave.waveId, 'close', cliActor('test'));
  assert.deepEqual(await days(), [{ started: 1, completed: 1 }]);
  const [row] = await database.query<{ started: string; completed: string; opened: string; today: string }>(
    `select min(r.started_on)::text as started, min(r.completed_on)::text as completed,
            (coalesce(min(w.opened_at), now()) at time zone 'Europe/Amsterdam')::date::text as opened,
            (now() at time zone 'Europe/Amsterdam')::date::text as today
       from responses r join waves w on w.id = r.wave_id where r.wave_id = $1`,
    [wave.waveId],
  );
  // calendar days in the Netherlands, as the answering service records them (also just after midnight there)
  assert.equal(row!.started, row!.opened, 'started: the day the wave opened');
  assert.equal(row!.completed, row!.today, 'completed: the day it closed');
});

test('confidential waves are not rewritten; an anonymous wave closed again is rewritten again', async () => {
  const confidential = await seedAnsweringWave(database, { persons: 5, anonymity: 'confidential' });
  const order = await answerInOrder(confidential.tokens);
  await transitionWave(database.db, confidential.waveId, 'close', cliActor('test'));
  assert.deepEqual(await physicalOrder(confidential.waveId), order);

  const anonymous = await seedAnsweringWave(database, { persons: 30 });
  await answerInOrder(anonymous.tokens);
  await transitionWave(database.db, anonymous.waveId, 'close', cliActor('test'));
  const first = await physicalOrder(anonymous.waveId);
  const before = await contents(anonymous.waveId);
  await transitionWave(database.db, anonymous.waveId, 'reopen', cliActor('test'));
  await transitionWave(database.db, anonymous.waveId, 'close', cliActor('test'));
  assert.notDeepEqual(await physicalOrder(anonymous.waveId), first);
  assert.deepEqual(await contents(anonymous.waveId), before);
});
