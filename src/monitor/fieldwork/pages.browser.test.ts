/**
 * The fieldwork pages in Chromium with axe, in Dutch and English: wave list, new-wave form with
 * errors, overview, frame upload with the problem report (a real file input, no JavaScript on the
 * page), mail texts with preview, monitoring, and the respondent's opt-out page.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { audit, systemActor } from '../../platform/audit/audit.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import demoStep, { DEMO_WAVE_CODE } from './demo-step.js';
import { queueProgressMark, recordProgress } from './progress.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let waveId: string;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    await demoStep.run(tx, systemActor);
  });
  waveId = (
    await server.database.query<{ id: string }>('select id from waves where code = $1', [DEMO_WAVE_CODE])
  )[0]!.id;
  const researcher = await signedInUser(
    server.app,
    server.database,
    'onderzoeker@fieldwork.test',
    [],
    ['researcher'],
  );
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: true });
  const [name, value] = researcher.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('fieldwork pages and their error states pass axe', { skip: browserSkip, timeout: 240_000 }, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  // Response over time: twenty completions recorded by a batch, and a reminder round today.
  const key = randomBytes(32);
  const ids = await server.database.query<{ id: string }>(
    'select id from invitations where wave_id = $1 order by id limit 20',
    [waveId],
  );
  assert.equal(ids.length, 20);
  for (const { id } of ids) await queueProgressMark(server.database.db, key, waveId, id, 'completed');
  await recordProgress(server.database.db, key, waveId, 1);
  await server.database.db.transaction((tx) =>
    audit(tx, systemActor, {
      action: 'wave.reminders.send',
      resourceType: 'wave',
      resourceId: waveId,
      diff: { reminded: 40, mode: 'due' },
    }),
  );
  const page = await context.newPage();
  for (const lang of ['nl', 'en']) {
    for (const path of [
      '/waves',
      '/waves/new',
      `/waves/${waveId}`,
      `/waves/${waveId}/frame`,
      `/waves/${waveId}/mail`,
      `/waves/${waveId}/monitoring`,
      `/waves/${waveId}/open-answers`,
    ]) {
      const res = await page.goto(`${server.url}${path}?lang=${lang}`);
      assert.equal(res?.status(), 200, `${path} (${lang})`);
      await check(`${path} (${lang})`, page);
    }
  }
  // The monitoring table: captions, row headers, numbers right-aligned.
  await page.goto(`${server.url}/waves/${waveId}/monitoring?lang=nl`);
  assert.ok((await page.locator('table.rates caption').count()) >= 4);
  assert.equal(
    await page
      .locator('table.rates td.num')
      .first()
      .evaluate((el) => getComputedStyle(el).textAlign),
    'right',
  );

  // Response over time: the chart is an image named by its title, its table beside it adds up.
  assert.equal(await page.getByRole('img', { name: 'Ingevulde vragenlijsten per dag' }).count(), 1);
  const dayRows = page.locator('#response-days table tbody tr');
  assert.equal(await dayRows.count(), 1, 'one day');
  const cells = await dayRows.first().locator('td').allTextContents();
  assert.equal(cells.at(-1), 'Herinnering (40)');
  assert.equal(
    cells.slice(0, -1).reduce((sum, c) => sum + Number(c), 0),
    20,
  );
  assert.match(
    (await page.locator('#response-days .chart-note').first().textContent()) ?? '',
    /niet de dag waarop iemand invulde/,
  );
  assert.match(
    (await page.locator('#response-days-desc').textContent()) ?? '',
    /Gemarkeerd: Herinnering \(40\)/,
  );

  // New wave with errors.
  await page.goto(`${server.url}/waves/new?lang=nl`);
  await page.fill('#reminderDays', 'morgen');
  await page.click('main button[type=submit]');
  assert.match(await page.content(), /error-summary/);
  await check('new wave with errors', page);

  // A frame file with problems, uploaded through the form.
  const file = join(tmpdir(), `kader-${process.pid}.csv`);
  writeFileSync(
    file,
    'naam,email,rol,organisatie\r\nA,a@,raadslid,GM0363\r\nB,b.browser@voorbeeld.nl,koning,GM0363\r\n',
  );
  await page.goto(`${server.url}/waves/${waveId}/frame?lang=nl`);
  await page.setInputFiles('#file', file);
  await page.click('form[enctype="multipart/form-data"] button[type=submit]');
  const html = await page.content();
  assert.match(html, /Er is niets geïmporteerd/);
  assert.match(html, /Onbekende rol/);
  await check('frame problem report', page);

  // The opt-out page as a respondent sees it (unknown link: friendly page).
  const anon = await browser.newContext();
  const p2 = await anon.newPage();
  await p2.goto(`${server.url}/r/${'x'.repeat(43)}/afmelden`);
  assert.match(await p2.content(), /niet \(meer\) geldig/);
  await check('opt-out unknown', p2);
  await anon.close();

  assert.deepEqual(failures, []);
});

test('a researcher runs a wave in the browser: create, attach, import, open, invite, remind, monitor', {
  skip: browserSkip,
  timeout: 240_000,
}, async () => {
  const { markInvitationStatus, findInvitationByToken } = await import('./invitations.js');
  const page = await context.newPage();
  await page.goto(`${server.url}/waves/new?lang=nl`);
  await page.fill('#code', 'browser-2026');
  await page.fill('#name', 'Browsermeting');
  await page.fill('#fieldworkEnd', '2099-03-31');
  await page.fill('#reminderDays', '7, 14');
  await page.click('main button[type=submit]');
  assert.match(await page.content(), /De meting is aangemaakt/);
  const waveUrl = new URL(page.url()).pathname;

  await page.selectOption('#targetGroup', 'office_holders');
  // The choice shows the title with the code and version: "Monitor … (office_holders v1)".
  const officeHolders = (await page.locator('#questionnaireVersionId option').allTextContents()).find((o) =>
    o.endsWith('(office_holders v1)'),
  );
  await page.selectOption('#questionnaireVersionId', { label: officeHolders! });
  await page.click('form[action$="/questionnaires"] button[type=submit]');
  assert.match(await page.content(), /office_holders v1/);

  const file = join(tmpdir(), `kader-goed-${process.pid}.csv`);
  writeFileSync(
    file,
    'naam,email,rol,organisatie\r\nAnna,anna.e2e@voorbeeld.nl,raadslid,GM0363\r\nBert,bert.e2e@voorbeeld.nl,wethouder,GM0363\r\nCarla,carla.e2e@voorbeeld.nl,statenlid,PV26\r\n',
  );
  await page.goto(`${server.url}${waveUrl}/frame?lang=nl`);
  await page.setInputFiles('#file', file);
  await page.click('form[enctype="multipart/form-data"] button[type=submit]');
  assert.match(await page.content(), /Het kader is geïmporteerd/);

  await page.goto(`${server.url}${waveUrl}?lang=nl`);
  // Each action asks first, saying what will happen, and works without JavaScript (a page with a form).
  await page.click('main a[href$="/open"]');
  assert.match((await page.locator('#confirm-what').textContent()) ?? '', /Het kader heeft 3 personen/);
  assert.deepEqual(await axeViolations(page), []);
  await page.click('form[action$="/open"] button[type=submit]');
  assert.match(await page.content(), /De meting is geopend/);
  await page.click('main a[href$="/invitations"]');
  assert.match(
    (await page.locator('#confirm-what').textContent()) ?? '',
    /^3 personen krijgen een uitnodiging per e-mail/,
  );
  await page.click('form[action$="/invitations"] button[type=submit]');
  assert.match(await page.content(), /3 uitnodigingen staan klaar/);

  const mails = await server.database.query<{ text_body: string; to_address: string }>(
    "select text_body, to_address from mail_messages where purpose = 'invitation' and to_address like '%.e2e@voorbeeld.nl'",
  );
  assert.equal(mails.length, 3);
  const anna = mails.find((m) => m.to_address.startsWith('anna'))!;
  const token = /\/r\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_/-])/.exec(anna.text_body)![1]!;
  const found = await findInvitationByToken(server.database.db, token);
  await markInvitationStatus(server.database.db, found!.invitation.id, 'completed');

  await page.click('main a[href$="/reminders"]');
  assert.match(
    (await page.locator('#confirm-what').textContent()) ?? '',
    /^Hoogstens 2 personen krijgen een herinnering/,
  );
  await page.click('form[action$="/reminders"] button[type=submit]');
  assert.match(await page.content(), /2 herinneringen staan klaar/);
  const reminded = await server.database.query<{ to_address: string }>(
    "select to_address from mail_messages where purpose = 'reminder' and to_address like '%.e2e@voorbeeld.nl' order by 1",
  );
  assert.deepEqual(
    reminded.map((r) => r.to_address),
    ['bert.e2e@voorbeeld.nl', 'carla.e2e@voorbeeld.nl'],
  );

  await page.goto(`${server.url}${waveUrl}/monitoring?lang=nl`);
  const total = page.locator('table.rates').first().locator('tbody tr').first();
  assert.deepEqual((await total.locator('td').allTextContents()).slice(0, 5), ['3', '3', '1', '1', '33,3%']);
  // the reminder round is marked on the response-over-time chart
  assert.match((await page.locator('#response-days-desc').textContent()) ?? '', /Herinnering \(2\)/);
});

test('the open answers (recode) page is a tab of the wave', { skip: browserSkip }, async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/waves/${waveId}?lang=nl`);
  const nav = page.getByRole('navigation', { name: 'Onderdelen van deze meting' });
  await nav.getByRole('link', { name: 'Open antwoorden' }).click();
  assert.equal(new URL(page.url()).pathname, `/waves/${waveId}/open-answers`);
  const current = page
    .getByRole('navigation', { name: 'Onderdelen van deze meting' })
    .locator('a[aria-current="page"]');
  assert.equal(await current.textContent(), 'Open antwoorden');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the version choice shows titles; a questionnaire meant for another target group warns', {
  skip: browserSkip,
}, async () => {
  const { createWave } = await import('./waves-service.js');
  const wave = await createWave(
    server.database.db,
    { code: 'doelgroep-2026', name: 'Doelgroep', anonymity: 'confidential' },
    systemActor,
  );
  const page = await context.newPage();
  await page.goto(`${server.url}/waves/${wave.id}?lang=nl`);
  const options = await page.locator('#questionnaireVersionId option').allTextContents();
  const employees = options.find((o) => o.endsWith('(employees v1)'));
  assert.equal(
    employees,
    'Monitor Integriteit en Veiligheid: medewerkers (employees v1)',
    options.join('\n'),
  );
  await page.selectOption('#targetGroup', 'office_holders');
  await page.selectOption('#questionnaireVersionId', { label: employees! });
  await page.click('form[action$="/questionnaires"] button[type=submit]');
  const warning = page.locator('#mismatch-office_holders');
  assert.match((await warning.textContent()) ?? '', /Let op: deze vragenlijst is bedoeld voor Medewerkers\./);
  assert.deepEqual(await axeViolations(page), []);
  // The right questionnaire for the group: no warning.
  await page.selectOption('#targetGroup', 'employees');
  await page.selectOption('#questionnaireVersionId', { label: employees! });
  await page.click('form[action$="/questionnaires"] button[type=submit]');
  assert.equal(await page.locator('#mismatch-employees').count(), 0);
  await page.close();
});

test('a researcher sees the mail of the waves: by wave and status, without the bodies', {
  skip: browserSkip,
}, async () => {
  const [wave] = await server.database.query<{ id: string }>(
    "select id from waves where code = 'browser-2026'",
  );
  assert.ok(wave, 'the wave of the test before');
  const page = await context.newPage();
  await page.goto(`${server.url}/waves/${wave.id}?lang=nl`);
  await page
    .getByRole('navigation', { name: 'Onderdelen van deze meting' })
    .getByRole('link', { name: 'Verstuurde e-mail' })
    .click();
  const rows = page.locator('main table tbody tr');
  const texts = await rows.allTextContents();
  assert.equal(texts.length, 5, texts.join('\n')); // 3 invitations, 2 reminders
  assert.ok(texts.every((r) => r.includes('Browsermeting')));
  assert.equal(texts.filter((r) => r.includes('Herinnering')).length, 2);
  // Subjects and recipients, never a body (personal links) nor a link to one.
  assert.equal(await page.locator('main a[href^="/admin/outbox"]').count(), 0);
  assert.doesNotMatch(await page.content(), /\/r\/[A-Za-z0-9_-]{43}/);
  assert.deepEqual(await axeViolations(page), []);
  // Filtering by a status nothing has: no rows.
  await page.selectOption('#status', 'bounced');
  await page.click('form.filters button[type=submit]');
  assert.equal(await rows.count(), 0);
  assert.match(await page.content(), /Er is \(met dit filter\) geen e-mail\./);
  // Every status shown is one text: "verstuurd" never beside "bewaard in de outbox".
  await page.goto(`${server.url}/waves/outbox?wave=${wave.id}&lang=nl`);
  for (const r of await rows.allTextContents())
    assert.ok(!(r.includes('verstuurd') && r.includes('bewaard')), r);
  await page.close();
});
