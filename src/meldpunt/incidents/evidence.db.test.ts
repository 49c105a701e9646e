import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, type TestUser } from '../../../test/support/principals.js';
import { evidenceLimits } from './evidence.js';

let t: TestApp;
let orgA: string;
let incidentId: string;
let reporter: TestUser;
let coordinator: TestUser;
let otherHandler: TestUser;
let otherCoordinator: TestUser;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('schermafbeelding van een dreigbericht'),
]);

before(async () => {
  t = await createTestApp();
  const org = async (code: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $1) returning id",
        [code],
      )
    )[0]!.id;
  orgA = await org('GM9401');
  const orgB = await org('GM9402');
  reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  otherHandler = await createUser(t, { memberships: [{ organisationId: orgA, role: 'case_handler' }] });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
  incidentId = (
    await t.database.query<{ id: string }>(
      `insert into incidents (organisation_id, state, reporter_user_id, description, forms, submitted_at)
       values ($1, 'gemeld', $2, 'Dreiging', '{threat}', now()) returning id`,
      [orgA, reporter.id],
    )
  )[0]!.id;
});
after(() => t.close());

async function upload(file: { name: string; data: Buffer; type?: string }, cookie: string, id = incidentId) {
  const csrf = await csrfFor(t.app);
  const form = new FormData();
  form.set('_csrf', csrf.token);
  form.set('evidence', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'image/png' }), file.name);
  const req = new Request('http://x/', { method: 'POST', body: form });
  return t.app.inject({
    method: 'POST',
    url: `/incidents/${id}/evidence`,
    headers: { cookie: cookies(cookie, csrf.cookie), 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
}
const stored = async () =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from incident_evidence'))[0]!.n;

test('the reporter adds a screenshot: stored encrypted, listed on the incident, downloaded as an attachment', async () => {
  const res = await upload({ name: '../../scherm<1>.png', data: PNG }, reporter.cookie);
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
  assert.equal(res.headers.location, `/incidents/${incidentId}/evidence?done=added`);
  const [row] = await t.database.query<{
    id: string;
    file_name: string;
    content_type: string;
    sealed: Uint8Array;
  }>('select id, file_name, content_type, sealed from incident_evidence');
  assert.equal(row!.content_type, 'image/png');
  assert.equal(row!.file_name, 'scherm<1>.png', 'no path');
  assert.equal(Buffer.from(row!.sealed).includes(Buffer.from('dreigbericht')), false, 'encrypted at rest');

  const detail = await t.app.inject({
    url: `/incidents/${incidentId}`,
    headers: { cookie: coordinator.cookie },
  });
  assert.match(detail.body, /scherm&lt;1>\.png/);
  const download = await t.app.inject({
    url: `/incidents/${incidentId}/evidence/${row!.id}`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, PNG);
  assert.equal(download.headers['content-type'], 'image/png');
  assert.match(
    String(download.headers['content-disposition']),
    /^attachment; filename="bewijs-[0-9a-f]{8}\.png"/,
  );
  assert.equal(download.headers['x-content-type-options'], 'nosniff');
  assert.match(String(download.headers['content-security-policy']), /sandbox/);
  const audits = await t.database.query<{ action: string; diff: unknown }>(
    "select action, diff from audit_log where resource_id = $1 and action like 'incident.evidence%' order by seq",
    [incidentId],
  );
  assert.deepEqual(
    audits.map((a) => a.action),
    ['incident.evidence-add', 'incident.evidence-download'],
  );
  assert.doesNotMatch(JSON.stringify(audits), /scherm/, 'no file names in the audit log');
});

test('a file of another type, a disguised page, an empty or too large file is refused and leaves nothing', async () => {
  const before = await stored();
  const html = await upload(
    { name: 'foto.png', data: Buffer.from('<html><script>alert(1)</script>') },
    reporter.cookie,
  );
  assert.equal(html.statusCode, 400);
  assert.match(html.body, /id="evidence-error"[^>]*>Dit soort bestand kunt u niet toevoegen/);
  const big = Buffer.concat([PNG, Buffer.alloc(evidenceLimits.bytes)]);
  const large = await upload({ name: 'groot.png', data: big }, reporter.cookie);
  assert.ok([400, 413].includes(large.statusCode), String(large.statusCode));
  const empty = await upload({ name: 'leeg.png', data: Buffer.alloc(0) }, reporter.cookie);
  assert.equal(empty.statusCode, 400);
  const english = await upload(
    { name: 'x.exe', data: Buffer.from('MZ\x90\x00', 'latin1') },
    `${reporter.cookie}`,
  );
  assert.equal(english.statusCode, 400);
  assert.equal(await stored(), before);
});

test('only those who may see the incident see its evidence', async () => {
  const [row] = await t.database.query<{ id: string }>('select id from incident_evidence limit 1');
  const url = `/incidents/${incidentId}/evidence/${row!.id}`;
  // A case handler of the organisation who is not assigned: not found, and nothing audited as a download.
  const handler = await t.app.inject({ url, headers: { cookie: otherHandler.cookie } });
  assert.equal(handler.statusCode, 404);
  const page = await t.app.inject({
    url: `/incidents/${incidentId}/evidence`,
    headers: { cookie: otherHandler.cookie },
  });
  assert.equal(page.statusCode, 404);
  const addByHandler = await upload({ name: 'x.png', data: PNG }, otherHandler.cookie);
  assert.equal(addByHandler.statusCode, 404);
  // Another organisation: refused by the route.
  const foreign = await t.app.inject({ url, headers: { cookie: otherCoordinator.cookie } });
  assert.equal(foreign.statusCode, 403);
  const addForeign = await upload({ name: 'x.png', data: PNG }, otherCoordinator.cookie);
  assert.equal(addForeign.statusCode, 403);
  // The evidence of another incident cannot be fetched through this one.
  const other = (
    await t.database.query<{ id: string }>(
      `insert into incidents (organisation_id, state, reporter_user_id, forms, submitted_at)
       values ($1, 'gemeld', $2, '{threat}', now()) returning id`,
      [orgA, coordinator.id],
    )
  )[0]!.id;
  const crossed = await t.app.inject({
    url: `/incidents/${other}/evidence/${row!.id}`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(crossed.statusCode, 404);
});
