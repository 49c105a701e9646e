/** External investigators through the pages: key, certification, a grant for one report, expiry. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { createTestOrganisation, testOptions } from './fixtures.js';
import { parseUntil } from './investigator-routes.js';
import { handlerKeyStatus } from './keys-service.js';
import { submitReport } from './reports-service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const secret = 'Een wethouder liet een aannemer zijn verbouwing betalen.';

test('an investigator reads only a granted report, and nothing after the grant ends', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const investigator = await createUser(t, {
    displayName: 'Onderzoeksbureau Noord',
    memberships: [{ organisationId: org.id, role: 'integrity_investigator' }],
  });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );
  const opts = testOptions();
  const report = (what: string) =>
    submitReport(
      t.database.db,
      org.id,
      { category: 'geschenken', content: { what, involved: '', when: '' }, identityMode: 'anonymous' },
      opts,
    );
  const { reportId } = await report(secret);
  const other = await report('Een andere melding.');

  const made = await postForm(
    t.app,
    `/integrity/${org.id}/investigations/key`,
    { passphrase: 'sleutelwachtwoord onderzoeker' },
    investigator.cookie,
  );
  assert.equal(made.statusCode, 303);
  const status = await handlerKeyStatus(t.database.db, org.id, investigator.id);
  const certified = await postForm(
    t.app,
    `/integrity/${org.id}/keys/${status!.keyId}/certify`,
    {},
    officer.cookie,
  );
  assert.equal(certified.statusCode, 200);

  const view = `/integrity/${org.id}/investigations/${reportId}`;
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  assert.equal((await get(view, investigator.cookie)).statusCode, 404, 'no grant yet');
  // the investigator role opens neither the dashboard nor a report's handler page
  assert.equal((await get(`/integrity/${org.id}`, investigator.cookie)).statusCode, 403);
  assert.equal((await get(`/integrity/${org.id}/reports/${reportId}`, investigator.cookie)).statusCode, 403);
  // and an officer is no investigator
  assert.equal((await get(`/integrity/${org.id}/investigations`, officer.cookie)).statusCode, 403);

  const page = await get(`/integrity/${org.id}/reports/${reportId}`, officer.cookie);
  assert.match(page.body, /Onderzoeksbureau Noord/, 'the grant form offers the certified investigator');
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
  const bad = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/investigators`,
    { investigator: investigator.id, until: '2020-02-30' },
    officer.cookie,
  );
  assert.equal(bad.statusCode, 400);
  const granted = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/investigators`,
    { investigator: investigator.id, until: nextYear },
    officer.cookie,
  );
  assert.equal(granted.statusCode, 303);

  const read = await get(view, investigator.cookie);
  assert.equal(read.statusCode, 200);
  assert.ok(read.body.includes(secret));
  const list = await get(`/integrity/${org.id}/investigations`, investigator.cookie);
  assert.ok(list.body.includes(reportId.slice(0, 8)));
  assert.ok(!list.body.includes(other.reportId.slice(0, 8)));
  assert.equal(
    (await get(`/integrity/${org.id}/investigations/${other.reportId}`, investigator.cookie)).statusCode,
    404,
  );

  await t.database.query(
    "update integrity_investigator_grants set expires_at = now() - interval '1 minute' where report_id = $1",
    [reportId],
  );
  const after = await get(view, investigator.cookie);
  assert.equal(after.statusCode, 404);
  assert.ok(!after.body.includes(secret));
  const copies = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_report_keys where report_id = $1 and handler_key_id = $2',
    [reportId, status!.keyId],
  );
  assert.equal(copies[0]!.n, 0);
});

test('an end date is a real calendar date and ends at 23:59 in Amsterdam', () => {
  assert.equal(parseUntil('2026-02-30'), undefined);
  assert.equal(parseUntil('31-12-2026'), undefined);
  assert.equal(parseUntil('2026-07-01')?.toISOString(), '2026-07-01T21:59:59.999Z');
  assert.equal(parseUntil('2026-12-31')?.toISOString(), '2026-12-31T22:59:59.999Z');
});
