/**
 * Stored publication files without Chromium (HTML only; the PDFs are checked in pdf.browser.test.ts):
 * a render asked for on the page becomes a job; the job's work stores every product's file with its
 * SHA-256, shows progress, replaces the previous files only when every product succeeded, and is
 * audited; downloads for researchers, nothing under embargo for viewers; `writeReport` writes the
 * same files to a directory. Products come from a test-only definition (./test-fixture.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { modules } from '../../../test/support/modules.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { createWave } from '../../monitor/fieldwork/waves-service.js';
import { cliActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import { startJobs } from '../../platform/jobs/runtime.js';
import { getRender, performRender, requestRender } from './render-service.js';
import { writeReport } from './report-files.js';
import { storedPublicationFile, storedPublicationFiles } from './stored-files.js';
import { fixtureDefinition } from './test-fixture.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;
let waveId: string;
const actor = cliActor('test');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

before(async () => {
  // CHROMIUM_PATH names a program that does not exist: this server makes HTML only
  t = await createTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
  waveId = (await createWave(t.database.db, { code: 'pub-2024', name: 'Monitor 2024' }, actor)).id;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });
const count = async (sqlText: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(sqlText, params))[0]!.n;

test('the page says how to enable PDF, and a researcher’s render becomes a queued job', async () => {
  const page = await get(`/results/${waveId}/publications`, researcher);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chromium ontbreekt \(\/nonexistent\/chromium\)/);
  assert.match(page.body, /CHROMIUM_PATH/);
  assert.match(page.body, new RegExp(`action="/results/${waveId}/publications/render"`));
  const en = await get(`/results/${waveId}/publications?lang=en`, researcher);
  assert.match(en.body, /Install the Debian package chromium/);

  const viewerPage = await get(`/results/${waveId}/publications`, viewer);
  assert.equal(viewerPage.statusCode, 200);
  assert.doesNotMatch(viewerPage.body, /publications\/render/);
  const refused = await postForm(
    t.app,
    `/results/${waveId}/publications/render`,
    { lang: 'nl' },
    viewer.cookie,
  );
  assert.equal(refused.statusCode, 403, 'the policy refuses viewers (with a valid CSRF token)');
  assert.equal(await count('select count(*)::int as n from results_publication_renders'), 0);

  const { render, created } = await requestRender(t.database.db, waveId, actor, {
    langs: ['nl'],
    pdf: false,
  });
  assert.ok(created);
  assert.equal(render.state, 'queued');
  assert.equal(
    await count(
      "select count(*)::int as n from pgboss.job where name = 'publications.render' and data->>'renderId' = $1",
      [render.id],
    ),
    1,
  );
  // a second request while one is queued returns the first
  const again = await requestRender(t.database.db, waveId, actor, { langs: ['en'], pdf: false });
  assert.equal(again.created, false);
  assert.equal(again.render.id, render.id);
  const done = await performRender(t.database, render.id, { definitions: [fixtureDefinition()] });
  assert.equal(done?.state, 'done');
  assert.equal(await performRender(t.database, render.id), undefined, 'a retry after the end does nothing');

  // PDF asked for where the job has no Chromium: fails clearly, stores nothing
  const pdf = await requestRender(t.database.db, waveId, actor, { langs: ['nl'], pdf: true });
  const failed = (await performRender(t.database, pdf.render.id, { definitions: [fixtureDefinition()] }))!;
  assert.equal(failed.state, 'failed');
  assert.match(failed.errors[0]!.message, /CHROMIUM_PATH/);
  assert.equal(
    await count('select count(*)::int as n from results_publication_files where render_id = $1', [
      pdf.render.id,
    ]),
    0,
  );
});

test('stored files: checksums, progress, downloads, atomic replacement, audit', async () => {
  const stored = await storedPublicationFiles(t.database, waveId);
  assert.equal(stored.length, 2, 'two products × nl × html');
  for (const info of stored) {
    const file = (await storedPublicationFile(
      t.database,
      waveId,
      info.kind,
      info.key,
      info.lang,
      info.format,
    ))!;
    assert.equal(file.sha256, sha(file.content));
    assert.equal(file.sizeBytes, file.content.length);
    assert.match(file.content.toString('utf8'), /^<!doctype html>\n<html lang="nl">/);
    assert.equal(file.released, false, 'no results run: under embargo');
  }
  const page = await get(`/results/${waveId}/publications`, researcher);
  assert.match(page.body, /HTML \(Nederlands, [\d,]+ kB\)/);
  const href = `/results/${waveId}/publications/annex/main/download?lang=nl&amp;format=html`;
  assert.ok(page.body.includes(href), 'a download link per stored file');
  const download = await get(href.replaceAll('&amp;', '&'), researcher);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(
    String(download.headers['content-disposition']),
    /attachment; filename="pub-2024-annex-nl\.html"/,
  );
  assert.equal(sha(download.rawPayload), stored.find((f) => f.key === 'main')!.sha256);
  assert.equal(
    download.headers['repr-digest'],
    `sha-256=:${Buffer.from(sha(download.rawPayload), 'hex').toString('base64')}:`,
  );
  assert.equal((await get(href.replaceAll('&amp;', '&'), viewer)).statusCode, 404, 'embargoed for viewers');
  assert.doesNotMatch((await get(`/results/${waveId}/publications`, viewer)).body, /download\?/);
  assert.equal(
    (await get(`/results/${waveId}/publications/annex/main/download?lang=en&format=pdf`, researcher))
      .statusCode,
    404,
    'not made',
  );
  assert.equal(
    (await get(`/results/${waveId}/publications/annex/main/download?lang=xx&format=pdf`, researcher))
      .statusCode,
    400,
  );

  // a render whose product fails keeps the previous files and lists the failure
  const before = await storedPublicationFiles(t.database, waveId);
  const bad = await requestRender(t.database.db, waveId, actor, { langs: ['nl'], pdf: false });
  const failed = (await performRender(t.database, bad.render.id, {
    definitions: [fixtureDefinition({ failing: true })],
  }))!;
  assert.equal(failed.state, 'failed');
  assert.equal(failed.total, 2);
  assert.equal(failed.done, 2);
  assert.deepEqual(
    failed.errors.map((e) => [e.kind, e.key, e.lang, e.format, e.message]),
    [['annex', 'extra', 'nl', 'html', 'this product cannot be rendered']],
  );
  assert.deepEqual(await storedPublicationFiles(t.database, waveId), before);
  assert.equal(
    await count('select count(*)::int as n from results_publication_files where render_id = $1', [
      bad.render.id,
    ]),
    0,
  );
  const failedPage = await get(`/results/${waveId}/publications`, researcher);
  assert.match(failedPage.body, /this product cannot be rendered/);

  // a successful re-render in both languages replaces them in one step
  const next = await requestRender(t.database.db, waveId, actor, { langs: ['nl', 'en'], pdf: false });
  const done = (await performRender(t.database, next.render.id, { definitions: [fixtureDefinition()] }))!;
  assert.equal(done.state, 'done');
  assert.deepEqual([done.done, done.total], [4, 4]);
  const after = await storedPublicationFiles(t.database, waveId);
  assert.deepEqual(
    after.map((f) => `${f.key}/${f.lang}/${f.format}`),
    ['extra/en/html', 'extra/nl/html', 'main/en/html', 'main/nl/html'],
  );
  assert.equal(await count('select count(*)::int as n from results_publication_files'), 4, 'old files gone');
  assert.equal(
    await count(
      "select count(*)::int as n from audit_log where action = 'results.publications.render' and resource_id = $1",
      [next.render.id],
    ),
    1,
  );
  assert.equal(
    await count("select count(*)::int as n from audit_log where action = 'results.publications.download'"),
    1,
  );
});

test('a released results run makes the files downloadable for viewers', async () => {
  const [run] = await t.database.query<{ id: string }>(
    `insert into results_runs (wave_id, version, weighting_runs, indicators, estimates)
     values ($1, 1, '{}', '{}', '{}') returning id`,
    [waveId],
  );
  const r = await requestRender(t.database.db, waveId, actor, { langs: ['nl'], pdf: false });
  await performRender(t.database, r.render.id, { definitions: [fixtureDefinition()] });
  const url = `/results/${waveId}/publications/annex/main/download?lang=nl&format=html`;
  assert.equal((await get(url, viewer)).statusCode, 404, 'run under embargo');
  await t.database.query('update results_runs set released_at = now() where id = $1', [run!.id]);
  assert.equal((await get(url, viewer)).statusCode, 200);
  assert.match((await get(`/results/${waveId}/publications`, viewer)).body, /download\?lang=nl/);
});

test('writeReport writes every product to a directory with SHA256SUMS; an unknown wave is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-report-'));
  try {
    const progress: Array<[number, number]> = [];
    const out = join(dir, 'out');
    const result = await writeReport(t.database, 'pub-2024', {
      out,
      langs: ['en'],
      definitions: [fixtureDefinition()],
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.equal(result.products, 2);
    assert.deepEqual(readdirSync(out).sort(), [
      'SHA256SUMS',
      'pub-2024-annex-en.html',
      'pub-2024-annex-extra-en.html',
    ]);
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      assert.equal(hash, sha(readFileSync(join(out, name!))));
    }
    assert.deepEqual(progress.at(-1), [2, 2]);
    await assert.rejects(
      writeReport(t.database, 'no-such-wave', { out, langs: ['nl'], definitions: [fixtureDefinition()] }),
      /no-such-wave|bestaat niet|not found/i,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the job runtime runs a render asked for on the page (the registered products, HTML only here)', async () => {
  const posted = await t.app.inject({
    method: 'POST',
    url: `/results/${waveId}/publications/render`,
    headers: { cookie: researcher.cookie },
    payload: { lang: 'en', kind: '' },
  });
  assert.equal(posted.statusCode, 403, 'no CSRF token');
  const ok = await postForm(
    t.app,
    `/results/${waveId}/publications/render`,
    { lang: 'en', kind: '' },
    researcher.cookie,
  );
  assert.equal(ok.statusCode, 303, ok.body);
  assert.match(String(ok.headers.location), /notice=queued/);
  const [queued] = await t.database.query<{ id: string; pdf: boolean }>(
    "select id, pdf from results_publication_renders where state = 'queued'",
  );
  assert.equal(queued!.pdf, false, 'this server has no Chromium');
  const runtime = await startJobs(
    t.database,
    loadConfig({
      NODE_ENV: 'test',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      CHROMIUM_PATH: '/nonexistent/chromium',
    }),
    { modules, queues: ['publications.render'], log: { info() {}, warn() {}, error() {} } },
  );
  try {
    for (let i = 0; ; i++) {
      const r = (await getRender(t.database, queued!.id))!;
      if (r.state === 'done' || r.state === 'failed') {
        assert.equal(r.state, 'done', JSON.stringify(r.errors));
        break;
      }
      assert.ok(i < 600, `the render is still ${r.state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await runtime.stop();
  }
});
