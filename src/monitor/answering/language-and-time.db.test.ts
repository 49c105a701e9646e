/**
 * From the invitation to the start page, through the fieldwork services as a research bureau uses
 * them: a person whose frame language is English gets an English mail whose link opens the
 * questionnaire in English (and the pages stay English without the `?lang=`, from the frame), and
 * the mail and the start page state the same time, the questionnaire's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { systemActor } from '../../platform/audit/audit.js';
import { loadRegistry } from '../../platform/orgs/registry.js';
import { importFrame } from '../fieldwork/frame-service.js';
import { inviteAll } from '../fieldwork/invitations.js';
import { defaultMailTemplates } from '../fieldwork/model.js';
import { latestPublishedVersionOf, publishedVersion } from '../fieldwork/questionnaire-link.js';
import { createWave, setWaveQuestionnaire, transitionWave } from '../fieldwork/waves-service.js';
import { estimatedMinutes } from '../questionnaires/progress.js';
import { loadTemplates } from '../questionnaires/templates/index.js';
import { Respondent } from './respondent-client.js';

let t: TestApp;
const actor = systemActor;
const config = { publicUrl: 'https://weerbaar.test' };
let minutes: number;
let mails: Array<{ to_address: string; text_body: string }>;

before(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db.transaction(async (tx) => {
    await loadRegistry(tx, actor);
    await loadTemplates(tx, actor);
  });
  const wave = await createWave(
    db,
    { code: 'taal', name: 'Monitor 2026', fieldworkEnd: '2099-03-31' },
    actor,
  );
  const versionId = (await latestPublishedVersionOf(db, 'office_holders'))!;
  minutes = estimatedMinutes((await publishedVersion(db, versionId))!.definition!);
  await setWaveQuestionnaire(db, wave.id, 'office_holders', versionId, actor);
  const frame = await importFrame(
    db,
    wave.id,
    {
      fileName: 'f.csv',
      data: Buffer.from(
        'naam,email,rol,organisatie,taal\r\nAnna,anna@voorbeeld.nl,raadslid,GM0363,nl\r\nJohn,john@voorbeeld.nl,wethouder,GM0363,en\r\n',
      ),
      targetGroup: 'office_holders',
    },
    actor,
  );
  assert.equal(frame.written, true, JSON.stringify(frame.problems));
  await transitionWave(db, wave.id, 'open', actor);
  await inviteAll(db, config, wave.id, actor);
  mails = await t.database.query(
    "select to_address, text_body from mail_messages where purpose = 'invitation' order by to_address",
  );
});
after(() => t.close());

const pathOf = (mail: string) => {
  const m = /https:\/\/weerbaar\.test(\/r\/[A-Za-z0-9_-]+(\?lang=en)?)(?=\s)/.exec(mail);
  assert.ok(m, mail);
  return m[1]!;
};

test('an English frame language: English mail, a link that opens the questionnaire in English', async () => {
  const john = mails.find((m) => m.to_address === 'john@voorbeeld.nl')!;
  assert.match(john.text_body, /Dear John/);
  const path = pathOf(john.text_body);
  assert.match(path, /\?lang=en$/);
  const r = Respondent.inject(t.app);
  const start = await r.get(path);
  assert.equal(start.status, 200);
  assert.match(start.body, /<html lang="en"/);
  assert.match(start.body, />Start</);
  assert.match(start.body, /Your answers are anonymous/);
  // The header offers the switch back to Dutch.
  assert.match(start.body, /lang=nl/);
  // Without ?lang= and without a cookie, the frame language still decides.
  const bare = await Respondent.inject(t.app).get(path.replace('?lang=en', ''));
  assert.match(bare.body, /<html lang="en"/);
  // The question pages too, with the questionnaire's English texts.
  const first = await r.post(`${path.replace('?lang=en', '')}/start`);
  const section = await r.get(first.location!);
  assert.match(section.body, /<html lang="en"/);
  assert.match(section.body, /Part 1 of \d+/);
  assert.match(section.body, />Next</);
});

test('a Dutch frame language: Dutch mail and pages, no lang in the link', async () => {
  const anna = mails.find((m) => m.to_address === 'anna@voorbeeld.nl')!;
  const path = pathOf(anna.text_body);
  assert.doesNotMatch(path, /lang=/);
  const start = await Respondent.inject(t.app).get(path);
  assert.match(start.body, /<html lang="nl"/);
});

test('the mail and the start page state the same time, taken from the questionnaire', async () => {
  const anna = mails.find((m) => m.to_address === 'anna@voorbeeld.nl')!;
  const john = mails.find((m) => m.to_address === 'john@voorbeeld.nl')!;
  assert.match(anna.text_body, new RegExp(`ongeveer ${minutes} minuten`));
  assert.match(john.text_body, new RegExp(`about ${minutes} minutes`));
  const start = await Respondent.inject(t.app).get(pathOf(anna.text_body));
  assert.match(start.body, new RegExp(`ongeveer ${minutes} minuten`));
  const en = await Respondent.inject(t.app).get(pathOf(john.text_body));
  assert.match(en.body, new RegExp(`about ${minutes} minutes`));
});

test('the mail-minutes migration gives waves with the old fixed "15 minuten" the placeholder; edited texts stay', async () => {
  const old = JSON.parse(JSON.stringify(defaultMailTemplates).replaceAll('{minuten}', '15'));
  assert.match(old.invitation.nl.body, /ongeveer 15 minuten\./);
  const edited = JSON.parse(JSON.stringify(old).replace('ongeveer 15 minuten.', 'zo’n 20 minuten.'));
  const ids: string[] = [];
  for (const [code, templates] of [
    ['oud', old],
    ['eigen', edited],
  ] as const) {
    const [row] = await t.database.query<{ id: string }>(
      'insert into waves (code, name, mail_templates) values ($1, $1, $2::jsonb) returning id',
      [code, JSON.stringify(templates)],
    );
    ids.push(row!.id);
  }
  const sql = readFileSync(
    new URL('../../../drizzle/0019_respond_mail_minutes.sql', import.meta.url),
    'utf8',
  );
  await t.database.query(sql);
  const rows = await t.database.query<{ code: string; mail_templates: any }>(
    'select code, mail_templates from waves where id = any($1::uuid[]) order by code',
    [ids],
  );
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r.mail_templates]));
  assert.deepEqual(byCode.oud, defaultMailTemplates);
  assert.match(byCode.eigen.invitation.nl.body, /zo’n 20 minuten\./);
  assert.match(byCode.eigen.invitation.en.body, /about \{minuten\} minutes/);
});
