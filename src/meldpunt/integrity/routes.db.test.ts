import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { createTestOrganisation } from './fixtures.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const receiptOf = (html: string) => /<strong class="secret">([0-9 ]{19})<\/strong>/.exec(html)?.[1];
const decode = (html: string) =>
  html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

async function channel() {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const setup = await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: 'een lang sleutelwachtwoord', passphraseRepeat: 'een lang sleutelwachtwoord' },
    officer.cookie,
  );
  assert.equal(setup.statusCode, 200);
  assert.match(setup.body, /([0-9A-F]{4}-){15}[0-9A-F]{4}/, 'the recovery key is shown once');
  return { org, officer };
}

test('unknown or unsubscribed codes get a friendly page, in Dutch and English', async () => {
  const org = await createTestOrganisation(t.database);
  for (const url of ['/integriteit/XX9999', `/integriteit/${org.code}`]) {
    const nl = await t.app.inject({ url });
    assert.equal(nl.statusCode, 404);
    assert.match(nl.body, /Dit meldpunt bestaat niet/);
    assert.match(nl.body, /Huis voor Klokkenluiders/);
    const en = await t.app.inject({ url: `${url}?lang=en` });
    assert.match(en.body, /This reporting channel does not exist/);
  }
});

test('a visitor reports without an account; the officer acknowledges and asks; the reporter answers', async () => {
  const { org, officer } = await channel();
  const page = await t.app.inject({ url: `/integriteit/${org.code}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Vermoeden van een integriteitsschending melden/);
  assert.doesNotMatch(page.body, /<script/i, 'no JavaScript');
  assert.doesNotMatch(page.body, /(src|href)="https?:\/\//, 'no third-party assets');

  // bad input: the form comes back with the values and messages, nothing lost
  const bad = await postForm(t.app, `/integriteit/${org.code}`, {
    what: 'Alleen dit',
    identityMode: 'confidential',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Kies waar uw melding over gaat/);
  assert.match(bad.body, /Vul uw naam in/);
  assert.match(bad.body, />Alleen dit<\/textarea>/);

  const sent = await postForm(t.app, `/integriteit/${org.code}`, {
    category: 'geschenken',
    what: 'De gedeputeerde kreeg een reis naar Parijs van een aannemer.',
    involved: 'gedeputeerde',
    when: 'april',
    identityMode: 'confidential',
    name: 'Piet Melder',
    contact: '06-12345678',
  });
  assert.equal(sent.statusCode, 200);
  const receipt = receiptOf(sent.body);
  assert.ok(receipt, 'the receipt code is shown');

  // the officer: dashboard with both countdowns, then the report
  const dashboard = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: officer.cookie } });
  assert.equal(dashboard.statusCode, 200);
  assert.match(dashboard.body, /Geschenken, uitnodigingen en reizen/);
  assert.match(dashboard.body, /nog 7 dagen/);
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(dashboard.body)![1]!;
  const report = await t.app.inject({
    url: `/integrity/${org.id}/reports/${reportId}`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(report.statusCode, 200);
  assert.match(report.body, /reis naar Parijs/);
  assert.doesNotMatch(report.body, /Piet Melder/, 'the identity takes a second step');
  const identity = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/identity`,
    {},
    officer.cookie,
  );
  assert.match(identity.body, /Piet Melder/);

  const ack = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/acknowledge`,
    { ackMessage: 'Ontvangen, dank u.' },
    officer.cookie,
  );
  assert.equal(ack.statusCode, 200);
  assert.match(ack.body, /op tijd gedaan/);
  const ask = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/messages`,
    { message: 'Hebt u de boeking gezien?' },
    officer.cookie,
  );
  assert.equal(ask.statusCode, 200);

  // the reporter comes back
  const back = await postForm(t.app, `/integriteit/${org.code}/terugkomen`, { receipt });
  assert.equal(back.statusCode, 200);
  assert.match(decode(back.body), /Hebt u de boeking gezien\?/);
  assert.match(back.body, /Ontvangen, dank u\./);
  const answer = await postForm(t.app, `/integriteit/${org.code}/bericht`, {
    receipt,
    message: 'Ja, in de agenda.',
  });
  assert.equal(answer.statusCode, 200);
  assert.match(answer.body, /Uw bericht is verstuurd/);
  const seen = await t.app.inject({
    url: `/integrity/${org.id}/reports/${reportId}`,
    headers: { cookie: officer.cookie },
  });
  assert.match(seen.body, /Ja, in de agenda\./);
});

test('a wrong receipt code and an unknown one get the same answer', async () => {
  const { org } = await channel();
  const sent = await postForm(t.app, `/integriteit/${org.code}`, {
    category: 'overig',
    what: 'Iets',
    identityMode: 'anonymous',
  });
  const receipt = receiptOf(sent.body)!.replaceAll(' ', '');
  const wrong = receipt.replace(/.$/, (d) => String((Number(d) + 1) % 10));
  const bodies = new Set<string>();
  for (const code of [wrong, '1111222233334444', 'nonsense']) {
    const res = await postForm(t.app, `/integriteit/${org.code}/terugkomen`, { receipt: code });
    assert.equal(res.statusCode, 400);
    bodies.add(res.body.replace(/name="_csrf" value="[^"]+"/, ''));
  }
  assert.equal(bodies.size, 1);
});

test('a signed-in officer without an unlocked key gets an explanation, not a 500; others are refused', async () => {
  const { org } = await channel();
  const second = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const sent = await postForm(t.app, `/integriteit/${org.code}`, {
    category: 'overig',
    what: 'Iets',
    identityMode: 'anonymous',
  });
  assert.equal(sent.statusCode, 200);
  const dashboard = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: second.cookie } });
  assert.equal(dashboard.statusCode, 200);
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(dashboard.body)![1]!;
  const locked = await t.app.inject({
    url: `/integrity/${org.id}/reports/${reportId}`,
    headers: { cookie: second.cookie },
  });
  assert.equal(locked.statusCode, 403);
  assert.match(locked.body, /sleutelwachtwoord/);
  // makes a key: still no access to the report until another officer certifies it
  const created = await postForm(
    t.app,
    `/integrity/${org.id}/keys/create`,
    { passphrase: 'tweede sleutelwachtwoord', passphraseRepeat: 'tweede sleutelwachtwoord' },
    second.cookie,
  );
  assert.match(created.body, /wacht op bevestiging/);
  const noKey = await t.app.inject({
    url: `/integrity/${org.id}/reports/${reportId}`,
    headers: { cookie: second.cookie },
  });
  assert.equal(noKey.statusCode, 403);
  assert.match(noKey.body, /Geen sleutel voor deze melding/);
  // an admin is not an integrity officer
  const admin = await createUser(t, { platformRoles: ['admin'] });
  const refused = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: admin.cookie } });
  assert.equal(refused.statusCode, 403);
});

test('the officer moves a report through the handreiking steps by form; a bad step is a form error', async () => {
  const { org, officer } = await channel();
  await postForm(t.app, `/integriteit/${org.code}`, {
    category: 'overig',
    what: 'Iets',
    identityMode: 'anonymous',
  });
  const dashboard = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: officer.cookie } });
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(dashboard.body)![1]!;
  const base = `/integrity/${org.id}/reports/${reportId}`;
  const skip = await postForm(t.app, `${base}/move`, { to: 'onderzoek' }, officer.cookie);
  assert.equal(skip.statusCode, 400);
  assert.match(skip.body, /Deze stap kan nu niet/);
  for (const to of ['intake', 'vooronderzoek', 'besluit']) {
    const res = await postForm(t.app, `${base}/move`, { to, stepNote: `bij ${to}` }, officer.cookie);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
  }
  // the decision is the chair's: an officer is refused, and nothing moves
  const refused = await postForm(t.app, `${base}/move`, { to: 'communicatie' }, officer.cookie);
  assert.equal(refused.statusCode, 403);
  const waiting = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.match(waiting.body, /besluit van de voorzitter/);
  assert.doesNotMatch(waiting.body, /action="[^"]*\/move"/);
  await t.database.query(
    "insert into memberships (user_id, organisation_id, role) values ($1, $2, 'integrity_chair')",
    [officer.id, org.id],
  );
  const chairPage = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.match(chairPage.body, /action="[^"]*\/move"/);
  const decided = await postForm(t.app, `${base}/move`, { to: 'communicatie' }, officer.cookie);
  assert.match(decided.body, /Geen vervolg/);
  assert.match(decided.body, /bij besluit/);
  const note = await postForm(t.app, `${base}/notes`, { note: '' }, officer.cookie);
  assert.equal(note.statusCode, 400);
});

test('the officer changes the key passphrase, and recovers a forgotten one with the recovery key', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const setup = await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: 'een lang sleutelwachtwoord', passphraseRepeat: 'een lang sleutelwachtwoord' },
    officer.cookie,
  );
  const recoveryKey = /([0-9A-F]{4}-){15}[0-9A-F]{4}/.exec(setup.body)![0];
  const base = `/integrity/${org.id}/keys`;
  const wrong = await postForm(
    t.app,
    `${base}/passphrase`,
    {
      current: 'fout fout fout',
      newPassphrase: 'nieuw sleutelwachtwoord',
      newPassphraseRepeat: 'nieuw sleutelwachtwoord',
    },
    officer.cookie,
  );
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Dit sleutelwachtwoord klopt niet/);
  const changed = await postForm(
    t.app,
    `${base}/passphrase`,
    {
      current: 'een lang sleutelwachtwoord',
      newPassphrase: 'nieuw sleutelwachtwoord',
      newPassphraseRepeat: 'nieuw sleutelwachtwoord',
    },
    officer.cookie,
  );
  assert.match(changed.body, /Uw sleutelwachtwoord is gewijzigd/);
  // forgotten: the recovery key (typed in, checked against this organisation's) sets a new one
  const badRecovery = await postForm(
    t.app,
    `${base}/recover`,
    {
      recoveryKey: '0'.repeat(64),
      newPassphrase: 'derde sleutelwachtwoord',
      newPassphraseRepeat: 'derde sleutelwachtwoord',
    },
    officer.cookie,
  );
  assert.equal(badRecovery.statusCode, 400);
  assert.match(badRecovery.body, /niet de herstelsleutel/);
  const recovered = await postForm(
    t.app,
    `${base}/recover`,
    { recoveryKey, newPassphrase: 'derde sleutelwachtwoord', newPassphraseRepeat: 'derde sleutelwachtwoord' },
    officer.cookie,
  );
  assert.equal(recovered.statusCode, 200);
  assert.match(recovered.body, /Uw sleutel is hersteld/);
  const unlock = await postForm(
    t.app,
    `${base}/unlock`,
    { passphrase: 'derde sleutelwachtwoord' },
    officer.cookie,
  );
  assert.equal(unlock.statusCode, 303);
});

test('the register downloads as CSV for the organisation`s officers, without report content', async () => {
  const { org, officer } = await channel();
  await postForm(t.app, `/integriteit/${org.code}`, {
    category: 'declaraties',
    what: 'Geheime inhoud XYZ',
    identityMode: 'anonymous',
  });
  const csv = await t.app.inject({
    url: `/integrity/${org.id}/register.csv`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.match(
    csv.headers['content-disposition'] as string,
    new RegExp(`integriteit-register-${org.code}\\.csv`),
  );
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1]!, /,declaraties,anonymous,ontvangen,/);
  assert.doesNotMatch(csv.body, /Geheime inhoud/);
});
