import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../db/database.js';
import { audit, systemActor } from './audit.js';
import { auditLog } from './schema.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('an audit entry is written in the transaction and rolls back with it', async () => {
  await database.db.transaction(async (tx) => {
    await audit(tx, systemActor, { action: 'test.kept', resourceType: 'test' });
  });
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await audit(tx, systemActor, { action: 'test.rolled_back', resourceType: 'test' });
      throw new Error('boom');
    }),
  );
  const rows = await database.db.select().from(auditLog);
  assert.deepEqual(
    rows.map((r) => r.action),
    ['test.kept'],
  );
});

test('the database refuses UPDATE and DELETE on the audit log', async () => {
  const refused = (e: any) => /append-only/.test(String(e?.cause?.message ?? e?.message));
  await assert.rejects(database.db.execute(sql`update audit_log set action = 'x'`), refused);
  await assert.rejects(database.db.execute(sql`delete from audit_log`), refused);
});

test('verify finds a tampered entry and names it', async () => {
  const { verifyAuditChain } = await import('./verify.js');
  for (let i = 0; i < 3; i++) {
    await database.db.transaction((tx) =>
      audit(tx, systemActor, { action: `test.n${i}`, resourceType: 'test', diff: { i: [i, i + 1] } }),
    );
  }
  const before = await verifyAuditChain(database.db);
  assert.equal(before.ok, true);
  assert.equal(before.checked, 4);
  // Someone with table-owner rights switches the guard off and edits history.
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
  await database.db.execute(sql`update audit_log set diff = '{"i":[0,99]}' where action = 'test.n0'`);
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  const after = await verifyAuditChain(database.db);
  assert.equal(after.ok, false);
  assert.equal(after.brokenAt?.seq, 2);
  assert.match(after.brokenAt!.reason, /content/);
});
