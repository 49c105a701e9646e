/**
 * Every HTML page, in real Chromium with axe: no WCAG 2.1 A/AA violations, in Dutch and English.
 * Pages are enumerated from the route table (GET routes outside /api/ and /assets/), so new pages
 * are covered automatically. Protected pages are visited as a platform admin, public ones anonymously.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../support/browser.js';
import { buildIsolationWorld, signedInUser } from '../support/isolation-world.js';
import { type IsolationWorld, paramFixtures } from '../support/route-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let world: IsolationWorld;
let adminCookie: string;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  ({ world } = await buildIsolationWorld(server.app, server.database));
  adminCookie = (await signedInUser(server.app, server.database, 'admin@pages.test', [], ['admin'])).cookie;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function pagePaths(): Promise<Array<{ path: string; isPublic: boolean }>> {
  const out: Array<{ path: string; isPublic: boolean }> = [];
  for (const r of server.app.routeTable) {
    if (r.method !== 'GET' || r.url.startsWith('/api/') || r.url.startsWith('/assets/')) continue;
    if (['/health', '/ready'].includes(r.url) || r.url.includes('*')) continue;
    let path = r.url;
    let ok = true;
    for (const m of r.url.matchAll(/:(\w+)/g)) {
      const fixture = paramFixtures[m[1]!];
      if (!fixture) ok = false;
      else path = path.replace(m[0], encodeURIComponent(await fixture(world)));
    }
    assert.ok(ok, `page ${r.url}: add its path parameters to test/support/route-fixtures.ts`);
    out.push({ path, isPublic: 'public' in r.access });
  }
  return out;
}

test('every page passes axe in Chromium, in Dutch and English', { skip: browserSkip }, async () => {
  const pages = await pagePaths();
  assert.ok(pages.length > 0);
  const failures: string[] = [];
  for (const lang of ['nl', 'en']) {
    const context = await browser.newContext();
    const [name, value] = adminCookie.split('=');
    // One tab per language, as a person browsing would: a new tab per page costs a renderer start.
    const page = await context.newPage();
    for (const p of pages) {
      if (!p.isPublic) await context.addCookies([{ name: name!, value: value!, url: server.url }]);
      else await context.clearCookies();
      const sep = p.path.includes('?') ? '&' : '?';
      let res: Awaited<ReturnType<typeof page.goto>>;
      try {
        res = await page.goto(`${server.url}${p.path}${sep}lang=${lang}`);
      } catch (err) {
        // a file download (Content-Disposition: attachment, e.g. the AVG export) is not a page
        if (err instanceof Error && err.message.includes('Download is starting')) continue;
        throw err;
      }
      const status = res?.status() ?? 0;
      if (status >= 500) failures.push(`${p.path} (${lang}): HTTP ${status}`);
      // a script or another non-HTML asset (e.g. the texts editor's live preview) is not a page
      if (!(res?.headers()['content-type'] ?? 'text/html').startsWith('text/html')) continue;
      for (const v of await axeViolations(page)) {
        failures.push(
          `${p.path} (${lang}): ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`,
        );
      }
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
});
