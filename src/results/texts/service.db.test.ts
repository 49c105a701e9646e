import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { narrative, narrativeSections } from '../publications/narrative.js';
import { productKinds, type RenderContext } from '../publications/product.js';
import { visibleRun } from '../release/service.js';
import type { RunSummary } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import { resultsLookup } from './lookup.js';
import { scopeBy } from './resolve.js';
import { renderText } from './service.js';
import { currentText, saveText } from './store.js';
import { loadSmallRuns } from './test-fixture.js';

let database: Database;
let run2024: RunSummary;
const actor = cliActor('test');
const ctxOf = async (code: string, lang: 'nl' | 'en' = 'nl'): Promise<RenderContext> => ({
  database,
  wave: await findWave(database.db, code),
  visibility: 'embargoed',
  lang,
});
const check = async (
  code: string,
  body: string,
  scope: Record<string, string> = {},
  lang: 'nl' | 'en' = 'nl',
) => {
  const ctx = await ctxOf(code, lang);
  return renderText(
    await resultsLookup(database, ctx.wave, 'embargoed', lang),
    body,
    scopeBy(scope),
    'text:test',
  );
};

before(async () => {
  database = await createTestDatabase();
  await loadSmallRuns(database);
  const wave = await findWave(database.db, 'monitor-2024');
  run2024 = (await visibleRun(database, wave.id, 'embargoed'))!;
});
after(() => database.close());

test('the built-in texts render every section of every kind in both waves and languages, every number a figure', async () => {
  for (const code of ['monitor-2022', 'monitor-2024'])
    for (const lang of ['nl', 'en'] as const)
      for (const kind of productKinds)
        for (const section of narrativeSections[kind]) {
          const scope: Record<string, string> = kind === 'factsheet' ? { layer: 'gemeente' } : {};
          const n = await narrative({ ctx: await ctxOf(code, lang), kind, section, scope });
          assert.ok(n, `${code} ${kind}/${section} ${lang}`);
          assert.doesNotMatch(n.html, /\{\{|<script/);
          const percents = n.html.match(/\d+(?:[.,]\d)?\s?%/g) ?? [];
          assert.ok(n.figures.length >= percents.length / 2, `${kind}/${section}: figures for numbers`);
          for (const f of n.figures) {
            assert.equal(f.suppressed, false);
            assert.equal(f.where, `text:${section}`);
          }
        }
});

test('the word for a change comes from the stored test after Holm, never from the raw difference', async () => {
  const trends = run2024.estimates.office_holders!.trends!;
  const notSignificant = trends.find(
    (t) => !t.significant && Math.abs(t.change) > 0.01 && Object.keys(t.by).length <= 1,
  );
  assert.ok(notSignificant, 'the fixture has a non-significant change of more than a point');
  const significant = trends.filter((t) => t.significant && Object.keys(t.by).length <= 1);
  for (const t of [notSignificant, ...significant.slice(0, 3)]) {
    const opts =
      Object.entries(t.by)
        .map(([k, v]) => ` ${k}=${v}`)
        .join('') || ' all';
    const r = await check('monitor-2024', `{{change ${t.indicator} since=2022 show=word${opts}}}`);
    assert.deepEqual(r.errors, []);
    const want = !t.significant ? 'niet significant veranderd' : t.change > 0 ? 'gestegen' : 'gedaald';
    assert.equal(r.html, `<p>${want}</p>`, `${t.indicator} ${JSON.stringify(t.by)}`);
    // the full form names both values, which are figures
    const full = await check('monitor-2024', `{{change ${t.indicator} since=monitor-2022${opts}}}`, {}, 'en');
    assert.equal(full.figures.length, 2);
    assert.deepEqual(
      full.figures.map((f) => f.wave),
      ['monitor-2022', 'monitor-2024'],
    );
  }
});

test('against a published historical value the text gives the raw difference and says it was not tested', async () => {
  const r = await check('monitor-2024', 'Sinds 2014 {{change agr_any_12m since=2014}}.');
  assert.deepEqual(r.errors, []);
  const cell = run2024.estimates.office_holders!.cells.find(
    (c) => cellKey(c.indicator, c.by) === 'agr_any_12m|',
  )!;
  const points = Math.round((cell.estimate! - 0.23) * 1000) / 10;
  assert.match(r.html, /veranderd van 23% in 2014 naar/);
  assert.ok(r.html.includes(`${String(Math.abs(points)).replace('.', ',')} procentpunt`), r.html);
  assert.match(r.html, /niet getoetst/);
  assert.deepEqual(
    r.figures.map((f) => [f.wave, f.n]),
    [
      ['2014', null],
      ['monitor-2024', cell.n],
    ],
  );
  // in 2022 "previous" is the published 2020 value: not tested either
  const earlier = await check('monitor-2022', '{{change agr_any_12m since=previous}}');
  assert.match(earlier.html, /van 35% in 2020 naar .*niet getoetst/);
});

test('values, intervals and n come from the stored cell; the product scope is the default breakdown', async () => {
  const cells = run2024.estimates.office_holders!.cells;
  const raad = cells.find((c) => cellKey(c.indicator, c.by) === 'agr_any_12m|bg_role=raadslid')!;
  const r = await check(
    'monitor-2024',
    '{{value agr_any_12m}} {{ci agr_any_12m}} {{n agr_any_12m}} {{value agr_any_12m all}}',
    { role: 'raadslid' },
    'en',
  );
  assert.deepEqual(r.errors, []);
  const pct = (x: number) =>
    new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(x);
  assert.ok(
    r.html.startsWith(
      `<p>${pct(raad.estimate!)} ${pct(raad.ci[0]!)}–${pct(raad.ci[1]!)} ${raad.n.toLocaleString('en-GB')} `,
    ),
    r.html,
  );
  assert.deepEqual(
    r.figures.map((f) => f.by),
    [{ bg_role: 'raadslid' }, { bg_role: 'raadslid' }, { bg_role: 'raadslid' }, {}],
  );
});

test('an unknown indicator, breakdown or wave and a suppressed cell are errors with their position', async () => {
  const suppressed = run2024.estimates.office_holders!.cells.find(
    (c) => c.suppressed && Object.keys(c.by).length === 1,
  )!;
  assert.ok(suppressed, 'the fixture has a suppressed one-variable cell');
  const [variable, value] = Object.entries(suppressed.by)[0]!;
  const r = await check(
    'monitor-2024',
    `Eerst {{value geen_indicator}}.\n{{value agr_any_12m kleur=rood}} en {{value agr_any_12m wave=1999}}\n\n  {{value ${suppressed.indicator} ${variable}=${value}}} {{value agr_any_12m role=raadslid gender=vrouw}}`,
  );
  assert.deepEqual(
    r.errors.map((e) => [e.code, e.line, e.column]),
    [
      ['unknown-indicator', 1, 7],
      ['unknown-breakdown', 2, 1],
      ['no-value', 2, 37],
      ['suppressed', 4, 3],
      ['unknown-breakdown', 4, 3 + `{{value ${suppressed.indicator} ${variable}=${value}}} `.length],
    ],
  );
  assert.deepEqual(r.figures, [], 'no number of a text with errors is shown');
  assert.doesNotMatch(r.html, /<script/);
});

test('texts are stored per wave or as default, versioned and audited; a product refuses a text with errors', async () => {
  const ctx = await ctxOf('monitor-2024');
  const key = { kind: 'summary', section: 'doel', lang: 'nl' } as const;
  assert.equal((await currentText(database.db, ctx.wave.id, key)).source, 'builtin');
  await saveText(database, null, key, 'Standaard: {{value agr_any_12m}}.', actor);
  assert.equal((await currentText(database.db, ctx.wave.id, key)).source, 'default');
  await saveText(database, ctx.wave.id, key, 'Versie 1.', actor);
  const v2 = await saveText(database, ctx.wave.id, key, 'Versie 2: **{{value agr_any_12m}}**.', actor);
  assert.equal(v2.version, 2);
  const now = await currentText(database.db, ctx.wave.id, key);
  assert.deepEqual([now.source, now.version], ['wave', 2]);
  const n = (await narrative({ ctx, kind: 'summary', section: 'doel' }))!;
  assert.match(n.html, /^<p>Versie 2: <strong>\d/);
  const audits = await database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.text.save'",
  );
  assert.equal(audits[0]!.n, 3);
  // the other wave still has the stored default
  const other = await currentText(database.db, (await findWave(database.db, 'monitor-2022')).id, key);
  assert.equal(other.source, 'default');

  await saveText(database, ctx.wave.id, key, 'Fout: {{value agr_any_12m role=koning}}', actor);
  await assert.rejects(narrative({ ctx, kind: 'summary', section: 'doel' }), (e: unknown) => {
    assert.ok(e instanceof AppError && e.code === 'validation');
    assert.match(e.detailIn('nl')!, /regel 1, kolom 7/);
    return true;
  });
});

test('a viewer sees no narrative of a run under embargo', async () => {
  const ctx = { ...(await ctxOf('monitor-2024')), visibility: 'released' as const };
  assert.equal(await narrative({ ctx, kind: 'summary', section: 'ervaringen' }), null);
});
