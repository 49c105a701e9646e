/**
 * Review and recoding of "anders, namelijk" answers: the page lists the texts, a recoding (page or
 * API) is logged with the original kept, and only researchers and admins may recode.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { signedInUser } from '../../../test/support/isolation-world.js';
import { Respondent } from './respondent-client.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';

let t: TestApp;
let wave: SeededWave;

async function answerOther(token: string, text: string) {
  const base = `/r/${token}`;
  const r = Respondent.inject(t.app);
  await r.get(base);
  await r.post(`${base}/start`);
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'vaker',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '4',
    _action: 'next',
  });
  const p = await r.post(`${base}/s/melden`, {
    report_to: ['anders'],
    report_to_anders_tekst: text,
    support_colleagues: 'ja',
    support_family: 'ja',
    _action: 'next',
  });
  assert.equal(p.status, 303);
}

before(async () => {
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: 3 });
  await answerOther(wave.tokens[0]!, 'bij de wijkagent');
  await answerOther(wave.tokens[1]!, 'bij mijn fractievoorzitter');
});
after(() => t.close());

test('a researcher reviews open answers and recodes them; the original stays and the log grows', async () => {
  const researcher = await signedInUser(t.app, t.database, 'onderzoeker@recode.test', [], ['researcher']);
  const page = await t.app.inject({
    url: `/waves/${wave.waveId}/open-answers`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /bij de wijkagent/);
  assert.match(page.body, /bij mijn fractievoorzitter/);

  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${researcher.bearer}` } });
  const open = (await api('GET', `/api/v1/waves/${wave.waveId}/open-answers`)).json();
  const first = open.data[0].answers.find((a: any) => a.text === 'bij de wijkagent');
  assert.ok(first);

  let res = await api('POST', `/api/v1/waves/${wave.waveId}/recodes`, {
    responseId: first.responseId,
    itemCode: 'report_to',
    recodedTo: 'politie',
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().originalText, 'bij de wijkagent');
  res = await api('POST', `/api/v1/waves/${wave.waveId}/recodes`, {
    responseId: first.responseId,
    itemCode: 'report_to',
    recodedTo: 'wijkagent',
  });
  assert.equal(res.statusCode, 201);
  res = await api('POST', `/api/v1/waves/${wave.waveId}/recodes`, {
    responseId: first.responseId,
    itemCode: 'report_to',
    recodedTo: 'met spatie',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().invalidParams[0].name, 'recodedTo');
  res = await api('POST', `/api/v1/waves/${wave.waveId}/recodes`, {
    responseId: first.responseId,
    itemCode: 'agr_verbal_12m',
    recodedTo: 'x',
  });
  assert.equal(res.statusCode, 400);

  const log = (await api('GET', `/api/v1/waves/${wave.waveId}/recodes`)).json().data;
  assert.deepEqual(
    log.map((r: any) => r.recodedTo),
    ['politie', 'wijkagent'],
  );
  assert.equal(log[0].recodedBy, researcher.id);
  const [row] = await t.database.query<{ answers: any }>('select answers from responses where id = $1', [
    first.responseId,
  ]);
  assert.deepEqual(row!.answers.report_to, ['anders'], 'the original answer stays');
  assert.equal(row!.answers.report_to_anders_tekst, 'bij de wijkagent');
  const audits = await t.database.query<{ n: number }>(
    "select count(*)::int as n from audit_log where action = 'responses.recode'",
  );
  assert.equal(audits[0]!.n, 2);

  const listed = await t.app.inject({
    url: `/waves/${wave.waveId}/open-answers`,
    headers: { cookie: researcher.cookie },
  });
  assert.match(listed.body, /politie → wijkagent/);
});

test('the page form recodes without JavaScript, and shows a bad code next to the form', async () => {
  const researcher = await signedInUser(t.app, t.database, 'onderzoeker2@recode.test', [], ['researcher']);
  const page = await t.app.inject({
    url: `/waves/${wave.waveId}/open-answers`,
    headers: { cookie: researcher.cookie },
  });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const csrfCookie = [page.headers['set-cookie']]
    .flat()
    .find((c) => c?.startsWith('wb_csrf='))!
    .split(';')[0]!;
  const responseId = /name="responseId" value="([^"]+)"/.exec(page.body)![1]!;
  const post = (body: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/waves/${wave.waveId}/open-answers`,
      headers: {
        cookie: `${researcher.cookie}; ${csrfCookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: csrf, responseId, itemCode: 'report_to', ...body }).toString(),
    });
  let res = await post({ code: 'werkgever', newCode: '' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/waves/${wave.waveId}/open-answers?recoded=1`);
  res = await post({ code: '', newCode: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, new RegExp(`href="#rc-${responseId}-report_to"`));
});

test('viewers and organisation users may not recode', async () => {
  const viewer = await signedInUser(t.app, t.database, 'kijker@recode.test', [], ['viewer']);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/waves/${wave.waveId}/recodes`,
    headers: { authorization: `Bearer ${viewer.bearer}` },
    payload: { responseId: '00000000-0000-4000-8000-000000000000', itemCode: 'report_to', recodedTo: 'x' },
  });
  assert.equal(res.statusCode, 403);
  const anonymous = await t.app.inject({ url: `/api/v1/waves/${wave.waveId}/recodes` });
  assert.equal(anonymous.statusCode, 401);
});
