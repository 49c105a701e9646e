import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { purgedData, purgeExpired } from './retention.js';

let database: Database;
let orgA: string;
let orgShort: string;
const NOW = new Date('2026-12-07T12:00:00Z');

before(async () => {
  database = await createTestDatabase();
  const org = async (code: string) =>
    (
      await database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9601');
  orgShort = await org('GM9602');
  await database.query('insert into incident_settings (organisation_id, retention_years) values ($1, 3)', [
    orgShort,
  ]);
});
after(() => database.close());

const REPORTER = '11111111-1111-4111-8111-111111111111';

/** An incident with personal data everywhere it can be: names, text, evidence, history, tasks, measures. */
async function incident(org: string, state: string, closedAt: string | null) {
  const [row] = await database.query<{ id: string }>(
    `insert into incidents (organisation_id, state, reporter_user_id, concerned_user_id, concerned_name, concerned_role,
       occurred_on, occurred_time, channel, channel_detail, forms, severity, description, perpetrator_description,
       submitted_at, closed_at)
     values ($1, $2, $3, $3, 'Anna Raad', 'raadslid', '2020-03-17', '21:30', 'social_media', 'X-account @anna',
       '{threat,doxing}', 'serious', 'Geheime beschrijving', 'Lange man', '2020-03-18', $4) returning id`,
    [org, state, REPORTER, closedAt],
  );
  const id = row!.id;
  await database.query(
    "insert into incident_perpetrator_names (incident_id, name) values ($1, 'Karel Dader')",
    [id],
  );
  await database.query(
    `insert into incident_evidence (id, incident_id, file_name, content_type, size_bytes, wrapped_key, sealed, uploaded_by)
     values (gen_random_uuid(), $1, 'anna.png', 'image/png', 1, 'v1:x', '\\x00', $2)`,
    [id, REPORTER],
  );
  await database.query(
    "insert into incident_state_changes (incident_id, to_state, actor_label, note) values ($1, 'gemeld', 'anna@example.org', 'Notitie')",
    [id],
  );
  await database.query(
    "insert into incident_tasks (incident_id, kind, title, due_on) values ($1, 'other', 'Bel Anna', '2020-03-20')",
    [id],
  );
  await database.query(
    "insert into incident_measures (incident_id, kind, decided_on, note) values ($1, 'talk', '2020-03-21', 'Gesprek met Karel')",
    [id],
  );
  return id;
}

test('retention removes exactly the personal data of incidents closed long enough ago, and logs it', async () => {
  const expired = await incident(orgA, 'afgesloten', '2021-06-01T00:00:00Z'); // 5.5 years
  const recent = await incident(orgA, 'afgesloten', '2022-06-01T00:00:00Z'); // 4.5 years
  const open = await incident(orgA, 'in_behandeling', null);
  const shortTerm = await incident(orgShort, 'afgesloten', '2023-06-01T00:00:00Z'); // 3.5 years, 3-year term

  assert.equal(await purgeExpired(database.db, systemActor, NOW), 2);
  assert.equal(await purgeExpired(database.db, systemActor, NOW), 0, 'nothing twice');

  const rows = await database.query<Record<string, unknown>>(
    `select id, reporter_user_id, concerned_user_id, concerned_name, concerned_role, occurred_on::text as occurred_on,
       occurred_time, channel, channel_detail, forms, severity, description, perpetrator_description, purged_at
     from incidents where id = any($1::uuid[])`,
    [[expired, recent, open, shortTerm]],
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  for (const id of [expired, shortTerm]) {
    const r = byId.get(id)!;
    assert.equal(r.reporter_user_id, '00000000-0000-0000-0000-000000000000');
    for (const f of [
      'concerned_user_id',
      'concerned_name',
      'occurred_time',
      'channel_detail',
      'description',
      'perpetrator_description',
    ])
      assert.equal(r[f], null, f);
    // The counted record stays.
    assert.equal(r.occurred_on, '2020-03-01');
    assert.equal(r.concerned_role, 'raadslid');
    assert.equal(r.channel, 'social_media');
    assert.equal(r.severity, 'serious');
    assert.ok(r.purged_at);
  }
  for (const id of [recent, open]) {
    const r = byId.get(id)!;
    assert.equal(r.description, 'Geheime beschrijving', 'kept');
    assert.equal(r.purged_at, null);
  }
  const count = async (table: string, id: string) =>
    (
      await database.query<{ n: number }>(`select count(*)::int as n from ${table} where incident_id = $1`, [
        id,
      ])
    )[0]!.n;
  for (const table of ['incident_perpetrator_names', 'incident_evidence', 'incident_state_changes']) {
    assert.equal(await count(table, expired), 0, table);
    assert.equal(await count(table, recent), 1, table);
  }
  const texts = await database.query<{ title: string | null; note: string | null }>(
    `select t.title, m.note from incident_tasks t join incident_measures m on m.incident_id = t.incident_id where t.incident_id = $1`,
    [expired],
  );
  assert.deepEqual(texts, [{ title: null, note: null }]);

  const log = await database.query<{ incident_id: string; removed: string[] | string }>(
    'select incident_id, removed from incident_deletion_log order by seq',
  );
  assert.deepEqual(log.map((l) => l.incident_id).sort(), [expired, shortTerm].sort());
  const removed = Array.isArray(log[0]!.removed)
    ? log[0]!.removed
    : String(log[0]!.removed).slice(1, -1).split(',');
  assert.deepEqual(removed, [...purgedData]);
  const audits = await database.query<{ diff: unknown }>(
    "select diff from audit_log where action = 'incident.purge' and resource_id = $1",
    [expired],
  );
  assert.equal(audits.length, 1);
  assert.doesNotMatch(JSON.stringify(audits), /Anna|Karel|Geheime/);
});

test('the history stays append-only outside retention', async () => {
  const id = await incident(orgA, 'gemeld', null);
  await assert.rejects(
    database.query('delete from incident_state_changes where incident_id = $1', [id]),
    /append-only/,
  );
});
