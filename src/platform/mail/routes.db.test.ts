import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { modules } from '../../../test/support/modules.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { loadConfig } from '../config/config.js';
import { getJob } from '../jobs/admin.js';
import { type JobRuntime, startJobs } from '../jobs/runtime.js';
import { queueMail } from './mail.js';

let t: TestApp;
let admin: TestUser;
let viewer: TestUser;
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
  t = await createTestApp();
  admin = await createUser(t, { platformRoles: ['admin'] });
  viewer = await createUser(t, { platformRoles: ['researcher'] });
  // demo mode: no SMTP_HOST, so the job puts the message in the outbox
  runtime = await startJobs(t.database, loadConfig({ NODE_ENV: 'test', JOBS_POLL_INTERVAL_SECONDS: '0.5' }), {
    modules,
    log: { info() {}, warn() {}, error() {} },
  });
  messageId = (
    await queueMail(t.database.db, {
      to: 'ann@example.org',
      rendered: {
        subject: 'Uitnodiging <script>',
        text: 'Hallo <b>Ann</b>',
        html: '<p onclick="x()">Hallo <b>Ann</b></p>',
      },
      idempotencyKey: 'routes-1',
      purpose: 'invitation',
    })
  ).id;
  const row = await t.database.query<{ job_id: string }>('select job_id from job_keys where key = $1', [
    messageId,
  ]);
  jobId = row[0]!.job_id;
  await waitFor('outbox delivery', async () => (await getJob(t.database, jobId))?.state === 'completed');
});
after(async () => {
  await runtime.stop();
  await t.close();
});

test('a mail from a job appears in the outbox page and its message page, escaped', async () => {
  const list = await t.app.inject({ url: '/admin/outbox', headers: { cookie: admin.cookie } });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /ann@example.org/);
  assert.match(list.body, /Uitnodiging &lt;script>/);
  assert.doesNotMatch(list.body, /<script>/);
  assert.match(list.body, /href="\/admin\/outbox"/, 'the menu links the outbox for admins');

  const search = await t.app.inject({
    url: '/admin/outbox?q=nobody-here',
    headers: { cookie: admin.cookie },
  });
  assert.doesNotMatch(search.body, /ann@example.org/);

  const one = await t.app.inject({ url: `/admin/outbox/${messageId}`, headers: { cookie: admin.cookie } });
  assert.equal(one.statusCode, 200);
  assert.match(one.body, /Hallo &lt;b>Ann&lt;\/b>/);
  assert.match(one.body, /&lt;p onclick=/);
  assert.doesNotMatch(one.body, /<p onclick/);
  // Stored in the outbox (no SMTP server): one status, never "verstuurd" beside "bewaard in de outbox".
  assert.match(one.body, /<dd>bewaard in de outbox \(niet verstuurd\)<\/dd>/);
  assert.doesNotMatch(one.body, /<dd>verstuurd<\/dd>/);
  assert.match(list.body, /bewaard in de outbox \(niet verstuurd\)/);
  assert.match(one.body, /outbox/);

  const missing = await t.app.inject({
    url: '/admin/outbox/00000000-0000-4000-8000-000000000000',
    headers: { cookie: admin.cookie },
  });
  assert.equal(missing.statusCode, 404);
});

test('the mail and jobs API are for admins only', async () => {
  const res = await t.app.inject({
    url: '/api/v1/mail-messages?status=sent',
    headers: { authorization: `Bearer ${admin.bearer}` },
  });
  assert.equal(res.statusCode, 200);
  const item = res.json().items.find((m: any) => m.id === messageId);
  assert.equal(item.transport, 'outbox');
  assert.equal(item.status, 'sent');

  for (const url of ['/api/v1/mail-messages', '/api/v1/jobs', '/admin/outbox', '/admin/jobs']) {
    const denied = await t.app.inject({ url, headers: { authorization: `Bearer ${viewer.bearer}` } });
    assert.ok([403].includes(denied.statusCode), `${url} → ${denied.statusCode}`);
    const anon = await t.app.inject({ url: url.startsWith('/api') ? url : url });
    assert.ok([401, 303].includes(anon.statusCode), `${url} anonymous → ${anon.statusCode}`);
  }
});

test('admins see failed jobs and retry them from the page and the API', async () => {
  // make the completed job look failed (as after exhausted retries) to exercise the retry path
  await t.database.query(
    `update pgboss.job set state = 'failed', output = '{"message":"smtp down"}' where id = $1`,
    [jobId],
  );
  const api = await t.app.inject({
    url: '/api/v1/jobs?state=failed',
    headers: { authorization: `Bearer ${admin.bearer}` },
  });
  assert.equal(api.statusCode, 200);
  const job = api.json().items.find((j: any) => j.id === jobId);
  assert.equal(job.name, 'mail.send');
  assert.equal(job.lastError, 'smtp down');

  const page = await t.app.inject({ url: '/admin/jobs', headers: { cookie: admin.cookie } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`action="/admin/jobs/${jobId}/retry"`));
  assert.match(page.body, /smtp down/);

  const withoutCsrf = await t.app.inject({
    method: 'POST',
    url: `/admin/jobs/${jobId}/retry`,
    headers: { cookie: admin.cookie },
  });
  assert.equal(withoutCsrf.statusCode, 403);

  const posted = await postForm(t.app, `/admin/jobs/${jobId}/retry`, {}, admin.cookie);
  assert.equal(posted.statusCode, 303);
  assert.equal(posted.headers.location, '/admin/jobs?retried=1');
  // the retried job runs again; the message was sent already, so nothing is sent twice
  await waitFor('the retried job', async () => (await getJob(t.database, jobId))?.state === 'completed');

  await t.database.query(`update pgboss.job set state = 'failed' where id = $1`, [jobId]);
  const viaApi = await t.app.inject({
    method: 'POST',
    url: `/api/v1/jobs/${jobId}/retry`,
    headers: { authorization: `Bearer ${admin.bearer}` },
  });
  assert.equal(viaApi.statusCode, 200);
  assert.ok(['retry', 'active', 'completed'].includes(viaApi.json().state));
  const audit = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'job.retry' and resource_id = $1",
    [jobId],
  );
  assert.equal(audit[0]!.n, 2);

  const viewerRetry = await t.app.inject({
    method: 'POST',
    url: `/api/v1/jobs/${jobId}/retry`,
    headers: { authorization: `Bearer ${viewer.bearer}` },
  });
  assert.equal(viewerRetry.statusCode, 403);
});
