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
