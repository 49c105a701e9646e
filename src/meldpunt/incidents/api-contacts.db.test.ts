/**
 * The contact list and evidence through the API (./api-contacts.ts): the list replaced all or nothing,
 * evidence uploaded, listed and downloaded whole, refused files leave nothing, and the access rules of
 * the pages hold (another organisation's coordinator, an unassigned case handler).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { completeReport } from './fixtures.js';

let t: TestApp;
let orgA: string;
let reporter: TestUser;
let coordinator: TestUser;
let handler: TestUser;
let otherCoordinator: TestUser;

before(async () => {
  t = await createTestApp();
  const org = async (code: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9411');
  const orgB = await org('GM9412');
  reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  handler = await createUser(t, { memberships: [{ organisationId: orgA, role: 'case_handler' }] });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

const call = (user: TestUser, method: string, url: string, payload?: unknown, contentType?: string) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      authorization: `Bearer ${user.bearer}`,
      'accept-language': 'nl',
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    payload: payload as object,
  });

async function report(): Promise<{ id: string }> {
  const res = await call(reporter, 'POST', '/api/v1/incidents', {
    organisationId: orgA,
    ...completeReport(),
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('the rest of a screenshot'),
]);

test('the contact list: replaced all or nothing, read, one removed; only by the own coordinator', async () => {
  const url = `/api/v1/organisations/${orgA}/incident-contacts`;
  const put = await call(coordinator, 'PUT', url, {
    contacts: [
      { name: 'Anna Raadslid', email: 'Anna@Example.org', role: 'raadslid' },
      { name: 'Bert Wethouder', email: 'bert@example.org' },
    ],
  });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(put.json(), { added: 2, updated: 0, removed: 0 });

  const dup = await call(coordinator, 'PUT', url, {
    contacts: [
      { name: 'Carla', email: 'carla@example.org' },
      { name: 'Carla 2', email: 'CARLA@example.org' },
    ],
  });
  assert.equal(dup.statusCode, 400);
  assert.equal(dup.json().type, 'urn:weerbaar:problem:validation');
  assert.equal(dup.json().invalidParams[0].name, 'contacts[1].email');
  const bad = await call(coordinator, 'PUT', url, { contacts: [{ name: 'X', email: 'geen adres' }] });
  assert.equal(bad.statusCode, 400);

  const list = await call(coordinator, 'GET', url);
  assert.equal(list.statusCode, 200);
  const items = list.json().items as Array<{ id: string; email: string; role: string | null }>;
  assert.deepEqual(
    items.map((c) => [c.email, c.role]),
    [
      ['anna@example.org', 'raadslid'],
      ['bert@example.org', null],
    ],
    'a refused list changed nothing; addresses lower-cased',
  );
  assert.equal((await call(otherCoordinator, 'GET', url)).statusCode, 403);
  assert.equal((await call(handler, 'GET', url)).statusCode, 403);

  const removed = await call(coordinator, 'DELETE', `${url}/${items[1]!.id}`);
  assert.equal(removed.statusCode, 204);
  assert.equal((await call(coordinator, 'DELETE', `${url}/${items[1]!.id}`)).statusCode, 404);
  assert.equal((await call(coordinator, 'GET', url)).json().items.length, 1);

  const incident = await report();
  const concerned = await call(coordinator, 'PUT', `/api/v1/incidents/${incident.id}/concerned-contact`, {
    contactId: items[0]!.id,
  });
  assert.equal(concerned.statusCode, 200, concerned.body);
  assert.deepEqual(concerned.json(), { contactId: items[0]!.id });
  const cleared = await call(coordinator, 'PUT', `/api/v1/incidents/${incident.id}/concerned-contact`, {
    contactId: null,
  });
  assert.deepEqual(cleared.json(), { contactId: null });
});

test('evidence: uploaded (octet-stream and multipart), listed, downloaded whole; refused files leave nothing', async () => {
  const incident = await report();
  const base = `/api/v1/incidents/${incident.id}/evidence`;
  const up = await call(reporter, 'POST', `${base}?fileName=scherm.png`, PNG, 'application/octet-stream');
  assert.equal(up.statusCode, 201, up.body);
  assert.equal(up.json().contentType, 'image/png');
  assert.equal(up.json().fileName, 'scherm.png');
  assert.equal(up.headers.location, `${base}/${up.json().id}`);

  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'foto.png');
  const req = new Request('http://x', { method: 'POST', body: form });
  const multipart = await call(
    reporter,
    'POST',
    base,
    Buffer.from(await req.arrayBuffer()),
    req.headers.get('content-type')!,
  );
  assert.equal(multipart.statusCode, 201, multipart.body);
  assert.equal(multipart.json().fileName, 'foto.png');

  const html = await call(
    reporter,
    'POST',
    `${base}?fileName=x.png`,
    Buffer.from('<html><script>alert(1)</script></html>'),
    'application/octet-stream',
  );
  assert.equal(html.statusCode, 415);
  assert.equal(html.json().type, 'urn:weerbaar:problem:unsupported-media-type');

  const list = await call(coordinator, 'GET', base);
  assert.equal(list.statusCode, 200);
  assert.deepEqual(
    list.json().items.map((e: { fileName: string }) => e.fileName),
    ['scherm.png', 'foto.png'],
    'the refused file left nothing behind',
  );
  const down = await call(coordinator, 'GET', `${base}/${up.json().id}`);
  assert.equal(down.statusCode, 200);
  assert.deepEqual(down.rawPayload, PNG);
  assert.equal(down.headers['content-type'], 'image/png');
  assert.match(String(down.headers['content-disposition']), /^attachment;/);
  assert.equal(down.headers['x-content-type-options'], 'nosniff');

  assert.equal((await call(handler, 'GET', base)).statusCode, 404, 'an unassigned case handler');
  assert.equal((await call(handler, 'GET', `${base}/${up.json().id}`)).statusCode, 404);
  assert.equal((await call(otherCoordinator, 'GET', base)).statusCode, 403);
  const foreign = await call(
    otherCoordinator,
    'POST',
    `${base}?fileName=a.png`,
    PNG,
    'application/octet-stream',
  );
  assert.equal(foreign.statusCode, 403, 'refused before the body is read');
});
