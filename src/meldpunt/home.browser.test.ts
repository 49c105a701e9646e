/**
 * The Meldpunt's home panels in Chromium with axe (issue 12 §2), for the demo users: the Utrecht
 * coordinator sees the open incidents and overdue tasks of Utrecht, the Utrecht integrity officer the
 * reports with their deadlines, overdue first; neither sees the other's panel.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../test/support/browser.js';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { hashSecret, newSecret } from '../platform/auth/tokens.js';
import { SESSION_COOKIE } from '../platform/http/app.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  if (browserSkip) return;
  // The full demo, from the demo template (test/support/template.ts): loaded once per run, not per file.
  server = await startTestServer({}, { demo: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A session cookie for a demo user (signing in with the password is tested elsewhere). */
async function cookieOf(email: string) {
  const session = newSecret();
  await server.database.query(
    "insert into sessions (user_id, token_hash, expires_at) select id, $2, now() + interval '1 hour' from users where email = $1",
    [email, hashSecret(session)],
  );
  return server.app.signCookie(session);
}

async function home(email: string, lang: 'nl' | 'en') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: await cookieOf(email), url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/?lang=${lang}`);
  const panels = await page.$$eval('section.home-panel', (s) => s.map((e) => e.id));
  const text = (await page.textContent('main'))!;
  const firstReport = await page
    .locator('#meldpunt-integrity li')
    .first()
    .textContent()
    .catch(() => null);
  assert.deepEqual(await axeViolations(page), [], `${email} ${lang}`);
  await context.close();
  return { panels, text, firstReport };
}

test('the Utrecht coordinator and integrity officer see their Meldpunt panel', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  const c = await home('coordinator.utrecht@weerbaar.demo', 'nl');
  assert.deepEqual(c.panels, ['meldpunt-incidents']);
  assert.match(c.text, /Open meldingen en taken/);
  assert.match(c.text, /In behandeling: \d+/);
  assert.match(c.text, /\d+ taken? (is|zijn) te laat/); // the demo has overdue tasks
  assert.match(c.text, /Eerstvolgende taken/);
  assert.match(c.text, /Naar de lijst met meldingen/);
  assert.doesNotMatch(c.text, /Integriteitsmeldingen met een termijn/);
  const cEn = await home('coordinator.utrecht@weerbaar.demo', 'en');
  assert.match(cEn.text, /Open incidents and tasks/);

  const o = await home('integriteit.utrecht@weerbaar.demo', 'nl');
  assert.deepEqual(o.panels, ['meldpunt-integrity']);
  assert.match(o.text, /Integriteitsmeldingen met een termijn/);
  assert.match(o.text, /meldingen zijn te laat/); // the demo has overdue reports
  assert.match(o.firstReport ?? '', /te laat sinds/); // overdue first
  assert.match(o.text, /Ontvangstbevestiging: /);
  assert.match(o.text, /Terugkoppeling: /);
  assert.doesNotMatch(o.text, /Wat hier voor u komt/);
  const oEn = await home('integriteit.utrecht@weerbaar.demo', 'en');
  assert.match(oEn.text, /Integrity reports with a deadline/);
});
