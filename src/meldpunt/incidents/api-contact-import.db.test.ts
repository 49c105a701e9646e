/**
 * The contact list imported from a file through the API (./api-contact-import.ts): CSV as the body,
 * XLSX as multipart, all or nothing with every problem named by line and column as problem+json, and
 * the coordinator's organisation only.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { contactLimits } from './contacts-file.js';

let t: TestApp;
let orgA: string;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let handler: TestUser;

before(async () => {
  t = await createTestApp();
  const org = async (code: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9421');
  const orgB = await org('GM9422');
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  handler = await createUser(t, { memberships: [{ organisationId: orgA, role: 'case_handler' }] });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

const url = () => `/api/v1/organisations/${orgA}/incident-contact-imports`;
const post = (user: TestUser, payload: Buffer, contentType: string, query = '', lang = 'nl') =>
  t.app.inject({
    method: 'POST',
    url: `${url()}${query}`,
    headers: { authorization: `Bearer ${user.bearer}`, 'accept-language': lang, 'content-type': contentType },
    payload,
  });
const emails = async () =>
  (
    await t.database.query<{ email: string }>(
      'select email from incident_contacts where organisation_id = $1 order by email',
      [orgA],
    )
  ).map((r) => r.email);

test('a CSV body becomes the list; a file with problems changes nothing and names each line and column', async () => {
  const csv = Buffer.from(
    'naam,e-mail,functie\nAnna de Vries,anna@example.org,raadslid\nBert,bert@example.org,\n',
  );
  const ok = await post(coordinator, csv, 'text/csv');
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { added: 2, updated: 0, removed: 0 });
  assert.deepEqual(await emails(), ['anna@example.org', 'bert@example.org']);

  const bad = Buffer.from(
    'naam,e-mail,functie\nCees,geen-adres,raadslid\n,dirk@example.org,\nEva,eva@example.org,koning\n',
  );
  const refused = await post(coordinator, bad, 'application/octet-stream', '?fileName=lijst.csv');
  assert.equal(refused.statusCode, 400);
  assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
  const problem = refused.json();
  assert.equal(problem.code, 'invalid-file');
  assert.deepEqual(
    problem.invalidParams.map((p: { name: string }) => p.name),
    ['line 2, column 6', 'line 3, column 1', 'line 4, column 21'], // CSV columns count characters, as on the page
  );
  assert.match(problem.invalidParams[0].reason, /^Regel 2, kolom 6 \(e-mail\)/);
  assert.deepEqual(await emails(), ['anna@example.org', 'bert@example.org'], 'all or nothing');
  const english = await post(coordinator, bad, 'text/csv', '', 'en');
  assert.match(english.json().invalidParams[0].reason, /^line 2, column 6 \(e-mail\)/);

  const header = await post(coordinator, Buffer.from('wie,waar\nA,B\n'), 'text/csv');
  assert.equal(header.statusCode, 400);
  assert.equal(header.json().invalidParams[0].name, 'line 1, column 3');
  const empty = await post(coordinator, Buffer.alloc(0), 'text/csv');
  assert.equal(empty.statusCode, 400);
  const json = await post(coordinator, Buffer.from('{"file":"x"}'), 'application/json');
  assert.equal(json.statusCode, 415);
  const big = await post(coordinator, Buffer.alloc(contactLimits.bytes + 1, 0x61), 'text/csv');
  assert.equal(big.statusCode, 413);
  assert.deepEqual(await emails(), ['anna@example.org', 'bert@example.org']);
});

test('an XLSX file as multipart replaces the list', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Contacten');
  sheet.addRow(['naam', 'e-mail']);
  sheet.addRow(['Anna de Vries', 'anna@example.org']);
  sheet.addRow(['Frits', 'frits@example.org']);
  const data = Buffer.from(await book.xlsx.writeBuffer());
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(data)]), 'contacten.xlsx');
  const req = new Request('http://x', { method: 'POST', body: form });
  const res = await post(coordinator, Buffer.from(await req.arrayBuffer()), req.headers.get('content-type')!);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { added: 1, updated: 1, removed: 1 });
  assert.deepEqual(await emails(), ['anna@example.org', 'frits@example.org']);
});

test('only the organisation’s coordinator imports', async () => {
  const csv = Buffer.from('naam,e-mail\nX,x@example.org\n');
  assert.equal((await post(handler, csv, 'text/csv')).statusCode, 403);
  assert.equal((await post(otherCoordinator, csv, 'text/csv')).statusCode, 403);
  assert.deepEqual(await emails(), ['anna@example.org', 'frits@example.org']);
});
