/**
 * Two-factor and OpenID Connect pages in Chromium with axe (the pages ship no scripts): set up
 * two-factor by typing the code, see the recovery codes, sign out, sign in with password + code (a wrong
 * code first), the admin's security page, the sign-in page with a provider button and a refused OIDC callback.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { createUser } from '../../../test/support/principals.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';

const PASSWORD = 'correct horse battery';
let server: TestServer;
let browser: Browser;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer({
    OIDC_1_ID: 'gemeente',
    OIDC_1_NAME: 'Gemeente Voorbeeld',
    OIDC_1_ISSUER: 'http://127.0.0.1:9/unused',
    OIDC_1_CLIENT_ID: 'weerbaar',
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function assertAxe(page: Page, what: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) => `${what}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`),
    [],
  );
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.click('form[action="/login"] button[type=submit]');
}

for (const lang of ['nl', 'en'] as const) {
  test(`two-factor set-up, sign-in with a code, and the security page pass axe (${lang})`, {
    skip: browserSkip,
  }, async () => {
    const user = await createUser(server, { password: PASSWORD, platformRoles: ['admin'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/login?lang=${lang}`);
    await assertAxe(page, 'login with provider button');
    assert.ok(await page.isVisible('form[action="/auth/oidc/gemeente"] button'));

    await signInWithPassword(page, user.email);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.goto(`${server.url}/account/two-factor`);
    await assertAxe(page, 'two-factor off');
    await page.goto(`${server.url}/account/two-factor/setup`);
    await assertAxe(page, 'set-up');
    const uri = await page.getAttribute('a[href^="otpauth://"]', 'href');
    const secret = new URL(uri!).searchParams.get('secret')!;
    await page.fill('#code', '000000');
    await page.click('main form button[type=submit]');
    await assertAxe(page, 'set-up with a wrong code');
    await page.fill('#code', TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await page.click('main form button[type=submit]');
    const codes = (await page.textContent('pre.secret code'))!.trim().split('\n');
    assert.equal(codes.length, 10);
    await assertAxe(page, 'recovery codes');
    await page.goto(`${server.url}/account/two-factor`);
    await assertAxe(page, 'two-factor on');

    await page.click('header form[action="/logout"] button');
    await signInWithPassword(page, user.email);
    assert.equal(new URL(page.url()).pathname, '/login/two-factor');
    await assertAxe(page, 'code step');
    await page.fill('#code', '123456');
    await page.click('main form button[type=submit]');
    await assertAxe(page, 'code step with an error');
    await page.fill('#code', codes[0]!);
    await page.click('main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/', 'signed in with a recovery code');

    await page.goto(`${server.url}/admin/security`);
    await assertAxe(page, 'security page');
    await page.check('#roles-viewer');
    await page.click('main form button[type=submit]');
    assert.ok(await page.isChecked('#roles-viewer'));
    await assertAxe(page, 'security page saved');
    await page.uncheck('#roles-viewer');
    await page.click('main form button[type=submit]');

    await context.clearCookies();
    await page.goto(`${server.url}/auth/oidc/gemeente/callback?code=x&state=y`);
    await assertAxe(page, 'OIDC refused');
    assert.match((await page.textContent('main'))!, /Gemeente Voorbeeld|opnieuw|again/);
    await context.close();
  });
}
