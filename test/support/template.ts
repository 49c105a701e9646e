/**
 * Builds the migrated database templates once per test run (scripts/test.mjs calls this), so each
 * test file starts from a copy instead of running initdb and migrations again.
 *  - PGlite: a dumped data directory in .test-cache/, keyed by a hash of the migrations. Stored as a plain
 *    tar (41 MB, not gzipped): every test file loads it, and not inflating it saves about a quarter of
 *    the CPU time of opening a test database.
 *  - PostgreSQL (TEST_DATABASE_URL): a database `<name>_tpl_<hash>` that test files clone.
 *
 * The demo templates are the same with the full demo loaded (loadDemoData: two closed monitor waves of
 * about 3,300 office holders each, the meldpunt's incidents and reports, the demo users), for the tests
 * that need all of it: loading it takes half a minute of CPU, so a run loads it once per database kind
 * instead of once per test file. Keyed by a hash of the migrations, the sources the demo is made from
 * (every non-test file under src/ and data/) and today's date (the demo's dates count from the day it is
 * loaded). scripts/test.mjs builds them when a file in the run asks for them
 * (createDemoTestDatabase, `{ demo: true }`); a file run on its own builds them on first use.
 * src/platform/auth/demo-step.db.test.ts still loads the demo from scratch and checks it.
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
import { join, relative } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database.js';
import { migrationsFolder, runMigrations } from '../../src/platform/db/migrate.js';
import { projectPath, projectRoot } from '../../src/platform/paths.js';

export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder).sort()) {
    if (f.endsWith('.sql')) h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export const pgliteTemplatePath = () => projectPath('.test-cache', `pglite-${migrationsHash()}.tar`);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (!/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

let demoHashOnce: string | undefined;
/** What the demo data depends on: migrations, the non-test sources and data files, the date (in the Netherlands, as the demo counts its days). */
export function demoHash(): string {
  demoHashOnce ??= computeDemoHash();
  return demoHashOnce;
}

function computeDemoHash(): string {
  const h = createHash('sha256')
    .update(migrationsHash())
    .update(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
  const files = [...sourceFiles(projectPath('src')), ...sourceFiles(projectPath('data'))].sort();
  for (const f of files) h.update(relative(projectRoot, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

export const pgliteDemoTemplatePath = () => projectPath('.test-cache', `pglite-demo-${demoHash()}.tar`);

/** Loads the full demo data into a database (the composed modules are imported only when needed). */
async function loadDemo(database: Database): Promise<void> {
  const [{ loadDemoData }, { modules }] = await Promise.all([
    import('../../src/platform/demo/demo.js'),
    import('./modules.js'),
  ]);
  await loadDemoData(database, modules);
}

export async function ensurePgliteDemoTemplate(): Promise<string> {
  const path = pgliteDemoTemplatePath();
  if (existsSync(path)) return path;
  const database = await openDatabase({
    loadDataDir: new Blob([readFileSync(await ensurePgliteTemplate())]),
  });
  try {
    await loadDemo(database);
    const blob = await database.pglite!.dumpDataDir('none');
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, path);
  } finally {
    await database.close();
  }
  pruneOldTemplates();
  return path;
}

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
  pruneOldTemplates();
  return path;
}

/** Removes templates of other migration sets or demos unused for a day (a run in progress may still read a newer one). */
function pruneOldTemplates(): void {
  const dir = projectPath('.test-cache');
  const keep = [pgliteTemplatePath(), pgliteDemoTemplatePath()];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (!/^pglite-(demo-)?[0-9a-f]+\.tar(\.gz)?$/.test(f) || keep.includes(p)) continue;
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

export const postgresDemoTemplateName = (url: string) =>
  `${new URL(url).pathname.slice(1) || 'postgres'}_demo_${demoHash()}`;

export async function ensurePostgresTemplate(url: string): Promise<string> {
  return ensurePostgresDatabase(url, postgresTemplateName(url), undefined, runMigrations);
}

export async function ensurePostgresDemoTemplate(url: string): Promise<string> {
  const base = await ensurePostgresTemplate(url);
  const name = postgresDemoTemplateName(url);
  const built = await ensurePostgresDatabase(url, name, base, loadDemo);
  // Demo templates of other days or sources: dropped (one in use by a clone that is running refuses; a
  // run that still wants one builds it again).
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const prefix = name.slice(0, name.lastIndexOf('_') + 1);
    const old = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1) and datname <> $2',
      [prefix, name],
    );
    for (const { datname } of old.rows) {
      if (/_b\d+$/.test(datname)) continue; // being built
      await admin.query(`drop database if exists "${datname}"`).catch(() => {});
    }
  } finally {
    await admin.end();
  }
  return built;
}

/**
 * Makes database `name` unless it exists: built under a name of its own and renamed when complete, so
 * that a run stopped half-way leaves no half-built template behind and two builds at once do not clash.
 */
async function ensurePostgresDatabase(
  url: string,
  name: string,
  template: string | undefined,
  fill: (database: Database) => Promise<void>,
): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount !== 0) return name;
    const building = `${name}_b${process.pid}`.slice(0, 63);
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"${template ? ` template "${template}"` : ''}`);
    try {
      const database = await openDatabase({ databaseUrl: withDatabaseName(url, building), poolSize: 1 });
      try {
        await fill(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database "${building}" rename to "${name}"`);
    } catch (err) {
      await admin.query(`drop database if exists "${building}"`);
      // another run finished the same template first: use that one
      const done = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (done.rowCount === 0) throw err;
    }
  } finally {
    await admin.end();
  }
  return name;
}

// `template.ts`: the migrated templates; `template.ts demo-pglite` / `demo-postgres`: a demo template
// (scripts/test.mjs runs the two at once, after the migrated ones).
if (import.meta.url === `file://${process.argv[1]}`) {
  const what = process.argv[2];
  const url = process.env.TEST_DATABASE_URL;
  if (what === 'demo-pglite') await ensurePgliteDemoTemplate();
  else if (what === 'demo-postgres' && url) await ensurePostgresDemoTemplate(url);
  else if (!what) {
    await ensurePgliteTemplate();
    if (url) await ensurePostgresTemplate(url);
  }
}
