import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { findWave } from '../../monitor/fieldwork/waves-service.js';
import { productDefinition } from '../publications/products.js';
import { visibleRun } from '../release/service.js';
import type { RunSummary } from '../runs/service.js';
import { cellKey } from '../trends/trend.js';
import { loadSmallRuns } from './test-fixture.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;
let waveId: string;
let run: RunSummary;

before(async () => {
  t = await createTestApp();
  await loadSmallRuns(t.database);
  const wave = await findWave(t.database.db, 'monitor-2024');
  waveId = wave.id;
  run = (await visibleRun(t.database, wave.id, 'embargoed'))!;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });
const editor = () => `/results/${waveId}/texts/summary/ervaringen?in=nl`;
const saves = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from results_texts'))[0]!.n;

test('the editor shows the text, its preview with live numbers, and is for researchers only', async () => {
  const overview = await get(`/results/${waveId}/texts`, researcher);
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /ingebouwde standaardtekst/);
  const page = await get(editor(), researcher);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Geen fouten gevonden/);
  assert.match(page.body, /\{\{value agr_any_12m\}\}/, 'the placeholder in the textarea');
  const all = run.estimates.office_holders!.cells.find((c) => cellKey(c.indicator, c.by) === 'agr_any_12m|')!;
  const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(
    all.estimate!,
  );
  assert.ok(page.body.includes(`kreeg ${pct} in de afgelopen 12 maanden`), 'the preview shows the number');
  assert.equal((await get(editor(), viewer)).statusCode, 403);
  assert.equal(
    (await postForm(t.app, editor(), { body: 'x', action: 'save' }, viewer.cookie)).statusCode,
    403,
  );
  assert.equal((await get(`/results/${waveId}/texts/summary/geen-paragraaf`, researcher)).statusCode, 404);
});

test('preview and save show every error with its line and column at once, and keep the text', async () => {
  const body =
    'Goed: {{value agr_any_12m}}.\nFout: {{value geen_code}} en {{value agr_any_12m role=koning}}\n\n## Kop\n<script>alert(1)</script>';
  const before = await saves();
  const preview = await postForm(
    t.app,
    editor(),
    { body, action: 'preview', target: 'wave' },
    researcher.cookie,
  );
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /De tekst heeft 3 fout\(en\)/);
  assert.match(preview.body, /Regel 2, kolom 7: Er is geen indicator geen_code/);
  assert.match(
    preview.body,
    /Regel 2, kolom 30: Indicator agr_any_12m heeft in monitor-2024 geen cel bg_role=koning/,
  );
  assert.match(preview.body, /Regel 4, kolom 1: Gebruik ### of ####/);
  assert.match(preview.body, /aria-invalid="true"/);
  assert.ok(preview.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is kept, escaped');
  assert.doesNotMatch(preview.body, /<script>alert/);
  const save = await postForm(t.app, editor(), { body, action: 'save', target: 'wave' }, researcher.cookie);
  assert.equal(save.statusCode, 422);
  assert.match(save.body, /De tekst heeft 3 fout\(en\)/);
  assert.equal(await saves(), before, 'nothing saved');
});

test('a saved text is a new audited version and the product shows it with its live number', async () => {
  const body =
    'Nieuwe zin: **{{value agr_any_12m gender=vrouw}}** van de vrouwen. Dat is {{change agr_any_12m since=2022 show=word}}.\n\n<b>geen html</b>';
  const saved = await postForm(t.app, editor(), { body, action: 'save', target: 'wave' }, researcher.cookie);
  assert.equal(saved.statusCode, 303, saved.body);
  assert.match(saved.headers.location!, /saved=1/);
  const page = await get(saved.headers.location!, researcher);
  assert.match(page.body, /De tekst is opgeslagen als versie 1/);
  assert.match(page.body, /Versie 1, /);
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.text.save'",
  );
  assert.equal(audits[0]!.n, 1);

  const product = await get(`/results/${waveId}/publications/summary/main`, researcher);
  assert.equal(product.statusCode, 200);
  const women = run.estimates.office_holders!.cells.find(
    (c) => cellKey(c.indicator, c.by) === 'agr_any_12m|bg_gender=vrouw',
  )!;
  const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 }).format(
    women.estimate!,
  );
  assert.ok(
    product.body.includes(`Nieuwe zin: <strong>${pct}</strong> van de vrouwen`),
    'the product shows the text',
  );
  const test = run.estimates.office_holders!.trends!.find(
    (x) => cellKey(x.indicator, x.by) === 'agr_any_12m|',
  )!;
  const word = !test.significant ? 'niet significant veranderd' : test.change > 0 ? 'gestegen' : 'gedaald';
  assert.ok(product.body.includes(`Dat is ${word}.`));
  assert.ok(product.body.includes('&lt;b&gt;geen html&lt;/b&gt;'));
  // the English product still has the built-in English text
  const en = await get(`/results/${waveId}/publications/summary/main?lang=en`, researcher);
  assert.match(en.body, /the 5-minute version/);
  assert.doesNotMatch(en.body, /Nieuwe zin/);
});

test('the 5-minute version has the seed’s eight headings, key numbers and every number as a figure', async () => {
  const wave = await findWave(t.database.db, waveId);
  const definition = await productDefinition('summary');
  const refs = await definition.list({ database: t.database, wave, visibility: 'embargoed' });
  assert.deepEqual(
    refs.map((r) => r.key),
    ['main'],
  );
  assert.deepEqual(
    await definition.list({ database: t.database, wave, visibility: 'released' }),
    [],
    'embargo',
  );
  for (const lang of ['nl', 'en'] as const) {
    const p = await definition.render(
      { database: t.database, wave, visibility: 'embargoed', lang },
      refs[0]!,
    );
    assert.deepEqual(
      p.outline.filter((o) => o.level === 2).map((o) => o.id),
      [
        'doel',
        'uitvoering',
        'ervaringen',
        'gevolgen',
        'aangifte-registratie',
        'aanpak-beleid',
        'perceptie-integriteit',
        'integriteit-praktijk',
      ],
    );
    assert.match(p.body, /<svg[^>]*role="img"/, 'the forms chart');
    // every shown cell is a figure; a suppressed one carries no number
    assert.ok(p.figures.length > 40, `${p.figures.length} figures`);
    for (const f of p.figures) if (f.suppressed) assert.deepEqual([f.estimate, f.n], [null, null]);
    const cells = new Map(run.estimates.office_holders!.cells.map((c) => [cellKey(c.indicator, c.by), c]));
    for (const f of p.figures.filter(
      (f) => f.wave === 'monitor-2024' && cells.has(cellKey(f.indicator, f.by)),
    ))
      assert.equal(Boolean(cells.get(cellKey(f.indicator, f.by))!.suppressed), f.suppressed);
  }
});

test('the Kamerbrief annex: the key findings with series, change and the stored verdict', async () => {
  const page = await get(`/results/${waveId}/publications/annex/main`, researcher);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Belangrijkste uitkomsten/);
  assert.match(page.body, /2014: 23% \(gepubliceerd\)/);
  const test = run.estimates.office_holders!.trends!.find(
    (x) => cellKey(x.indicator, x.by) === 'agr_any_12m|',
  )!;
  const verdict = !test.significant
    ? 'niet significant veranderd'
    : test.change > 0
      ? 'significant gestegen'
      : 'significant gedaald';
  const row = page.body.match(
    /<tr><th scope="row">Agressie en intimidatie ervaren in de afgelopen 12 maanden <span class="group">\(alle politieke ambtsdragers\)<\/span><\/th>.*?<\/tr>/,
  )?.[0];
  assert.ok(row, 'the row of all office holders');
  assert.ok(row.includes(verdict), row);
  assert.match(page.body, /Verschillen tussen groepen/);
  const file = await get(`/results/${waveId}/publications/annex/main?file=1&lang=en`, researcher);
  assert.match(file.body, /^<!doctype html>\n<html lang="en">/);
  assert.match(file.body, /Main results/);
});
