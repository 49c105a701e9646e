/**
 * `weerbaar report` as a real process: clear refusals with their exit codes (unknown wave, unknown
 * kind or language, --pdf without Chromium) and a run that writes whatever the registered
 * definitions list (the files themselves are checked in src/results/publications/render.db.test.ts
 * and pdf.browser.test.ts, with a test-only product).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import { openConfiguredDatabase } from '../../platform/server.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-report-cli-'));
const data = join(dir, 'data');
const out = join(dir, 'out');
before(async () => {
  await seedDataDir(data);
  const database = await openConfiguredDatabase(loadConfig({ NODE_ENV: 'test', WEERBAAR_DATA_DIR: data }));
  try {
    await createWave(database.db, { code: 'report-2024', name: 'Monitor 2024' }, cliActor('test'));
  } finally {
    await database.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

const weerbaar = (args: string[], env: Record<string, string> = {}) =>
  runWeerbaar(['report', ...args], { dataDir: data, env, timeout: 300_000 });

test('weerbaar report: refusals with exit codes, then the registered products', () => {
  const unknown = weerbaar(['no-such-wave', '--out', out]);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /no-such-wave/);

  const kind = weerbaar(['report-2024', '--out', out, '--only', 'poster']);
  assert.equal(kind.status, 2, kind.stderr);
  assert.match(kind.stderr, /--only: expected one of report-safety, .*annex \(got poster\)/);
  const lang = weerbaar(['report-2024', '--out', out, '--lang', 'de']);
  assert.equal(lang.status, 2);
  assert.match(lang.stderr, /--lang: expected nl or en \(got de\)/);
  const noOut = weerbaar(['report-2024']);
  assert.notEqual(noOut.status, 0);
  assert.match(noOut.stderr, /--out/);

  const noChromium = weerbaar(['report-2024', '--out', out, '--pdf'], {
    CHROMIUM_PATH: join(dir, 'no-chromium'),
  });
  assert.notEqual(noChromium.status, 0);
  assert.match(noChromium.stderr, /--pdf needs Chromium.*no-chromium is not executable.*CHROMIUM_PATH/);

  const ok = weerbaar(['report-2024', '--out', out, '--lang', 'en']);
  assert.equal(ok.status, 0, ok.stderr);
  const written = ok.stdout.split('\n').filter(Boolean);
  for (const line of written) assert.ok(existsSync(line.split('\t')[0]!), line);
  if (written.length === 0) assert.match(ok.stderr, /report-2024 has no publications yet/);
});
