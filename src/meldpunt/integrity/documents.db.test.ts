/**
 * Officers' documents (./documents.ts) through the pages: sealed like a reporter's attachments
 * (metadata stripped), audited, in the history; the reporter sees only the documents marked for them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { stripJpeg } from './attachment-files.js';
import { jpegWithExif } from './attachment-fixtures.js';
import { createTestOrganisation, testOptions } from './fixtures.js';
import { postMultipart } from './multipart-fixtures.js';
import { submitReport } from './reports-service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('an officer adds documents: sealed, audited, in the history; the reporter sees only the shared one', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    displayName: 'Ingrid Integriteit',
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );
  const { reportId, receiptCode } = await submitReport(
    t.database.db,
    org.id,
    {
      category: 'geschenken',
      content: { what: 'Een reis van een aannemer.', involved: '', when: '' },
      identityMode: 'anonymous',
    },
    testOptions(),
  );
  const url = `/integrity/${org.id}/reports/${reportId}/documents`;
  const photo = jpegWithExif('51.9225N-4.4792E');

  const empty = await postMultipart(t.app, url, { documentNote: 'zonder bestand' }, [], officer.cookie);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Kies een of meer bestanden/);
  const exe = await postMultipart(
    t.app,
    url,
    {},
    [{ name: 'tool.exe', data: Buffer.from([0x4d, 0x5a, 0x90, 0]) }],
    officer.cookie,
  );
  assert.equal(exe.statusCode, 400);

  const internal = await postMultipart(
    t.app,
    url,
    { documentNote: 'Verslag van het gesprek met de betrokkene.' },
    [{ name: 'hoorverslag.jpg', data: photo, type: 'image/jpeg' }],
    officer.cookie,
  );
  assert.equal(internal.statusCode, 200, internal.body.slice(0, 300));
  assert.match(internal.body, /Het document is toegevoegd/);
  const shared = await postMultipart(
    t.app,
    url,
    { shareWithReporter: 'yes' },
    [{ name: 'besluit.txt', data: Buffer.from('Besluit: nader onderzoek.\n') }],
    officer.cookie,
  );
  assert.equal(shared.statusCode, 200);
  assert.match(
    shared.body,
    /hoorverslag\.jpg<\/a>[^<]*<span class="hint">[^<]*niet zichtbaar voor de melder/,
  );
  assert.match(shared.body, /besluit\.txt<\/a>[^<]*<span class="hint">[^<]*, zichtbaar voor de melder/);
  assert.match(shared.body, /Document toegevoegd/);
  assert.match(shared.body, /Verslag van het gesprek met de betrokkene\.<br\/>hoorverslag\.jpg/);

  // the officer downloads the photo without its Exif
  const link = /href="([^"]+\/attachments\/[0-9a-f-]{36})"[^>]*>hoorverslag\.jpg/.exec(shared.body)![1]!;
  const got = await t.app.inject({ url: link, headers: { cookie: officer.cookie } });
  assert.ok(got.rawPayload.equals(stripJpeg(photo)));
  assert.equal(got.rawPayload.includes('51.9225N'), false);

  // stored like a reporter's attachment: no name or type in the row
  const rows = await t.database.query<{ id: string; author: string; meta_sealed: string }>(
    'select id, author, meta_sealed from integrity_attachments where report_id = $1',
    [reportId],
  );
  assert.equal(rows.length, 2);
  assert.ok(rows.every((r) => r.author === 'handler' && !r.meta_sealed.includes('besluit')));
  const audited = await t.database.query<{ diff: { sharedWithReporter: boolean } }>(
    "select diff from audit_log where action = 'integrity.document.add' and resource_id = $1 order by seq",
    [reportId],
  );
  assert.deepEqual(
    audited.map((a) => a.diff.sharedWithReporter),
    [false, true],
  );

  // the reporter sees and downloads only the shared document
  const opened = await postForm(t.app, `/integriteit/${org.code}/terugkomen`, { receipt: receiptCode });
  assert.equal(opened.statusCode, 200);
  assert.match(opened.body, /besluit\.txt downloaden/);
  assert.doesNotMatch(opened.body, /hoorverslag/);
  const internalId = rows.find((r) => link.endsWith(r.id))!.id;
  const sharedId = rows.find((r) => r.id !== internalId)!.id;
  const refused = await postForm(t.app, `/integriteit/${org.code}/bijlage`, {
    receipt: receiptCode,
    attachment: internalId,
  });
  assert.equal(refused.statusCode, 404, 'an unshared document is unknown to the reporter');
  const mine = await postForm(t.app, `/integriteit/${org.code}/bijlage`, {
    receipt: receiptCode,
    attachment: sharedId,
  });
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.rawPayload.toString(), 'Besluit: nader onderzoek.\n');
});

test('only an officer or chair with the report`s key adds documents', async () => {
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
    { category: 'overig', content: { what: 'x', involved: '', when: '' }, identityMode: 'anonymous' },
    testOptions(),
  );
  const url = `/integrity/${org.id}/reports/${reportId}/documents`;
  const file = [{ name: 'a.txt', data: Buffer.from('a') }];
  const coordinator = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'coordinator' }],
  });
  assert.equal((await postMultipart(t.app, url, {}, file, coordinator.cookie)).statusCode, 403);
  assert.equal((await postMultipart(t.app, url, {}, file)).statusCode, 303, 'to the sign-in page');
  const pending = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/create`,
    { passphrase: 'ander sleutelwachtwoord', passphraseRepeat: 'ander sleutelwachtwoord' },
    pending.cookie,
  );
  assert.equal((await postMultipart(t.app, url, {}, file, pending.cookie)).statusCode, 403);
  const stored = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_attachments where report_id = $1',
    [reportId],
  );
  assert.equal(stored[0]!.n, 0);
});
