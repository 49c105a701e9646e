import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectPath } from '../paths.js';
import type { Database } from './database.js';

export const migrationsFolder = projectPath('drizzle');

/** Applies pending migrations; a re-run does nothing. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migrateNodePg(database.db as any, { migrationsFolder });
}

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

/** For /ready: are all migrations of this build applied? */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const rows = await database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    applied = rows[0]?.n ?? 0;
  } catch {
    applied = 0;
  }
  return { applied, expected: journal.entries.length, current: applied >= journal.entries.length };
}
