import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestDatabase } from '../../../test/support/database.js';
import { systemActor } from '../../platform/audit/audit.js';
import { hashSecret } from '../../platform/auth/tokens.js';
import { loadConfig } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { AppError } from '../../platform/errors.js';
import { deliverMessage } from '../../platform/mail/deliver.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { responseKeyFor } from '../answering/keys.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { frameCounts, frameTotals, importFrame } from './frame-service.js';
import {
  findInvitationByToken,
  inviteAll,
  markInvitationStatus,
  nonRespondents,
  sendReminders,
} from './invitations.js';
import { responseRates } from './monitoring.js';
import { optOut as optOutWithKey } from './opt-out.js';
import { latestPublishedVersionOf } from './questionnaire-link.js';
import { createWave, getWave, setWaveQuestionnaire, transitionWave, updateWave } from './waves-service.js';

let database: Database;
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://weerbaar.test' });
const actor = systemActor;
let seq = 0;
const optOut = (db: Database['db'], token: string) => optOutWithKey(db, responseKeyFor(config), token);

before(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
  });
});
after(() => database.close());

const db = () => database.db;
const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const count = async (sql: string, params: unknown[] = []) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

async function newWave(anonymity: 'anonymous' | 'confidential' = 'anonymous') {
  seq++;
  return createWave(
    db(),
    { code: `w${seq}`, name: `Wave ${seq}`, anonymity, fieldworkEnd: '2099-03-31' },
    actor,
  );
}

async function openWave(persons: string[], anonymity: 'anonymous' | 'confidential' = 'anonymous') {
  const wave = await newWave(anonymity);
  const officeHolders = await latestPublishedVersionOf(db(), 'office_holders');
  assert.ok(officeHolders, 'the office-holders template is loaded');
  await setWaveQuestionnaire(db(), wave.id, 'office_holders', officeHolders!, actor);
  const r = await importFrame(
    db(),
    wave.id,
    {
      fileName: 'f.csv',
      data: csv(['naam,email,rol,organisatie', ...persons]),
      targetGroup: 'office_holders',
    },
    actor,
  );
  assert.equal(r.written, true, JSON.stringify(r.problems));
  await transitionWave(db(), wave.id, 'open', actor);
  return wave;
}

const badFile = [
  'naam,email,rol,organisatie,geslacht,district',
  'Anna de Vries,anna@voorbeeld.nl,raadslid,GM0363,vrouw,Noord', // 2 ok
  'Bert Bakker,bert@voorbeeld.nl,raadslid,GM9999,man,', // 3 unknown organisation
  'Anna Tweemaal,ANNA@voorbeeld.nl,wethouder,GM0363,,', // 4 duplicate e-mail (case-insensitive)
  'Carla,carla@@voorbeeld,raadslid,GM0363,,', // 5 invalid address
  'Dirk,dirk@voorbeeld.nl,koning,GM0363,,', // 6 unknown role
  'Eva,eva@voorbeeld.nl,statenlid,GM0363,,', // 7 role not in a gemeente
  'Fien,fien@voorbeeld.nl,gedeputeerde,PV26,vrouw,', // 8 ok
  'Gijs,gijs@voorbeeld.nl,dijkgraaf,ws0155,x,', // 9 invalid gender
];

test('frame problems are reported with line and column; all-or-nothing writes nothing', async () => {
  const wave = await newWave();
  const auditBefore = await count('audit_log');
  const r = await importFrame(
    db(),
    wave.id,
    { fileName: 'kader.csv', data: csv(badFile), targetGroup: 'office_holders' },
    actor,
  );
  assert.equal(r.written, false);
  assert.equal(r.rowsRead, 8);
  assert.equal(r.rowsImported, 0);
  assert.equal(r.rowsRejected, 6);
  const got = r.problems.map((p) => [p.line, p.column, p.code]);
  assert.deepEqual(got, [
    [3, 'organisatie', 'unknown_organisation'],
    [4, 'email', 'duplicate_email_in_file'],
    [5, 'email', 'invalid_email'],
    [6, 'rol', 'unknown_role'],
    [7, 'rol', 'role_not_in_layer'],
    [9, 'geslacht', 'invalid_gender'],
  ]);
  // Character column of the value in the CSV line: "Bert Bakker,bert@voorbeeld.nl,raadslid," → 40
  assert.equal(r.problems[0]!.position, 'Bert Bakker,bert@voorbeeld.nl,raadslid,'.length + 1);
  assert.match(r.problems[1]!.message, /line 2/);
  assert.equal(await count('frame_persons where wave_id = $1', [wave.id]), 0);
  assert.equal(await count('frame_imports where wave_id = $1', [wave.id]), 0);
  assert.equal(
    await count('audit_log'),
    auditBefore,
    'a failed import changes nothing, not even the audit log',
  );
});

test('mode "valid" imports the good rows, copies strata from the organisation and keeps free columns', async () => {
  const wave = await newWave();
  const r = await importFrame(
    db(),
    wave.id,
    { fileName: 'kader.csv', data: csv(badFile), targetGroup: 'office_holders', mode: 'valid' },
    actor,
  );
  assert.equal(r.written, true);
  assert.equal(r.rowsImported, 2);
  assert.equal(r.rowsRejected, 6);
  const rows = await database.query<any>(
    'select email, role, layer, province_code, size_class, gender, strata from frame_persons where wave_id = $1 order by email',
    [wave.id],
  );
  assert.deepEqual(
    rows.map((p) => [p.email, p.role, p.layer, p.province_code, p.size_class, p.gender]),
    [
      ['anna@voorbeeld.nl', 'raadslid', 'gemeente', 'PV27', 'vanaf_100k', 'vrouw'],
      ['fien@voorbeeld.nl', 'gedeputeerde', 'provincie', 'PV26', 'nvt', 'vrouw'],
    ],
  );
  assert.deepEqual(rows[0].strata, { district: 'Noord' });
  // A second import: the same address again is a duplicate against the frame.
  const again = await importFrame(
    db(),
    wave.id,
    {
      fileName: 'k2.csv',
      data: csv(['naam,email,rol,organisatie', 'Anna,anna@voorbeeld.nl,raadslid,GM0363']),
      targetGroup: 'office_holders',
    },
    actor,
  );
  assert.equal(again.written, false);
  assert.equal(again.problems[0]!.code, 'duplicate_email_in_frame');
  assert.deepEqual(
    frameTotals(await frameCounts(db(), wave.id), ['layer']).map((x) => [x.layer, x.n]),
    [
      ['gemeente', 1],
      ['provincie', 1],
    ],
  );
});

test('XLSX frames, missing columns, and one contact per organisation for organisation policy', async () => {
  const wave = await newWave('confidential');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('kader');
  ws.addRow(['Naam', 'E-mail', 'Rol', 'Organisatie']);
  ws.addRow(['Sec Utrecht', 'sec@utrecht.voorbeeld.nl', 'secretaris', 'GM0344']);
  ws.addRow(['Griffier Utrecht', 'griffie@utrecht.voorbeeld.nl', 'griffier', 'GM0344']);
  ws.addRow(['Raadslid', 'raad@utrecht.voorbeeld.nl', 'raadslid', 'GM0344']);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const r = await importFrame(
    db(),
    wave.id,
    { fileName: 'kader.xlsx', data, targetGroup: 'organisation_policy' },
    actor,
  );
  assert.deepEqual(
    r.problems.map((p) => [p.line, p.column, p.position, p.code]),
    [
      [3, 'organisatie', 4, 'second_contact'],
      [4, 'rol', 3, 'role_not_in_target_group'],
      [4, 'organisatie', 4, 'second_contact'],
    ],
  );
  const missing = await importFrame(
    db(),
    wave.id,
    { fileName: 'x.csv', data: csv(['naam,rol', 'A,raadslid']), targetGroup: 'office_holders' },
    actor,
  );
  assert.deepEqual(
    missing.problems.map((p) => p.code),
    ['missing_column', 'missing_column'],
  );
  await assert.rejects(
    importFrame(
      db(),
      wave.id,
      { fileName: 'broken.csv', data: csv(['naam,email', '"open,x']), targetGroup: 'office_holders' },
      actor,
    ),
    (e: AppError) => e.code === 'invalid-file' && e.location?.line === 2,
  );
});

test('state machine: what may change in which state', async () => {
  const wave = await newWave();
  const conflict = (e: AppError) => e.code === 'conflict';
  await assert.rejects(transitionWave(db(), wave.id, 'open', actor), /questionnaire/);
  const policy = await latestPublishedVersionOf(db(), 'organisation_policy');
  await assert.rejects(
    setWaveQuestionnaire(db(), wave.id, 'organisation_policy', policy!, actor),
    (e: AppError) => e.invalidParams[0]?.code === 'policy_not_anonymous',
  );
  await assert.rejects(
    setWaveQuestionnaire(db(), wave.id, 'office_holders', '00000000-0000-0000-0000-000000000000', actor),
    (e: AppError) => e.invalidParams[0]?.code === 'unknown_version',
  );
  const oh = await latestPublishedVersionOf(db(), 'office_holders');
  await setWaveQuestionnaire(db(), wave.id, 'office_holders', oh!, actor);
  await assert.rejects(transitionWave(db(), wave.id, 'open', actor), /frame/);
  await assert.rejects(inviteAll(db(), config, wave.id, actor), conflict);
  await importFrame(
    db(),
    wave.id,
    {
      fileName: 'f.csv',
      data: csv(['naam,email,rol,organisatie', 'A,a@voorbeeld.nl,raadslid,GM0363']),
      targetGroup: 'office_holders',
    },
    actor,
  );
  const opened = await transitionWave(db(), wave.id, 'open', actor);
  assert.equal(opened.status, 'open');
  assert.ok(opened.openedAt);
  await assert.rejects(updateWave(db(), wave.id, { anonymity: 'named' }, actor), conflict);
  await assert.rejects(setWaveQuestionnaire(db(), wave.id, 'office_holders', null, actor), conflict);
  await updateWave(db(), wave.id, { name: 'Renamed while open', reminderDays: [10] }, actor);
  await assert.rejects(transitionWave(db(), wave.id, 'open', actor), conflict);
  await transitionWave(db(), wave.id, 'close', actor);
  await assert.rejects(
    importFrame(
      db(),
      wave.id,
      {
        fileName: 'f.csv',
        data: csv(['naam,email,rol,organisatie', 'B,b@voorbeeld.nl,raadslid,GM0363']),
        targetGroup: 'office_holders',
      },
      actor,
    ),
    conflict,
  );
  await assert.rejects(updateWave(db(), wave.id, { name: 'x' }, actor), conflict);
  await assert.rejects(sendReminders(db(), config, wave.id, actor, { mode: 'now' }), conflict);
  await transitionWave(db(), wave.id, 'reopen', actor);
  await transitionWave(db(), wave.id, 'close', actor);
  await transitionWave(db(), wave.id, 'archive', actor);
  await assert.rejects(transitionWave(db(), wave.id, 'reopen', actor), conflict);
  assert.equal((await getWave(db(), wave.id)).status, 'archived');
  const audits = await database.query<{ action: string }>(
    "select action from audit_log where resource_id = $1 and action like 'wave.%' order by seq",
    [wave.id],
  );
  assert.deepEqual(
    audits.map((a) => a.action),
    [
      'wave.create',
      'wave.questionnaire',
      'wave.open',
      'wave.update',
      'wave.close',
      'wave.reopen',
      'wave.close',
      'wave.archive',
    ],
  );
});

function tokensFromMail(rows: Array<{ text_body: string }>): string[] {
  return rows.flatMap((r) =>
    [...r.text_body.matchAll(/https:\/\/weerbaar\.test\/r\/([A-Za-z0-9_-]+)(?![A-Za-z0-9_/-])/g)].map(
      (m) => m[1]!,
    ),
  );
}

test('invitations: one per person, tokens only hashed in the tables, visible in the outbox mail; idempotent', async () => {
  const wave = await openWave([
    'Anna,anna.i@voorbeeld.nl,raadslid,GM0363',
    'Bert,bert.i@voorbeeld.nl,burgemeester,GM0363',
    'Carla,carla.i@voorbeeld.nl,gedeputeerde,PV26',
  ]);
  const r = await inviteAll(db(), config, wave.id, actor);
  assert.equal(r.queued, 3);
  assert.equal((await inviteAll(db(), config, wave.id, actor)).queued, 0, 'a second run sends nothing');
  const mails = await database.query<{
    text_body: string;
    to_address: string;
    idempotency_key: string;
    subject: string;
    redact_after_send: boolean;
  }>(
    "select text_body, to_address, idempotency_key, subject, redact_after_send from mail_messages where purpose = 'invitation' and to_address like '%.i@voorbeeld.nl' order by to_address",
  );
  assert.equal(mails.length, 3);
  assert.ok(
    mails.every((m) => m.redact_after_send),
    'the personal link is removed once SMTP accepted the mail',
  );
  const [jobs] = await database.query<{ n: number }>(
    "select count(*)::int as n from job_keys where queue = 'mail.send' and key in (select id::text from mail_messages where to_address like '%.i@voorbeeld.nl')",
  );
  assert.equal(jobs!.n, 3, 'one mail.send job per invitation');
  assert.match(mails[0]!.text_body, /Beste Anna/);
  assert.match(mails[0]!.text_body, /Gemeente Amsterdam|Amsterdam/);
  assert.match(mails[0]!.text_body, /31 maart 2099/);
  assert.match(mails[0]!.text_body, /\/afmelden/);
  const tokens = tokensFromMail(mails);
  assert.equal(tokens.length, 3);
  for (const token of tokens) {
    assert.ok(token.length >= 43, '256-bit tokens');
    const found = await findInvitationByToken(db(), token);
    assert.ok(found);
    assert.equal(found.invitation.tokenHash, hashSecret(token));
    assert.equal(found.wave.id, wave.id);
    assert.ok(found.questionnaireVersionId);
  }
  // No table but the outbox holds a token.
  const tables = await database.query<{ schema: string; name: string }>(
    "select table_schema as schema, table_name as name from information_schema.tables where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'",
  );
  for (const t of tables) {
    if (t.name === 'mail_messages') continue;
    for (const token of tokens) {
      const n = await count(`"${t.schema}"."${t.name}" x where x::text like $1`, [`%${token}%`]);
      assert.equal(n, 0, `token found in ${t.schema}.${t.name}`);
    }
  }
  assert.equal(await findInvitationByToken(db(), 'not-a-token'), undefined);
  assert.equal(await findInvitationByToken(db(), 'A'.repeat(43)), undefined);
});

test('reminders go only to those not completed and not opted out; due per schedule; opt-out honoured', async () => {
  const wave = await openWave([
    'Done,done.r@voorbeeld.nl,raadslid,GM0363',
    'Started,started.r@voorbeeld.nl,raadslid,GM0363',
    'Fresh,fresh.r@voorbeeld.nl,raadslid,GM0363',
    // Another stratum cell: in an anonymous wave a round defers a cell with 1–9 new opt-outs
    // (./reminder-gate.ts; tested in ./opt-out.db.test.ts), and this test is about the others.
    'Leaver,leaver.r@voorbeeld.nl,wethouder,GM0363',
  ]);
  await inviteAll(db(), config, wave.id, actor);
  const mails = await database.query<{ text_body: string; to_address: string }>(
    "select text_body, to_address from mail_messages where purpose = 'invitation' and to_address like '%.r@voorbeeld.nl'",
  );
  const tokenOf = (who: string) => tokensFromMail(mails.filter((m) => m.to_address.startsWith(who)))[0]!;
  const done = await findInvitationByToken(db(), tokenOf('done'));
  const started = await findInvitationByToken(db(), tokenOf('started'));
  await markInvitationStatus(db(), done!.invitation.id, 'started');
  await markInvitationStatus(db(), done!.invitation.id, 'completed');
  await markInvitationStatus(db(), done!.invitation.id, 'started'); // never goes back
  await markInvitationStatus(db(), started!.invitation.id, 'started');
  assert.equal(await optOut(db(), tokenOf('leaver')), true);
  assert.equal(await optOut(db(), tokenOf('leaver')), true, 'idempotent');
  assert.equal(await optOut(db(), 'B'.repeat(43)), false);

  // Schedule [7, 14]: nothing is due a day later, the first reminder a week later.
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
  assert.equal((await sendReminders(db(), config, wave.id, actor, { mode: 'due', at: inDays(1) })).queued, 0);
  assert.equal((await sendReminders(db(), config, wave.id, actor, { mode: 'due', at: inDays(8) })).queued, 2);
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'due', at: inDays(8) })).queued,
    0,
    'not twice',
  );
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'now' })).queued,
    0,
    'not again within the hour',
  );
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'due', at: inDays(15) })).queued,
    2,
  );
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'due', at: inDays(30) })).queued,
    0,
    'schedule exhausted',
  );

  const reminders = await database.query<{ to_address: string; text_body: string; idempotency_key: string }>(
    "select to_address, text_body, idempotency_key from mail_messages where purpose = 'reminder' and to_address like '%.r@voorbeeld.nl' order by created_at, to_address",
  );
  assert.deepEqual([...new Set(reminders.map((m) => m.to_address))].sort(), [
    'fresh.r@voorbeeld.nl',
    'started.r@voorbeeld.nl',
  ]);
  // An anonymous wave: whoever started and whoever did not both get a new link, with the same text,
  // and keep the earlier one (a round that treated them differently would write who had started).
  const startedMail = reminders.find((m) => m.to_address.startsWith('started'))!;
  assert.equal(tokensFromMail([startedMail]).length, 1);
  assert.match(
    startedMail.text_body,
    /Bent u al begonnen\? Ga dan verder met de link uit de e-mail waarmee u begon/,
  );
  assert.ok(await findInvitationByToken(db(), tokenOf('started')), 'the started link still works');
  const freshMails = reminders.filter((m) => m.to_address.startsWith('fresh'));
  const newest = tokensFromMail([freshMails[freshMails.length - 1]!])[0]!;
  const found = await findInvitationByToken(db(), newest);
  assert.equal(found?.framePerson.email, 'fresh.r@voorbeeld.nl');
  assert.equal(
    (await findInvitationByToken(db(), tokenOf('fresh')))?.invitation.id,
    found?.invitation.id,
    'the earlier link keeps working',
  );

  const rates = await responseRates(db(), wave.id);
  const total = rates.breakdowns.total[0]!;
  assert.deepEqual(
    {
      frame: total.frame,
      invited: total.invited,
      started: total.started,
      completed: total.completed,
      optedOut: total.optedOut,
      reminders: total.remindersSent,
    },
    // An anonymous wave: the opt-out waits in a sealed mark (the rounds above skipped the person)
    // until the close records it (./opt-out.ts).
    { frame: 4, invited: 4, started: 2, completed: 1, optedOut: 0, reminders: 4 },
  );
  assert.equal(total.responseRate, 0.25);
  assert.deepEqual(
    rates.breakdowns.layer_role.map((r) => [r.label, r.frame]),
    [
      ['gemeente · raadslid', 3],
      ['gemeente · wethouder', 1],
    ],
  );
  // A name, not a CBS code (issue 12): Amsterdam is GM0363.
  assert.equal(rates.breakdowns.organisation[0]!.label, 'Amsterdam');

  // The follow-up list leaves out a waiting opt-out only once a round has shown it (with at least 9
  // others of its cell): the leaver's is not, so the list keeps them (docs/anonymity.md).
  const nr = await nonRespondents(db(), wave.id, responseKeyFor(config));
  assert.deepEqual(nr.map((p) => p.email).sort(), [
    'fresh.r@voorbeeld.nl',
    'leaver.r@voorbeeld.nl',
    'started.r@voorbeeld.nl',
  ]);
});

test('opting out (confidential wave) cancels the invitation and reminder still queued: their jobs send nothing; later reminders skip the person', async () => {
  const wave = await openWave(
    ['Quitter,quitter.o@voorbeeld.nl,raadslid,GM0363', 'Stayer,stayer.o@voorbeeld.nl,raadslid,GM0363'],
    'confidential',
  );
  await inviteAll(db(), config, wave.id, actor);
  const mailConfig = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }); // no SMTP_HOST: the outbox
  const deliver = (id: string) =>
    deliverMessage(database, mailConfig, id, {
      lastAttempt: false,
      log: { info() {}, warn() {}, error() {} },
    });
  const mailsOf = () =>
    database.query<{ id: string; to_address: string; purpose: string; status: string; text_body: string }>(
      "select id, to_address, purpose, status, text_body from mail_messages where to_address like '%.o@voorbeeld.nl' order by to_address, created_at",
    );
  const invitationsSent = await mailsOf();
  const stayerInvitation = invitationsSent.find((m) => m.to_address.startsWith('stayer'))!;
  assert.equal((await deliver(stayerInvitation.id)).status, 'sent');
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'now', minHoursSinceLast: 0 })).queued,
    2,
  );
  // The reminder gave the person a new link: opt out with it.
  const reminder = (await mailsOf()).filter(
    (m) => m.to_address.startsWith('quitter') && m.purpose === 'reminder',
  );
  const token = tokensFromMail(reminder)[0]!;
  assert.equal(await optOut(db(), token), true);

  const after = await mailsOf();
  assert.deepEqual(
    after.map((m) => [m.to_address.split('.')[0], m.purpose, m.status]),
    [
      ['quitter', 'invitation', 'cancelled'],
      ['quitter', 'reminder', 'cancelled'],
      ['stayer', 'invitation', 'sent'],
      ['stayer', 'reminder', 'queued'],
    ],
  );
  // The jobs of the cancelled messages still run, and send nothing.
  for (const m of after.filter((m) => m.status === 'cancelled')) {
    assert.deepEqual(await deliver(m.id), { status: 'already', current: 'cancelled' });
  }
  assert.equal((await deliver(after[3]!.id)).status, 'sent', 'the other person still gets theirs');
  const [logged] = await database.query<{ diff: { cancelledMail: number } }>(
    "select diff from audit_log where action = 'wave.frame.optout' and diff->>'waveId' = $1",
    [wave.id],
  );
  assert.equal(logged?.diff.cancelledMail, 2);
  assert.equal(
    (await sendReminders(db(), config, wave.id, actor, { mode: 'now', minHoursSinceLast: 0 })).queued,
    1,
    'only the one who did not opt out',
  );
});

test('demo step: an open demo wave with 60 persons, invitations in the outbox; runs once', async () => {
  const step = (await import('./demo-step.js')).default;
  await database.db.transaction((tx) => step.run(tx, actor));
  await database.db.transaction((tx) => step.run(tx, actor));
  const [wave] = await database.query<{ id: string; status: string }>(
    "select id, status from waves where code = 'monitor-2026-demo'",
  );
  assert.equal(wave!.status, 'open');
  assert.equal(await count('frame_persons where wave_id = $1', [wave!.id]), 60);
  assert.equal(await count('invitations where wave_id = $1', [wave!.id]), 60);
  assert.equal(
    await count("mail_messages where purpose = 'invitation' and to_address like 'demo.%@voorbeeld.nl'"),
    60,
  );
});

test('parallel invitation batches give everyone exactly one invitation and one mail', async () => {
  const wave = await openWave(
    Array.from({ length: 9 }, (_, i) => `P${i},par${i}.p@voorbeeld.nl,raadslid,GM0363`),
  );
  const parallel = database.kind === 'postgres' ? 3 : 1;
  const r = await inviteAll(db(), config, wave.id, actor, undefined, 2, parallel);
  assert.equal(r.queued, 9);
  assert.equal(await count('invitations where wave_id = $1', [wave.id]), 9);
  assert.equal(await count("mail_messages where to_address like 'par%.p@voorbeeld.nl'"), 9);
});
