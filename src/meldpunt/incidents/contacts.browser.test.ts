/**
 * The contact list and the magic link in Chromium: the coordinator imports a list with the file chooser
 * and a person on it signs in with the link, both without JavaScript; axe on every new page and error
 * state in Dutch and English (axe needs scripting: those checks run with JavaScript on).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { type SignedInUser, signedInUser } from '../../../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

let server: TestServer;
let browser: Browser;
let orgId: string;
let coordinator: SignedInUser;
const contexts: BrowserContext[] = [];

async function contextFor(user: SignedInUser | undefined, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'nl-NL',
    viewport: { width: 390, height: 844 },
  });
  contexts.push(context);
  if (user) {
    const [name, value] = user.cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  }
  return context;
}

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  orgId = (
    await server.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9311', 'gemeente', 'Gemeente Lijstdorp') returning id",
    )
  )[0]!.id;
  coordinator = await signedInUser(server.app, server.database, 'coord@lijst.test', [
    { organisationId: orgId, role: 'coordinator' },
  ]);
  browser = await launchBrowser();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

const csv = (text: string) => ({ name: 'lijst.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

test('without JavaScript: the coordinator imports the list; a person on it signs in with the link', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const page = await (await contextFor(coordinator, false)).newPage();
  await page.goto(`${server.url}/meldpunt`);
  await page.click(`a[href="/organisations/${orgId}/incidents/contacts"]`);
  await page.setInputFiles('#file', csv('naam,e-mail,functie\nAnna Raad,anna@lijst.test,Raadslid\n'));
  await page.click('form[enctype="multipart/form-data"] button[type=submit]');
  assert.match((await page.locator('.notice.success').textContent()) ?? '', /1 nieuw/);
  assert.match((await page.locator('table').textContent()) ?? '', /anna@lijst\.test/);

  const person = await (await contextFor(undefined, false)).newPage();
  await person.goto(`${server.url}/meldpunt/aanmelden`);
  await person.fill('#email', 'anna@lijst.test');
  await person.keyboard.press('Enter');
  // the form page has an h1 too: wait for the answer page's heading before reading it
  await person.locator('h1', { hasText: /Kijk in uw e-mail/ }).waitFor({ timeout: 60_000 });
  assert.match((await person.locator('h1').textContent()) ?? '', /Kijk in uw e-mail/);
  const [mail] = await server.database.query<{ text_body: string }>(
    "select text_body from mail_messages where to_address = 'anna@lijst.test' order by created_at desc limit 1",
  );
  const link = /https?:\/\/\S+\/meldpunt\/aanmelden\/[A-Za-z0-9_-]+/.exec(mail!.text_body)![0];
  await person.goto(`${server.url}${new URL(link).pathname}`);
  await person.click('main button[type=submit]');
  assert.equal(new URL(person.url()).pathname, '/meldpunt');
  assert.ok(await person.locator(`a[href="/organisations/${orgId}/incidents/new"]`).count());
});

test('the contact list and link pages pass axe in Dutch and English', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const [incident] = await server.database.query<{ id: string }>(
    `insert into incidents (organisation_id, state, reporter_user_id, description, forms, submitted_at)
     values ($1, 'gemeld', $2, 'Axe', '{threat}', now()) returning id`,
    [orgId, coordinator.id],
  );
  const coord = await (await contextFor(coordinator, true)).newPage();
  const visitor = await (await contextFor(undefined, true)).newPage();
  for (const lang of ['nl', 'en']) {
    await coord.goto(`${server.url}/organisations/${orgId}/incidents/contacts?lang=${lang}`);
    await check(`contacts (${lang})`, coord);
    await coord.setInputFiles('#file', csv('naam,e-mail\n,geen-adres\n'));
    await coord.click('form[enctype="multipart/form-data"] button[type=submit]');
    assert.equal(await coord.locator('table.problems').count(), 1);
    await check(`contacts with problems (${lang})`, coord);
    await coord.goto(`${server.url}/incidents/${incident!.id}?lang=${lang}`);
    assert.equal(await coord.locator('#contactId').count(), 1);
    await check(`incident with the concerned contact form (${lang})`, coord);

    await visitor.goto(`${server.url}/meldpunt/aanmelden?lang=${lang}`);
    await check(`link request (${lang})`, visitor);
    await visitor.fill('#email', 'geen adres');
    await visitor.click('main button[type=submit]');
    assert.equal(await visitor.locator('.error-summary').count(), 1);
    await check(`link request with an error (${lang})`, visitor);
    await visitor.fill('#email', 'anna@lijst.test');
    await visitor.click('main button[type=submit]');
    await check(`link sent (${lang})`, visitor);
    const [mail] = await server.database.query<{ text_body: string }>(
      "select text_body from mail_messages where to_address = 'anna@lijst.test' order by created_at desc limit 1",
    );
    const path = /\/meldpunt\/aanmelden\/[A-Za-z0-9_-]+/.exec(mail!.text_body)![0];
    await visitor.goto(`${server.url}${path}?lang=${lang}`);
    assert.equal(await visitor.locator('main form button').count(), 1);
    await check(`link confirmation (${lang})`, visitor);
    await visitor.goto(`${server.url}/meldpunt/aanmelden/verlopen-link?lang=${lang}`);
    await check(`link refused (${lang})`, visitor);
  }
  assert.deepEqual(failures, []);
});
