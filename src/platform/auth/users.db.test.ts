import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';

let t: TestApp;
let orgA: string;
let orgB: string;
let admin: TestUser;
let coordA: TestUser;
let coordB: TestUser;
let memberA: TestUser;
let memberAB: TestUser;

async function org(code: string, name: string) {
  const rows = await t.database.query<{ id: string }>(
    "insert into organisations (code, layer, name, province_code) values ($1, 'gemeente', $2, 'PV26') returning id",
    [code, name],
  );
  return rows[0]!.id;
}

before(async () => {
  t = await createTestApp();
  orgA = await org('GM9101', 'Gemeente Alfa');
  orgB = await org('GM9102', 'Gemeente Beta');
  admin = await createUser(t, { platformRoles: ['admin'], email: 'admin@users.test' });
  coordA = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  coordB = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
  memberA = await createUser(t, {
    memberships: [{ organisationId: orgA, role: 'reporter' }],
    displayName: 'Alleen Alfa',
  });
  memberAB = await createUser(t, {
    memberships: [
      { organisationId: orgA, role: 'case_handler' },
      { organisationId: orgB, role: 'integrity_officer' },
    ],
  });
});
after(() => t.close());

const api = (u: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${u.bearer}` },
    ...(payload ? { payload } : {}),
  });

test('admins list everyone; a coordinator lists only the users of their organisations', async () => {
  const all = (await api(admin, 'GET', '/api/v1/users?limit=500')).json();
  assert.ok(all.items.some((u: any) => u.id === coordB.id));
  const forA = (await api(coordA, 'GET', '/api/v1/users?limit=500')).json();
  const ids = new Set(forA.items.map((u: any) => u.id));
  assert.ok(ids.has(memberA.id) && ids.has(memberAB.id) && ids.has(coordA.id));
  assert.ok(!ids.has(coordB.id) && !ids.has(admin.id));
  // the B role of a shared user stays out of A's view
  const shared = forA.items.find((u: any) => u.id === memberAB.id);
  assert.deepEqual(
    shared.memberships.map((m: any) => m.organisationId),
    [orgA],
  );
  assert.equal((await api(coordA, 'GET', `/api/v1/users?organisationId=${orgB}`)).statusCode, 403);
  assert.equal((await api(memberA, 'GET', '/api/v1/users')).statusCode, 403);
});

test('a coordinator of B gets no data about a user of A, by API or page', async () => {
  for (const res of [
    await api(coordB, 'GET', `/api/v1/users/${memberA.id}`),
    await t.app.inject({ url: `/users/${memberA.id}`, headers: { cookie: coordB.cookie } }),
  ]) {
    assert.ok([403, 404].includes(res.statusCode), String(res.statusCode));
    assert.doesNotMatch(res.body, /Alleen Alfa/);
    assert.ok(!res.body.includes(memberA.email));
  }
  const list = await t.app.inject({ url: '/users', headers: { cookie: coordB.cookie } });
  assert.equal(list.statusCode, 200);
  assert.ok(!list.body.includes(memberA.email));
  // and cannot give or take roles there
  const addInB = await api(coordB, 'POST', `/api/v1/users/${memberA.id}/memberships`, {
    organisationId: orgB,
    role: 'reporter',
  });
  assert.equal(addInB.statusCode, 404);
  const addInA = await api(coordB, 'POST', `/api/v1/users/${memberA.id}/memberships`, {
    organisationId: orgA,
    role: 'coordinator',
  });
  assert.equal(addInA.statusCode, 403);
  const del = await api(coordB, 'DELETE', `/api/v1/users/${memberA.id}/memberships/${orgA}/reporter`);
  assert.equal(del.statusCode, 403);
  const rows = await t.database.query<{ n: number }>(
    'select count(*)::int as n from memberships where user_id = $1',
    [memberA.id],
  );
  assert.equal(rows[0]!.n, 1);
});

test('a coordinator manages roles in their own organisation, but no platform roles', async () => {
  const u = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  const add = await api(coordA, 'POST', `/api/v1/users/${u.id}/memberships`, {
    organisationId: orgA,
    role: 'case_handler',
  });
  assert.equal(add.statusCode, 201);
  assert.deepEqual(
    add
      .json()
      .memberships.map((m: any) => m.role)
      .sort(),
    ['case_handler', 'reporter'],
  );
  const del = await api(coordA, 'DELETE', `/api/v1/users/${u.id}/memberships/${orgA}/reporter`);
  assert.equal(del.statusCode, 204);
  const patch = await api(coordA, 'PATCH', `/api/v1/users/${u.id}`, { platformRoles: ['admin'] });
  assert.equal(patch.statusCode, 403);
  const create = await api(coordA, 'POST', '/api/v1/users', { email: 'x@y.test', displayName: 'X' });
  assert.equal(create.statusCode, 403);
  const log = await t.database.query<{ action: string; organisation_id: string }>(
    "select action, organisation_id from audit_log where resource_id = $1 and action like 'membership.%' order by seq",
    [u.id],
  );
  assert.deepEqual(
    log.map((l) => [l.action, l.organisation_id]),
    [
      ['membership.add', orgA],
      ['membership.add', orgA],
      ['membership.remove', orgA],
    ],
  );
});

test('admins create users; password rules and duplicate e-mail addresses are explained', async () => {
  const ok = await api(admin, 'POST', '/api/v1/users', {
    email: ' Nieuw@Gemeente.test ',
    displayName: 'Nieuwe Collega',
    password: 'een lang wachtwoord',
    memberships: [{ organisationId: orgA, role: 'reporter' }],
  });
  assert.equal(ok.statusCode, 201);
  assert.equal(ok.json().email, 'nieuw@gemeente.test');
  assert.equal(ok.json().hasPassword, true);
  const dup = await api(admin, 'POST', '/api/v1/users', {
    email: 'nieuw@gemeente.test',
    displayName: 'Twee',
  });
  assert.equal(dup.statusCode, 409);
  const short = await api(admin, 'POST', '/api/v1/users', {
    email: 'kort@gemeente.test',
    displayName: 'K',
    password: 'kort',
  });
  assert.equal(short.statusCode, 400);
  assert.equal(short.json().invalidParams[0].code, 'password_tooShort');
  const same = await api(admin, 'POST', '/api/v1/users', {
    email: 'zelfde@gemeente.test',
    displayName: 'Z',
    password: 'zelfde@gemeente.test',
  });
  assert.equal(same.json().invalidParams[0].code, 'password_sameAsEmail');
  const badEmail = await api(admin, 'POST', '/api/v1/users', { email: 'geen-adres', displayName: 'G' });
  assert.equal(badEmail.json().invalidParams[0].code, 'email_invalid');
});

test('passwords and their hashes never reach the audit log', async () => {
  const password = 'geheim wachtwoord 1';
  const created = (
    await api(admin, 'POST', '/api/v1/users', {
      email: 'audit@gemeente.test',
      displayName: 'Audit',
      password,
    })
  ).json();
  const reset = await api(admin, 'PATCH', `/api/v1/users/${created.id}`, { password: 'nog een geheim 2' });
  assert.equal(reset.statusCode, 200);
  const [row] = await t.database.query<{ password_hash: string }>(
    'select password_hash from users where id = $1',
    [created.id],
  );
  const log = JSON.stringify(await t.database.query('select * from audit_log'));
  for (const secret of [password, 'nog een geheim 2', row!.password_hash, '$argon2id']) {
    assert.ok(!log.includes(secret), secret);
  }
});

test('disabling a user ends their sessions; self-lockout is refused', async () => {
  const u = await createUser(t);
  assert.equal((await t.app.inject({ url: '/account', headers: { cookie: u.cookie } })).statusCode, 200);
  const res = await api(admin, 'PATCH', `/api/v1/users/${u.id}`, { disabled: true });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().disabled, true);
  assert.equal((await t.app.inject({ url: '/account', headers: { cookie: u.cookie } })).statusCode, 303);
  assert.equal(
    (await t.app.inject({ url: '/api/v1/api-tokens', headers: { authorization: `Bearer ${u.bearer}` } }))
      .statusCode,
    401,
  );
  const self = await api(admin, 'PATCH', `/api/v1/users/${admin.id}`, { platformRoles: [] });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().invalidParams[0].code, 'self_lockout');
});

test('user pages: admin creates a user through the form and edits roles', async () => {
  const form = await t.app.inject({ url: '/users/new', headers: { cookie: admin.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /autocomplete="new-password"/);
  const bad = await postForm(t.app, '/users', { displayName: '', email: 'nope' }, admin.cookie);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="email-error"/);
  assert.match(bad.body, /id="displayName-error"/);
  const res = await postForm(
    t.app,
    '/users',
    { displayName: 'Piet Pagina', email: 'piet@gemeente.test', organisationId: orgB, role: 'reporter' },
    admin.cookie,
  );
  assert.equal(res.statusCode, 303);
  const userUrl = String(res.headers.location).split('?')[0]!;
  const page = await t.app.inject({ url: userUrl, headers: { cookie: admin.cookie } });
  assert.match(page.body, /Piet Pagina/);
  assert.match(page.body, /Gemeente Beta/);
  const edit = await postForm(
    t.app,
    userUrl,
    { displayName: 'Piet P.', platformRoles: ['viewer'] },
    admin.cookie,
  );
  assert.equal(edit.statusCode, 303);
  const json = (await api(admin, 'GET', `/api/v1/users/${userUrl.split('/').pop()}`)).json();
  assert.equal(json.displayName, 'Piet P.');
  assert.deepEqual(json.platformRoles, ['viewer']);
});

test('user pages: a coordinator sees their users and may add a role only in their organisation', async () => {
  const list = await t.app.inject({ url: '/users', headers: { cookie: coordA.cookie } });
  assert.equal(list.statusCode, 200);
  assert.ok(list.body.includes(memberA.email));
  assert.ok(!list.body.includes(coordB.email));
  const page = await t.app.inject({ url: `/users/${memberA.id}`, headers: { cookie: coordA.cookie } });
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /name="platformRoles"/);
  assert.doesNotMatch(page.body, new RegExp(`value="${orgB}"`));
  const add = await postForm(
    t.app,
    `/users/${memberA.id}/memberships`,
    { organisationId: orgA, role: 'case_handler' },
    coordA.cookie,
  );
  assert.equal(add.statusCode, 303);
  const edit = await postForm(
    t.app,
    `/users/${memberA.id}`,
    { displayName: 'Hacked', platformRoles: 'admin' },
    coordA.cookie,
  );
  assert.equal(edit.statusCode, 403);
  assert.equal(
    (await t.app.inject({ url: '/users/new', headers: { cookie: coordA.cookie } })).statusCode,
    403,
  );
});

test('the home page offers user management only to those who may use it', async () => {
  const home = async (u: TestUser) => (await t.app.inject({ url: '/', headers: { cookie: u.cookie } })).body;
  assert.match(await home(admin), /<a href="\/users">/);
  assert.match(await home(coordA), /<a href="\/users">/);
  assert.match(await home(coordA), /Coördinator bij Gemeente Alfa/);
  assert.doesNotMatch(await home(memberA), /<a href="\/users">/);
});

test('two simultaneous creations of one address: one user, one conflict', async () => {
  const body = { email: 'tegelijk@gemeente.test', displayName: 'Tegelijk' };
  const results = await Promise.all([
    api(admin, 'POST', '/api/v1/users', body),
    api(admin, 'POST', '/api/v1/users', body),
  ]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
});

test('an admin lifts a lockout', async () => {
  const u = await createUser(t);
  await t.database.query(
    "update users set locked_until = now() + interval '10 minutes', failed_logins = 0 where id = $1",
    [u.id],
  );
  const page = await t.app.inject({ url: `/users/${u.id}`, headers: { cookie: admin.cookie } });
  assert.match(page.body, /Vergrendeling opheffen/);
  const res = await postForm(t.app, `/users/${u.id}/status`, { disabled: '0' }, admin.cookie);
  assert.equal(res.statusCode, 303);
  const json = (await api(admin, 'GET', `/api/v1/users/${u.id}`)).json();
  assert.equal(json.lockedUntil, null);
  assert.equal(json.disabled, false);
});
