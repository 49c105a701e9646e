/**
 * Builds the migrated database templates once per test run (scripts/test.mjs calls this), so each
 * test file starts from a copy instead of running initdb and migrations again.
 *  - PGlite: a dumped data directory in .test-cache/, keyed by a hash of the migrations. Stored as a plain
 *    tar (41 MB, not gzipped): every test file loads it, and not inflating it saves about a quarter of
 *    the CPU time of opening a test database.
 *  - PostgreSQL (TEST_DATABASE_URL): a database `<name>_template` that test files clone.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrationsFolder, runMigrations } from '../../src/platform/db/migrate.js';
import { projectPath } from '../../src/platform/paths.js';

export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export const pgliteTemplatePath = () => projectPath('.test-cache', `pglite-${migrationsHash()}.tar`);

export async function ensurePgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  mkdirSync(projectPath('.test-cache'), { recursive: true });
  const database = await openDatabase({});
  await runMigrations(database);
  const blob = await database.pglite!.dumpDataDir('none');
  // Written aside and renamed, so a concurrent reader never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, path);
  await database.close();
  pruneOldTemplates(path);
  return path;
}

/** Removes templates of other migration sets unused for a day (a run in progress may still read a newer one). */
function pruneOldTemplates(keep: string): void {
  const dir = projectPath('.test-cache');
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (!/^pglite-[0-9a-f]+\.tar(\.gz)?$/.test(f) || p === keep) continue;
    if (Date.now() - statSync(p).mtimeMs > 86_400_000) rmSync(p, { force: true });
  }
}

/** `postgres://u:p@h/db` → same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const postgresTemplateName = (url: string) =>
  `${new URL(url).pathname.slice(1) || 'postgres'}_tpl_${migrationsHash()}`;

export async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = postgresTemplateName(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${name}"`);
      const database = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 1 });
      await runMigrations(database);
      await database.close();
    }
  } finally {
    await admin.end();
  }
  return name;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensurePgliteTemplate();
  if (process.env.TEST_DATABASE_URL) await ensurePostgresTemplate(process.env.TEST_DATABASE_URL);
}
