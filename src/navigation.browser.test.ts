/**
 * The main menu and the home page per role, in Chromium with axe (issue 12 §2), with the composed modules
 * (so it lives beside src/composition.ts, not in src/platform): the menu is grouped by pillar, shows only
 * what the role may open, stays on one line at 1,280 and 390 px without scrolling the page sideways, and
 * every link in it is reachable by keyboard with page scripts off; each role's home shows its work or what
 * will come to it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../test/support/browser.js';
import { signedInUser } from '../test/support/isolation-world.js';
import { startTestServer, type TestServer } from '../test/support/server.js';
import demoStep from './monitor/fieldwork/demo-step.js';
import { loadTemplates } from './monitor/questionnaires/templates/index.js';
import { systemActor } from './platform/audit/audit.js';
import { loadRegistry } from './platform/orgs/registry.js';
import { getOrganisationByCode } from './platform/orgs/service.js';

let server: TestServer;
let browser: Browser;
const cookies = new Map<string, string>();

const people = {
  admin: { platform: ['admin'], org: [] },
  researcher: { platform: ['researcher'], org: [] },
  viewer: { platform: ['viewer'], org: [] },
  coordinator: { platform: [], org: ['coordinator'] },
  integrity_officer: { platform: [], org: ['integrity_officer'] },
  reporter: { platform: [], org: ['reporter'] },
} as const;
type Person = keyof typeof people;

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
    await demoStep.run(tx, systemActor);
  });
  const utrecht = (await getOrganisationByCode(server.database.db, 'GM0344')).id;
  for (const [name, p] of Object.entries(people)) {
    const u = await signedInUser(
      server.app,
      server.database,
      `${name}@nav.test`,
      p.org.map((role) => ({ organisationId: utrecht, role })),
      [...p.platform],
    );
    cookies.set(name, u.cookie);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAs(person: Person, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  const [name, value] = cookies.get(person)!.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  return context.newPage();
}

const navHrefs = (page: Page) =>
  page.$$eval('nav.main-nav a, nav.account-nav a', (as) => as.map((a) => a.getAttribute('href')!).sort());

/** What each role may open, by the access policy (organisation.list and the account pages: everyone). */
const expected: Record<Person, string[]> = {
  admin: [
    '/',
    '/account',
    '/account/tokens',
    '/admin/jobs',
    '/admin/outbox',
    '/admin/security',
    '/audit',
    '/integrity-statistics',
    '/meldpunt/benchmark',
    '/organisations',
    '/questionnaires',
    '/results',
    '/users',
    '/waves',
  ],
  researcher: [
    '/',
    '/account',
    '/account/tokens',
    '/integrity-statistics',
    '/meldpunt/benchmark',
    '/organisations',
    '/questionnaires',
    '/results',
    '/waves',
  ],
  viewer: ['/', '/account', '/account/tokens', '/meldpunt/benchmark', '/organisations', '/results', '/waves'],
  coordinator: [
    '/',
    '/account',
    '/account/tokens',
    '/audit',
    '/meldpunt',
    '/organisations',
    '/results',
    '/users',
  ],
  integrity_officer: ['/', '/account', '/account/tokens', '/integrity', '/organisations'],
  reporter: ['/', '/account', '/account/tokens', '/meldpunt', '/organisations'],
};

test('the menu is grouped by pillar, shows what the role may open and fits 1,280 and 390 px', {
  skip: browserSkip,
  timeout: 240_000,
}, async () => {
  const failures: string[] = [];
  for (const person of Object.keys(people) as Person[]) {
    for (const width of [1280, 390]) {
      // English has the longer labels; Dutch is the default.
      for (const lang of width === 390 ? ['nl', 'en'] : ['nl']) {
        const page = await pageAs(person, width);
        const res = await page.goto(`${server.url}/?lang=${lang}`);
        assert.equal(res?.status(), 200);
        const label = `${person} at ${width}px (${lang})`;
        assert.deepEqual(await navHrefs(page), expected[person], label);
        // Pillars in their order, each a disclosure.
        const pillars = await page.$$eval('nav.main-nav summary', (s) => s.map((e) => e.textContent!.trim()));
        // coordinators see the released national results (Monitor)
        const monitor = ['admin', 'researcher', 'viewer', 'coordinator'].includes(person);
        // admins and researchers see the national integrity statistics under Meldpunt; BZK (viewer) and
        // they see the Meldpunt's national figures (benchmark, registration gap)
        const meldpunt = [
          'admin',
          'researcher',
          'viewer',
          'coordinator',
          'integrity_officer',
          'reporter',
        ].includes(person);
        const order = [
          ...(monitor ? ['Monitor'] : []),
          ...(meldpunt ? [lang === 'nl' ? 'Meldpunt' : 'Reports'] : []),
          lang === 'nl' ? 'Beheer' : 'Admin',
        ];
        assert.deepEqual(pillars, order, label);
        assert.equal(
          await page.textContent('nav.account-nav summary'),
          lang === 'nl' ? 'Mijn account' : 'My account',
        );
        // One line: every top-level item on the same row, nothing cut off, the page does not scroll sideways.
        const fit = await page.evaluate(() => {
          const bar = document.querySelector('nav.main-nav .nav-bar') as HTMLElement;
          const boxes = [...bar.children].map((li) => li.getBoundingClientRect());
          const firstBottom = Math.min(...boxes.map((b) => b.bottom));
          const right = Math.max(...[...bar.children].map((li) => li.getBoundingClientRect().right));
          return {
            rows: 1 + boxes.filter((b) => b.top >= firstBottom - 1).length,
            right,
            viewport: window.innerWidth,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        assert.equal(fit.rows, 1, `${label}: the menu wraps`);
        assert.ok(fit.right <= fit.viewport, `${label}: the menu runs off the screen (${fit.right}px)`);
        assert.ok(fit.pageWidth <= fit.viewport, `${label}: the page scrolls sideways (${fit.pageWidth}px)`);
        // Opened groups stay on the screen too.
        for (const summary of await page.$$('nav summary')) {
          await summary.click();
          const box = await page.evaluate(() => {
            const ul = document.querySelector('nav details[open] > ul')!.getBoundingClientRect();
            return { left: ul.left, right: ul.right };
          });
          assert.ok(
            box.left >= 0 && box.right <= width,
            `${label}: the opened group ${await summary.textContent()} leaves the screen (${box.left}–${box.right}px)`,
          );
          await summary.click();
        }
        for (const v of await axeViolations(page))
          failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
        await page.context().close();
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('every menu link is reachable by keyboard, without JavaScript', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  for (const width of [1280, 390]) {
    const page = await pageAs('admin', width, false);
    await page.goto(`${server.url}/`);
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      const tag = await focused.evaluate((e) => e.tagName.toLowerCase());
      if (tag === 'summary') {
        // A closed group opens with Enter; its links come next in the tab order.
        if (!(await focused.evaluate((e) => (e.parentElement as HTMLDetailsElement).open)))
          await page.keyboard.press('Enter');
        continue;
      }
      const inNav = await focused.evaluate((e) => !!e.closest('nav'));
      if (inNav && tag === 'a') reached.add((await focused.getAttribute('href'))!);
      else if (tag === 'main' || (await focused.evaluate((e) => !!e.closest('main')))) break; // past the menus
    }
    assert.deepEqual([...reached].sort(), expected.admin, `at ${width}px`);
    await page.context().close();
  }
});

test('each role has a home with its work or what will come to it', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const home = async (person: Person) => {
    const page = await pageAs(person, 1280);
    await page.goto(`${server.url}/?lang=nl`);
    const text = (await page.textContent('main'))!;
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], person);
    await page.context().close();
    return text;
  };
  const researcher = await home('researcher');
  assert.match(researcher, /Lopende metingen/);
  assert.match(researcher, /Monitor 2026 \(demo\)/);
  assert.match(researcher, /Volgende herinnering: \d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}/);
  assert.doesNotMatch(researcher, /Wat hier voor u komt/);

  const viewer = await home('viewer');
  assert.match(viewer, /Nieuwste resultaten/);
  assert.match(viewer, /resultatenmodule/);
  assert.match(viewer, /Respons van Monitor 2026 \(demo\)/);

  const coordinator = await home('coordinator'); // the Meldpunt's panel (src/meldpunt/home.browser.test.ts)
  assert.match(coordinator, /Open meldingen en taken/);
  assert.match(coordinator, /Er staan geen open meldingen voor u klaar/);

  const officer = await home('integrity_officer');
  assert.match(officer, /Integriteitsmeldingen met een termijn/);

  const reporter = await home('reporter');
  assert.match(reporter, /U heeft geen meldingen die nog open staan/);

  const admin = await home('admin');
  assert.match(admin, /Lopende metingen/); // the admin may run fieldwork too
  assert.match(admin, /menu onder Beheer/);
});
