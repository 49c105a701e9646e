/**
 * Sending the letters and who may read them, through the app: a researcher confirms the count, one job
 * per organisation, each organisation exactly one mail with its letter attached (also when every job
 * runs twice and "send" is pressed again), audited; the outbox shows the attachment; a coordinator
 * reads its own organisation's letter only, a viewer none.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../../test/support/principals.js';
import { findWave } from '../../../monitor/fieldwork/waves-service.js';
import { loadTemplates } from '../../../monitor/questionnaires/templates/index.js';
import { cliActor } from '../../../platform/audit/audit.js';
import { loadRegistry } from '../../../platform/orgs/registry.js';
import { loadDemoWave } from '../../demo/demo-step.js';
import { smallDemoOrganisations } from '../../demo/small.js';
import { setDisclosureRules } from '../../disclosure/settings.js';
import { releaseRun } from '../../release/service.js';
import { runResults } from '../../runs/service.js';
import { letterOverview, sendLetter } from './send.js';
import { LETTER_THRESHOLD, letterTruth } from './test-fixture.js';

let t: TestApp;
let waveId: string;
let researcher: TestUser;
let admin: TestUser;
let viewer: TestUser;
let coordinatorA: TestUser;
let orgA: string;
let orgB: string;
let codeA: string;
let sendable = 0;
let letters = 0;
const actor = cliActor('test');

before(async () => {
  t = await createTestApp();
  const { database } = t;
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
    await loadDemoWave(tx, letterTruth, actor, smallDemoOrganisations());
  });
  await setDisclosureRules(database, letterTruth.code, { minRespondents: LETTER_THRESHOLD }, actor);
  const run = await runResults(database, letterTruth.code, actor);
  const wave = await findWave(database.db, letterTruth.code);
  waveId = wave.id;
  const o = await letterOverview({ database, wave, visibility: 'embargoed' });
  sendable = o.sendable.length;
  letters = o.participants.length;
  orgA = o.participants[0]!.organisation.id;
  orgB = o.participants[1]!.organisation.id;
  codeA = o.participants[0]!.organisation.code;
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  admin = await createUser(t, { platformRoles: ['admin'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
  coordinatorA = await createUser(t, { memberships: [{ organisationId: orgA!, role: 'coordinator' }] });
  // the coordinator reads from released runs only: before the release there is no letter for them
  const early = await t.app.inject({
    url: `/results/${waveId}/letters/${orgA}`,
    headers: { cookie: coordinatorA.cookie },
  });
  assert.equal(early.statusCode, 404);
  const refused = await postForm(
    t.app,
    `/results/${waveId}/letters/send`,
    { count: String(sendable), confirm: 'yes' },
    researcher.cookie,
  );
  assert.equal(refused.statusCode, 409, 'no letters go out before the results are released');
  await releaseRun(database, waveId, run.id, actor);
});
after(() => t.close());

const get = (url: string, user: TestUser) => t.app.inject({ url, headers: { cookie: user.cookie } });

test('a coordinator reads its own organisation letter only; researchers every letter; viewers none', async () => {
  assert.equal((await get(`/results/${waveId}/letters/${orgA}`, coordinatorA)).statusCode, 200);
  assert.equal((await get(`/results/${waveId}/letters/${orgB}`, coordinatorA)).statusCode, 403);
  assert.equal((await get(`/results/${waveId}/letters`, coordinatorA)).statusCode, 403);
  assert.equal((await get(`/results/${waveId}/letters/${orgB}`, researcher)).statusCode, 200);
  assert.equal((await get(`/results/${waveId}/letters/${orgB}`, viewer)).statusCode, 403);
  assert.equal((await get(`/results/${waveId}/publications/letter/${orgB}`, viewer)).statusCode, 404);
  const list = await get(`/results/${waveId}/publications`, viewer);
  assert.ok(!list.body.includes(`/letter/${orgB}`), 'the publications list shows viewers no letter');
  assert.equal((await get(`/results/${waveId}/publications/letter/${orgB}`, researcher)).statusCode, 200);
  const combined = await get(`/results/${waveId}/letters/all.html`, researcher);
  assert.equal(combined.statusCode, 200);
  assert.equal(combined.body.match(/<article class="letter"/g)?.length, letters);
});

test('sending: confirmation with the count, one mail per organisation even when every job runs twice', async () => {
  const page = await get(`/results/${waveId}/letters`, researcher);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`verstuur ${sendable} brieven`));
  const unconfirmed = await postForm(
    t.app,
    `/results/${waveId}/letters/send`,
    { count: String(sendable) },
    researcher.cookie,
  );
  assert.equal(unconfirmed.statusCode, 303);
  assert.match(String(unconfirmed.headers.location), /error=confirm/);
  const stale = await postForm(
    t.app,
    `/results/${waveId}/letters/send`,
    { count: String(sendable + 1), confirm: 'yes' },
    researcher.cookie,
  );
  assert.equal(stale.statusCode, 409);
  const sent = await postForm(
    t.app,
    `/results/${waveId}/letters/send`,
    { count: String(sendable), confirm: 'yes' },
    researcher.cookie,
  );
  assert.equal(sent.statusCode, 303);
  assert.match(String(sent.headers.location), new RegExp(`queued=${sendable}$`));
  const again = await postForm(
    t.app,
    `/results/${waveId}/letters/send`,
    { count: String(sendable), confirm: 'yes' },
    researcher.cookie,
  );
  assert.match(String(again.headers.location), /queued=0$/);

  const jobs = await t.database.query<{ data: { waveId: string; organisationId: string } }>(
    "select data from pgboss.job where name = 'results.letter.send'",
  );
  assert.equal(jobs.length, sendable);
  for (const round of [1, 2])
    for (const j of jobs) {
      const r = await sendLetter(t.database, j.data.waveId, j.data.organisationId);
      assert.ok('created' in r && r.created === (round === 1), JSON.stringify(r));
    }
  const mails = await t.database.query<{ organisation_id: string; to_address: string; files: number }>(
    `select m.organisation_id, m.to_address, (select count(*)::int from mail_attachments a where a.message_id = m.id) as files
       from mail_messages m where m.purpose = 'letter'`,
  );
  assert.equal(mails.length, sendable);
  assert.equal(new Set(mails.map((m) => m.organisation_id)).size, sendable, 'one mail per organisation');
  assert.ok(
    mails.every((m) => m.files === 1),
    'each with its letter attached',
  );
  const audits = await t.database.query<{ action: string }>(
    "select action from audit_log where action in ('results.letters.send', 'results.letter.queued')",
  );
  assert.equal(audits.filter((a) => a.action === 'results.letter.queued').length, sendable);
  assert.equal(audits.filter((a) => a.action === 'results.letters.send').length, 2);
});

test('the outbox shows a letter mail attachment and serves it as a download', async () => {
  const [m] = await t.database.query<{ id: string }>(
    "select id from mail_messages where purpose = 'letter' and organisation_id = $1",
    [orgA],
  );
  const page = await get(`/admin/outbox/${m!.id}`, admin);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Bijlagen/);
  assert.match(page.body, new RegExp(`brief-${codeA}\\.html`));
  const file = await get(`/admin/outbox/${m!.id}/attachments/1`, admin);
  assert.equal(file.statusCode, 200);
  assert.match(String(file.headers['content-disposition']), /^attachment;/);
  assert.match(file.body, /<!doctype html>/);
  assert.equal((await get(`/admin/outbox/${m!.id}/attachments/2`, admin)).statusCode, 404);
  assert.equal((await get(`/admin/outbox/${m!.id}/attachments/1`, researcher)).statusCode, 403);
});
