/**
 * A real, migrated database for one test file: PGlite in memory from the template by default, or a
 * fresh PostgreSQL database cloned from the template when the file runs in the PostgreSQL pass
 * (WEERBAAR_TEST_BACKEND=postgres, set by scripts/test.mjs for *.db.test.ts files).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { ensurePgliteTemplate, ensurePostgresTemplate, withDatabaseName } from './template.js';

export const testBackend = (): 'pglite' | 'postgres' =>
  process.env.WEERBAAR_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export async function createTestDatabase(): Promise<Database> {
  if (testBackend() === 'postgres') return createPostgresTestDatabase();
  const path = await ensurePgliteTemplate();
  return openDatabase({ loadDataDir: new Blob([readFileSync(path)]) });
}

async function createPostgresTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('WEERBAAR_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const template = await ensurePostgresTemplate(url);
  const name = `wbt_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 4 });
  const close = database.close;
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists "${name}"`);
    await a.end();
  };
  return database;
}
