/**
 * `weerbaar results weight|compute|status` and `weerbaar indicators list|show|import|export` end to
 * end: real processes on an embedded data directory holding one small closed demo wave.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runWeerbaar, seedDataDir } from '../../../test/support/cli.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import { runMigrations } from '../../platform/db/migrate.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { openConfiguredDatabase } from '../../platform/server.js';
import { loadDemoWave } from '../../results/demo/demo-step.js';
import { smallDemoOrganisations } from '../../results/demo/small.js';
import { demoWaveTruths } from '../../results/demo/waves.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-results-cli-'));
const data = join(dir, 'data');
before(async () => {
  await seedDataDir(data);
  const database = await openConfiguredDatabase(loadConfig({ NODE_ENV: 'test', WEERBAAR_DATA_DIR: data }));
  try {
    await runMigrations(database);
    const actor = cliActor('test');
    await database.db.transaction(async (tx) => {
      await loadRegistry(tx, actor);
      await loadTemplates(tx, actor);
      await loadDemoWave(tx, demoWaveTruths.find((w) => w.year === 2024)!, actor, smallDemoOrganisations());
      await createWave(tx, { code: 'still-open', name: 'Nog open' }, actor);
    });
  } finally {
    await database.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

const weerbaar = (...args: string[]) => runWeerbaar(args, { dataDir: data, timeout: 300_000 });

test('results weight | compute | status, with progress and clear refusals', () => {
  const open = weerbaar('results', 'weight', 'still-open');
  assert.equal(open.status, 2, open.stderr);
  assert.match(open.stderr, /still-open is draft: close it before weighting/);

  const w = weerbaar('results', 'weight', 'monitor-2024');
  assert.equal(w.status, 0, w.stderr);
  assert.match(w.stdout, /^office_holders\tn=\d+\tN=\d+\tKish deff/m);
  assert.match(w.stdout, /layer_role\tgemeente × raadslid\tN=\d+/);
  assert.match(w.stderr, /weighting: \d+\/\d+ done/);
  assert.equal(weerbaar('results', 'weight', 'monitor-2024', '--trim', '2,1').status, 2);

  const none = weerbaar('results', 'status', 'monitor-2024');
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /no results run yet/);

  const c = weerbaar('results', 'compute', 'monitor-2024');
  assert.equal(c.status, 0, c.stderr);
  assert.match(c.stdout, /^run 1\t/m);
  assert.match(c.stderr, /computing: \d+\/\d+ done/);
  const s = JSON.parse(weerbaar('results', 'status', 'monitor-2024', '--json').stdout);
  assert.equal(s.run.version, 1);
  assert.equal(s.run.releasedAt, null);
  assert.ok(s.run.groups.office_holders.comparisons > 100, 'every pair of groups tested');
  const missing = weerbaar('results', 'status', 'no-such-wave');
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no-such-wave/);
});

test('indicators list | show | export | import: new versions; bad JSON and bad definitions name file, line and column', () => {
  const list = weerbaar('indicators', 'list', '--target-group', 'office_holders');
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^agr_any_12m\tv1\toffice_holders\taggression\t/m);
  const show = JSON.parse(weerbaar('indicators', 'show', 'agr_any_12m').stdout);
  assert.equal(show.code, 'agr_any_12m');
  const nope = weerbaar('indicators', 'show', 'nope');
  assert.notEqual(nope.status, 0);
  assert.match(nope.stderr, /no indicator nope/);

  const exported = JSON.parse(weerbaar('indicators', 'export').stdout) as Array<Record<string, unknown>>;
  assert.ok(exported.length >= 30);

  const syntax = join(dir, 'syntax.json');
  writeFileSync(syntax, '[\n  {"code": "x",,}\n]\n');
  const bad = weerbaar('indicators', 'import', syntax);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, new RegExp(`${syntax.replaceAll('/', '\\/')}:2:16: not valid JSON`));

  const one = exported.find((d) => d.code === 'agr_any_12m')!;
  const unknown = join(dir, 'unknown.json');
  writeFileSync(
    unknown,
    JSON.stringify(
      [
        { ...one, label: { nl: 'Nieuw', en: 'New' } },
        { ...one, code: 'x_new', numerator: "${agr_nope} = 'ja'" },
      ],
      null,
      2,
    ),
  );
  const u = weerbaar('indicators', 'import', unknown);
  assert.equal(u.status, 2);
  assert.match(u.stderr, /unknown\.json:\d+:\d+: indicator x_new: unknown item code agr_nope/);
  const line = Number(/unknown\.json:(\d+):/.exec(u.stderr)![1]);
  assert.match(
    JSON.stringify(
      [
        { ...one, label: { nl: 'Nieuw', en: 'New' } },
        { ...one, code: 'x_new', numerator: "${agr_nope} = 'ja'" },
      ],
      null,
      2,
    ).split('\n')[line - 1]!,
    /"numerator"/,
  );
  // nothing was saved: the first, valid one waits for the whole file
  assert.match(weerbaar('indicators', 'list').stdout, /^agr_any_12m\tv1\t/m);

  const typo = join(dir, 'type.json');
  writeFileSync(typo, JSON.stringify({ ...one, numerator: '${agr_verbal_12m} > 2' }, null, 2));
  const t = weerbaar('indicators', 'import', typo);
  assert.equal(t.status, 2);
  assert.match(
    t.stderr,
    /type\.json:\d+:\d+: indicator agr_any_12m, numerator: agr_verbal_12m is a choice item/,
  );

  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify([{ ...one, label: { nl: 'Nieuw', en: 'New' } }], null, 2));
  const ok = weerbaar('indicators', 'import', good);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^agr_any_12m\tv2\tnew version/m);
  assert.match(weerbaar('indicators', 'import', good).stdout, /^agr_any_12m\tv2\tunchanged/m);
  assert.equal(
    JSON.parse(weerbaar('indicators', 'show', 'agr_any_12m', '1').stdout).label.nl,
    one.label && (one.label as { nl: string }).nl,
  );
});
