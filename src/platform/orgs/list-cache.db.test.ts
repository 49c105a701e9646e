/**
 * Cached registry lists never outlive a change to the registry: made through the service, by plain SQL,
 * or by another process (a second connection pool on PostgreSQL). Inside a transaction the list is
 * always read, so a transaction sees its own changes.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testBackend } from '../../../test/support/database.js';
import { systemActor } from '../audit/audit.js';
import { type Database, openDatabase } from '../db/database.js';
import { registryPageLoads } from './repository.js';
import { createOrganisation, listOrganisations } from './service.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
  await database.query(
    "insert into organisations (code, layer, name, province_code) values ('GM9801', 'gemeente', 'Lijstdorp', 'PV26'), ('GM9802', 'gemeente', 'Lijststad', 'PV27')",
  );
});
after(() => database.close());

const names = (page: { items: readonly { name: string }[] }) => page.items.map((o) => o.name);

test('the same query is answered from the cache while the registry does not change', async () => {
  const first = await listOrganisations(database, { q: 'lijst' });
  const loads = registryPageLoads();
  const again = await listOrganisations(database, { q: 'lijst' });
  assert.equal(registryPageLoads(), loads, 'no query for the second list');
  assert.deepEqual(names(again), names(first));
  assert.deepEqual(names(first), ['Lijstdorp', 'Lijststad']);
  assert.ok(Object.isFrozen(again.items[0]), 'shared lists cannot be changed by a caller');
  await listOrganisations(database, { q: 'lijst', pageSize: 1 });
  assert.equal(registryPageLoads(), loads + 1, 'another query is read');
});

test('a change through the service, or by plain SQL, is seen by the next list', async () => {
  await listOrganisations(database, { q: 'lijst' });
  await createOrganisation(
    database.db,
    { code: 'GM9803', layer: 'gemeente', name: 'Lijstveen', provinceCode: 'PV27' },
    systemActor,
  );
  assert.deepEqual(names(await listOrganisations(database, { q: 'lijst' })), [
    'Lijstdorp',
    'Lijststad',
    'Lijstveen',
  ]);
  await database.query("update organisations set name = 'Lijstburg' where code = 'GM9801'");
  assert.deepEqual(names(await listOrganisations(database, { q: 'lijst' })), [
    'Lijstburg',
    'Lijststad',
    'Lijstveen',
  ]);
  await database.query("delete from organisations where code = 'GM9803'");
  assert.equal((await listOrganisations(database, { q: 'lijst' })).total, 2);
});

test('inside a transaction the list is read, including the transaction’s own changes', async () => {
  await listOrganisations(database, { q: 'lijst' });
  await database.db
    .transaction(async (tx) => {
      await tx.execute(
        sql`insert into organisations (code, layer, name, province_code) values ('GM9804', 'gemeente', 'Lijsthoek', 'PV26')`,
      );
      assert.equal((await listOrganisations(tx, { q: 'lijst' })).total, 3);
      throw new Error('roll back');
    })
    .catch((e: Error) => assert.equal(e.message, 'roll back'));
  assert.equal((await listOrganisations(database, { q: 'lijst' })).total, 2, 'the rollback is not cached');
});

test('a change made by another process is seen by the next list', {
  skip: testBackend() !== 'postgres' ? 'one process owns an embedded database: runs on PostgreSQL' : false,
}, async () => {
  const other = await openDatabase({ databaseUrl: database.url!, poolSize: 2 });
  try {
    assert.equal((await listOrganisations(database, { q: 'lijst' })).total, 2);
    assert.equal((await listOrganisations(other, { q: 'lijst' })).total, 2);
    await other.query("update organisations set name = 'Lijstmeer' where code = 'GM9802'");
    assert.deepEqual(names(await listOrganisations(database, { q: 'lijst' })), ['Lijstburg', 'Lijstmeer']);
  } finally {
    await other.close();
  }
});
