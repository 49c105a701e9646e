/**
 * A real, migrated database for one test file: PGlite in memory from the template by default, or a
 * fresh PostgreSQL database cloned from the template when the file runs in the PostgreSQL pass
 * (WEERBAAR_TEST_BACKEND=postgres, set by scripts/test.mjs for *.db.test.ts files).
 * createDemoTestDatabase: the same with the full demo loaded, from the demo template (template.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import {
  ensurePgliteDemoTemplate,
  ensurePgliteTemplate,
  ensurePostgresDemoTemplate,
  ensurePostgresTemplate,
  withDatabaseName,
} from './template.js';

export const testBackend = (): 'pglite' | 'postgres' =>
  process.env.WEERBAAR_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  if (testBackend() === 'postgres') return createPostgresTestDatabase(options.demo ?? false);
  const path = options.demo ? await ensurePgliteDemoTemplate() : await ensurePgliteTemplate();
  return openDatabase({ loadDataDir: new Blob([readFileSync(path)]) });
}

/** A test database with the full demo loaded (the demo template: loaded once per run, not per file). */
export const createDemoTestDatabase = () => createTestDatabase({ demo: true });

async function createPostgresTestDatabase(demo: boolean): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('WEERBAAR_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const template = demo ? await ensurePostgresDemoTemplate(url) : await ensurePostgresTemplate(url);
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
