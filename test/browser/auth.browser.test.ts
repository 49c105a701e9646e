/**
 * Signing in with a real browser (no JavaScript needed) and the account and user pages in their
 * interesting states (form errors, a token shown once), through axe in Dutch and English.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../support/browser.js';
import { buildIsolationWorld } from '../support/isolation-world.js';
import { createUser } from '../support/principals.js';
import type { IsolationWorld } from '../support/route-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let world: IsolationWorld;
before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  ({ world } = await buildIsolationWorld(server.app, server.database));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('sign-in, account, token and user pages work in Chromium and pass axe', {
  skip: browserSkip,
}, async () => {
  await createUser(server.database, {
    email: 'pw@pages.test',
    password: 'a long password 1',
    platformRoles: ['admin'],
  });
  const failures: string[] = [];
  for (const lang of ['nl', 'en']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // login with an error, then sign in through the form
    await page.goto(`${server.url}/login?lang=${lang}`);
    failures.push(
      ...(await axeViolations(page)).map((v) => `login: ${v.id} ${v.help} ${v.nodes.slice(0, 3).join(',')}`),
    );
    await page.fill('#email', 'pw@pages.test');
    await page.fill('#password', 'wrong wrong wrong');
    await page.click('button[type=submit]:not(.link-button)');
    assert.match(await page.content(), /error-summary/);
    failures.push(
      ...(await axeViolations(page)).map(
        (v) => `login-error: ${v.id} ${v.help} ${v.nodes.slice(0, 3).join(',')}`,
      ),
    );
    await page.fill('#password', 'a long password 1');
    await page.click('main button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/');
    for (const path of [
      '/',
      '/account',
      '/account/tokens',
      '/users',
      '/users/new',
      `/users/${world.userA.id}`,
    ]) {
      const res = await page.goto(`${server.url}${path}`);
      if ((res?.status() ?? 0) >= 400) failures.push(`${path}: HTTP ${res?.status()}`);
      failures.push(
        ...(await axeViolations(page)).map(
          (v) => `${path}: ${v.id} ${v.help} ${v.nodes.slice(0, 3).join(',')}`,
        ),
      );
    }
    // create a token (shown once) and a form error
    await page.goto(`${server.url}/account/tokens`);
    await page.fill('#name', 'browser');
    await page.click('form[action="/account/tokens"] button');
    assert.match(await page.content(), /wb_/);
    failures.push(
      ...(await axeViolations(page)).map(
        (v) => `token-created: ${v.id} ${v.help} ${v.nodes.slice(0, 3).join(',')}`,
      ),
    );
    await page.goto(`${server.url}/users/new`);
    await page.click('form[action="/users"] button');
    failures.push(
      ...(await axeViolations(page)).map(
        (v) => `users-new-error: ${v.id} ${v.help} ${v.nodes.slice(0, 3).join(',')}`,
      ),
    );
    await context.close();
  }
  assert.deepEqual(failures, []);
});
