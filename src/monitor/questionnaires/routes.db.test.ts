/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${field} is the XLSForm reference syntax, not a template. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, type TestUser } from '../../../test/support/principals.js';
import type { QuestionnaireDefinition } from './model.js';
import { importXlsForm } from './xlsform.js';

let t: TestApp;
let researcher: TestUser;
let coordinator: TestUser;
let viewer: TestUser;

before(async () => {
  t = await createTestApp();
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  const [org] = await t.database.query<{ id: string }>(
    "insert into organisations (code, layer, name) values ('GM9901', 'gemeente', 'Testgemeente') returning id",
  );
  coordinator = await createUser(t, { memberships: [{ organisationId: org!.id, role: 'coordinator' }] });
});
after(() => t.close());

const api = (user: TestUser | undefined, method: string, url: string, payload?: unknown, headers = {}) =>
  t.app.inject({
    method: method as any,
    url,
    headers: { ...(user ? { authorization: `Bearer ${user.bearer}` } : {}), ...headers },
    payload: payload as any,
  });

const def = (code: string): QuestionnaireDefinition => ({
  code,
  title: { nl: `Test ${code}`, en: `Test ${code}` },
  sections: [
    {
      id: 'deel1',
      title: { nl: 'Deel 1', en: 'Part 1' },
      items: [
        {
          type: 'single_choice',
          code: `${code}_exp`,
          label: { nl: 'Heeft u iets meegemaakt?', en: 'Did you experience something?' },
          required: true,
          options: [
            { code: 'ja', label: { nl: 'Ja', en: 'Yes' } },
            { code: 'nee', label: { nl: 'Nee', en: 'No' } },
            { code: 'anders', label: { nl: 'Anders, namelijk', en: 'Other' }, other: true },
          ],
        },
      ],
    },
    {
      id: 'deel2',
      title: { nl: 'Deel 2' },
      relevant: `\${${code}_exp} = 'ja'`,
      items: [
        {
          type: 'matrix',
          code: `${code}_grid`,
          label: { nl: 'Wat vond u ervan, na "${' + code + '_exp}"?' },
          required: true,
          rows: [
            { code: `${code}_grid_a`, label: { nl: 'Rij A' } },
            { code: `${code}_grid_b`, label: { nl: 'Rij B' } },
          ],
          options: [
            { code: 'goed', label: { nl: 'Goed' } },
            { code: 'slecht', label: { nl: 'Slecht' } },
          ],
        },
      ],
    },
    {
      id: 'deel3',
      title: { nl: 'Deel 3' },
      items: [
        {
          type: 'number',
          code: `${code}_n`,
          label: { nl: 'Hoeveel?' },
          integer: true,
          min: 0,
          max: 10,
          required: true,
        },
      ],
    },
  ],
});

test('create, read, publish, new version: API with problem+json on bad input', async () => {
  const created = await api(researcher, 'POST', '/api/v1/questionnaires', def('api_a'));
  assert.equal(created.statusCode, 201, created.body);
  const v1 = created.json();
  assert.equal(v1.version, 1);
  assert.equal(v1.status, 'draft');
  const qid = v1.questionnaireId;
  assert.equal(created.headers.location, `/api/v1/questionnaires/${qid}/versions/1`);

  const list = (await api(researcher, 'GET', '/api/v1/questionnaires')).json();
  assert.ok(
    list.items.some((q: any) => q.code === 'api_a' && q.latestVersion === 1 && q.publishedVersion === null),
  );

  const pub = await api(researcher, 'POST', `/api/v1/questionnaires/${qid}/versions/1/publish`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.equal(pub.json().status, 'published');
  const again = await api(researcher, 'POST', `/api/v1/questionnaires/${qid}/versions/1/publish`);
  assert.equal(again.statusCode, 409);
  assert.equal(again.headers['content-type'], 'application/problem+json; charset=utf-8');
  const put = await api(researcher, 'PUT', `/api/v1/questionnaires/${qid}/versions/1`, def('api_a'));
  assert.equal(put.statusCode, 409);
  assert.match(put.json().detail, /^Versie 1 van api_a is gepubliceerd en kan niet meer veranderen\./);
  const putEn = await api(
    researcher,
    'PUT',
    `/api/v1/questionnaires/${qid}/versions/1?lang=en`,
    def('api_a'),
  );
  assert.equal(putEn.statusCode, 409);
  assert.match(putEn.json().detail, /published and cannot change/);

  const v2 = await api(researcher, 'POST', `/api/v1/questionnaires/${qid}/versions`, def('api_a'));
  assert.equal(v2.statusCode, 201);
  assert.equal(v2.json().version, 2);
  const detail = (await api(researcher, 'GET', `/api/v1/questionnaires/${qid}`)).json();
  assert.deepEqual(
    detail.versions.map((v: any) => [v.version, v.status]),
    [
      [2, 'draft'],
      [1, 'published'],
    ],
  );
  const got = (await api(researcher, 'GET', `/api/v1/questionnaires/${qid}/versions/1`)).json();
  assert.deepEqual(got.definition, def('api_a'));

  // Schema errors: 400 with the path of each problem.
  const bad = await api(researcher, 'POST', '/api/v1/questionnaires', {
    code: 'x',
    title: { nl: 'X' },
    sections: [{ id: 's', title: { nl: 'S' }, items: [{ type: 'radio', code: 'a' }] }],
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'urn:weerbaar:problem:validation');
  assert.ok(bad.json().invalidParams.length > 0);
  // Structural errors: 400 naming the JSON path.
  const broken = def('api_b');
  broken.sections[0]!.items[0]!.relevant = '${nowhere} = 1';
  const br = await api(researcher, 'POST', '/api/v1/questionnaires', broken);
  assert.equal(br.statusCode, 400);
  assert.deepEqual(
    br.json().invalidParams.map((p: any) => [p.name, p.code]),
    [['sections[0].items[0].relevant', 'unknown_reference']],
  );
  // Item code with another meaning: 409 naming the code and where it was first published.
  const clash = def('api_c');
  clash.sections[2]!.items.push({ type: 'text', code: 'api_a_n', label: { nl: 'Tekst' } });
  const cl = await api(researcher, 'POST', '/api/v1/questionnaires', clash);
  assert.equal(cl.statusCode, 409);
  assert.match(
    cl.json().detail,
    /De vraagcode 'api_a_n' is voor het eerst gepubliceerd in vragenlijst api_a versie 1/,
  );
  const clEn = await api(researcher, 'POST', '/api/v1/questionnaires?lang=en', clash);
  assert.equal(clEn.statusCode, 409);
  assert.match(
    clEn.json().detail,
    /item code 'api_a_n' was first published in questionnaire api_a version 1/,
  );
  assert.equal(cl.json().invalidParams[0].name, 'sections[2].items[1].code');
  // Unknown ids.
  assert.equal((await api(researcher, 'GET', '/api/v1/questionnaires/not-a-uuid')).statusCode, 400);
  assert.equal((await api(researcher, 'GET', `/api/v1/questionnaires/${qid}/versions/9`)).statusCode, 404);
});

test('only researchers and admins: an organisation role or viewer is refused, anonymous must sign in', async () => {
  const created = (await api(researcher, 'POST', '/api/v1/questionnaires', def('api_acl'))).json();
  const qid = created.questionnaireId;
  for (const user of [coordinator, viewer]) {
    assert.equal((await api(user, 'GET', '/api/v1/questionnaires')).statusCode, 403);
    assert.equal((await api(user, 'GET', `/api/v1/questionnaires/${qid}/versions/1`)).statusCode, 403);
    assert.equal((await api(user, 'POST', '/api/v1/questionnaires', def('api_acl2'))).statusCode, 403);
    assert.equal(
      (await api(user, 'POST', `/api/v1/questionnaires/${qid}/versions/1/publish`)).statusCode,
      403,
    );
    const page = await t.app.inject({ url: `/questionnaires/${qid}`, headers: { cookie: user.cookie } });
    assert.equal(page.statusCode, 403);
  }
  assert.equal((await api(undefined, 'GET', '/api/v1/questionnaires')).statusCode, 401);
  assert.equal((await t.app.inject({ url: '/questionnaires' })).statusCode, 303);
});

async function xlsform(survey: unknown[][], choices: unknown[][], settings: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of [
    ['survey', survey],
    ['choices', choices],
    ['settings', settings],
  ] as const) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r as any[]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const goodForm = () =>
  xlsform(
    [
      ['type', 'name', 'label::Nederlands (nl)', 'label::English (en)', 'required', 'relevant'],
      ['begin_group', 'g1', 'Deel 1', 'Part 1', '', ''],
      ['select_one yn or_other', 'imp_a', 'Vraag A', 'Question A', 'yes', ''],
      ['text', 'imp_b', 'Vraag B', 'Question B', '', "${imp_a} = 'ja'"],
      ['end_group', '', '', '', '', ''],
      ['start', 'start', '', '', '', ''],
    ],
    [
      ['list_name', 'name', 'label::Nederlands (nl)', 'label::English (en)'],
      ['yn', 'ja', 'Ja', 'Yes'],
      ['yn', 'nee', 'Nee', 'No'],
    ],
    [
      ['form_title', 'form_id'],
      ['Import via API', 'imp_api'],
    ],
  );

const multipart = (fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) => {
  const boundary = '----weerbaar-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('import: XLSForm as body or multipart, JSON; every problem of a malformed form listed', async () => {
  const raw = await api(researcher, 'POST', '/api/v1/questionnaires/import', await goodForm(), {
    'content-type': XLSX,
  });
  assert.equal(raw.statusCode, 201, raw.body);
  const body = raw.json();
  assert.equal(body.created, true);
  assert.equal(body.version.questionnaireCode, 'imp_api');
  assert.deepEqual(
    body.warnings.map((w: any) => [w.sheet, w.row, w.code]),
    [['survey', 6, 'ignored_metadata']],
  );
  const items = body.version.definition.sections[0].items;
  assert.equal(items[0].options.at(-1).other, true);

  const mp = multipart({}, { name: 'imp_api.xlsx', data: await goodForm(), type: XLSX });
  const second = await api(researcher, 'POST', '/api/v1/questionnaires/import', mp.payload, {
    'content-type': mp.contentType,
  });
  // The same form again: no new version.
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(second.json().created, false);
  assert.equal(second.json().unchanged, true);
  assert.equal(second.json().version.version, 1);

  const json = await api(researcher, 'POST', '/api/v1/questionnaires/import', def('imp_json'));
  assert.equal(json.statusCode, 201, json.body);

  const malformed = await xlsform(
    [
      ['type', 'name', 'label', 'relevant'],
      ['select_one missing', 'm1', 'Vraag', ''],
      ['text', 'm2', '', "${m1} = 'x' and"],
      ['begin_repeat', 'kids', 'Kinderen', ''],
      ['text', 'kid', 'Kind', ''],
      ['end_repeat', '', '', ''],
    ],
    [['list_name', 'name', 'label']],
    [['form_id'], ['kapot']],
  );
  const res = await api(researcher, 'POST', '/api/v1/questionnaires/import', malformed, {
    'content-type': XLSX,
  });
  assert.equal(res.statusCode, 400);
  const problem = res.json();
  assert.equal(problem.type, 'urn:weerbaar:problem:invalid-file');
  const names = problem.invalidParams.map((p: any) => `${p.name} ${p.code}`);
  assert.ok(names.includes('survey!A2 unknown_list'), names.join('\n'));
  assert.ok(names.includes('survey!C3 missing_label'), names.join('\n'));
  assert.ok(names.includes('survey!D3 bad_expression'), names.join('\n'));
  assert.ok(names.includes('survey!A4 unsupported_type'), names.join('\n'));
  assert.match(problem.detail, /^Het XLSForm-bestand heeft \d+ problemen\./);
  assert.match(
    problem.invalidParams.find((p: any) => p.code === 'bad_expression').reason,
    /rij 3, kolom relevant: .*bij teken 16/,
  );
  const resEn = await api(researcher, 'POST', '/api/v1/questionnaires/import?lang=en', malformed, {
    'content-type': XLSX,
  });
  assert.equal(resEn.statusCode, 400);
  assert.match(resEn.json().detail, /^the XLSForm has \d+ problems:/);
  assert.match(
    resEn.json().invalidParams.find((p: any) => p.code === 'bad_expression').reason,
    /row 3, column relevant: .*character 16/,
  );

  const wrongType = await api(researcher, 'POST', '/api/v1/questionnaires/import', 'hello', {
    'content-type': 'text/plain',
  });
  assert.equal(wrongType.statusCode, 415);
});

test('XLSForm download re-imports to the same definition', async () => {
  const created = (await api(researcher, 'POST', '/api/v1/questionnaires', def('api_dl'))).json();
  const res = await api(
    researcher,
    'GET',
    `/api/v1/questionnaires/${created.questionnaireId}/versions/1/xlsform`,
  );
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], XLSX);
  assert.match(String(res.headers['content-disposition']), /api_dl-v1\.xlsx/);
  const back = await importXlsForm(res.rawPayload);
  assert.ok(back.ok);
  assert.deepEqual(back.definition, def('api_dl'));
  const json = await api(
    researcher,
    'GET',
    `/api/v1/questionnaires/${created.questionnaireId}/versions/1/definition`,
  );
  assert.deepEqual(json.json(), def('api_dl'));
});

test('pages: list, detail with publish, import form with the problem table, preview with routing', async () => {
  const created = (await api(researcher, 'POST', '/api/v1/questionnaires', def('page_a'))).json();
  const qid = created.questionnaireId;
  const list = await t.app.inject({ url: '/questionnaires', headers: { cookie: researcher.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Test page_a/);
  assert.match(list.body, /href="\/questionnaires"/); // in the menu

  const detail = await t.app.inject({
    url: `/questionnaires/${qid}`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Versie 1 publiceren/);
  const csrf = await csrfFor(t.app, { url: `/questionnaires/${qid}`, cookie: researcher.cookie });
  const pub = await t.app.inject({
    method: 'POST',
    url: `/questionnaires/${qid}/versions/1/publish`,
    headers: {
      cookie: cookies(researcher.cookie, csrf.cookie),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: `_csrf=${encodeURIComponent(csrf.token)}`,
  });
  assert.equal(pub.statusCode, 303, pub.body);
  const after = await t.app.inject({
    url: pub.headers.location as string,
    headers: { cookie: researcher.cookie },
  });
  assert.match(after.body, /Versie 1 is gepubliceerd/);
  assert.doesNotMatch(after.body, /Versie 1 publiceren/);

  // Import page: a malformed form shows every problem with sheet, row and column.
  const form = await csrfFor(t.app, { url: '/questionnaires/import', cookie: researcher.cookie });
  const broken = await xlsform(
    [
      ['type', 'name', 'label'],
      ['select_one nope', 'b1', 'Vraag'],
      ['integer', 'b1', 'Nog eens'],
    ],
    [['list_name', 'name', 'label']],
    [['form_id'], ['broken_page']],
  );
  const mp = multipart({ _csrf: form.token }, { name: 'broken.xlsx', data: broken, type: XLSX });
  const res = await t.app.inject({
    method: 'POST',
    url: '/questionnaires/import',
    headers: { cookie: cookies(researcher.cookie, form.cookie), 'content-type': mp.contentType },
    payload: mp.payload,
  });
  assert.equal(res.statusCode, 422, res.body);
  assert.match(res.body, /Het bestand is niet geïmporteerd/);
  assert.match(res.body, /<td>survey<\/td><td class="num">2<\/td><td><code>type<\/code><\/td><td>A2<\/td>/);
  assert.match(res.body, /<td>survey<\/td><td class="num">3<\/td><td><code>name<\/code><\/td><td>B3<\/td>/);
  assert.match(res.body, /unknown_list/);
  assert.match(res.body, /duplicate_name/);

  const ok = multipart({ _csrf: form.token }, { name: 'good.xlsx', data: await goodForm(), type: XLSX });
  const good = await t.app.inject({
    method: 'POST',
    url: '/questionnaires/import',
    headers: { cookie: cookies(researcher.cookie, form.cookie), 'content-type': ok.contentType },
    payload: ok.payload,
  });
  assert.equal(good.statusCode, 200, good.body);
  // The same form as before: nothing new is made, and the page says so.
  assert.match(good.body, /Niets veranderd: dit bestand is gelijk aan versie \d+ van imp_api/);
  assert.match(good.body, /ignored_metadata/);

  // Without a CSRF token the upload is refused.
  const noCsrf = multipart({}, { name: 'good.xlsx', data: await goodForm(), type: XLSX });
  const refused = await t.app.inject({
    method: 'POST',
    url: '/questionnaires/import',
    headers: { cookie: researcher.cookie, 'content-type': noCsrf.contentType },
    payload: noCsrf.payload,
  });
  assert.equal(refused.statusCode, 403);

  // Preview: section 1, then "next" without an answer shows the error next to the field.
  const base = `/questionnaires/${qid}/versions/1/preview`;
  const first = await t.app.inject({ url: base, headers: { cookie: researcher.cookie } });
  assert.equal(first.statusCode, 200);
  assert.match(
    first.body,
    /<legend>Heeft u iets meegemaakt\?<span class="required"> \(verplicht\)<\/span><\/legend>/,
  );
  assert.match(first.body, /Deel 1 van 3/);
  const missing = await t.app.inject({
    url: `${base}?section=0&go=next`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /class="error-summary"/);
  assert.match(missing.body, /id="q-page_a_exp-error">Geef hier een antwoord\./);
  assert.match(missing.body, /aria-describedby="q-page_a_exp-hint q-page_a_exp-error"/);
  // "nee" skips section 2 (routing).
  const skip = await t.app.inject({
    url: `${base}?section=0&go=next&page_a_exp=nee`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(skip.statusCode, 200);
  assert.match(skip.body, /Deel 3 van 3/);
  assert.match(skip.body, /<input type="hidden" name="page_a_exp" value="nee"\/>/);
  // "ja" shows the matrix, with the earlier answer piped into its label.
  const grid = await t.app.inject({
    url: `${base}?section=0&go=next&page_a_exp=ja`,
    headers: { cookie: researcher.cookie },
  });
  assert.match(grid.body, /Deel 2 van 3/);
  assert.match(grid.body, /na &quot;Ja&quot;/);
  assert.match(
    grid.body,
    /<fieldset id="q-[a-z_0-9]+-question" class="question matrix-row"[^>]*><legend>Rij A/,
  );
  // Number validation messages.
  const big = await t.app.inject({
    url: `${base}?section=2&go=next&page_a_exp=nee&page_a_n=12`,
    headers: { cookie: researcher.cookie },
  });
  assert.match(big.body, /Vul een getal in van 10 of lager\./);
  const end = await t.app.inject({
    url: `${base}?section=2&go=next&page_a_exp=nee&page_a_n=3`,
    headers: { cookie: researcher.cookie },
  });
  assert.match(end.body, /einde van de vragenlijst/);
  // English.
  const en = await t.app.inject({ url: `${base}?lang=en`, headers: { cookie: researcher.cookie } });
  assert.match(en.body, /Did you experience something\?<span class="required"> \(required\)/);
});

test('import: a JSON definition with several errors reports all of them, schema and structure alike', async () => {
  const broken = def('multi_err') as any;
  const items = broken.sections[0].items;
  items.push({ ...items[0], options: [] }); // same code again (structure) and no options (schema)
  items.push({ type: 'text', code: 'Bad Code', label: { nl: 'Naam' } }); // schema
  items.push({ type: 'text', code: 'multi_err_exp', label: { nl: 'Nog eens' } }); // duplicate (structure)
  broken.sections[1].relevant = '${onbekend} = 1'; // unknown reference (structure)
  const res = await api(researcher, 'POST', '/api/v1/questionnaires/import', broken);
  assert.equal(res.statusCode, 400, res.body);
  const names = res.json().invalidParams.map((p: any) => `${p.name} ${p.code}`);
  assert.ok(names.includes('sections[0].items[1].options too_small'), names.join('\n'));
  assert.ok(names.includes('sections[0].items[2].code invalid_format'), names.join('\n'));
  assert.ok(names.includes('sections[0].items[3].code duplicate_code'), names.join('\n'));
  assert.ok(
    names.some((n: string) => n.startsWith('sections[1].relevant ')),
    names.join('\n'),
  );
  assert.ok(names.includes('sections[0].items[1].code duplicate_code'), names.join('\n'));
  assert.match(res.json().detail, /^\d+ problemen in de vragenlijst/);
});

test('re-import: an unchanged definition makes no version; a changed one lists its differences before publishing', async () => {
  const first = await api(researcher, 'POST', '/api/v1/questionnaires/import', def('re_imp'));
  assert.equal(first.statusCode, 201, first.body);
  const qid = first.json().questionnaireId;
  // Key order does not matter (jsonb keeps its own): the same definition with keys reversed.
  const reversed = JSON.parse(JSON.stringify(def('re_imp')), (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
  );
  const same = await api(researcher, 'POST', '/api/v1/questionnaires/import', reversed);
  assert.equal(same.statusCode, 200, same.body);
  assert.equal(same.json().unchanged, true);
  const versions = await t.database.query<{ n: number }>(
    'select count(*)::int as n from questionnaire_versions where questionnaire_id = $1',
    [qid],
  );
  assert.equal(versions[0]!.n, 1);
  const pub = await api(researcher, 'POST', `/api/v1/questionnaires/${qid}/versions/1/publish`);
  assert.ok(pub.statusCode < 300, pub.body);

  const changed = def('re_imp') as any;
  changed.sections[0].items[0].label.nl = 'Heeft u in 2026 iets meegemaakt?';
  changed.sections[0].items.push({ type: 'text', code: 're_imp_extra', label: { nl: 'Toelichting' } });
  const removed = changed.sections[1].items.pop();
  const next = await api(researcher, 'POST', '/api/v1/questionnaires/import', changed);
  assert.equal(next.statusCode, 201, next.body);
  assert.equal(next.json().version.version, 2);
  assert.equal(next.json().comparedWith, 1);
  const list = next.json().changes.map((c: any) => `${c.kind} ${c.what} ${c.code}`);
  assert.deepEqual(list.sort(), [
    'added item re_imp_extra',
    'changed item re_imp_exp',
    `removed item ${removed.code}`,
  ]);

  // The detail page shows them before the draft is published.
  const page = await t.app.inject({ url: `/questionnaires/${qid}`, headers: { cookie: researcher.cookie } });
  assert.match(page.body, /Verschillen van versie 2 met versie 1/);
  assert.match(
    page.body,
    /<td>Toegevoegd<\/td><td>Vraag<\/td><td><code>re_imp_extra<\/code><\/td><td>Toelichting<\/td>/,
  );
  assert.match(
    page.body,
    /<td>Gewijzigd<\/td><td>Vraag<\/td><td><code>re_imp_exp<\/code><\/td><td>Heeft u in 2026 iets meegemaakt\?<\/td>/,
  );
  assert.match(page.body, new RegExp(`<td>Verwijderd</td><td>Vraag</td><td><code>${removed.code}</code>`));
});

test('import: a form_id that is an Excel formula gives a clear problem or the file name, never a 500', async () => {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  survey.addRow(['type', 'name', 'label']);
  survey.addRow(['text', 'fx_q1', 'Vraag 1']);
  const settings = wb.addWorksheet('settings');
  settings.addRow(['form_id', 'form_title']);
  // A text result under a date format: exceljs reads it back as an invalid date.
  settings.getCell('A2').value = { formula: 'TEXT(TODAY(),"yyyy")', result: 'abc' } as ExcelJS.CellValue;
  settings.getCell('A2').numFmt = 'yyyy-mm-dd';
  settings.getCell('B2').value = { formula: '"Formule"' } as ExcelJS.CellValue;
  const data = Buffer.from(await wb.xlsx.writeBuffer());

  const raw = await api(researcher, 'POST', '/api/v1/questionnaires/import', data, { 'content-type': XLSX });
  assert.equal(raw.statusCode, 400, raw.body);
  const names = raw.json().invalidParams.map((p: any) => `${p.name} ${p.code}`);
  assert.ok(names.includes('settings missing_form_id'), names.join('\n'));

  const mp = multipart({}, { name: 'Formule vorm.xlsx', data, type: XLSX });
  const named = await api(researcher, 'POST', '/api/v1/questionnaires/import', mp.payload, {
    'content-type': mp.contentType,
  });
  assert.equal(named.statusCode, 201, named.body);
  assert.equal(named.json().version.questionnaireCode, 'formule_vorm');
  const warnings = named.json().warnings.map((w: any) => `${w.sheet} ${w.row} ${w.code}`);
  assert.ok(warnings.includes('settings 2 form_id_from_file_name'), warnings.join('\n'));
  assert.ok(warnings.includes('settings 2 formula_without_value'), warnings.join('\n'));
});
