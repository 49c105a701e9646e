/**
 * Anonymity by construction (docs/anonymity.md), proven on the schema and on the data after a small
 * anonymous wave has been answered end to end through the HTTP routes:
 * - the responses table has no column and no foreign key that refers to a person, a frame row, an
 *   invitation or a user; its uuid columns are a known list, and the person-ish ones are null;
 * - no value of a response row equals an invitation id, frame person id, e-mail, name, organisation
 *   id, token or token hash; dates have no time;
 * - from everything the database holds, no response can be found for an invitation; with the link
 *   token (and the server key) exactly the right one is found;
 * - answering writes no audit record that mentions a response or an invitation.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cliActor } from '../../platform/audit/audit.js';
import { sendReminders } from '../fieldwork/invitations.js';
import { recordProgress } from '../fieldwork/progress.js';
import { responseKeyFor, resumeKeyHash } from './keys.js';
import { Respondent } from './respondent-client.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';

let t: TestApp;
let wave: SeededWave;
let confidential: SeededWave;
let named: SeededWave;
let auditBefore: number;
/** Each respondent's answers, by token. */
const answered = new Map<string, string>();

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

async function answer(token: string, verbal: string, complete: boolean): Promise<void> {
  const base = `/r/${token}`;
  const r = Respondent.inject(t.app);
  await r.get(base);
  await r.post(`${base}/start`);
  await r.get(`${base}/s/agressie`);
  const p = await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: verbal,
    agr_physical_12m: 'nooit',
    bg_years_in_office: String(verbal.length),
    _action: 'next',
  });
  assert.equal(p.status, 303);
  answered.set(token, verbal);
  if (verbal !== 'nooit') {
    await r.post(`${base}/s/melden`, {
      report_to: ['anders'],
      report_to_anders_tekst: 'bij de wijkagent',
      support_colleagues: 'ja',
      support_family: 'nee',
      _action: 'next',
    });
  }
  await r.post(`${base}/s/afsluiting`, { remarks: '', _action: 'next' });
  if (complete) assert.equal((await r.post(`${base}/submit`)).location, `${base}/done`);
}

before(async () => {
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: 6 });
  confidential = await seedAnsweringWave(t.database, { persons: 1, anonymity: 'confidential' });
  named = await seedAnsweringWave(t.database, { persons: 1, anonymity: 'named' });
  auditBefore = (await t.database.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
  const verbal = ['nooit', 'een_keer', 'vaker', 'nooit', 'een_keer'];
  for (let i = 0; i < 5; i++) await answer(wave.tokens[i]!, verbal[i]!, i < 4);
  await answer(confidential.tokens[0]!, 'vaker', true);
  await answer(named.tokens[0]!, 'vaker', true);
});
after(() => t.close());

test('schema: responses refer to no person, frame row, invitation or user', async () => {
  const fks = await t.database.query<{ table_name: string; column_name: string; foreign_table: string }>(`
    select kcu.table_name, kcu.column_name, ccu.table_name as foreign_table
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
      and kcu.table_name in ('responses', 'response_recodes')`);
  const targets = new Set(fks.filter((f) => f.table_name === 'responses').map((f) => f.foreign_table));
  assert.deepEqual([...targets], ['waves'], 'responses may only refer to its wave');
  for (const f of fks.filter((f) => f.table_name === 'response_recodes'))
    assert.ok(['responses'].includes(f.foreign_table), `response_recodes → ${f.foreign_table}`);

  // Nothing refers to a response except its recodes (so no table pairs a response with a person).
  const toResponses = await t.database.query<{ table_name: string }>(`
    select distinct kcu.table_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'responses'`);
  assert.deepEqual(
    toResponses.map((r) => r.table_name),
    ['response_recodes'],
  );

  const columns = await t.database.query<{ column_name: string; data_type: string }>(`
    select column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name = 'responses' order by ordinal_position`);
  const names = columns.map((c) => c.column_name);
  for (const n of names)
    assert.doesNotMatch(
      n,
      /invitation|token|email|user|name|person(?!_id$)/,
      `responses.${n} looks personal`,
    );
  const uuids = columns
    .filter((c) => c.data_type === 'uuid')
    .map((c) => c.column_name)
    .sort();
  assert.deepEqual(
    uuids,
    ['frame_person_id', 'id', 'organisation_id', 'questionnaire_version_id', 'wave_id'],
    'a new uuid column in responses must be justified in docs/anonymity.md and added here',
  );
  const times = columns.filter((c) => /time/.test(c.data_type)).map((c) => c.column_name);
  assert.deepEqual(times, [], 'responses keep dates only, no time stamps');
  // The invitation knows only a status: no time stamp of starting or completing.
  const invColumns = (
    await t.database.query<{ column_name: string }>(
      "select column_name from information_schema.columns where table_schema = 'public' and table_name = 'invitations'",
    )
  ).map((c) => c.column_name);
  for (const n of invColumns)
    assert.doesNotMatch(n, /start|complet|respon|answer|resume/, `invitations.${n}`);
});

test('data: anonymous responses hold no identifying value and no time', async () => {
  const rows = await t.database.query<Record<string, unknown>>(
    'select *, started_on::text as started_text, completed_on::text as completed_text, row_to_json(responses)::text as json from responses where wave_id = $1',
    [wave.waveId],
  );
  assert.equal(rows.length, 5);
  const invitations = await t.database.query<{ id: string; token_hash: string; frame_person_id: string }>(
    'select id, token_hash, frame_person_id from invitations where wave_id = $1',
    [wave.waveId],
  );
  const persons = await t.database.query<{
    id: string;
    name: string;
    email: string;
    organisation_id: string;
    strata: unknown;
  }>('select id, name, email, organisation_id, strata from frame_persons where wave_id = $1', [wave.waveId]);
  const forbidden = [
    ...invitations.flatMap((i) => [i.id, i.token_hash, i.frame_person_id]),
    ...persons.flatMap((p) => [p.id, p.name, p.email, p.organisation_id]),
    ...wave.tokens,
    'wijk-', // the frame file's free stratum column
  ];
  for (const row of rows) {
    assert.equal(row.organisation_id, null);
    assert.equal(row.frame_person_id, null);
    const json = String(row.json).toLowerCase();
    for (const f of forbidden) assert.ok(!json.includes(f.toLowerCase()), `response ${row.id} contains ${f}`);
    assert.match(String(row.started_text), /^\d{4}-\d{2}-\d{2}$/);
    if (row.completed_text !== null) assert.match(String(row.completed_text), /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(Object.keys(row.strata as object).sort(), [
      'bg_gender',
      'bg_layer',
      'bg_org_size',
      'bg_province',
      'bg_role',
      'bg_role_group',
    ]);
  }
  // Progress reaches the invitations in batches of at least 10 per cell (../fieldwork/progress.ts):
  // none here (every cell has one person) until the minimum is lowered (as a reminder round does).
  const key = responseKeyFor(t.app.deps.config);
  assert.equal((await recordProgress(t.database.db, key, wave.waveId)).recorded, 0);
  assert.equal((await recordProgress(t.database.db, key, wave.waveId, 1)).recorded, 5);
  const statuses = await t.database.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from invitations where wave_id = $1 group by status order by status',
    [wave.waveId],
  );
  assert.deepEqual(statuses, [
    { status: 'completed', n: 4 },
    { status: 'not_started', n: 1 },
    { status: 'started', n: 1 },
  ]);
});

test('confidential and named waves keep exactly what they promise', async () => {
  const [c] = await t.database.query<{
    organisation_id: string | null;
    frame_person_id: string | null;
    strata: any;
  }>('select organisation_id, frame_person_id, strata from responses where wave_id = $1', [
    confidential.waveId,
  ]);
  assert.equal(c!.organisation_id, confidential.organisationIds[0]);
  assert.equal(c!.frame_person_id, null);
  const [n] = await t.database.query<{ organisation_id: string | null; frame_person_id: string | null }>(
    'select organisation_id, frame_person_id from responses where wave_id = $1',
    [named.waveId],
  );
  assert.equal(n!.organisation_id, named.organisationIds[0]);
  assert.equal(n!.frame_person_id, named.framePersonIds[0]);
});

test('without the link no response can be found for a person; with it, exactly theirs', async () => {
  const responses = await t.database.query<{
    id: string;
    resume_key_hash: string;
    answers: Record<string, unknown>;
  }>('select id, resume_key_hash, answers from responses where wave_id = $1', [wave.waveId]);
  const keys = new Set(responses.map((r) => r.resume_key_hash));
  const invitations = await t.database.query<{ id: string; token_hash: string; frame_person_id: string }>(
    'select id, token_hash, frame_person_id from invitations where wave_id = $1',
    [wave.waveId],
  );
  const serverKey = responseKeyFor(t.app.deps.config);
  // Everything derivable from what the database holds — even with the server key — matches nothing.
  for (const inv of invitations) {
    for (const stored of [inv.id, inv.token_hash, inv.frame_person_id]) {
      for (const candidate of [
        stored,
        sha256(stored),
        sha256(createHmac('sha256', serverKey).update(stored).digest()),
        resumeKeyHash(serverKey, stored),
      ])
        assert.ok(!keys.has(candidate), 'a response key is derivable from stored invitation data');
    }
  }
  // Cross-table equality of identifiers: no column value of a response equals one of an invitation or person.
  const joins = await t.database.query<{ n: number }>(
    `select count(*)::int as n from responses r, invitations i join frame_persons p on p.id = i.frame_person_id
     where r.wave_id = $1 and i.wave_id = $1 and (
       r.id in (i.id, i.frame_person_id, p.id) or r.resume_key_hash in (i.token_hash, p.email)
       or r.organisation_id in (p.organisation_id, p.id) or r.frame_person_id in (p.id, i.id))`,
    [wave.waveId],
  );
  assert.equal(joins[0]!.n, 0);

  // The holder of the link finds exactly their own response.
  for (const [token, verbal] of answered) {
    if (!wave.tokens.includes(token)) continue;
    const mine = responses.filter((r) => r.resume_key_hash === resumeKeyHash(serverKey, token));
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.answers.agr_verbal_12m, verbal);
  }
});

test('answering writes no audit record', async () => {
  const entries = await t.database.query<{ action: string; text: string }>(
    'select action, row_to_json(audit_log)::text as text from audit_log order by seq offset $1',
    [auditBefore],
  );
  const ids = [...wave.invitationIds, ...wave.framePersonIds, ...wave.tokens];
  const responseIds = (await t.database.query<{ id: string }>('select id from responses')).map((r) => r.id);
  for (const e of entries)
    for (const id of [...ids, ...responseIds])
      assert.ok(!e.text.includes(id), `audit ${e.action} mentions ${id}`);
});

test('a reminder round before the batch: everyone not completed gets a new link and keeps the old one, who started continues with theirs, who completed gets none, and nothing is recorded', async () => {
  const w = await seedAnsweringWave(t.database, { persons: 3 });
  const [starter, finisher] = w.tokens as [string, string, string];
  const r = Respondent.inject(t.app);
  await r.get(`/r/${starter}`);
  assert.equal((await r.post(`/r/${starter}/start`)).status, 303);
  await r.post(`/r/${starter}/s/agressie`, {
    agr_verbal_12m: 'nooit',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '2',
    _action: 'next',
  });
  await answer(finisher, 'nooit', true);
  // The batch has not run (one person per cell): the invitations know nothing yet.
  const statuses = () =>
    t.database.query<{ status: string; token_hash: string; reminders_sent: number }>(
      'select status, token_hash, reminders_sent from invitations where id = any($1::uuid[]) order by array_position($1::uuid[], id)',
      [w.invitationIds],
    );
  assert.deepEqual(
    (await statuses()).map((s) => s.status),
    ['not_started', 'not_started', 'not_started'],
  );
  const hashes = (await statuses()).map((s) => s.token_hash);
  const config = t.app.deps.config;
  const sent = await sendReminders(t.database.db, config, w.waveId, cliActor('test'), { mode: 'now' });
  assert.equal(sent.queued, 2, 'the one who completed gets no reminder');
  const after = await statuses();
  // The round read the waiting marks but recorded nothing: a batch of one would point at one response.
  assert.deepEqual(
    after.map((s) => [s.status, s.reminders_sent]),
    [
      ['not_started', 1],
      ['not_started', 0],
      ['not_started', 1],
    ],
  );
  const [marks] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from invitation_progress where wave_id = $1',
    [w.waveId],
  );
  assert.ok(marks!.n >= 2, 'the marks still wait for a batch of 10');
  // Both get a new link, whether or not they started: what the round writes does not tell who started.
  assert.notEqual(after[0]!.token_hash, hashes[0]);
  assert.notEqual(after[2]!.token_hash, hashes[2]);
  const [kept] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from invitation_links where invitation_id = any($1::uuid[])',
    [[w.invitationIds[0], w.invitationIds[2]]],
  );
  assert.equal(kept!.n, 2, 'their earlier links are kept');
  const bodies = await t.database.query<{ text_body: string }>(
    'select text_body from mail_messages where idempotency_key = any($1::text[]) order by array_position($1::text[], idempotency_key)',
    [[`reminder:${w.invitationIds[0]}:1`, `reminder:${w.invitationIds[2]}:1`]],
  );
  const linkOf = (body: string) => /\/r\/([A-Za-z0-9_-]{22,})/.exec(body)![1]!;
  // The same text for both (but the name in the greeting and the links).
  const shape = (body: string) =>
    body
      .replace(/\/r\/[A-Za-z0-9_-]+/g, '/r/…')
      .split('\n')
      .slice(1)
      .join('\n');
  assert.equal(shape(bodies[0]!.text_body), shape(bodies[1]!.text_body));
  // The starter's link still leads to their saved answers; their new link starts nothing.
  const page = await r.get(`/r/${starter}/s/agressie`);
  assert.equal(page.status, 200);
  assert.match(page.body, /value="2"/);
  const starterNew = linkOf(bodies[0]!.text_body);
  const other = Respondent.inject(t.app);
  const elsewhere = await other.get(`/r/${starterNew}`);
  assert.equal(elsewhere.status, 409);
  assert.match(elsewhere.body, /al begonnen met de link uit een eerdere e-mail/);
  const [responsesOfWave] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from responses where wave_id = $1',
    [w.waveId],
  );
  assert.equal(responsesOfWave!.n, 2, 'no second response');
  // Who had not started can use either link, but only one of them starts: "Begin" with both at once
  // gives one response (the other waits for the first's lock and sees its mark).
  const fresh = w.tokens[2]!;
  const freshNew = linkOf(bodies[1]!.text_body);
  const [a, b] = [Respondent.inject(t.app), Respondent.inject(t.app)];
  assert.equal((await a.get(`/r/${fresh}`)).status, 200);
  assert.equal((await b.get(`/r/${freshNew}`)).status, 200);
  const started = await Promise.all([a.post(`/r/${fresh}/start`), b.post(`/r/${freshNew}/start`)]);
  assert.deepEqual(started.map((s) => s.status).sort(), [303, 409]);
  const [responsesNow] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from responses where wave_id = $1',
    [w.waveId],
  );
  assert.equal(responsesNow!.n, 3, 'one response for the two links');
  assert.equal(
    (await Respondent.inject(t.app).get(`/r/${started[0]!.status === 303 ? freshNew : fresh}`)).status,
    409,
  );
  // The finisher's link shows that they completed.
  assert.match((await Respondent.inject(t.app).get(`/r/${finisher}`)).body, /al ingevuld/);
});
