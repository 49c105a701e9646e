/**
 * Prepared statements for hot paths (a respondent's link pages run theirs on every request). Each
 * statement returns its rows as one JSON text column, so both drivers give the same values:
 *
 *   const byKey = jsonStatement('responses_by_key', 'select to_json(r)::text from responses r where r.resume_key_hash = $1');
 *   const [row] = await byKey(database, [keyHash]); // parsed JSON; map it with rowFromJson(responses, row)
 *
 * - PostgreSQL: node-postgres prepares the named statement on each pooled connection the first time
 *   it runs there.
 * - PGlite: `query()` parses and plans every statement again (six protocol messages into WASM per
 *   query). Here the statement is parsed once per instance under its name, and each run is one
 *   Bind/Execute/Sync message, under the same two mutexes `query()` takes (so it never runs inside
 *   another caller's transaction).
 * - Given a transaction (or drizzle database) instead of a `Database`, the same text runs unprepared
 *   on that connection, so a service can use the statement inside its transaction too.
 * A name stands for one text for the life of the process: make each statement once, at module level.
 * Tested in json-statements.db.test.ts.
 */
import { type PGlite, protocol } from '@electric-sql/pglite';
import { getTableColumns, type Table } from 'drizzle-orm';
import { sqlClientOf } from '../jobs/jobs.js';
import type { Database, DbOrTx } from './database.js';

export type JsonStatementParam = string | number | null;
export type JsonStatement = (db: Database | DbOrTx, params: JsonStatementParam[]) => Promise<unknown[]>;

export const isDatabase = (db: Database | DbOrTx): db is Database =>
  'kind' in db && 'query' in db && 'db' in db;

const parsed = new WeakMap<PGlite, Set<string>>();
const sync = protocol.serialize.sync();
const execute = protocol.serialize.execute({});

async function runOnPglite(pg: PGlite, name: string, text: string, params: JsonStatementParam[]) {
  return pg._runExclusiveTransaction(() =>
    pg._runExclusiveQuery(async () => {
      const names = parsed.get(pg) ?? new Set<string>();
      parsed.set(pg, names);
      if (!names.has(name)) {
        await pg.execProtocolStream(concat([protocol.serialize.parse({ name, text }), sync]), {
          syncToFs: false,
        });
        names.add(name);
      }
      const values = params.map((p) => (p === null ? null : String(p)));
      const messages = await pg.execProtocolStream(
        concat([protocol.serialize.bind({ statement: name, values }), execute, sync]),
      );
      const rows: unknown[] = [];
      for (const m of messages)
        if (m.name === 'dataRow') {
          const field = (m as unknown as { fields: Array<string | null> }).fields[0];
          rows.push(field === null || field === undefined ? null : JSON.parse(field));
        }
      return rows;
    }),
  );
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A named statement whose first column is JSON text (`…::text`); runs return the parsed values. */
export function jsonStatement(name: string, text: string): JsonStatement {
  const fromRows = (rows: Array<Record<string, unknown>>) =>
    rows.map((r) => {
      const v = Object.values(r)[0];
      return typeof v === 'string' ? JSON.parse(v) : (v ?? null);
    });
  return async (db, params) => {
    if (!isDatabase(db)) return fromRows((await sqlClientOf(db).query(text, params)).rows);
    if (db.kind === 'pglite') return runOnPglite(db.pglite!, name, text, params);
    return fromRows((await db.pool!.query({ name, text, values: params })).rows);
  };
}

/**
 * A table's row from its `to_json(t)` (snake_case keys, timestamps as text), mapped as drizzle maps
 * a selected row: camelCase keys, timestamps as Date, jsonb as is.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const v = json[column.name];
    out[key] =
      v === null || v === undefined ? null : column.dataType === 'json' ? v : column.mapFromDriverValue(v);
  }
  return out as T['$inferSelect'];
}
