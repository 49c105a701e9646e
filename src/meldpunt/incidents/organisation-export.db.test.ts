import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { exportColumns, organisationCsv } from './organisation-export.js';

let database: Database;
let org: string;
let other: string;

before(async () => {
  database = await createTestDatabase();
  const mk = async (code: string) =>
    (
      await database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  org = await mk('GM9801');
  other = await mk('GM9802');
  const user = '11111111-1111-4111-8111-111111111111';
  for (const [o, state] of [
    [org, 'gemeld'],
    [org, 'draft'],
    [other, 'gemeld'],
  ] as const)
    await database.query(
      `insert into incidents (organisation_id, state, reporter_user_id, concerned_name, description, forms, severity, submitted_at)
       values ($1, $2, $3, 'Anna Raad', 'Geheime tekst', '{threat,doxing}', 'serious', now())`,
      [o, state, user],
    );
});
after(() => database.close());

test("the CSV export holds the organisation's submitted incidents, their counted fields only", async () => {
  const csv = await organisationCsv(database.db, cliActor('incidents export'), org);
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], exportColumns.join(','));
  assert.equal(lines.length, 2, 'one submitted incident; no draft, nothing of the other organisation');
  assert.match(lines[1]!, /,gemeld,.*threat;doxing.*,serious,/);
  assert.doesNotMatch(csv, /Anna|Geheime/);
  const audits = await database.query<{ diff: { rows: number } }>(
    "select diff from audit_log where action = 'incident.export'",
  );
  assert.equal(audits[0]!.diff.rows, 1);
});
