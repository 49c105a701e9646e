/**
 * A NUL byte or another control character anywhere in the input is a 400 that names the field (or,
 * for a respondent, a message next to the question with the other answers kept), never a 500, and no
 * personal data reaches the error log (issue 13, row 9). The cases the probe found, one by one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import { controlCharacterPaths } from '../../platform/http/control-characters.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { Respondent } from './respondent-client.js';
import { seedAnsweringWave } from './seed-wave.js';

const lines: string[] = [];
let t: TestApp;
let admin: TestUser;

before(async () => {
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (l) => lines.push(l) } });
  await t.database.db.transaction((tx) => loadRegistry(tx, systemActor));
  admin = await createUser(t, { platformRoles: ['admin', 'researcher'] });
});
after(() => t.close());

const NUL = '\u0000';
const api = (method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${admin.bearer}` },
    ...(payload === undefined ? {} : { payload: payload as any }),
  });

function assertProblem(res: { statusCode: number; headers: any; json(): any }, field: string, what: string) {
  assert.equal(res.statusCode, 400, what);
  assert.match(String(res.headers['content-type']), /problem\+json/, what);
  const problem = res.json();
  assert.equal(problem.type, 'urn:weerbaar:problem:validation', what);
  assert.ok(
    problem.invalidParams.some((p: any) => p.name === field && p.code === 'control_character'),
    `${what}: ${JSON.stringify(problem.invalidParams)}`,
  );
}

test('API: NUL in searches, audit filters, a wave name, a token name, a successor code is a 400', async () => {
  const email = `probe${NUL}@gemeente.test`;
  assertProblem(await api('GET', `/api/v1/users?q=${encodeURIComponent(email)}`), 'query.q', 'user search');
  assertProblem(await api('GET', `/api/v1/organisations?q=a%00b`), 'query.q', 'organisation search');
  assertProblem(
    await api('GET', `/api/v1/audit-entries?actor=${encodeURIComponent(email)}`),
    'query.actor',
    'audit actor',
  );
  assertProblem(await api('GET', '/api/v1/audit-entries?action=user.%00'), 'query.action', 'audit action');
  assertProblem(
    await api('POST', '/api/v1/waves', { code: 'nul-1', name: `Golf${NUL}` }),
    'body.name',
    'wave name',
  );
  assertProblem(
    await api('POST', '/api/v1/api-tokens', { name: `t${NUL}`, scopes: ['read'] }),
    'body.name',
    'token name',
  );
  assertProblem(
    await api('POST', '/api/v1/organisation-mergers', {
      effectiveDate: '2026-01-01',
      type: 'uitbreiding',
      successorCode: `GM0344${NUL}`,
      sources: [{ code: 'GM0363' }],
    }),
    'body.successorCode',
    'successor code',
  );
  // Other control characters too; tab, LF and CR are ordinary text.
  assertProblem(await api('POST', '/api/v1/waves', { code: 'nul-2', name: 'a\u0007b' }), 'body.name', 'BEL');
  const fine = await api('POST', '/api/v1/waves', { code: 'nul-3', name: 'Golf\t2026' });
  assert.equal(fine.statusCode, 201, fine.body);
});

test('pages: NUL in the sign-in e-mail is a 400 page, not a 500', async () => {
  const res = await postForm(t.app, '/login', { email: `a${NUL}@gemeente.test`, password: 'x'.repeat(12) });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /stuurteken/);
});

test("a respondent's open answer with NUL: a message at that question, the other answers kept", async () => {
  const wave = await seedAnsweringWave(t.database, { persons: 1 });
  const base = `/r/${wave.tokens[0]}`;
  const r = Respondent.inject(t.app);
  await r.get(base);
  await r.post(`${base}/start`);
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'nooit',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '3',
    _action: 'next',
  });
  const page = await r.post(`${base}/s/afsluiting`, { remarks: `geheim${NUL}antwoord`, _action: 'next' });
  assert.equal(page.status, 400);
  assert.match(page.body, /id="q-remarks-error"[^>]*>[^<]*onzichtbaar teken/);
  const [row] = await t.database.query<{ answers: Record<string, unknown> }>(
    'select answers from responses where wave_id = $1',
    [wave.waveId],
  );
  assert.equal(row!.answers.bg_years_in_office, 3, 'the other answers are kept');
  assert.equal(row!.answers.remarks, undefined, 'the bad one is not stored');
});

test('no 500 happened and the log holds none of the values', () => {
  const log = lines.join('');
  assert.doesNotMatch(log, /"statusCode":5\d\d/);
  for (const secret of ['probe', 'gemeente.test', 'geheim', 'Golf']) assert.ok(!log.includes(secret), secret);
});

test('controlCharacterPaths names nested fields and ignores tab, LF and CR', () => {
  assert.deepEqual(
    controlCharacterPaths({ a: ['x', `y${NUL}`], b: { c: '\u001f' }, d: 'ok\t\r\n' }, 'body'),
    ['body.a.1', 'body.b.c'],
  );
});
