/**
 * The admin and research pages at 390 px (WCAG 1.4.10 reflow, issue 12 §2), in Chromium with axe: the page
 * never scrolls sideways (wide tables scroll inside their own box), tables show labels instead of codes,
 * and the organisation pages link only to what the person may open (no link that ends in 403).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../test/support/browser.js';
import { signedInUser } from '../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../test/support/server.js';
import demoStep, { DEMO_WAVE_CODE } from './monitor/fieldwork/demo-step.js';
import { loadTemplates } from './monitor/questionnaires/templates/index.js';
import { systemActor } from './platform/audit/audit.js';
import { loadRegistry } from './platform/orgs/registry.js';
import { getOrganisationByCode } from './platform/orgs/service.js';

let server: TestServer;
let browser: Browser;
let utrecht: string;
let waveId: string;
const cookies = new Map<string, string>();

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    await demoStep.run(tx, systemActor);
  });
  utrecht = (await getOrganisationByCode(server.database.db, 'GM0344')).id;
  waveId = (
    await server.database.query<{ id: string }>('select id from waves where code = $1', [DEMO_WAVE_CODE])
  )[0]!.id;
  const people: Array<[string, string[], string[]]> = [
    ['admin', ['admin'], []],
    ['viewer', ['viewer'], []],
    ['coordinator', [], ['coordinator']],
    ['reporter', [], ['reporter']],
  ];
  for (const [name, platform, org] of people) {
    const u = await signedInUser(
      server.app,
      server.database,
      `${name}@reflow.test`,
      org.map((role) => ({ organisationId: utrecht, role })),
      platform,
    );
    cookies.set(name, u.cookie);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAs(person: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const [name, value] = cookies.get(person)!.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  return context.newPage();
}

/** Codes of the frame and the registry that must never reach a table cell. */
const RAW_CODE = /\b(lid_ab|lid_db|cdk|tot_20k|van_20k_tot_50k|van_50k_tot_100k|vanaf_100k|PV\d\d)\b/;

test('admin and research pages reflow at 390 px and show labels, not codes', {
  skip: browserSkip,
  timeout: 300_000,
}, async () => {
  const page = await pageAs('admin', 390);
  const failures: string[] = [];
  const adminId = (
    await server.database.query<{ id: string }>("select id from users where email = 'admin@reflow.test'")
  )[0]!.id;
  for (const path of [
    '/',
    '/organisations',
    `/organisations/${utrecht}`,
    '/organisations/mergers',
    '/users',
    `/users/${adminId}`,
    '/audit',
    '/admin/jobs',
    '/admin/outbox',
    '/admin/security',
    '/account',
    '/account/tokens',
    '/questionnaires',
    '/waves',
    `/waves/${waveId}`,
    `/waves/${waveId}/frame`,
    `/waves/${waveId}/mail`,
    `/waves/${waveId}/monitoring`,
  ]) {
    const res = await page.goto(`${server.url}${path}`);
    assert.equal(res?.status(), 200, path);
    const m = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      cells: [...document.querySelectorAll('main td, main th')].map((c) => c.textContent ?? ''),
    }));
    if (m.page > m.viewport) failures.push(`${path}: the page is ${m.page}px wide at ${m.viewport}px`);
    // The audit log names fields (a technical record) and the outbox shows addresses; the rest shows labels.
    const raw = /^\/(audit|admin\/outbox)/.test(path) ? undefined : m.cells.find((c) => RAW_CODE.test(c));
    if (raw) failures.push(`${path}: a raw code in a table: ${raw}`);
    for (const v of await axeViolations(page))
      failures.push(`${path}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  }
  assert.deepEqual(failures, []);
});

test('organisation pages link only to what the person may open', {
  skip: browserSkip,
  timeout: 180_000,
}, async () => {
  for (const person of ['viewer', 'coordinator', 'reporter']) {
    const page = await pageAs(person, 1280);
    const hrefs = new Set<string>();
    for (const path of ['/organisations', `/organisations/${utrecht}`, '/organisations/mergers']) {
      await page.goto(`${server.url}${path}`);
      for (const h of await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!)))
        hrefs.add(h);
    }
    assert.ok(hrefs.size > 0, person);
    for (const href of hrefs) {
      const res = await page.request.get(`${server.url}${href}`, { maxRedirects: 0 });
      assert.notEqual(res.status(), 403, `${person}: ${href} is linked but forbidden`);
    }
    await page.context().close();
  }
});
