/**
 * Prepared JSON statements: the same rows on PGlite and PostgreSQL, parameters of every kind, an
 * error leaves the connection usable, and the same statement runs inside a transaction.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from './database.js';
import { jsonStatement, rowFromJson } from './json-statements.js';

/** A table of the kinds of column rows are made of (src/platform imports no domain's tables). */
const waves = pgTable('test_json_waves', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{}'::integer[]`),
  mailTemplates: jsonb('mail_templates').notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

let database: Database;
before(async () => {
  database = await createTestDatabase();
  await database.query(
    `create table test_json_waves (id uuid primary key default gen_random_uuid(), code text not null,
       name text not null, reminder_days integer[] not null default '{}'::integer[],
       mail_templates jsonb not null default '{}'::jsonb, created_at timestamptz not null default now(),
       closed_at timestamptz)`,
  );
});
after(() => database.close());

const echo = jsonStatement(
  'test_json_echo',
  `select json_build_object('text', $1::text, 'number', $2::int, 'missing', $3::text)::text
     from generate_series(1, $2::int)`,
);

test('rows come back as parsed JSON, parameters as text, numbers and null', async () => {
  for (let run = 0; run < 3; run++) {
    // Prepared once, run again: every run gives the same rows.
    const rows = await echo(database, ['é "quoted"', 2, null]);
    assert.deepEqual(rows, [
      { text: 'é "quoted"', number: 2, missing: null },
      { text: 'é "quoted"', number: 2, missing: null },
    ]);
  }
  assert.deepEqual(await echo(database, ['none', 0, null]), []);
});

test('an error rejects the run and leaves the database usable', async () => {
  const byId = jsonStatement(
    'test_json_by_id',
    'select to_json(w)::text from test_json_waves w where w.id = $1::uuid',
  );
  await assert.rejects(byId(database, ['not-a-uuid']));
  assert.deepEqual(await byId(database, ['00000000-0000-0000-0000-000000000000']), []);
  assert.equal((await database.query<{ n: number }>('select 1 as n'))[0]!.n, 1);
  assert.equal((await echo(database, ['after', 1, null])).length, 1);
});

test('inside a transaction the same statement sees the transaction; rows map like drizzle rows', async () => {
  const byCode = jsonStatement(
    'test_json_wave_by_code',
    'select to_json(w)::text from test_json_waves w where w.code = $1',
  );
  await database.db
    .transaction(async (tx) => {
      await tx.insert(waves).values({ code: 'json-statements', name: 'JSON', reminderDays: [3, 7] });
      const [json] = (await byCode(tx, ['json-statements'])) as Array<Record<string, unknown>>;
      const wave = rowFromJson(waves, json!);
      assert.equal(wave.name, 'JSON');
      assert.ok(wave.createdAt instanceof Date);
      assert.deepEqual(wave.reminderDays, [3, 7]);
      assert.deepEqual(wave.mailTemplates, {});
      assert.equal(wave.closedAt, null);
      tx.rollback();
    })
    .catch((err) => {
      if (!/rollback/i.test(String(err?.message ?? err))) throw err;
    });
  assert.deepEqual(await byCode(database, ['json-statements']), [], 'rolled back');
});
