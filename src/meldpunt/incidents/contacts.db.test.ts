import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import {
  cookies,
  createUser,
  csrfFor,
  postForm,
  setCookies,
  type TestUser,
} from '../../../test/support/principals.js';

let t: TestApp;
let orgA: string;
let orgB: string;
let coordinator: TestUser;
let otherCoordinator: TestUser;

before(async () => {
  t = await createTestApp();
  const org = async (code: string, name: string) =>
    (
      await t.database.query<{ id: string }>(
        "insert into organisations (code, layer, name) values ($1, 'gemeente', $2) returning id",
        [code, name],
      )
    )[0]!.id;
  orgA = await org('GM9301', 'Gemeente Contact A');
  orgB = await org('GM9302', 'Gemeente Contact B');
  coordinator = await createUser(t, { memberships: [{ organisationId: orgA, role: 'coordinator' }] });
  otherCoordinator = await createUser(t, { memberships: [{ organisationId: orgB, role: 'coordinator' }] });
});
after(() => t.close());

/** Posts a file the way a browser's form does: multipart/form-data with `_csrf`. */
async function upload(
  url: string,
  file: { name: string; data: Buffer | string; type?: string },
  cookie: string,
) {
  const csrf = await csrfFor(t.app);
  const form = new FormData();
  form.set('_csrf', csrf.token);
  form.set(
    'file',
    new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], {
      type: file.type ?? 'text/csv',
    }),
    file.name,
  );
  const req = new Request('http://x/', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies(cookie, csrf.cookie), 'content-type': req.headers.get('content-type')! },
    payload: body,
  });
}

const contactsOf = async (org: string) =>
  (
    await t.database.query<{ email: string; name: string; role: string | null }>(
      'select email, name, role from incident_contacts where organisation_id = $1 order by email',
      [org],
    )
  ).map((r) => `${r.email}|${r.name}|${r.role ?? ''}`);

const contactsUrl = () => `/organisations/${orgA}/incidents/contacts`;

test('the coordinator imports the list from CSV; a bad file names line and column and changes nothing', async () => {
  const ok = await upload(
    contactsUrl(),
    {
      name: 'lijst.csv',
      data: 'naam;e-mail;functie\nAnna Raad;Anna@Example.org;Raadslid\nBram Wet;bram@example.org;wethouder\n',
    },
    coordinator.cookie,
  );
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 400));
  assert.match(ok.body, /De lijst is ingelezen: 2 nieuw, 0 bijgewerkt, 0 verwijderd/);
  assert.deepEqual(await contactsOf(orgA), [
    'anna@example.org|Anna Raad|raadslid',
    'bram@example.org|Bram Wet|wethouder',
  ]);

  const bad = await upload(
    contactsUrl(),
    {
      name: 'fout.csv',
      data: 'naam,e-mail,functie\nCees,cees@example.org,\n,geen-adres,Raadslid\nDirk,cees@example.org,koning\n',
    },
    coordinator.cookie,
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Er is niets ingelezen. De lijst is niet veranderd./);
  // Line 3: the name (column 1) and the address (column 2); line 4: a duplicate address and a role.
  assert.match(bad.body, /<td class="num">3<\/td><td>1 \(naam\)<\/td><td>De naam ontbreekt.<\/td>/);
  assert.match(
    bad.body,
    /<td class="num">3<\/td><td>2 \(e-mail\)<\/td><td>Dit is geen geldig e-mailadres.<\/td>/,
  );
  assert.match(
    bad.body,
    /<td class="num">4<\/td><td>[^<]*\(e-mail\)<\/td><td>Dit e-mailadres staat ook op regel 2.<\/td>/,
  );
  assert.match(bad.body, /<td class="num">4<\/td><td>[^<]*\(functie\)<\/td><td>Onbekende functie/);
  assert.equal((await contactsOf(orgA)).length, 2, 'a failed import changes nothing');

  const noColumn = await upload(contactsUrl(), { name: 'x.csv', data: 'naam\nAnna\n' }, coordinator.cookie);
  assert.equal(noColumn.statusCode, 400);
  assert.match(noColumn.body, /De kopregel mist de kolom e-mail/);

  const binary = await upload(
    contactsUrl(),
    { name: 'x.csv', data: Buffer.from([0xff, 0xfe, 0x00, 0x41]) },
    coordinator.cookie,
  );
  assert.equal(binary.statusCode, 400);
  assert.match(binary.body, /geen UTF-8-tekst/);
  assert.equal((await contactsOf(orgA)).length, 2);
});

test('an XLSX file becomes the list (missing people leave it); another organisation cannot touch it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lijst');
  ws.addRow(['Naam', 'E-mail', 'Functie']);
  ws.addRow(['Anna Raad', 'anna@example.org', 'Raadslid']);
  ws.addRow(['Carla Griffier', 'carla@example.org', 'Griffier']);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await upload(
    contactsUrl(),
    {
      name: 'lijst.xlsx',
      data,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    coordinator.cookie,
  );
  assert.equal(res.statusCode, 200, res.body.slice(0, 400));
  assert.match(res.body, /1 nieuw, 1 bijgewerkt, 1 verwijderd/);
  assert.deepEqual(await contactsOf(orgA), [
    'anna@example.org|Anna Raad|raadslid',
    'carla@example.org|Carla Griffier|griffier',
  ]);
  const audit = await t.database.query<{ diff: unknown }>(
    "select diff from audit_log where action = 'incident-contacts.import' order by seq desc limit 1",
  );
  assert.doesNotMatch(JSON.stringify(audit[0]!.diff), /anna|Anna/, 'the audit holds counts, not people');

  const foreign = await upload(
    contactsUrl(),
    { name: 'x.csv', data: 'naam,e-mail\nX,x@example.org\n' },
    otherCoordinator.cookie,
  );
  assert.equal(foreign.statusCode, 403);
  const page = await t.app.inject({ url: contactsUrl(), headers: { cookie: otherCoordinator.cookie } });
  assert.equal(page.statusCode, 403);
  assert.equal((await contactsOf(orgA)).length, 2);
});

/** Asks for a link as a browser at `ip` would (the public routes are limited per client address). */
async function requestLink(email: string, ip = '10.0.0.1') {
  const csrf = await csrfFor(t.app);
  return t.app.inject({
    method: 'POST',
    url: '/meldpunt/aanmelden',
    remoteAddress: ip,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, _csrf: csrf.token }).toString(),
  });
}

/** The link in the newest mail to an address (the body is kept until an SMTP server accepts it). */
async function linkFor(email: string): Promise<string | undefined> {
  const rows = await t.database.query<{ text_body: string }>(
    "select text_body from mail_messages where to_address = $1 and purpose = 'incident-contact-link' order by created_at desc limit 1",
    [email],
  );
  return /\/meldpunt\/aanmelden\/[A-Za-z0-9_-]+/.exec(rows[0]?.text_body ?? '')?.[0];
}
const mailCount = async (email: string) =>
  (
    await t.database.query<{ n: number }>(
      "select count(*)::int as n from mail_messages where to_address = $1 and purpose = 'incident-contact-link'",
      [email],
    )
  )[0]!.n;

test('asking for a link: the same answer for any address; a mail only for an address on a list, rate-limited', async () => {
  const known = await requestLink('Anna@example.org', '10.0.1.1');
  const unknown = await requestLink('nobody@example.org', '10.0.1.1');
  assert.equal(known.statusCode, 200);
  assert.equal(unknown.statusCode, 200);
  const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '').replace(/nonce="[^"]+"/g, '');
  assert.equal(
    strip(known.body),
    strip(unknown.body),
    'the answer does not tell whether the address is known',
  );
  assert.equal(await mailCount('anna@example.org'), 1);
  assert.equal(await mailCount('nobody@example.org'), 0);

  const invalid = await requestLink('geen adres', '10.0.1.1');
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /id="email-error"/);

  // At most three links an hour per address; the answer stays the same.
  for (let i = 0; i < 3; i++) {
    const again = await requestLink('anna@example.org', '10.0.1.1');
    assert.equal(strip(again.body), strip(unknown.body));
  }
  assert.equal(await mailCount('anna@example.org'), 3);
  // One client address asking again and again is stopped as well.
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await requestLink(`x${i}@example.org`, '10.0.1.1')).statusCode);
  assert.ok(statuses.includes(429), `the client address is rate-limited: ${statuses}`);

  // Only the hash of a link is stored.
  const link = (await linkFor('anna@example.org'))!;
  const token = link.split('/').pop()!;
  const stored = await t.database.query<{ n: number }>(
    'select count(*)::int as n from incident_contact_links where token_hash = $1',
    [token],
  );
  assert.equal(stored[0]!.n, 0);
});

test('a link signs in once; the person then reports for their organisation and sees only their own', async () => {
  await t.database.query('delete from incident_contact_links');
  await requestLink('carla@example.org', '10.0.2.1');
  const link = (await linkFor('carla@example.org'))!;
  assert.ok(link);
  // Opening the link (a mail scanner does too) does not use it up.
  const confirm = await t.app.inject({ url: link });
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Aanmelden bij het meldpunt/);
  const csrf = await csrfFor(t.app, { url: link });
  const post = () =>
    t.app.inject({
      method: 'POST',
      url: link,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}`,
    });
  const used = await post();
  assert.equal(used.statusCode, 303, used.body.slice(0, 300));
  assert.equal(used.headers.location, '/meldpunt');
  const session = setCookies(used);
  const home = await t.app.inject({ url: '/meldpunt', headers: { cookie: session } });
  assert.equal(home.statusCode, 200);
  assert.match(home.body, new RegExp(`/organisations/${orgA}/incidents/new`));
  assert.doesNotMatch(home.body, new RegExp(`/organisations/${orgA}/incidents"`), 'no follow-up list');

  const again = await post();
  assert.equal(again.statusCode, 410, 'single use');
  assert.equal((await t.app.inject({ url: link })).statusCode, 410);

  // The account has the reporter role only, no password.
  const rows = await t.database.query<{ role: string; password_hash: string | null }>(
    `select m.role, u.password_hash from users u join memberships m on m.user_id = u.id
     where u.email = 'carla@example.org'`,
  );
  assert.deepEqual(
    rows.map((r) => [r.role, r.password_hash]),
    [['reporter', null]],
  );
  const list = await t.app.inject({ url: `/organisations/${orgA}/incidents`, headers: { cookie: session } });
  assert.equal(list.statusCode, 403);
});

test('an expired link and a link for an account with more rights do not sign in', async () => {
  await t.database.query('delete from incident_contact_links');
  await requestLink('anna@example.org', '10.0.3.1');
  const link = (await linkFor('anna@example.org'))!;
  await t.database.query("update incident_contact_links set expires_at = now() - interval '1 second'");
  assert.equal((await t.app.inject({ url: link })).statusCode, 410);

  await t.database.query(
    "insert into incident_contacts (organisation_id, email, name) values ($1, $2, 'Coördinator')",
    [orgA, coordinator.email],
  );
  await t.database.query('delete from incident_contact_links');
  await requestLink(coordinator.email, '10.0.3.1');
  const coordinatorLink = (await linkFor(coordinator.email))!;
  const csrf = await csrfFor(t.app, { url: coordinatorLink });
  const res = await t.app.inject({
    method: 'POST',
    url: coordinatorLink,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf.token)}`,
  });
  assert.equal(res.statusCode, 410);
  assert.match(res.body, /Meld u aan met uw wachtwoord/);
  assert.equal(
    res.cookies.find((c) => c.name === 'wb_session'),
    undefined,
    'a mailbox alone does not open a coordinator account',
  );
});

test('the person concerned without membership opens their incident through a link; nobody else on the list does', async () => {
  const reporter = await createUser(t, { memberships: [{ organisationId: orgA, role: 'reporter' }] });
  const sent = await postForm(
    t.app,
    `/organisations/${orgA}/incidents/new`,
    {
      intent: 'submit',
      reporterRelation: 'griffier',
      concernedName: 'Anna Raad',
      concernedRole: 'raadslid',
      occurredOn: '2026-11-20',
      recurrence: 'once',
      location: 'online',
      channel: 'social_media',
      forms: ['threat'],
      severity: 'serious',
      perpetratorKnown: 'unknown',
      description: 'Dreigbericht aan het raadslid.',
    },
    reporter.cookie,
  );
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
  const id = String(sent.headers.location).split('/')[2]!.split('?')[0]!;
  const [anna] = await t.database.query<{ id: string }>(
    "select id from incident_contacts where email = 'anna@example.org'",
  );
  const detail = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: coordinator.cookie } });
  assert.match(detail.body, /id="contactId"/, 'the coordinator can choose the person concerned');
  const set = await postForm(
    t.app,
    `/incidents/${id}/concerned-contact`,
    { contactId: anna!.id },
    coordinator.cookie,
  );
  assert.equal(set.statusCode, 303);
  // A coordinator of another organisation cannot.
  const foreign = await postForm(
    t.app,
    `/incidents/${id}/concerned-contact`,
    { contactId: anna!.id },
    otherCoordinator.cookie,
  );
  assert.equal(foreign.statusCode, 403);

  const signIn = async (email: string) => {
    await t.database.query('delete from incident_contact_links');
    await requestLink(email, `10.0.4.${email.length}`);
    const link = (await linkFor(email))!;
    const csrf = await csrfFor(t.app, { url: link });
    const res = await t.app.inject({
      method: 'POST',
      url: link,
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf.token)}`,
    });
    assert.equal(res.statusCode, 303);
    return setCookies(res);
  };
  const annaSession = await signIn('anna@example.org');
  const view = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: annaSession } });
  assert.equal(view.statusCode, 200);
  assert.match(view.body, /Dreigbericht aan het raadslid/);

  const carlaSession = await signIn('carla@example.org');
  const hidden = await t.app.inject({ url: `/incidents/${id}`, headers: { cookie: carlaSession } });
  assert.equal(hidden.statusCode, 404);
  const reads = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where resource_id = $1 and action = 'incident.view'",
    [id],
  );
  assert.ok(reads[0]!.n >= 2, 'every view is audited');
});
