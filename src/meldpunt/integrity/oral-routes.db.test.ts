/** Oral reports through the pages: consent required, receipt for the reporter, signing, revising before it. */
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

test('an officer records an oral report; the reporter checks and signs it with the receipt code', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );

  const fields = {
    medium: 'meeting',
    category: 'oneigenlijke_druk',
    what: 'In een gesprek verteld: de wethouder zette een ambtenaar onder druk.',
    involved: 'wethouder',
    when: 'maandag',
    identityMode: 'anonymous',
  };
  const noConsent = await postForm(t.app, `/integrity/${org.id}/oral`, fields, officer.cookie);
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /Vraag eerst of de melder instemt/);
  assert.match(noConsent.body, /onder druk\.<\/textarea>/, 'nothing typed is lost');

  const saved = await postForm(
    t.app,
    `/integrity/${org.id}/oral`,
    { ...fields, consent: 'yes' },
    officer.cookie,
  );
  assert.equal(saved.statusCode, 200);
  const receipt = receiptOf(saved.body)!;
  assert.ok(receipt);
  const reportId = /\/reports\/([0-9a-f-]{36})/.exec(saved.body)![1]!;
  const rows = await t.database.query<{ channel: string }>(
    'select channel from integrity_register where report_id = $1',
    [reportId],
  );
  assert.equal(rows[0]!.channel, 'oral');

  const base = `/integrity/${org.id}/reports/${reportId}`;
  let page = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.match(page.body, /nog niet ondertekend/);
  const revised = await postForm(
    t.app,
    `${base}/record`,
    { what: `${fields.what} Het ging om een subsidie.`, involved: 'wethouder', when: 'maandag 3 mei' },
    officer.cookie,
  );
  assert.equal(revised.statusCode, 200);
  assert.match(revised.body, /Het verslag is aangepast/);

  const opened = await postForm(t.app, `/integriteit/${org.code}/terugkomen`, { receipt });
  assert.match(opened.body, /Controleer het verslag/);
  assert.match(opened.body, /Het ging om een subsidie/);
  const empty = await postForm(t.app, `/integriteit/${org.code}/ondertekenen`, { receipt, signature: ' ' });
  assert.equal(empty.statusCode, 400);
  const signed = await postForm(t.app, `/integriteit/${org.code}/ondertekenen`, {
    receipt,
    signature: 'M. Elder',
  });
  assert.equal(signed.statusCode, 200);
  assert.match(signed.body, /U hebt het verslag ondertekend/);

  page = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.match(page.body, /ondertekend door M\. Elder/);
  const late = await postForm(
    t.app,
    `${base}/record`,
    { what: 'anders', involved: '', when: '' },
    officer.cookie,
  );
  assert.equal(late.statusCode, 409, 'a signed record no longer changes');
});
