/** Figures and XLSX exports through the routes: per organisation for its officers, nationally for researchers. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { createTestOrganisation, testOptions } from './fixtures.js';
import { submitReport } from './reports-service.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('an officer sees the figures with small cells suppressed and downloads them; others are refused', async () => {
  const org = await createTestOrganisation(t.database);
  const officer = await createUser(t, {
    memberships: [{ organisationId: org.id, role: 'integrity_officer' }],
  });
  const coordinator = await createUser(t, { memberships: [{ organisationId: org.id, role: 'coordinator' }] });
  const researcher = await createUser(t, { platformRoles: ['researcher'] });
  const pass = 'een lang sleutelwachtwoord';
  await postForm(
    t.app,
    `/integrity/${org.id}/keys/setup`,
    { passphrase: pass, passphraseRepeat: pass },
    officer.cookie,
  );
  const report = (category: 'geschenken' | 'declaraties') =>
    submitReport(
      t.database.db,
      org.id,
      { category, content: { what: 'x', involved: '', when: '' }, identityMode: 'anonymous' },
      testOptions(),
    );
  for (let i = 0; i < 6; i++) await report('geschenken');
  await report('declaraties');
  const year = new Date().getUTCFullYear();
  const q = `from=${year - 1}-01-01&to=${year + 1}-12-31`;

  const page = await t.app.inject({
    url: `/integrity/${org.id}/statistics?${q}`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Aantal meldingen: 7/);
  assert.match(
    page.body,
    /Geschenken, uitnodigingen en reizen<\/th><td>niet getoond \(te weinig\)/,
    'complementary',
  );
  assert.match(page.body, /Declaraties[^<]*<\/th><td>niet getoond/);

  const file = await t.app.inject({
    url: `/integrity/${org.id}/statistics.xlsx?${q}`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(file.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const channel = wb.getWorksheet('Manier van melden')!;
  assert.equal(channel.getRow(2).getCell(2).value, 7, 'web: 7');
  assert.equal(channel.getRow(4).getCell(2).value, 7, 'total');

  const register = await t.app.inject({
    url: `/integrity/${org.id}/register.xlsx`,
    headers: { cookie: officer.cookie },
  });
  const rb = new ExcelJS.Workbook();
  await rb.xlsx.load(register.rawPayload as unknown as ArrayBuffer);
  assert.equal(rb.getWorksheet('register')!.rowCount, 8);

  const bad = await t.app.inject({
    url: `/integrity/${org.id}/statistics?from=2026-13-40`,
    headers: { cookie: officer.cookie },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul twee geldige datums in/);

  const refused = await t.app.inject({
    url: `/integrity/${org.id}/statistics`,
    headers: { cookie: coordinator.cookie },
  });
  assert.equal(refused.statusCode, 403);
  const national = await t.app.inject({
    url: `/integrity-statistics?${q}`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(national.statusCode, 200);
  assert.match(national.body, /alle organisaties/);
  // reachable from the main navigation for researchers, not for officers
  const home = await t.app.inject({ url: '/', headers: { cookie: researcher.cookie } });
  assert.match(
    home.body,
    /<a href="\/integrity-statistics"[^>]*>Integriteitsmeldingen \(landelijke cijfers\)<\/a>/,
  );
  const officerHome = await t.app.inject({ url: '/', headers: { cookie: officer.cookie } });
  assert.doesNotMatch(officerHome.body, /href="\/integrity-statistics"/);
  const notNational = await t.app.inject({
    url: '/integrity-statistics',
    headers: { cookie: officer.cookie },
  });
  assert.equal(notNational.statusCode, 403);
});
