/**
 * The external investigator's pages and the officer's grant form in Chromium with axe, in Dutch and
 * English: the investigator's list (key to make, then a granted report) and the granted report.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/principals.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { systemActor } from '../../platform/audit/audit.js';
import { addDocuments } from './documents.js';
import { createTestOrganisation, sessionIdOf, setUpHandler, testOptions } from './fixtures.js';
import { grantInvestigator } from './investigators.js';
import { certifyHandlerKey, createHandlerKey, unlockForSession } from './keys-service.js';
import { submitReport } from './reports-service.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('investigator pages and the grant form pass axe in both languages', {
  skip: browserSkip,
  timeout: 300_000,
}, async () => {
  const opts = testOptions();
  const db = server.database.db;
  const org = await createTestOrganisation(server.database);
  const officer = await createUser(server, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const investigator = await createUser(server, {
    displayName: 'Onderzoeksbureau Zuid',
    memberships: [{ organisationId: org.id, role: 'integrity_investigator' }],
  });
  const { key } = await setUpHandler(server.database, org.id, officer, opts);
  const { reportId } = await submitReport(
    db,
    org.id,
    {
      category: 'fraude_diefstal_corruptie',
      content: { what: 'Facturen van een bevriend bureau zonder prestatie.', involved: '', when: '' },
      identityMode: 'anonymous',
    },
    opts,
  );

  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const contextFor = async (cookie: string) => {
    const c = await browser.newContext();
    const [name, value] = cookie.split('=');
    await c.addCookies([{ name: name!, value: decodeURIComponent(value!), url: server.url }]);
    return c.newPage();
  };
  const i = await contextFor(investigator.cookie);
  for (const lang of ['nl', 'en']) {
    await i.goto(`${server.url}/integrity/${org.id}/investigations?lang=${lang}`);
    await check(`investigations, no key (${lang})`, i);
  }
  const passphrase = 'sleutelwachtwoord onderzoeker';
  const { keyId } = await createHandlerKey(
    db,
    systemActor,
    { organisationId: org.id, userId: investigator.id, passphrase },
    opts,
  );
  await certifyHandlerKey(db, systemActor, key, keyId);
  await unlockForSession(db, systemActor, {
    organisationId: org.id,
    userId: investigator.id,
    sessionId: await sessionIdOf(server.database, investigator.sessionToken),
    sessionToken: investigator.sessionToken,
    passphrase,
  });

  const o = await contextFor(officer.cookie);
  for (const lang of ['nl', 'en']) {
    await o.goto(`${server.url}/integrity/${org.id}/reports/${reportId}?lang=${lang}`);
    assert.match(await o.content(), /Onderzoeksbureau Zuid/);
    await check(`report with grant form (${lang})`, o);
  }
  await grantInvestigator(
    db,
    systemActor,
    key,
    { reportId, investigatorUserId: investigator.id, expiresAt: new Date(Date.now() + 30 * 86_400_000) },
    opts,
  );
  for (const lang of ['nl', 'en']) {
    await i.goto(`${server.url}/integrity/${org.id}/investigations?lang=${lang}`);
    await check(`investigations, granted (${lang})`, i);
    await i.click('main ul a');
    assert.match(await i.content(), /Facturen van een bevriend bureau/);
    await check(`granted report (${lang})`, i);
  }
  // the officer's page with a running grant (withdraw buttons), a shared document and the document form
  await addDocuments(
    db,
    systemActor,
    key,
    reportId,
    { files: [{ name: 'besluit.txt', data: Buffer.from('Besluit.\n') }], shareWithReporter: true },
    opts,
  );
  for (const lang of ['nl', 'en']) {
    await o.goto(`${server.url}/integrity/${org.id}/reports/${reportId}?lang=${lang}`);
    assert.match(await o.content(), /besluit\.txt/);
    await check(`report with running grant and a document (${lang})`, o);
  }
  await o.click('form[action$="/withdraw"] button');
  assert.match(
    await o.content(),
    /The investigator can no longer open this report|De onderzoeker kan deze melding niet meer openen/,
  );
  await check('report after withdrawal', o);
  for (const lang of ['nl', 'en']) {
    const res = await i.goto(`${server.url}/integrity/${org.id}/investigations/${reportId}?lang=${lang}`);
    assert.equal(res?.status(), 410);
    await check(`withdrawn report (${lang})`, i);
  }
  assert.deepEqual(failures, []);
});
