import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, postForm, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../audit/audit.js';
import { loadRegistry } from './registry.js';
import { getOrganisationByCode } from './service.js';

let t: TestApp;
let admin: TestUser;
let viewer: TestUser;
let member: TestUser;
let amsterdamId: string;
let utrechtId: string;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction((tx) => loadRegistry(tx, systemActor));
  amsterdamId = (await getOrganisationByCode(t.database.db, 'GM0363')).id;
  utrechtId = (await getOrganisationByCode(t.database.db, 'GM0344')).id;
  admin = await createUser(t, { platformRoles: ['admin'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  member = await createUser(t, { memberships: [{ organisationId: utrechtId, role: 'coordinator' }] });
});
after(() => t.close());

const api = (user: TestUser | undefined, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as any,
    url,
    headers: user ? { authorization: `Bearer ${user.bearer}` } : {},
    payload: payload as any,
  });

test('GET /api/v1/organisations filters and pages', async () => {
  const res = await api(
    member,
    'GET',
    '/api/v1/organisations?layer=gemeente&province=PV27&pageSize=10&page=2',
  );
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.total, 44);
  assert.equal(body.page, 2);
  assert.equal(body.items.length, 10);
  const search = (await api(member, 'GET', '/api/v1/organisations?q=amsterdam')).json();
  assert.deepEqual(
    search.items.map((o: any) => [o.code, o.sizeClass, o.inhabitants]),
    [['GM0363', 'ge100k', 934526]],
  );
  const bad = await api(member, 'GET', '/api/v1/organisations?layer=stad&pageSize=1000');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('GET /api/v1/organisations answers a repeated list from the cache, exactly as the item route, and sees a change at once', async () => {
  const url = '/api/v1/organisations?q=utrecht&layer=gemeente';
  const first = await api(member, 'GET', url);
  assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
  const again = await api(member, 'GET', url);
  assert.equal(again.body, first.body);
  const [listed] = first.json().items;
  const one = (await api(member, 'GET', `/api/v1/organisations/${utrechtId}`)).json();
  assert.deepEqual(listed, one, 'the same fields and values as the schema serialises for one organisation');
  const renamed = await api(admin, 'PATCH', `/api/v1/organisations/${utrechtId}`, { name: 'Utrecht (stad)' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal((await api(member, 'GET', url)).json().items[0].name, 'Utrecht (stad)');
  await api(admin, 'PATCH', `/api/v1/organisations/${utrechtId}`, { name: one.name });
});

test('GET /api/v1/organisations/:orgId: by role and membership; a bad id is 400 or 404, never 500', async () => {
  assert.equal((await api(viewer, 'GET', `/api/v1/organisations/${amsterdamId}`)).json().code, 'GM0363');
  assert.equal((await api(member, 'GET', `/api/v1/organisations/${utrechtId}`)).statusCode, 200);
  assert.equal((await api(member, 'GET', `/api/v1/organisations/${amsterdamId}`)).statusCode, 403);
  assert.equal((await api(undefined, 'GET', `/api/v1/organisations/${amsterdamId}`)).statusCode, 401);
  assert.equal((await api(admin, 'GET', '/api/v1/organisations/not-a-uuid')).statusCode, 400);
  assert.equal(
    (await api(admin, 'GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000')).statusCode,
    404,
  );
  assert.equal(
    (await t.app.inject({ url: '/organisations/not-a-uuid', headers: { cookie: admin.cookie } })).statusCode,
    404,
  );
});

test('POST /api/v1/organisations: 201 for an admin, 400 problem+json with invalidParams, 403, 401', async () => {
  const body = {
    code: 'GM9501',
    name: 'Nieuwstad',
    layer: 'gemeente',
    provinceCode: 'PV26',
    inhabitants: 51000,
  };
  const created = await api(admin, 'POST', '/api/v1/organisations', body);
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().sizeClass, '50k-100k');
  assert.equal(created.headers.location, `/api/v1/organisations/${created.json().id}`);

  const invalid = await api(admin, 'POST', '/api/v1/organisations', { code: '', layer: 'stad', extra: 1 });
  assert.equal(invalid.statusCode, 400);
  assert.match(String(invalid.headers['content-type']), /^application\/problem\+json/);
  const problem = invalid.json();
  assert.equal(problem.status, 400);
  assert.ok(Array.isArray(problem.invalidParams) && problem.invalidParams.length > 0);

  const unknownProvince = await api(admin, 'POST', '/api/v1/organisations', {
    ...body,
    code: 'GM9502',
    provinceCode: 'PV99',
  });
  assert.equal(unknownProvince.statusCode, 400);
  assert.equal(unknownProvince.json().invalidParams[0].code, 'unknown_province');
  assert.equal((await api(admin, 'POST', '/api/v1/organisations', body)).statusCode, 409);
  assert.equal(
    (await api(member, 'POST', '/api/v1/organisations', { ...body, code: 'GM9503' })).statusCode,
    403,
  );
  assert.equal(
    (await api(viewer, 'POST', '/api/v1/organisations', { ...body, code: 'GM9503' })).statusCode,
    403,
  );
  assert.equal(
    (await api(undefined, 'POST', '/api/v1/organisations', { ...body, code: 'GM9503' })).statusCode,
    401,
  );
});

test('PATCH changes facts; POST /api/v1/organisation-mergers records a herindeling; successors follow', async () => {
  const id = (await api(admin, 'GET', '/api/v1/organisations?q=GM9501')).json().items[0].id;
  const patched = await api(admin, 'PATCH', `/api/v1/organisations/${id}`, { inhabitants: 150000 });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json().sizeClass, 'ge100k');
  assert.equal((await api(member, 'PATCH', `/api/v1/organisations/${id}`, { name: 'x' })).statusCode, 403);
  assert.equal((await api(admin, 'PATCH', `/api/v1/organisations/${id}`, { code: 'GM1' })).statusCode, 400);

  const merger = await api(admin, 'POST', '/api/v1/organisation-mergers', {
    effectiveDate: '2026-01-01',
    type: 'uitbreiding',
    successorCode: 'GM0344',
    sources: [{ code: 'GM9501' }],
  });
  assert.equal(merger.statusCode, 201, merger.body);
  assert.deepEqual(merger.json().sources, [{ code: 'GM9501', name: 'Nieuwstad', partial: false }]);
  const again = await api(admin, 'POST', '/api/v1/organisation-mergers', {
    effectiveDate: '2026-01-01',
    type: 'uitbreiding',
    successorCode: 'GM0344',
    sources: [{ code: 'GM9501' }],
  });
  assert.equal(again.statusCode, 409);
  const successors = await api(member, 'GET', '/api/v1/organisation-successors?code=GM9501&date=2026-06-01');
  assert.deepEqual(successors.json().successors, [{ code: 'GM0344', partial: false }]);
  const weesp = await api(member, 'GET', '/api/v1/organisation-successors?code=GM0457&date=2022-03-24');
  assert.deepEqual(weesp.json().successors, [{ code: 'GM0363', partial: false }]);

  const list = (await api(member, 'GET', '/api/v1/organisation-mergers?pageSize=100')).json();
  assert.equal(list.total, 30);
  const history = (await api(member, 'GET', `/api/v1/organisations/${utrechtId}/mergers`)).json();
  assert.deepEqual(
    history.items.map((m: any) => m.successorCode),
    ['GM0344'],
  );
});

test('the OpenAPI document describes the organisation routes', async () => {
  const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
  for (const path of [
    '/organisations',
    '/organisations/{orgId}',
    '/organisation-mergers',
    '/organisation-imports',
  ]) {
    assert.ok(doc.paths[path], `${path} is documented`);
  }
  assert.ok(doc.components.schemas.Organisation);
});

test('POST /api/v1/organisation-imports: dry run reports, a bad file is a problem with locations', async () => {
  const content = 'code,name,layer,province_code,inhabitants\r\nGM9601,Proefdorp,gemeente,PV20,100\r\n';
  const dry = await api(admin, 'POST', '/api/v1/organisation-imports', {
    files: [{ name: 'x.csv', content }],
    dryRun: true,
  });
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(dry.json().added, [{ code: 'GM9601', name: 'Proefdorp', layer: 'gemeente' }]);
  const bad = await api(admin, 'POST', '/api/v1/organisation-imports', {
    files: [{ name: 'x.csv', content: content.replace('PV20', 'PV00') }],
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().invalidParams[0].name, 'x.csv:2:27');
  assert.equal(
    (await api(viewer, 'POST', '/api/v1/organisation-imports', { files: [{ name: 'x', content }] }))
      .statusCode,
    403,
  );
});

test('pages: list, detail with history, and 401/403 for others', async () => {
  const list = await t.app.inject({
    url: '/organisations?q=weesp&includeEnded=true',
    headers: { cookie: member.cookie },
  });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Weesp/);
  assert.match(list.body, /<th scope="col"/);
  const detail = await t.app.inject({
    url: `/organisations/${amsterdamId}`,
    headers: { cookie: viewer.cookie },
  });
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /Weesp \(GM0457\)/);
  assert.equal(
    (await t.app.inject({ url: `/organisations/${amsterdamId}`, headers: { cookie: member.cookie } }))
      .statusCode,
    403,
  );
  const anon = await t.app.inject({ url: '/organisations' });
  assert.equal(anon.statusCode, 303);
  assert.equal(
    (await t.app.inject({ url: '/organisations/new', headers: { cookie: member.cookie } })).statusCode,
    403,
  );
  const mergers = await t.app.inject({ url: '/organisations/mergers', headers: { cookie: member.cookie } });
  assert.equal(mergers.statusCode, 200);
  assert.match(mergers.body, /Brielle \(GM0501\)/);
  const en = await t.app.inject({ url: '/organisations?lang=en', headers: { cookie: member.cookie } });
  assert.match(en.body, /Size class/);
});

test('the new-organisation form shows errors next to the fields and creates with a valid post', async () => {
  const form = await t.app.inject({ url: '/organisations/new', headers: { cookie: admin.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="_csrf"/);
  const bad = await postForm(
    t.app,
    '/organisations/new',
    { code: 'XX', name: '', layer: 'gemeente', provinceCode: '', inhabitants: 'veel' },
    admin.cookie,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /href="#name"/);
  assert.match(bad.body, /id="inhabitants-error"/);
  const ok = await postForm(
    t.app,
    '/organisations/new',
    { code: 'GM9701', name: 'Formdorp', layer: 'gemeente', provinceCode: 'PV22', inhabitants: '12.345' },
    admin.cookie,
  );
  assert.equal(ok.statusCode, 303, ok.body);
  const page = await t.app.inject({ url: String(ok.headers.location), headers: { cookie: admin.cookie } });
  assert.match(page.body, /Formdorp/);
  assert.match(page.body, /12\.345/);
  // Without the CSRF token the form is refused.
  const csrf = await csrfFor(t.app);
  const noToken = await t.app.inject({
    method: 'POST',
    url: '/organisations/new',
    headers: {
      cookie: cookies(admin.cookie, csrf.cookie),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'code=GM9702&name=X&layer=gemeente&provinceCode=PV22',
  });
  assert.equal(noToken.statusCode, 403);
});

test('edit, merge and import pages work as forms', async () => {
  const org = await getOrganisationByCode(t.database.db, 'GM9701');
  const edit = await postForm(
    t.app,
    `/organisations/${org.id}/edit`,
    { name: 'Formstad', layer: 'gemeente', provinceCode: 'PV22', inhabitants: '' },
    admin.cookie,
  );
  assert.equal(edit.statusCode, 303, edit.body);
  assert.equal((await getOrganisationByCode(t.database.db, 'GM9701')).name, 'Formstad');

  const assen = await getOrganisationByCode(t.database.db, 'GM0106');
  const badMerge = await postForm(
    t.app,
    `/organisations/${assen.id}/merge`,
    { effectiveDate: '2027-01-01', type: 'uitbreiding', sources: 'GM0000' },
    admin.cookie,
  );
  assert.equal(badMerge.statusCode, 400);
  assert.match(badMerge.body, /id="sources-error"/);
  assert.match(badMerge.body, /Er is geen organisatie met code GM0000\./);
  const merge = await postForm(
    t.app,
    `/organisations/${assen.id}/merge`,
    { effectiveDate: '2027-01-01', type: 'uitbreiding', sources: 'GM9701' },
    admin.cookie,
  );
  assert.equal(merge.statusCode, 303, merge.body);
  assert.equal((await getOrganisationByCode(t.database.db, 'GM9701')).validTo, '2027-01-01');

  const content = 'code,name,layer,province_code,inhabitants\r\nGM9801,Plakdorp,gemeente,PV20,100\r\n';
  const check = await postForm(
    t.app,
    '/organisations/import',
    { fileName: 'p.csv', content, mode: 'check' },
    admin.cookie,
  );
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /GM9801 Plakdorp/);
  await assert.rejects(getOrganisationByCode(t.database.db, 'GM9801'));
  const bad = await postForm(
    t.app,
    '/organisations/import',
    { fileName: 'p.csv', content: content.replace('100', 'honderd'), mode: 'commit' },
    admin.cookie,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /p\.csv:2:31/);
  assert.match(bad.body, /inhabitants: verwacht een heel getal ≥ 0, gevonden &quot;honderd&quot;/);
  const commit = await postForm(
    t.app,
    '/organisations/import',
    { fileName: 'p.csv', content, mode: 'commit' },
    admin.cookie,
  );
  assert.equal(commit.statusCode, 200);
  assert.equal((await getOrganisationByCode(t.database.db, 'GM9801')).name, 'Plakdorp');
});

test('the import page accepts an uploaded CSV file (multipart), with the CSRF token in the form', async () => {
  const csrf = await csrfFor(t.app, { url: '/organisations/import', cookie: admin.cookie });
  const boundary = '----weerbaar-test';
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n` +
    `${filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${value}\r\n`;
  const csv = '\ufeffcode,name,layer,province_code,inhabitants\r\nGM9811,Uploaddorp,gemeente,PV20,20000\r\n';
  const send = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/organisations/import',
      headers: {
        cookie: cookies(admin.cookie, csrf.cookie),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload:
        part('_csrf', token) +
        part('file', csv, 'upload.csv') +
        part('content', '') +
        part('mode', 'commit') +
        `--${boundary}--\r\n`,
    });
  assert.equal((await send('wrong')).statusCode, 403);
  const res = await send(csrf.token);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.body, /GM9811 Uploaddorp/);
  assert.equal((await getOrganisationByCode(t.database.db, 'GM9811')).sizeClass, '20k-50k');
  const garbage = await t.app.inject({
    method: 'POST',
    url: '/organisations/import',
    headers: {
      cookie: cookies(admin.cookie, csrf.cookie),
      'content-type': 'multipart/form-data; boundary=x',
    },
    payload: 'not multipart at all',
  });
  assert.ok(garbage.statusCode >= 400 && garbage.statusCode < 500);
});

test('the list links only to organisations the user may read', async () => {
  const res = await t.app.inject({
    url: '/organisations?province=PV26&layer=gemeente',
    headers: { cookie: member.cookie },
  });
  assert.match(res.body, new RegExp(`href="/organisations/${utrechtId}"`));
  assert.doesNotMatch(res.body, /href="\/organisations\/[0-9a-f-]{36}">Amersfoort/);
  assert.match(res.body, />Amersfoort</);
});
