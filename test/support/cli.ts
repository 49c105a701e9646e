/**
 * Running `weerbaar` as a real process in tests, fast:
 *  - the compiled bundle (dist/cli.js) when scripts/test.mjs has just built it (WEERBAAR_TEST_CLI_BUILD=1),
 *    otherwise the TypeScript sources through tsx;
 *  - an embedded data directory seeded from the migrated test template, instead of an initdb per test.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { projectPath, projectRoot } from '../../src/platform/paths.js';
import { ensurePgliteDemoTemplate, ensurePgliteTemplate } from './template.js';

export function cliCommand(): string[] {
  return process.env.WEERBAAR_TEST_CLI_BUILD === '1'
    ? [projectPath('dist/cli.js')]
    : ['--import', 'tsx', projectPath('src/cli/main.ts')];
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runWeerbaar(
  args: string[],
  options: { dataDir?: string; env?: Record<string, string>; input?: string; timeout?: number } = {},
): CliResult {
  const res: SpawnSyncReturns<string> = spawnSync(process.execPath, [...cliCommand(), ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      ...(options.dataDir ? { WEERBAAR_DATA_DIR: options.dataDir } : {}),
      ...options.env,
    },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: options.timeout ?? 180_000,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * Makes `dataDir` an embedded database with every migration applied (about 1 s instead of an initdb);
 * `{ demo: true }`: with the full demo loaded too (the demo template, see template.ts).
 */
export async function seedDataDir(dataDir: string, options: { demo?: boolean } = {}): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const template = options.demo ? await ensurePgliteDemoTemplate() : await ensurePgliteTemplate();
  const pg = await PGlite.create(join(dataDir, 'pgdata'), {
    loadDataDir: new Blob([readFileSync(template)]),
  });
  await pg.close();
  return dataDir;
}
