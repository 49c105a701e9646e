/**
 * Withdrawing an external investigator's grant early (issue 17 item 4): only an officer or chair who
 * can open the report may do it; the investigator's copy of the report key is deleted at once, audited;
 * the investigator's next request is a 410; a dump afterwards holds no copy they could open.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { testBackend } from '../../../test/support/database.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { unwrapReportKey } from './crypto/report-keys.js';
import { createTestOrganisation, testOptions } from './fixtures.js';
import { handlerKeyStatus, openKeyWithPassphrase } from './keys-service.js';
import { submitReport } from './reports-service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const PG_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';
const secret = 'De griffier kreeg een reis naar Monaco van een projectontwikkelaar.';

/** Every row of every table as text: pg_dump on PostgreSQL, the same rows read out on PGlite. */
async function logicalDump(): Promise<string> {
  if (testBackend() === 'postgres')
    return execFileSync(PG_DUMP, ['--dbname', t.database.url!, '--no-owner'], {
      maxBuffer: 512 * 1024 * 1024,
    }).toString('utf8');
  const tables = await t.database.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  );
  const parts: string[] = [];
  for (const { name } of tables)
    for (const row of await t.database.query<{ r: string }>(`select x::text as r from ${name} x`))
      parts.push(row.r);
  return parts.join('\n');
}

test('an officer withdraws a grant: the copy is gone at once, audited, the investigator gets 410', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const investigator = await createUser(t, {
    displayName: 'Bureau Zuid Onderzoek',
    memberships: [{ organisationId: org.id, role: 'integrity_investigator' }],
  });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );
  const { reportId } = await submitReport(
    t.database.db,
    org.id,
    { category: 'geschenken', content: { what: secret, involved: '', when: '' }, identityMode: 'anonymous' },
    testOptions(),
  );
  const investigatorPass = 'sleutelwachtwoord onderzoeker';
  await postForm(
    t.app,
    `/integrity/${org.id}/investigations/key`,
    { passphrase: investigatorPass },
    investigator.cookie,
  );
  const invKeyId = (await handlerKeyStatus(t.database.db, org.id, investigator.id))!.keyId;
  await postForm(t.app, `/integrity/${org.id}/keys/${invKeyId}/certify`, {}, officer.cookie);
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
  const granted = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/investigators`,
    { investigator: investigator.id, until: nextYear },
    officer.cookie,
  );
  assert.equal(granted.statusCode, 303);
  const view = `/integrity/${org.id}/investigations/${reportId}`;
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  assert.equal((await get(view, investigator.cookie)).statusCode, 200);

  const [copy] = await t.database.query<{ wrapped: string }>(
    'select wrapped from integrity_report_keys where report_id = $1 and handler_key_id = $2',
    [reportId, invKeyId],
  );
  assert.ok(copy, 'the grant made a copy for the investigator');
  const [grant] = await t.database.query<{ id: string }>(
    'select id from integrity_investigator_grants where report_id = $1',
    [reportId],
  );
  const page = await get(`/integrity/${org.id}/reports/${reportId}`, officer.cookie);
  assert.ok(page.body.includes(`/investigators/${grant!.id}/withdraw`), 'the report page offers withdrawal');
  assert.match(page.body, /Toegang van Bureau Zuid Onderzoek intrekken/);

  const withdrawUrl = `/integrity/${org.id}/reports/${reportId}/investigators/${grant!.id}/withdraw`;
  // the investigator cannot withdraw (nor grant): that is the officer's or chair's
  assert.equal((await postForm(t.app, withdrawUrl, {}, investigator.cookie)).statusCode, 403);

  const withdrawn = await postForm(t.app, withdrawUrl, { reason: 'onderzoek afgerond' }, officer.cookie);
  assert.equal(withdrawn.statusCode, 303);
  const back = await get(withdrawn.headers.location as string, officer.cookie);
  assert.match(back.body, /De toegang is ingetrokken/);
  assert.ok(!back.body.includes(`/investigators/${grant!.id}/withdraw`), 'no longer listed as running');

  const refused = await get(view, investigator.cookie);
  assert.equal(refused.statusCode, 410, 'access withdrawn');
  assert.ok(!refused.body.includes(secret));
  const list = await get(`/integrity/${org.id}/investigations`, investigator.cookie);
  assert.ok(!list.body.includes(reportId.slice(0, 8)), 'no longer in the investigator`s list');
  const copies = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_report_keys where report_id = $1 and handler_key_id = $2',
    [reportId, invKeyId],
  );
  assert.equal(copies[0]!.n, 0);
  const audited = await t.database.query<{ diff: { keyCopyDeleted: boolean; reason: string } }>(
    "select diff from audit_log where action = 'integrity.investigator.withdraw' and resource_id = $1",
    [reportId],
  );
  assert.equal(audited.length, 1);
  assert.equal(audited[0]!.diff.keyCopyDeleted, true);
  // withdrawing twice: the grant no longer runs
  assert.equal((await postForm(t.app, withdrawUrl, {}, officer.cookie)).statusCode, 404);

  // A dump taken now holds no copy the investigator's key can open: the copy itself is gone (while
  // the officer's copy, the control, is found), and no wrapped key of this report opens with the
  // investigator's private key.
  const dump = await logicalDump();
  const [officerCopy] = await t.database.query<{ wrapped: string }>(
    'select wrapped from integrity_report_keys where report_id = $1',
    [reportId],
  );
  assert.ok(dump.includes(officerCopy!.wrapped), 'control: the dump holds the officer`s copy');
  assert.equal(dump.includes(copy!.wrapped), false, 'the dump holds the withdrawn copy');
  const invKey = await openKeyWithPassphrase(t.database.db, {
    organisationId: org.id,
    userId: investigator.id,
    passphrase: investigatorPass,
  });
  const rows = await t.database.query<{ wrapped: string; handler_key_id: string }>(
    'select wrapped, handler_key_id from integrity_report_keys where report_id = $1',
    [reportId],
  );
  assert.ok(rows.length > 0);
  for (const r of rows) {
    assert.throws(() => unwrapReportKey(invKey.keys.encryption, r.wrapped, reportId, invKeyId));
    assert.throws(() => unwrapReportKey(invKey.keys.encryption, r.wrapped, reportId, r.handler_key_id));
  }

  // a new grant later works again (the 410 was about the withdrawn one)
  const again = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/investigators`,
    { investigator: investigator.id, until: nextYear },
    officer.cookie,
  );
  assert.equal(again.statusCode, 303);
  assert.equal((await get(view, investigator.cookie)).statusCode, 200);
});

test('an officer who cannot open the report cannot withdraw its grants', async () => {
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
  const { reportId } = await submitReport(
    t.database.db,
    org.id,
    { category: 'overig', content: { what: secret, involved: '', when: '' }, identityMode: 'anonymous' },
    testOptions(),
  );
  // a second officer whose key is still pending holds no copy of the report
  const other = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/create`,
    { passphrase: 'ander sleutelwachtwoord', passphraseRepeat: 'ander sleutelwachtwoord' },
    other.cookie,
  );
  const res = await postForm(
    t.app,
    `/integrity/${org.id}/reports/${reportId}/investigators/${crypto.randomUUID()}/withdraw`,
    {},
    other.cookie,
  );
  assert.equal(res.statusCode, 403, 'a key without the report`s copy: integrity-no-key');
  assert.ok(!res.body.includes(secret));
});
