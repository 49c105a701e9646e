/**
 * The request log of a whole answering run holds no link token, no part of one, no e-mail address and
 * no answer (issue 13, row 3): matched routes are logged by their pattern, unmatched ones (a link with
 * a trailing slash or an unknown suffix, a mail client's artefact) by their first segment only, and
 * errors without the messages that quote values. Everything is logged (level trace) and scanned.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/principals.js';
import { Respondent } from './respondent-client.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';

const lines: string[] = [];
let t: TestApp;
let wave: SeededWave;

before(async () => {
  t = await createTestApp({ LOG_LEVEL: 'trace' }, { logStream: { write: (line) => lines.push(line) } });
  wave = await seedAnsweringWave(t.database, { persons: 3 });
});
after(() => t.close());

const ANSWER = 'Mijn buurman Jansen bedreigde mij';

test('a whole answering run, with odd links and bad input, logs no token, address or answer', async () => {
  const [token, second, third] = wave.tokens as [string, string, string];
  const base = `/r/${token}`;
  const r = Respondent.inject(t.app);
  // Mail-client artefacts and guesses: unmatched routes with the token in the path.
  for (const url of [`${base}/`, `${base}/xyz`, `${base}/s/`, `${base}/s/no-such-section/x`, `${base}%20`]) {
    const res = await r.get(url);
    assert.ok(res.status < 500, `${url}: ${res.status}`);
  }
  await r.get(`${base}?utm_source=${second}`);
  assert.equal((await r.get(base)).status, 200);
  assert.equal((await r.post(`${base}/start`)).status, 303);
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'een_keer',
    agr_physical_12m: 'nooit',
    bg_years_in_office: 'twaalf',
    _action: 'next',
  });
  await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'een_keer',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '12',
    _action: 'next',
  });
  await r.post(`${base}/s/melden`, {
    report_to: ['politie', 'anders'],
    report_to_anders_tekst: ANSWER,
    support_colleagues: 'ja',
    support_family: 'weet_niet',
    _action: 'next',
  });
  await r.post(`${base}/s/afsluiting`, { remarks: `${ANSWER} ${wave.emails[0]}`, _action: 'next' });
  await r.get(`${base}/check`);
  assert.equal((await r.post(`${base}/submit`)).location, `${base}/done`);
  await r.get(`${base}/done`);
  // A second respondent opts out; a third sends a form without its CSRF token, and a broken body.
  const s = Respondent.inject(t.app);
  await s.get(`/r/${second}/afmelden`);
  await s.post(`/r/${second}/afmelden`, {});
  await t.app.inject({
    method: 'POST',
    url: `/r/${third}/start`,
    payload: 'a=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await t.app.inject({
    method: 'POST',
    url: `/r/${third}/start`,
    payload: '{"x":',
    headers: { 'content-type': 'application/json' },
  });
  // Signing in with a wrong password, and an API call with a token that does not exist.
  const user = await createUser(t, {});
  await t.app.inject({
    method: 'POST',
    url: '/login',
    payload: `email=${encodeURIComponent(user.email)}&password=wrong`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await t.app.inject({
    url: `/api/v1/users?q=${encodeURIComponent(user.email)}`,
    headers: { authorization: `Bearer wb_${token}` },
  });
  await t.app.inject({ url: `/nope/${encodeURIComponent(user.email)}/${token}` });

  const log = lines.join('');
  assert.ok(lines.length > 40, `the log was captured (${lines.length} lines)`);
  const secrets = [
    ...wave.tokens.flatMap((tk) => [tk, tk.slice(0, 12), tk.slice(-12)]),
    ...wave.emails,
    user.email,
    ANSWER,
    'twaalf',
    'Jansen',
  ];
  for (const secret of secrets) assert.ok(!log.includes(secret), `the log holds ${secret}`);
  assert.match(log, /"route":"\/r\/:token\/s\/:section"|"route":"\/r\/:token/, 'matched routes by pattern');
  assert.match(log, /"route":"\/r\/\*"/, 'unmatched links by their first segment');
});
