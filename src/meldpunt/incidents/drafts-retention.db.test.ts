/**
 * Drafts never sent (./retention.ts `purgeStaleDrafts`): removed whole after the organisation's
 * `draft_retention_days` (default 90) since their last change, with a deletion-log line and an audit
 * record; younger drafts, submitted incidents and other organisations' drafts within their own term stay.
 * And the coordinator's settings (./settings.ts): bounded, audited, only for the own coordinator, and
 * read by the purge.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { principalOf } from './fixtures.js';
import { purgeStaleDrafts } from './retention.js';
import { changeSettings, defaultSettings, settingsOf } from './settings.js';

let database: Database;
let orgA: string;
let orgB: string;
const NOW = new Date('2026-12-07T12:00:00Z');
const REPORTER = '11111111-1111-4111-8111-111111111111';

before(async () => {
  database = await createTestDatabase();
  const org = async (code: string) =>
    (
      await database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9611');
  orgB = await org('GM9612');
});
after(() => database.close());

async function incident(org: string, state: string, updatedAt: string) {
  const [row] = await database.query<{ id: string }>(
    `insert into incidents (organisation_id, state, reporter_user_id, description, forms, updated_at, submitted_at)
     values ($1, $2, $3, 'Concepttekst', '{threat}', $4, case when $2 = 'draft' then null else $4::timestamptz end)
     returning id`,
    [org, state, REPORTER, updatedAt],
  );
  await database.query("insert into incident_perpetrator_names (incident_id, name) values ($1, 'Karel')", [
    row!.id,
  ]);
  return row!.id;
}

test('the coordinator sets the periods; bounds hold; changes are audited; others may not', async () => {
  const c = await createUser(database, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
  const coordinator = principalOf(c, { [orgB]: ['coordinator'] });
  assert.deepEqual(await settingsOf(database.db, coordinator, orgB), defaultSettings);
  const changed = await changeSettings(database.db, coordinator, orgB, { draftRetentionDays: 30 });
  assert.deepEqual(changed, { ...defaultSettings, draftRetentionDays: 30 });
  assert.deepEqual(await settingsOf(database.db, coordinator, orgB), changed);
  await assert.rejects(changeSettings(database.db, coordinator, orgB, { retentionYears: 0 }));
  await assert.rejects(changeSettings(database.db, coordinator, orgB, { draftRetentionDays: 3 }));
  await assert.rejects(changeSettings(database.db, coordinator, orgA, { retentionYears: 2 }), {
    code: 'forbidden',
  });
  const h = await createUser(database, { memberships: [{ organisationId: orgB, role: 'case_handler' }] });
  await assert.rejects(settingsOf(database.db, principalOf(h, { [orgB]: ['case_handler'] }), orgB));
  const audited = await database.query<{ diff: unknown }>(
    "select diff from audit_log where action = 'incident.settings' and organisation_id = $1",
    [orgB],
  );
  assert.deepEqual(
    audited.map((a) => a.diff),
    [{ draftRetentionDays: { from: 90, to: 30 } }],
  );
});

test('drafts never sent go after their period, whole and logged; nothing else goes', async () => {
  const stale = await incident(orgA, 'draft', '2026-08-01T00:00:00Z'); // 128 days
  const young = await incident(orgA, 'draft', '2026-10-01T00:00:00Z'); // 67 days
  const sent = await incident(orgA, 'gemeld', '2026-01-01T00:00:00Z');
  const staleB = await incident(orgB, 'draft', '2026-10-01T00:00:00Z'); // 67 days, B keeps drafts 30 days

  assert.equal(await purgeStaleDrafts(database.db, systemActor, NOW), 2);
  assert.equal(await purgeStaleDrafts(database.db, systemActor, NOW), 0, 'nothing twice');

  const left = await database.query<{ id: string }>('select id from incidents where id = any($1::uuid[])', [
    [stale, young, sent, staleB],
  ]);
  assert.deepEqual(new Set(left.map((r) => r.id)), new Set([young, sent]));
  const names = await database.query<{ incident_id: string }>(
    'select incident_id from incident_perpetrator_names where incident_id = any($1::uuid[])',
    [[stale, staleB]],
  );
  assert.equal(names.length, 0, 'the perpetrator name went with the draft');
  const log = await database.query<{ incident_id: string; removed: string[] }>(
    'select incident_id, removed from incident_deletion_log where incident_id = any($1::uuid[])',
    [[stale, young, sent, staleB]],
  );
  assert.deepEqual(new Set(log.map((l) => l.incident_id)), new Set([stale, staleB]));
  assert.ok(log.every((l) => l.removed.join() === 'draft'));
  const audited = await database.query<{ resource_id: string; diff: unknown }>(
    "select resource_id, diff from audit_log where action = 'incident.draft-purge'",
  );
  assert.deepEqual(new Set(audited.map((a) => a.resource_id)), new Set([stale, staleB]));
  assert.ok(!JSON.stringify(audited).includes('Concepttekst') && !JSON.stringify(audited).includes('Karel'));
});
