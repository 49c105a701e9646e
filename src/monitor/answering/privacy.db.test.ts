/**
 * The respondent's privacy page of a wave (/r/:token/privacy): it names what is kept with the answers
 * for that wave's anonymity and that person's frame row, and the wave's own statement (controller,
 * legal basis, retention, contact) as the researcher set it; a part not set is said to be missing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, postForm } from '../../../test/support/principals.js';
import { cliActor } from '../../platform/audit/audit.js';
import { updateWave } from '../fieldwork/waves-service.js';
import { Respondent } from './respondent-client.js';
import { seedAnsweringWave } from './seed-wave.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const variables = (html: string) => [...html.matchAll(/data-variable="([^"]+)"/g)].map((m) => m[1]);

test('an anonymous wave: the standard strata of the frame row, no organisation, the rights of anonymous answers', async () => {
  const wave = await seedAnsweringWave(t.database, { persons: 2, anonymity: 'anonymous' });
  await t.database.query(`update frame_persons set age_group = 'van_35_tot_50' where id = $1`, [
    wave.framePersonIds[1]!,
  ]);
  const r = Respondent.inject(t.app);
  const start = await r.get(`/r/${wave.tokens[1]}`);
  assert.match(start.body, new RegExp(`href="/r/${wave.tokens[1]}/privacy"`));
  const page = await r.get(`/r/${wave.tokens[1]}/privacy`);
  assert.equal(page.status, 200);
  // bg_gender and bg_age_group come from the frame row; the free column "district" is not kept.
  assert.deepEqual(variables(page.body).sort(), [
    'bg_age_group',
    'bg_gender',
    'bg_layer',
    'bg_org_size',
    'bg_province',
    'bg_role',
    'bg_role_group',
  ]);
  assert.match(page.body, /Uw geslacht\./);
  assert.match(page.body, /Uw leeftijdsgroep\./);
  assert.match(page.body, /niet uw naam, uw e-mailadres of uw organisatie/);
  assert.match(page.body, /Uw antwoorden zijn anoniem bewaard/);
  assert.match(page.body, /Autoriteit Persoonsgegevens/);
  // Nothing set for this wave: said, not guessed.
  assert.equal(page.body.match(/nog niet ingevuld/g)?.length, 4);

  // The person without an age group in the frame: not named.
  const other = await Respondent.inject(t.app).get(`/r/${wave.tokens[0]}/privacy`);
  assert.ok(!variables(other.body).includes('bg_age_group'));
});

test("a named wave keeps the person, the organisation and the frame's own columns; the statement is the wave's", async () => {
  const wave = await seedAnsweringWave(t.database, { persons: 1, anonymity: 'named' });
  await updateWave(
    t.database.db,
    wave.waveId,
    {
      privacy: {
        controller: 'Onderzoeksbureau Voorbeeld B.V., in opdracht van het ministerie van BZK',
        legalBasis: 'Taak van algemeen belang (AVG artikel 6 lid 1 onder e)',
        retention: 'Tot 1 juli 2027; daarna verwijderen wij het steekproefbestand.',
        contact: 'privacy@voorbeeld.nl',
      },
    },
    cliActor('test'),
  );
  const page = await Respondent.inject(t.app).get(`/r/${wave.tokens[0]}/privacy`);
  assert.equal(page.status, 200);
  const v = variables(page.body);
  for (const k of ['person', 'organisation', 'district', 'bg_gender', 'bg_role'])
    assert.ok(v.includes(k), `${k} in ${v.join(', ')}`);
  assert.match(page.body, /Kolom &quot;district&quot;|Kolom "district"/);
  assert.match(page.body, /Onderzoeksbureau Voorbeeld B\.V\./);
  assert.match(page.body, /AVG artikel 6 lid 1 onder e/);
  assert.match(page.body, /Tot 1 juli 2027/);
  assert.match(page.body, /privacy@voorbeeld\.nl/);
  assert.doesNotMatch(page.body, /nog niet ingevuld/);
  assert.doesNotMatch(page.body, /anoniem bewaard/);
  const audit = await t.database.query<{ action: string }>(
    `select action from audit_log where resource_id = $1 and action = 'wave.update'`,
    [wave.waveId],
  );
  assert.equal(audit.length, 1);
});

test('an unknown link gets the general statement', async () => {
  const page = await Respondent.inject(t.app).get(`/r/${'x'.repeat(43)}/privacy`);
  assert.equal(page.status, 303);
  assert.match(page.location ?? '', /^\/vragenlijst\/privacy/);
});

test('a researcher sets the statement in the wave settings form; the respondents read it', async () => {
  const wave = await seedAnsweringWave(t.database, { persons: 1, anonymity: 'anonymous' });
  const researcher = await createUser(t, { platformRoles: ['researcher'] });
  const form = await t.app.inject({ url: `/waves/${wave.waveId}`, headers: { cookie: researcher.cookie } });
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /id="privacyController"/);
  const saved = await postForm(
    t.app,
    `/waves/${wave.waveId}`,
    {
      name: 'Monitor Integriteit en Veiligheid 2026',
      fieldworkStart: '',
      fieldworkEnd: '',
      reminderDays: '7, 14',
      privacyController: 'Bureau Test, in opdracht van BZK',
      privacyLegalBasis: '',
      privacyRetention: 'Twee jaar na de einddatum.',
      privacyContact: 'privacy@test.nl',
    },
    researcher.cookie,
  );
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const again = await t.app.inject({ url: `/waves/${wave.waveId}`, headers: { cookie: researcher.cookie } });
  assert.match(
    again.body,
    /id="privacyRetention"[^>]*value="Twee jaar na de einddatum\."|value="Twee jaar na de einddatum\."[^>]*id="privacyRetention"/,
  );
  const page = await Respondent.inject(t.app).get(`/r/${wave.tokens[0]}/privacy`);
  assert.match(page.body, /Bureau Test, in opdracht van BZK/);
  assert.match(page.body, /Twee jaar na de einddatum\./);
  assert.match(page.body, /privacy@test\.nl/);
  // The legal basis was left empty: said so, once.
  assert.equal(page.body.match(/nog niet ingevuld/g)?.length, 1);
});
