import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { cookies, createUser, csrfFor, postForm, type TestUser } from '../../../test/support/principals.js';
import { startTestSmtp } from '../../../test/support/smtp.js';
import { systemActor } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config/config.js';
import { deliverMessage } from '../../platform/mail/deliver.js';
import { recordBounce } from '../../platform/mail/mail.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { responseKeyFor } from '../answering/keys.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { queueProgressMark, recordProgress } from './progress.js';
import { latestPublishedVersionOf } from './questionnaire-link.js';

let t: TestApp;
let researcher: TestUser;
let viewer: TestUser;

before(async () => {
  t = await createTestApp();
  await t.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
  });
  researcher = await createUser(t, { platformRoles: ['researcher'] });
  viewer = await createUser(t, { platformRoles: ['viewer'] });
});
after(() => t.close());

const api = (
  method: string,
  url: string,
  user: TestUser,
  payload?: unknown,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${user.bearer}`, ...headers },
    ...(payload === undefined ? {} : { payload: payload as any }),
  });

const frameCsv = [
  'naam,email,rol,organisatie',
  'Anna,anna.h@voorbeeld.nl,raadslid,GM0363',
  'Bert,bert.h@voorbeeld.nl,wethouder,GM0363',
  'Carla,carla.h@voorbeeld.nl,statenlid,GM0363',
].join('\r\n');

test('API: problem details are in Dutch by default, in English with ?lang=en or Accept-Language: en', async () => {
  const created = await api('POST', '/api/v1/waves', researcher, { code: 'taal-2026', name: 'Taal' });
  assert.equal(created.statusCode, 201, created.body);
  const wave = created.json();

  // A state error (409): invitations need an open wave.
  const nl = await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher);
  assert.equal(nl.statusCode, 409);
  assert.match(nl.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(nl.json().title, 'Conflict met bestaande gegevens');
  assert.equal(
    nl.json().detail,
    'Uitnodigingen versturen kan nu niet, want de meting is een concept. Dat kan alleen als de meting open is.',
  );
  assert.deepEqual(nl.json().invalidParams, [
    { name: 'status', code: 'wrong_state', reason: 'De meting is een concept.' },
  ]);
  const en = await api('POST', `/api/v1/waves/${wave.id}/invitations?lang=en`, researcher);
  assert.equal(en.statusCode, 409);
  assert.equal(
    en.json().detail,
    'sending invitations is not possible while the wave is draft (only when open)',
  );
  assert.deepEqual(en.json().invalidParams, [
    { name: 'status', code: 'wrong_state', reason: 'wave is draft' },
  ]);
  const header = await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher, undefined, {
    'accept-language': 'en',
  });
  assert.equal(header.json().detail, en.json().detail);

  // A validation error from the service (400).
  const dates = { fieldworkStart: '2026-02-01', fieldworkEnd: '2026-01-01' };
  const badNl = await api('PATCH', `/api/v1/waves/${wave.id}`, researcher, dates);
  assert.equal(badNl.statusCode, 400, badNl.body);
  assert.match(badNl.json().detail, /^De einddatum van het veldwerk ligt vóór de begindatum\./);
  const badEn = await api('PATCH', `/api/v1/waves/${wave.id}?lang=en`, researcher, dates);
  assert.equal(badEn.json().detail, 'the fieldwork ends before it starts');

  // The frame report's problems (422) follow the language too.
  const csv = 'naam,email,rol,organisatie\r\nAnna,geen-adres,raadslid,GM0363';
  const reportNl = await api('POST', `/api/v1/waves/${wave.id}/frame-imports`, researcher, csv, {
    'content-type': 'text/csv',
  });
  assert.equal(reportNl.statusCode, 422, reportNl.body);
  assert.equal(reportNl.json().problems[0].message, '"geen-adres" is geen geldig e-mailadres.');
  const reportEn = await api('POST', `/api/v1/waves/${wave.id}/frame-imports?lang=en`, researcher, csv, {
    'content-type': 'text/csv',
  });
  assert.equal(reportEn.json().problems[0].code, 'invalid_email');
  assert.doesNotMatch(reportEn.json().problems[0].message, /geen geldig/);
});

test('API: bad input is problem+json with invalid params; a wave goes from draft to open', async () => {
  const bad = await api('POST', '/api/v1/waves', researcher, { code: 'has space', name: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
  const problem = bad.json();
  assert.equal(problem.code, 'validation');
  assert.ok(problem.invalidParams.some((p: any) => p.name === 'code'));
  assert.equal(
    (await api('POST', '/api/v1/waves', researcher, { code: 'x', name: 'y', extra: 1 })).statusCode,
    400,
  );
  assert.equal((await api('GET', '/api/v1/waves/not-a-uuid', researcher)).statusCode, 404);

  const created = await api('POST', '/api/v1/waves', researcher, {
    code: 'api-2026',
    name: 'API wave',
    fieldworkStart: '2026-02-01',
    fieldworkEnd: '2026-01-01',
  });
  assert.equal(created.statusCode, 400, 'end before start');
  const ok = await api('POST', '/api/v1/waves', researcher, {
    code: 'api-2026',
    name: 'API wave',
    reminderDays: [7, 14],
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const wave = ok.json();
  assert.equal(wave.status, 'draft');
  assert.equal(
    (await api('POST', '/api/v1/waves', researcher, { code: 'api-2026', name: 'Again' })).statusCode,
    409,
  );

  // Frame import with a problem: 422 and the report; nothing written.
  const failed = await api(
    'POST',
    `/api/v1/waves/${wave.id}/frame-imports?fileName=f.csv`,
    researcher,
    frameCsv,
    {
      'content-type': 'text/csv',
    },
  );
  assert.equal(failed.statusCode, 422);
  assert.deepEqual(
    failed.json().problems.map((p: any) => [p.line, p.column, p.code]),
    [[4, 'rol', 'role_not_in_layer']],
  );
  const valid = await api('POST', `/api/v1/waves/${wave.id}/frame-imports?mode=valid`, researcher, frameCsv, {
    'content-type': 'text/csv',
  });
  assert.equal(valid.statusCode, 201);
  assert.equal(valid.json().rowsImported, 2);
  const badMode = await api(
    'POST',
    `/api/v1/waves/${wave.id}/frame-imports?mode=some`,
    researcher,
    frameCsv,
    {
      'content-type': 'text/csv',
    },
  );
  assert.equal(badMode.statusCode, 400);
  const broken = await api('POST', `/api/v1/waves/${wave.id}/frame-imports`, researcher, 'naam,email\r\n"x', {
    'content-type': 'text/csv',
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().code, 'invalid-file');

  // Invitations only when open.
  assert.equal((await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher)).statusCode, 409);
  const version = await latestPublishedVersionOf(t.database.db, 'office_holders');
  const attach = await api('PUT', `/api/v1/waves/${wave.id}/questionnaires/office_holders`, researcher, {
    questionnaireVersionId: version,
  });
  assert.equal(attach.statusCode, 200, attach.body);
  assert.equal(
    (
      await api('PUT', `/api/v1/waves/${wave.id}/questionnaires/nobody`, researcher, {
        questionnaireVersionId: null,
      })
    ).statusCode,
    400,
  );
  const opened = await api('POST', `/api/v1/waves/${wave.id}/transitions`, researcher, {
    transition: 'open',
  });
  assert.equal(opened.statusCode, 200, opened.body);
  const sent = await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher);
  assert.equal(sent.statusCode, 202);
  assert.equal(sent.json().queued, 2);

  assert.equal((await api('GET', '/api/v1/waves', viewer)).statusCode, 200);
  assert.equal((await api('GET', `/api/v1/waves/${wave.id}`, viewer)).statusCode, 403);
  const rates = await api('GET', `/api/v1/waves/${wave.id}/response-rates`, viewer);
  assert.equal(rates.statusCode, 200);
  assert.equal(rates.json().breakdowns.total[0].invited, 2);
  assert.equal((await api('POST', `/api/v1/waves/${wave.id}/reminders`, viewer)).statusCode, 403);
  assert.equal((await api('GET', `/api/v1/waves/${wave.id}/responses`, viewer)).statusCode, 403);
  const reminded = await api('POST', `/api/v1/waves/${wave.id}/reminders`, researcher);
  assert.equal(reminded.statusCode, 202);
  assert.equal(reminded.json().queued, 2);

  const nr = await api('GET', `/api/v1/waves/${wave.id}/non-respondents?format=csv`, researcher);
  assert.equal(nr.statusCode, 200);
  assert.match(nr.body, /naam,email,rol,organisatie/);
  assert.match(nr.body, /anna\.h@voorbeeld\.nl/);
  const xlsx = await api('GET', `/api/v1/waves/${wave.id}/non-respondents?format=xlsx`, researcher);
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');

  // Raw responses: one row per response, multiple choice as 0/1 columns.
  await t.database.query(
    `insert into responses (wave_id, target_group, questionnaire_version_id, resume_key_hash, strata, answers, status, started_on, completed_on)
     values ($1, 'office_holders', $2, 'h1', $3, $4, 'completed', '2026-02-01', '2026-02-01')`,
    [
      wave.id,
      version,
      JSON.stringify({ layer: 'gemeente', role: 'raadslid', province: 'PV27' }),
      JSON.stringify({ agr_perpetrator: ['inwoner', 'groep'] }),
    ],
  );
  const exp = await api('GET', `/api/v1/waves/${wave.id}/responses?format=json`, researcher);
  assert.equal(exp.statusCode, 200, exp.body);
  const { columns, rows } = exp.json();
  assert.ok(columns.includes('bg_layer'));
  const col = (name: string) => rows[0][columns.indexOf(name)];
  assert.equal(col('bg_province'), 'noord_holland');
  assert.equal(col('agr_perpetrator_inwoner'), 1);
  assert.equal(col('agr_perpetrator_ondernemer'), 0);
  assert.equal(col('agr_perpetrator_groep'), 1);
  assert.ok(!columns.includes('agr_perpetrator'), 'multiple choice only as 0/1 columns');
  assert.ok(!columns.includes('email') && !columns.includes('naam'));
  const csv = await api('GET', `/api/v1/waves/${wave.id}/responses?format=csv`, researcher);
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-disposition'] as string, /api-2026-responses\.csv/);

  const preview = await api('GET', `/api/v1/waves/${wave.id}/mail-preview?kind=reminder&lang=en`, researcher);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.json().text, /Dear Ms J\. de Vries/);
});

test('pages: list, new wave form with errors, overview, frame upload (multipart) with the problem table, mail, monitoring', async () => {
  const c = researcher.cookie;
  const list = await t.app.inject({ url: '/waves', headers: { cookie: c } });
  assert.equal(list.statusCode, 200);
  const bad = await postForm(t.app, '/waves', { code: '', name: '', reminderDays: 'x' }, c);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /error-summary/);
  const created = await postForm(
    t.app,
    '/waves',
    { code: 'page-2026', name: 'Pagina-meting', anonymity: 'anonymous', reminderDays: '5, 10' },
    c,
  );
  assert.equal(created.statusCode, 303, created.body);
  const url = created.headers.location as string;
  const waveId = /\/waves\/([0-9a-f-]+)/.exec(url)![1]!;
  const overview = await t.app.inject({ url, headers: { cookie: c } });
  assert.equal(overview.statusCode, 200);
  assert.match(overview.body, /Pagina-meting/);
  assert.match(overview.body, /De meting is aangemaakt/);

  // Upload a frame file as a browser would: multipart/form-data with _csrf.
  const csrf = await csrfFor(t.app, { url: `/waves/${waveId}/frame`, cookie: c });
  const boundary = '----weerbaar';
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf.token}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="targetGroup"\r\n\r\noffice_holders\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nall\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="kader.csv"\r\nContent-Type: text/csv\r\n\r\n${frameCsv.replace('anna.h', 'anna.p').replace('bert.h', 'bert.p')}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  const upload = await t.app.inject({
    method: 'POST',
    url: `/waves/${waveId}/frame`,
    headers: { cookie: cookies(c, csrf.cookie), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  assert.equal(upload.statusCode, 422, upload.body.slice(0, 500));
  assert.match(upload.body, /<th scope="col" class="num">Regel<\/th>/);
  assert.match(upload.body, /<td class="num">4<\/td><td>rol<\/td>/);
  assert.match(upload.body, /Er is niets geïmporteerd/);

  const noFile = await t.app.inject({
    method: 'POST',
    url: `/waves/${waveId}/frame`,
    headers: { cookie: cookies(c, csrf.cookie), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf.token}\r\n--${boundary}--\r\n`,
  });
  assert.equal(noFile.statusCode, 400);

  for (const page of ['frame', 'mail', 'monitoring']) {
    const res = await t.app.inject({ url: `/waves/${waveId}/${page}`, headers: { cookie: c } });
    assert.equal(res.statusCode, 200, `${page}: ${res.body.slice(0, 300)}`);
    assert.doesNotMatch(res.body, /style=/);
  }
  const monitoring = await t.app.inject({
    url: `/waves/${waveId}/monitoring`,
    headers: { cookie: viewer.cookie },
  });
  assert.equal(monitoring.statusCode, 200);
  assert.match(monitoring.body, /<caption>/);
  assert.doesNotMatch(monitoring.body, /Nog niet meegeteld/);
  // Progress of an anonymous wave waiting for its batch: the page states the lag.
  await queueProgressMark(t.database.db, randomBytes(32), waveId, randomUUID(), 'completed');
  const lagging = await t.app.inject({ url: `/waves/${waveId}/monitoring`, headers: { cookie: c } });
  assert.match(lagging.body, /Nog niet meegeteld: 1 keer begonnen of afgerond/);
  const api1 = await api('GET', `/api/v1/waves/${waveId}/response-rates`, researcher);
  assert.equal(api1.json().pendingProgress, 1);
  assert.equal(
    (await t.app.inject({ url: `/waves/${waveId}/frame`, headers: { cookie: viewer.cookie } })).statusCode,
    403,
  );

  // Mail templates: an unknown placeholder is refused next to its field.
  const form: Record<string, string> = {};
  for (const kind of ['invitation', 'reminder']) {
    for (const lang of ['nl', 'en']) {
      form[`${kind}-${lang}-subject`] = 'Onderwerp';
      form[`${kind}-${lang}-body`] = 'Beste {naam}, {link} {afmeldlink}';
    }
  }
  const badMail = await postForm(
    t.app,
    `/waves/${waveId}/mail`,
    { ...form, 'reminder-en-body': 'Hello {name}' },
    c,
  );
  assert.equal(badMail.statusCode, 400);
  assert.match(badMail.body, /reminder-en-body-error/);
  const goodMail = await postForm(t.app, `/waves/${waveId}/mail`, form, c);
  assert.equal(goodMail.statusCode, 303);
  const mailPage = await t.app.inject({ url: `/waves/${waveId}/mail`, headers: { cookie: c } });
  assert.match(mailPage.body, /Beste mevrouw J\. de Vries/);

  const open = await postForm(t.app, `/waves/${waveId}/open`, {}, c);
  assert.equal(open.statusCode, 409, 'no questionnaire, no frame');

  // Import the valid rows, then empty the frame again (draft only).
  const part = await api(
    'POST',
    `/api/v1/waves/${waveId}/frame-imports?mode=valid`,
    researcher,
    frameCsv.replaceAll('.h@', '.c@'),
    {
      'content-type': 'text/csv',
    },
  );
  assert.equal(part.json().rowsImported, 2);
  const cleared = await postForm(t.app, `/waves/${waveId}/frame/clear`, {}, c);
  assert.equal(cleared.statusCode, 303);
  assert.equal((await api('GET', `/api/v1/waves/${waveId}/frame`, researcher)).json().counts.length, 0);
  assert.equal((await api('DELETE', `/api/v1/waves/${waveId}/frame`, researcher)).json().removed, 0);
});

test('opt-out page: GET asks, POST opts out, an unknown link is a friendly 404', async () => {
  const ok = await api('POST', '/api/v1/waves', researcher, { code: 'optout-2026', name: 'Opt-out wave' });
  const wave = ok.json();
  await api(
    'POST',
    `/api/v1/waves/${wave.id}/frame-imports`,
    researcher,
    'naam,email,rol,organisatie\r\nO,o@voorbeeld.nl,raadslid,GM0363\r\n',
    {
      'content-type': 'text/csv',
    },
  );
  const version = await latestPublishedVersionOf(t.database.db, 'office_holders');
  await api('PUT', `/api/v1/waves/${wave.id}/questionnaires/office_holders`, researcher, {
    questionnaireVersionId: version,
  });
  await api('POST', `/api/v1/waves/${wave.id}/transitions`, researcher, { transition: 'open' });
  await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher);
  const [mail] = await t.database.query<{ text_body: string }>(
    "select text_body from mail_messages where to_address = 'o@voorbeeld.nl' and purpose = 'invitation'",
  );
  const optOutUrl = /https?:\/\/[^\s]+\/r\/([A-Za-z0-9_-]+)\/afmelden/.exec(mail!.text_body)!;
  const path = `/r/${optOutUrl[1]}/afmelden`;
  const page = await t.app.inject({ url: path });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ja, meld mij af/);
  const csrf = await csrfFor(t.app, { url: path });
  const post = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(csrf.token)}`,
  });
  assert.equal(post.statusCode, 200);
  assert.match(post.body, /U bent afgemeld/);
  const [p] = await t.database.query<{ opted_out_at: Date | null }>(
    "select opted_out_at from frame_persons where email = 'o@voorbeeld.nl'",
  );
  // An anonymous wave: the opt-out waits in a sealed mark (./opt-out.ts); the page already says so.
  assert.equal(p!.opted_out_at, null);
  assert.match((await t.app.inject({ url: path })).body, /U bent afgemeld/);
  // The close's job records it.
  await api('POST', `/api/v1/waves/${wave.id}/transitions`, researcher, { transition: 'close' });
  await recordProgress(t.database.db, responseKeyFor(t.app.deps.config), wave.id);
  const rates = (await api('GET', `/api/v1/waves/${wave.id}/response-rates`, researcher)).json();
  assert.equal(rates.breakdowns.total[0].optedOut, 1);
  const unknown = await t.app.inject({ url: `/r/${'x'.repeat(43)}/afmelden` });
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /niet \(meer\) geldig/);
});

test('a large frame is invited by the background job; the job is idempotent', async () => {
  const { inviteJob } = await import('./jobs.js');
  const { loadConfig } = await import('../../platform/config/config.js');
  const wave = (
    await api('POST', '/api/v1/waves', researcher, { code: 'big-2026', name: 'Big wave' })
  ).json();
  const rows = Array.from({ length: 1001 }, (_, i) => `P${i},big${i}@voorbeeld.nl,raadslid,GM0363`);
  const imp = await api(
    'POST',
    `/api/v1/waves/${wave.id}/frame-imports`,
    researcher,
    ['naam,email,rol,organisatie', ...rows].join('\n'),
    {
      'content-type': 'text/csv',
    },
  );
  assert.equal(imp.statusCode, 201);
  const version = await latestPublishedVersionOf(t.database.db, 'office_holders');
  await api('PUT', `/api/v1/waves/${wave.id}/questionnaires/office_holders`, researcher, {
    questionnaireVersionId: version,
  });
  await api('POST', `/api/v1/waves/${wave.id}/transitions`, researcher, { transition: 'open' });
  const sent = await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher);
  assert.equal(sent.statusCode, 202);
  assert.equal(sent.json().queued, 0);
  assert.ok(sent.json().jobId);
  const [job] = await t.database.query<{ data: any }>(
    "select data from pgboss.job where name = 'fieldwork.invite'",
  );
  const ctx = {
    database: t.database,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    jobId: 'x',
    attempt: 1,
    lastAttempt: false,
    log: { info() {}, warn() {}, error() {} },
  };
  await inviteJob.handler(job!.data, ctx);
  await inviteJob.handler(job!.data, ctx); // a retry sends nothing twice
  const [n] = await t.database.query<{ n: number }>(
    "select count(*)::int as n from mail_messages where purpose = 'invitation' and to_address like 'big%@voorbeeld.nl'",
  );
  assert.equal(n!.n, 1001);
});

test('mail that did not arrive is shown per person on the monitoring page (to researchers) and in the non-respondent export', async () => {
  const wave = (
    await api('POST', '/api/v1/waves', researcher, { code: 'bounce-2026', name: 'Bounces' })
  ).json();
  await api(
    'POST',
    `/api/v1/waves/${wave.id}/frame-imports`,
    researcher,
    frameCsv.replaceAll('.h@', '.b@').replace('statenlid', 'raadslid'),
    { 'content-type': 'text/csv' },
  );
  const version = await latestPublishedVersionOf(t.database.db, 'office_holders');
  await api('PUT', `/api/v1/waves/${wave.id}/questionnaires/office_holders`, researcher, {
    questionnaireVersionId: version,
  });
  await api('POST', `/api/v1/waves/${wave.id}/transitions`, researcher, { transition: 'open' });
  await api('POST', `/api/v1/waves/${wave.id}/invitations`, researcher);
  const mails = await t.database.query<{ id: string; to_address: string }>(
    "select id, to_address from mail_messages where to_address like '%.b@voorbeeld.nl' and purpose = 'invitation' order by to_address",
  );
  assert.equal(mails.length, 3);
  const [anna, bert, carla] = mails;

  // Bert's server refuses for good, Carla's accepts; Anna's invitation bounces after delivery.
  const smtp = await startTestSmtp();
  smtp.reply = (_n, raw) =>
    raw.includes('bert.b@') ? { code: 550, message: '5.1.1 no such user' } : undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_STARTTLS: 'off',
    });
    const ctx = { lastAttempt: false, log: { info() {}, warn() {}, error() {} } };
    for (const m of mails) await deliverMessage(t.database, config, m.id, ctx);
  } finally {
    await smtp.close();
  }
  assert.equal(await recordBounce(t.database.db, { id: anna!.id }, '5.2.2 mailbox full'), true);

  const page = await t.app.inject({
    url: `/waves/${wave.id}/monitoring`,
    headers: { cookie: researcher.cookie },
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /E-mail die niet aankwam/);
  const rowOf = (email: string) =>
    [...page.body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) => r[1]!).find((r) => r.includes(email));
  assert.match(rowOf(anna!.to_address) ?? '', /Onbestelbaar.*5\.2\.2 mailbox full/s);
  assert.match(rowOf(bert!.to_address) ?? '', /Uitnodiging.*Niet verstuurd.*550/s);
  assert.equal(rowOf(carla!.to_address), undefined, 'delivered mail is not listed');
  const other = (
    await api('POST', '/api/v1/waves', researcher, { code: 'bounce-other', name: 'Other' })
  ).json();
  const otherPage = await t.app.inject({
    url: `/waves/${other.id}/monitoring`,
    headers: { cookie: researcher.cookie },
  });
  assert.doesNotMatch(otherPage.body, /\.b@voorbeeld\.nl/, 'only the wave’s own persons');
  assert.match(otherPage.body, /Alle e-mail is aangekomen/);

  const viewerPage = await t.app.inject({
    url: `/waves/${wave.id}/monitoring`,
    headers: { cookie: viewer.cookie },
  });
  assert.equal(viewerPage.statusCode, 200);
  assert.doesNotMatch(viewerPage.body, /\.b@voorbeeld\.nl/, 'viewers see rates, not names and addresses');

  const exported = (
    await api('GET', `/api/v1/waves/${wave.id}/non-respondents?format=json`, researcher)
  ).json();
  const col = (name: string) => exported.columns.indexOf(name);
  const row = (email: string) => exported.rows.find((r: unknown[]) => r[col('email')] === email);
  assert.deepEqual(
    [col('niet_bezorgd'), col('niet_bezorgd_mail'), col('niet_bezorgd_reden')].map(
      (i) => row(anna!.to_address)[i],
    ),
    ['bounced', 'uitnodiging', '5.2.2 mailbox full'],
  );
  assert.equal(row(bert!.to_address)[col('niet_bezorgd')], 'failed');
  assert.match(row(bert!.to_address)[col('niet_bezorgd_reden')], /550/);
  assert.equal(row(carla!.to_address)[col('niet_bezorgd')], null);
  assert.match(row(anna!.to_address)[col('niet_bezorgd_op')], /^\d{4}-\d{2}-\d{2}$/);
});
