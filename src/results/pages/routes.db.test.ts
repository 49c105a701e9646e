import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { loadTemplates } from '../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../platform/audit/audit.js';
import { parseCsv } from '../../platform/csv/csv.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadDemoWave } from '../demo/demo-step.js';
import { smallDemoOrganisations } from '../demo/small.js';
import { demoWaveTruths } from '../demo/waves.js';
import { latestComputation, performComputation } from '../runs/computations.js';
import { latestRun, runResults } from '../runs/service.js';
import { csvColumns } from './csv.js';
import { publicCell } from './table.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;
let wave2024: string;
const actor = cliActor('test');

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    for (const truth of demoWaveTruths) await loadDemoWave(tx, truth, actor, smallDemoOrganisations());
  });
  // the earlier wave has a run, so the 2024 run carries tested changes from 2022
  await runResults(t.database, 'monitor-2022', actor);
  const [w] = await t.database.query<{ id: string }>("select id from waves where code = 'monitor-2024'");
  wave2024 = w!.id;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });
const api = (url: string, user: TestUser) =>
  t.app.inject({ url, headers: { authorization: `Bearer ${user.bearer}` } });

test('compute, embargo and release: viewers see a run only after a researcher releases it', async () => {
  // before any run: the page says so, the API answers run: null
  const empty = await get(`/results/${wave2024}`, researcher);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Nog geen berekening|nog geen resultaten/);

  // a viewer may not compute
  assert.equal((await postForm(t.app, `/results/${wave2024}/runs`, {}, viewer.cookie)).statusCode, 403);
  // the researcher starts the computation through the form (CSRF, audited): a job, not the request
  const computed = await postForm(t.app, `/results/${wave2024}/runs`, {}, researcher.cookie);
  assert.equal(computed.statusCode, 303, computed.body);
  assert.equal(computed.headers.location, `/results/${wave2024}?notice=queued`);
  assert.equal(await latestRun(t.database, wave2024), undefined, 'nothing computed inside the request');
  const queued = await get(`/results/${wave2024}?notice=queued`, researcher);
  assert.match(queued.body, /De berekening is gestart/);
  assert.match(queued.body, /wacht op zijn beurt/);
  assert.doesNotMatch(queued.body, /<button type="submit">Resultaten berekenen/, 'no second start');
  // a second post while it waits starts nothing new
  await postForm(t.app, `/results/${wave2024}/runs`, {}, researcher.cookie);
  const [pending] = await t.database.query<{ n: number }>(
    "select count(*)::int as n from results_computations where state = 'queued'",
  );
  assert.equal(pending!.n, 1);
  // the job's work (the job runtime is tested in runs/computations.db.test.ts)
  const computation = (await latestComputation(t.database, wave2024))!;
  await performComputation(t.database, computation.id);
  const run = (await latestRun(t.database, wave2024))!;
  assert.equal((await latestComputation(t.database, wave2024))!.runId, run.id);
  assert.equal(run.releasedAt, null);
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.run' and resource_id = $1",
    [run.id],
  );
  assert.equal(audits[0]!.n, 1);
  // without the CSRF field the post is refused and nothing is computed
  const noCsrf = await t.app.inject({
    method: 'POST',
    url: `/results/${wave2024}/runs`,
    headers: { cookie: researcher.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal((await latestRun(t.database, wave2024))!.id, run.id);

  // under embargo: researchers see it, viewers do not (page and API)
  const page = await get(`/results/${wave2024}`, researcher);
  assert.match(page.body, /Onder embargo/);
  assert.match(page.body, /Versie 1 vrijgeven/);
  assert.match(page.body, /Kish/);
  // the weighting report names margins and categories in words
  assert.match(page.body, /Marge bestuurslaag × functie/);
  assert.match(page.body, /<th scope="row">waterschap × lid algemeen bestuur<\/th>/);
  assert.match(page.body, /<th scope="row">geen provincie \(waterschap\)<\/th>/);
  const seen = await get(`/results/${wave2024}`, viewer);
  assert.equal(seen.statusCode, 200);
  assert.doesNotMatch(seen.body, /Kish|Agressie en geweld/);
  assert.equal((await api(`/api/v1/waves/${wave2024}/results`, viewer)).json().run, null);
  assert.equal((await api(`/api/v1/waves/${wave2024}/results`, researcher)).json().run.id, run.id);
  assert.equal((await get(`/results/${wave2024}/indicators/agr_any_12m`, viewer)).statusCode, 404);
  const viewerTrend = (await api('/api/v1/indicators/agr_any_12m/trend', viewer)).json();
  assert.ok(viewerTrend.points.every((p: { source: string }) => p.source === 'published'));

  // a viewer may not release; a researcher releases once (audited); a second release is refused
  assert.equal(
    (await postForm(t.app, `/results/${wave2024}/release`, { runId: run.id }, viewer.cookie)).statusCode,
    403,
  );
  const released = await postForm(
    t.app,
    `/results/${wave2024}/release`,
    { runId: run.id },
    researcher.cookie,
  );
  assert.equal(released.statusCode, 303, released.body);
  const again = await postForm(t.app, `/results/${wave2024}/release`, { runId: run.id }, researcher.cookie);
  assert.equal(again.statusCode, 409);
  const bad = await postForm(t.app, `/results/${wave2024}/release`, { runId: 'nonsense' }, researcher.cookie);
  assert.equal(bad.statusCode, 400);
  const [rel] = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.release' and resource_id = $1",
    [run.id],
  );
  assert.equal(rel!.n, 1);

  const body = (await api(`/api/v1/waves/${wave2024}/results`, viewer)).json();
  assert.equal(body.run.id, run.id);
  assert.ok(body.run.releasedAt);
  // the API serves what may be published: suppressed cells keep their reason and lose every number
  const cells = run.estimates.office_holders!.cells;
  assert.deepEqual(
    body.run.groups.office_holders.cells.map(({ label: _, ...c }: { label: string }) => c),
    JSON.parse(JSON.stringify(cells.map(publicCell))),
  );
  const hidden = body.run.groups.office_holders.cells.filter((c: { suppressed?: string }) => c.suppressed);
  assert.ok(hidden.length > 0, 'the small demo wave has suppressed cells');
  for (const c of hidden) assert.deepEqual([c.estimate, c.se, c.ci, c.n], [null, null, [null, null], null]);
  assert.equal(JSON.stringify(body).includes('audit'), false, 'the disclosure audit stays inside');
  // the 2022 run is not released: the viewer's trend holds 2024 from Weerbaar, not 2022
  const trend = (await api('/api/v1/indicators/agr_any_12m/trend', viewer)).json();
  const sources = trend.points.map((p: { year: number; source: string }) => `${p.year}:${p.source}`);
  assert.ok(sources.includes('2024:weerbaar'), sources.join());
  assert.ok(sources.includes('2022:published'), sources.join());
});

test('the indicator page: every breakdown with %, CI, n, Holm verdicts with the test named, trend with published values; the CSV has the same numbers', async () => {
  const run = (await latestRun(t.database, wave2024))!;
  const res = await get(`/results/${wave2024}/indicators/agr_any_12m`, researcher);
  assert.equal(res.statusCode, 200);
  const cells = run.estimates.office_holders!.cells.filter((c) => c.indicator === 'agr_any_12m');
  // one table per breakdown, each in its own scroll box with a caption
  const breakdowns = new Set(cells.map((c) => Object.keys(c.by).sort().join('+')));
  assert.ok(res.body.match(/<div class="table-scroll"><table><caption>/g)!.length >= breakdowns.size);
  const all = cells.find((c) => Object.keys(c.by).length === 0)!;
  const pct = (x: number) => (x * 100).toFixed(1).replace('.', ',');
  assert.ok(res.body.includes(pct(all.estimate!)), 'the overall percentage');
  assert.ok(res.body.includes(`${pct(all.ci[0]!)} – ${pct(all.ci[1]!)}`), 'its interval');
  assert.match(res.body, /svyby\(covmat = TRUE\) \+ svycontrast; Wald z, Holm-corrected/);
  assert.match(res.body, /Gepubliceerd cijfer/);
  assert.match(res.body, /niet getoetst/);
  assert.match(res.body, /<figure class="chart trend-chart" id="trend">.*<svg/s);
  assert.match(res.body, /Verschil met monitor-2022/);
  const en = await get(`/results/${wave2024}/indicators/agr_any_12m?lang=en`, researcher);
  assert.match(en.body, /Published figure/);

  const csvUrl = `/results/${wave2024}/indicators/agr_any_12m/table.csv`;
  const csv = await get(csvUrl, researcher);
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  const records = parseCsv(csv.body);
  assert.deepEqual(records[0]!.values.slice(0, csvColumns.length), [...csvColumns]);
  assert.deepEqual(records[0]!.values.slice(csvColumns.length), ['footnote_text', 'method']);
  assert.equal(records.length - 1, cells.length);
  const col = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name);
  const overall = records.find((r) => r.values[col('breakdown')] === '')!.values;
  assert.equal(Number(overall[col('estimate')]), all.estimate);
  assert.equal(Number(overall[col('n')]), all.n);
  // codes stay machine-readable, with a label column beside them
  const women = records.find((r) => r.values[col('group')] === 'bg_gender=vrouw')!.values;
  assert.equal(women[col('group_label')], 'vrouw');
  const ab = records.find((r) => r.values[col('group')] === 'bg_role=lid_ab')!.values;
  assert.equal(ab[col('group_label')], 'lid algemeen bestuur');
  const enCsv = parseCsv((await get(`${csvUrl}?lang=en`, researcher)).body);
  assert.ok(enCsv.some((r) => r.values[col('group_label')] === 'general board member'));

  // labels, never codes, in the page's tables
  assert.match(res.body, /<th scope="row">lid algemeen bestuur/);
  assert.match(res.body, /<th scope="row">Zuid-Holland|<th scope="row">Flevoland/);
  assert.match(res.body, /jonger dan 35 jaar/);
  for (const code of ['lid_ab', 'van_35_tot_50', 'noord_holland', 'tot_35'])
    assert.ok(!res.body.includes(`<th scope="row">${code}`), code);
  assert.match(en.body, /<th scope="row">general board member/);
  // a suppressed cell: its footnote, never a number or zero, in the CSV and on the page
  const hidden = cells.find((c) => c.suppressed)!;
  assert.ok(hidden, 'the small demo wave suppresses some cell of any aggression');
  const key = Object.entries(hidden.by)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const line = records.find((r) => r.values[col('group')] === key)!.values;
  assert.deepEqual(
    (['estimate', 'ci_lower', 'ci_upper', 'se', 'n'] as const).map((c) => line[col(c)]),
    ['', '', '', '', ''],
  );
  assert.equal(line[col('footnotes')], `suppressed-${hidden.suppressed}`);
  assert.match(res.body, /Niet gepubliceerd: te weinig respondenten/);
  // researchers may switch to the internal view: every number, the suppressed ones marked; viewers may not
  assert.match(res.body, /view=internal/);
  const internal = await get(`/results/${wave2024}/indicators/agr_any_12m?view=internal`, researcher);
  assert.match(internal.body, /Alleen voor intern gebruik/);
  assert.match(internal.body, /Interne weergave/);
  const asViewer = await get(`/results/${wave2024}/indicators/agr_any_12m?view=internal`, viewer);
  assert.equal(asViewer.statusCode, 200);
  assert.doesNotMatch(asViewer.body, /Alleen voor intern gebruik|Interne weergave/);

  // an unknown indicator or wave is a 404, never a 500
  assert.equal((await get(`/results/${wave2024}/indicators/nope`, researcher)).statusCode, 404);
  assert.equal((await get('/results/no-such-wave', researcher)).statusCode, 404);
  assert.equal((await api('/api/v1/indicators/nope/trend', researcher)).statusCode, 404);
  // a parameter no wave or indicator can have is refused before any query
  assert.equal((await get(`/results/${wave2024}/indicators/a%00b`, researcher)).statusCode, 400);
  assert.equal((await api('/api/v1/waves/%E2%80%AE%00/results', researcher)).statusCode, 400);
});

test('the results list shows closed waves with their latest run; a wave still open cannot be computed', async () => {
  const res = await get('/results', researcher);
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes('Veiligheid 2024</a></th><td>Versie 1,'));
  const open = await t.app.inject({
    method: 'POST',
    url: '/api/v1/waves',
    headers: { authorization: `Bearer ${researcher.bearer}` },
    payload: { code: 'nog-open-r', name: 'Nog open' },
  });
  const id = open.json().id;
  const refused = await postForm(t.app, `/results/${id}/runs`, {}, researcher.cookie);
  assert.equal(refused.statusCode, 409);
});

test('a new run after a release stays under embargo: viewers keep the released one', async () => {
  const released = (await latestRun(t.database, wave2024))!;
  assert.ok(released.releasedAt);
  const next = await runResults(t.database, wave2024, actor);
  assert.equal(next.version, released.version + 1);
  assert.equal((await api(`/api/v1/waves/${wave2024}/results`, viewer)).json().run.id, released.id);
  assert.equal((await api(`/api/v1/waves/${wave2024}/results`, researcher)).json().run.id, next.id);
  const page = await get(`/results/${wave2024}`, viewer);
  assert.match(page.body, new RegExp(`Versie ${released.version},`));
  assert.doesNotMatch(page.body, new RegExp(`Versie ${next.version},`));
});

test('a researcher sets the wave disclosure rules (audited; the next run applies them); a viewer may not', async () => {
  const page = await get(`/results/${wave2024}`, researcher);
  assert.match(
    page.body,
    /Geen cijfer uit minder dan 10 respondenten of met een betrouwbaarheidsinterval breder dan 40/,
  );
  assert.match(page.body, /action="\/results\/[^"]+\/disclosure"/);
  const rules = { minRespondents: '20', maxIntervalWidth: '', protection: '12,5' };
  const refused = await postForm(t.app, `/results/${wave2024}/disclosure`, rules, viewer.cookie);
  assert.equal(refused.statusCode, 403);
  const bad = await postForm(
    t.app,
    `/results/${wave2024}/disclosure`,
    { ...rules, protection: '70' },
    researcher.cookie,
  );
  assert.equal(bad.statusCode, 400);
  const saved = await postForm(t.app, `/results/${wave2024}/disclosure`, rules, researcher.cookie);
  assert.equal(saved.statusCode, 303, saved.body);
  const after = await get(`/results/${wave2024}`, researcher);
  assert.match(
    after.body,
    /minder dan 20 respondenten of met een betrouwbaarheidsinterval breder dan onbeperkt/,
  );
  assert.match(after.body, /± 12,5|± 12.5/);
  const run = await runResults(t.database, wave2024, actor);
  assert.deepEqual(run.estimates.office_holders!.disclosure!.rules, {
    minRespondents: 20,
    maxIntervalWidth: null,
    protection: 0.125,
    protect: 'primary',
  });
  const [n] = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'results.disclosure-rules'",
  );
  assert.equal(n!.n, 1);
});

test('the comparison page: any two groups, with the Holm verdict stored in the run; the same verdict in its CSV and the API', async () => {
  const run = (await latestRun(t.database, wave2024))!;
  const stored = run.estimates.office_holders!.comparisons.filter((c) => c.indicator === 'agr_any_12m');
  // every pair of every one-variable breakdown is in the run, in one Holm family with the trend tests
  const layer = stored.filter((c) => c.variable === 'bg_layer');
  assert.equal(layer.length, 3);
  assert.ok(stored.some((c) => c.variable === 'bg_province' && c.test.startsWith('svyby(~y, ~group')));
  const base = `/results/${wave2024}/indicators/agr_any_12m/compare`;

  // the first visit proposes women vs men and the form lists groups in words
  const first = await get(base, researcher);
  assert.equal(first.statusCode, 200);
  assert.match(
    first.body,
    /<option value="bg_gender=vrouw" selected="">vrouw<\/option>|<option value="bg_gender=vrouw" selected>vrouw/,
  );
  assert.match(first.body, /<optgroup label="functie">/);

  const women = stored.find((c) => c.variable === 'bg_gender' && c.from === 'man' && c.to === 'vrouw')!;
  const page = await get(`${base}?a=bg_gender%3Dman&b=bg_gender%3Dvrouw`, researcher);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /svyby\(covmat = TRUE\) \+ svycontrast/);
  const verdict = women.significant ? '<td>significant</td>' : '<td>niet significant</td>';
  assert.ok(page.body.includes(verdict), verdict);

  // asked the other way round: the same test, the sign flipped
  const flipped = await get(
    `${base}?a=bg_role_group%3Dbestuurder&b=bg_role_group%3Dvolksvertegenwoordiger`,
    researcher,
  );
  const rg = stored.find((c) => c.variable === 'bg_role_group')!;
  assert.equal(rg.from, 'volksvertegenwoordiger');
  assert.equal(flipped.statusCode, 200);
  const pp = (x: number) => (x * 100).toFixed(1).replace('.', ',');
  const shown = -rg.difference!;
  assert.ok(flipped.body.includes(`<td class="num">${shown > 0 ? '+' : ''}${pp(shown)}</td>`), 'B − A shown');
  const csv = parseCsv(
    (
      await get(
        `${base}.csv?a=bg_role_group%3Dbestuurder&b=bg_role_group%3Dvolksvertegenwoordiger`,
        researcher,
      )
    ).body,
  );
  const header = csv[0]!.values;
  const row = csv[1]!.values;
  const at = (name: string) => row[header.indexOf(name)]!;
  assert.equal(Number(at('difference_b_minus_a')), -rg.difference!);
  assert.equal(Number(at('p_holm')), rg.pHolm);
  assert.equal(at('significant'), String(rg.significant));
  assert.equal(at('group_a_label'), 'bestuurder');
  assert.match(at('method'), /Holm/);
  // the API holds the same stored comparison
  const apiRun = (await api(`/api/v1/waves/${wave2024}/results`, researcher)).json().run;
  const inApi = apiRun.groups.office_holders.comparisons.find(
    (c: { indicator: string; variable: string }) =>
      c.indicator === 'agr_any_12m' && c.variable === 'bg_role_group',
  );
  assert.equal(inApi.pHolm, rg.pHolm);
  assert.equal(inApi.significant, rg.significant);

  // bad choices: a clear message, never a 500
  const mixed = await get(`${base}?a=bg_layer%3Dgemeente&b=bg_gender%3Dman`, researcher);
  assert.equal(mixed.statusCode, 400);
  assert.match(mixed.body, /Kies twee groepen van dezelfde indeling/);
  assert.equal((await get(`${base}?a=bg_gender%3Dman&b=bg_gender%3Dman`, researcher)).statusCode, 400);
  const unknown = await get(`${base}?a=bg_gender%3Dman&b=bg_gender%3Dmars&lang=en`, researcher);
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /Group mars does not occur in the breakdown gender/);
  assert.equal((await get(`${base}.csv?a=nonsense`, researcher)).statusCode, 400);
});

test('downloads: breakdowns, trend and weighting report as CSV and XLSX with labels, footnotes and the method', async () => {
  const run = (await latestRun(t.database, wave2024))!;
  const cells = run.estimates.office_holders!.cells.filter((c) => c.indicator === 'agr_any_12m');
  const xlsx = await get(`/results/${wave2024}/indicators/agr_any_12m/table.xlsx`, researcher);
  assert.equal(xlsx.statusCode, 200);
  assert.match(xlsx.headers['content-type'] as string, /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getRow(1).getCell(5).value, 'Groep');
  const values = ws.getSheetValues().filter(Boolean) as unknown[][];
  const texts = values.map((r) => r.filter((v) => v !== undefined && v !== null).join('|'));
  assert.ok(texts.some((x) => x.includes('lid algemeen bestuur')));
  assert.ok(
    texts.some((x) => x.startsWith('Methode:')),
    'the method below the table',
  );
  assert.equal(values.filter((r) => r[1] === 'agr_any_12m').length, cells.length);
  const all = cells.find((c) => Object.keys(c.by).length === 0)!;
  const overall = values.find((r) => r[1] === 'agr_any_12m' && !r[3])!;
  assert.equal(overall[6], all.estimate);

  const trend = parseCsv(
    (await get(`/results/${wave2024}/indicators/agr_any_12m/trend.csv`, researcher)).body,
  );
  const src = trend[0]!.values.indexOf('source');
  assert.ok(trend.some((r) => r.values[src] === 'published'));
  assert.ok(trend.some((r) => r.values[src] === 'weerbaar'));

  const weighting = parseCsv((await get(`/results/${wave2024}/weighting.csv?lang=en`, researcher)).body);
  const cat = weighting[0]!.values.indexOf('category_label');
  assert.ok(weighting.some((r) => r.values[cat] === 'water authority × general board member'));
  const wx = await get(`/results/${wave2024}/weighting.xlsx`, researcher);
  assert.equal(wx.statusCode, 200);
});
