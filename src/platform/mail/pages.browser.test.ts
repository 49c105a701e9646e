/**
 * The outbox and jobs pages in Chromium with axe: a mail delivered to the outbox by a job, read in the
 * browser, and a failed job retried with the form button (the pages ship no scripts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, browserSkip, launchBrowser } from '../../../test/support/browser.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { modules } from '../../../test/support/modules.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { loadConfig } from '../config/config.js';
import { getJob } from '../jobs/admin.js';
import { type JobRuntime, startJobs } from '../jobs/runtime.js';
import { queueMail } from './mail.js';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let runtime: JobRuntime;
let messageId: string;
let jobId: string;

async function waitFor(what: string, fn: () => Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  runtime = await startJobs(
    server.database,
    loadConfig({ NODE_ENV: 'test', JOBS_POLL_INTERVAL_SECONDS: '0.5' }),
    { modules, log: { info() {}, warn() {}, error() {} } },
  );
  messageId = (
    await queueMail(server.database.db, {
      to: 'ann@example.org',
      rendered: {
        subject: 'Uitnodiging',
        text: 'Beste Ann,\n\nwelkom.',
        html: '<p>Beste Ann,</p><p>welkom.</p>',
      },
      idempotencyKey: 'browser-1',
      purpose: 'invitation',
    })
  ).id;
  jobId = (
    await server.database.query<{ job_id: string }>('select job_id from job_keys where key = $1', [messageId])
  )[0]!.job_id;
  await waitFor(
    'delivery to the outbox',
    async () => (await getJob(server.database, jobId))?.state === 'completed',
  );
  await runtime.stop();
  await server.database.query(
    `update pgboss.job set state = 'failed', output = '{"message":"smtp down"}' where id = $1`,
    [jobId],
  );
  const admin = await signedInUser(server.app, server.database, 'admin@mail-pages.test', [], ['admin']);
  browser = await launchBrowser();
  context = await browser.newContext();
  const [name, value] = admin.cookie.split('=');
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('outbox and jobs pages pass axe; a failed job is retried with the button', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const failures: string[] = [];
  const check = async (label: string, page: import('playwright-core').Page) => {
    for (const v of await axeViolations(page))
      failures.push(`${label}: ${v.id} ${v.help} at ${v.nodes.slice(0, 3).join(', ')}`);
  };
  const page = await context.newPage();
  for (const lang of ['nl', 'en']) {
    await page.goto(`${server.url}/admin/outbox?lang=${lang}`);
    await check(`outbox (${lang})`, page);
    await page.goto(`${server.url}/admin/outbox/${messageId}?lang=${lang}`);
    await check(`message (${lang})`, page);
    await page.goto(`${server.url}/admin/jobs?lang=${lang}`);
    await check(`jobs (${lang})`, page);
  }

  await page.goto(`${server.url}/admin/outbox?lang=nl`);
  await page.fill('#q', 'ann@');
  await page.click('form.filters button[type=submit]');
  await page.click(`a[href="/admin/outbox/${messageId}"]`);
  assert.match((await page.textContent('main'))!, /welkom\./);

  await page.goto(`${server.url}/admin/jobs?lang=nl`);
  assert.match((await page.textContent('main'))!, /smtp down/);
  await page.click(`form[action="/admin/jobs/${jobId}/retry"] button`);
  assert.match(page.url(), /retried=1/);
  assert.match((await page.textContent('[role=status]'))!, /weer in de wachtrij/);
  await check('jobs after retry', page);
  assert.equal((await getJob(server.database, jobId))?.state, 'retry');

  assert.deepEqual(failures, []);
});
