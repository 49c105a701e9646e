/** Retention through the pages: the period is set by a handler with a key; clearing needs an archived report and a tick. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import { createTestOrganisation, sessionIdOf, testOptions } from './fixtures.js';
import { moveReport } from './history-service.js';
import { sessionKey } from './keys-service.js';
import { acknowledge, submitReport } from './reports-service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('an officer sets the retention period and destroys an archived report`s content', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_chair' }],
  });
  const coordinator = await createUser(t, { memberships: [{ organisationId: org.id, role: 'coordinator' }] });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );

  const bad = await postForm(t.app, `/integrity/${org.id}/retention`, { months: '0' }, officer.cookie);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /1 tot 120 maanden/);
  const set = await postForm(t.app, `/integrity/${org.id}/retention`, { months: '24' }, officer.cookie);
  assert.equal(set.statusCode, 303);
  const refused = await postForm(
    t.app,
    `/integrity/${org.id}/retention`,
    { months: '1' },
    coordinator.cookie,
  );
  assert.equal(refused.statusCode, 403, 'a coordinator does not decide on retention');
  const dashboard = await t.app.inject({ url: `/integrity/${org.id}`, headers: { cookie: officer.cookie } });
  assert.match(dashboard.body, /24 maanden na het archiveren/);

  const opts = testOptions();
  const { reportId } = await submitReport(
    t.database.db,
    org.id,
    {
      category: 'overig',
      content: { what: 'Te wissen inhoud.', involved: '', when: '' },
      identityMode: 'anonymous',
    },
    opts,
  );
  const key = (await sessionKey(t.database.db, {
    organisationId: org.id,
    userId: officer.id,
    sessionId: await sessionIdOf(t.database, officer.sessionToken),
    sessionToken: officer.sessionToken,
  }))!;
  const base = `/integrity/${org.id}/reports/${reportId}`;
  const early = await postForm(t.app, `${base}/destroy`, { confirm: 'yes' }, officer.cookie);
  assert.equal(early.statusCode, 409, 'only archived reports');
  await acknowledge(t.database.db, systemActor, key, reportId, '', opts);
  for (const to of ['vooronderzoek', 'besluit', 'communicatie', 'gearchiveerd'] as const)
    await moveReport(t.database.db, systemActor, key, reportId, { to }, opts);
  const page = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.match(page.body, /Inhoud nu vernietigen/);
  const unticked = await postForm(t.app, `${base}/destroy`, {}, officer.cookie);
  assert.equal(unticked.statusCode, 400);
  const done = await postForm(t.app, `${base}/destroy`, { confirm: 'yes' }, officer.cookie);
  assert.equal(done.statusCode, 303);
  const gone = await t.app.inject({ url: base, headers: { cookie: officer.cookie } });
  assert.equal(gone.statusCode, 410);
  assert.match(gone.body, /vernietigd/);
  const line = await t.database.query<{ n: number }>(
    'select count(*)::int as n from integrity_register where report_id = $1 and content_destroyed_at is not null',
    [reportId],
  );
  assert.equal(line[0]!.n, 1);
});
