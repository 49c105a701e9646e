/**
 * The end date is enforced: from the Dutch day after the end date the links show the closed page and
 * store nothing (the page path and the one-statement save), no invitations or reminders go out (the
 * button, the API and the hourly job), and the overview says so. Extending the date opens the links
 * again, and the reminder then names the new date.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm, type TestUser } from '../../../test/support/principals.js';
import { systemActor } from '../../platform/audit/audit.js';
import { Respondent } from '../answering/respondent-client.js';
import { type SeededWave, seedAnsweringWave } from '../answering/seed-wave.js';
import { sendDueReminders } from './invitations.js';
import { dutchToday, pastEnd } from './model.js';

let t: TestApp;
let researcher: TestUser;
let wave: SeededWave;

/** A Dutch calendar day `n` days from today. */
const dayFromToday = (n: number) =>
  new Date(Date.parse(`${dutchToday()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  t = await createTestApp();
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  wave = await seedAnsweringWave(t.database, { persons: 2, anonymity: 'confidential', name: 'Einddatum' });
});
after(() => t.close());

const setEnd = (end: string) =>
  postForm(
    t.app,
    `/waves/${wave.waveId}`,
    { name: 'Einddatum', fieldworkStart: '', fieldworkEnd: end, reminderDays: '7' },
    researcher.cookie,
  );

test('pastEnd: the end date itself is the last day to take part', () => {
  assert.equal(pastEnd({ fieldworkEnd: null }, '2026-12-07'), false);
  assert.equal(pastEnd({ fieldworkEnd: '2026-12-07' }, '2026-12-07'), false);
  assert.equal(pastEnd({ fieldworkEnd: '2026-12-06' }, '2026-12-07'), true);
  // Amsterdam, not UTC: 23:30 UTC on 6 December is already 7 December in the Netherlands.
  assert.equal(dutchToday(Date.parse('2026-12-06T23:30:00Z')), '2026-12-07');
});

test('past the end date the links take no answers and no mail goes out, until the date is extended', async () => {
  const early = Respondent.inject(t.app);
  const base = `/r/${wave.tokens[0]}`;
  assert.equal((await early.get(base)).status, 200);
  assert.equal((await early.post(`${base}/start`)).status, 303);
  assert.equal((await early.get(`${base}/s/agressie`)).status, 200);

  // The researcher sets the end date to yesterday (as if the last day had passed).
  const set = await setEnd(dayFromToday(-1));
  assert.equal(set.statusCode, 303, set.body);

  const closed = await Respondent.inject(t.app).get(`/r/${wave.tokens[1]}`);
  assert.equal(closed.status, 410);
  assert.match(closed.body, /Deze vragenlijst is gesloten/);
  // A save from a page opened before the end (the one-statement path knows the row) stores nothing.
  const save = await early.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'vaker',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '4',
    _action: 'next',
  });
  assert.equal(save.status, 410);
  const stored = await t.database.query<{ n: number }>(
    `select count(*)::int as n from responses r
      join wave_questionnaires wq on wq.questionnaire_version_id = r.questionnaire_version_id
     where wq.wave_id = $1 and r.answers ? 'agr_verbal_12m'`,
    [wave.waveId],
  );
  assert.equal(stored[0]!.n, 0);

  // No reminders: not by the API, not by the hourly job; the overview says why and offers no button.
  const api = await t.app.inject({
    method: 'POST',
    url: `/api/v1/waves/${wave.waveId}/reminders`,
    headers: { authorization: `Bearer ${researcher.bearer}` },
  });
  assert.equal(api.statusCode, 409);
  assert.equal(api.json().invalidParams[0].code, 'past_end');
  assert.equal(await sendDueReminders(t.database.db, t.app.deps.config, systemActor), 0);
  const overview = await t.app.inject({
    url: `/waves/${wave.waveId}`,
    headers: { cookie: researcher.cookie },
  });
  assert.match(overview.body, /id="past-end"/);
  assert.match(overview.body, /De einddatum van het veldwerk \(\d+ \w+ \d{4}\) is voorbij/);
  assert.doesNotMatch(overview.body, /action="\/waves\/[^"]+\/reminders"/);

  // Extending: the links work again, and the reminder states the new date.
  const newEnd = dayFromToday(30);
  assert.equal((await setEnd(newEnd)).statusCode, 303);
  assert.equal((await Respondent.inject(t.app).get(`/r/${wave.tokens[1]}`)).status, 200);
  const again = await early.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'vaker',
    agr_physical_12m: 'nooit',
    bg_years_in_office: '4',
    _action: 'next',
  });
  assert.equal(again.status, 303);
  const reminded = await t.app.inject({
    method: 'POST',
    url: `/api/v1/waves/${wave.waveId}/reminders`,
    headers: { authorization: `Bearer ${researcher.bearer}` },
  });
  assert.ok(reminded.statusCode < 300, reminded.body);
  const mails = await t.database.query<{ text_body: string }>(
    `select text_body from mail_messages where purpose = 'reminder' and to_address = any($1)`,
    [wave.emails],
  );
  assert.equal(mails.length, 2);
  const longDate = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${newEnd}T00:00:00Z`),
  );
  for (const m of mails) assert.ok(m.text_body.includes(longDate), `${longDate} in ${m.text_body}`);

  // The researcher's view of the wave's mail lists them (subject, recipient, status; no body).
  const log = await t.app.inject({
    url: `/waves/outbox?wave=${wave.waveId}&status=queued`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(log.statusCode, 200);
  assert.equal(log.body.match(/<td>Herinnering<\/td>/g)?.length, 2);
  for (const email of wave.emails) assert.ok(log.body.includes(email));
  assert.doesNotMatch(log.body, /\/r\/[A-Za-z0-9_-]{43}/);
});
