/**
 * Opens the database: embedded PGlite (default, one process owns the data directory) or a
 * PostgreSQL server (DATABASE_URL). Both speak the same SQL; keep it PostgreSQL 15 compatible.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export type Db = PgDatabase<any, Record<string, never>>;
export type Tx = PgTransaction<any, Record<string, never>, any>;
/** Repositories accept either, so a service can run several of them in one transaction. */
export type DbOrTx = Db | Tx;

/** Plain SQL access, e.g. for pg-boss or health checks. Returns rows. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  query: RawQuery;
  /** The embedded instance, when kind is 'pglite'. */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The connection string, when kind is 'postgres' (pg-boss opens its own small pool with it). */
  url?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory for PGlite; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A dumped PGlite data directory to start from (tests: a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (dataDir) {
    lock = acquireDataDirLock(dataDir);
    dir = join(dataDir, 'pgdata');
    mkdirSync(dataDir, { recursive: true });
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    query: async (text, params) => (await client.query(text, params)).rows as any,
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail early with the server's message rather than on the first request.
  const c = await pool.connect();
  c.release();
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    url,
    query: async (text, params) => (await pool.query(text, params)).rows,
    close: () => pool.end(),
  };
}
