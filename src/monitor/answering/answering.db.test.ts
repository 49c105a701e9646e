/**
 * Answering through the link without JavaScript (app.inject, forms as a browser posts them): start,
 * an invalid answer shown back with the others kept, resume on another device, routing, double
 * submits, completing, and the pages for completed, closed and unknown links.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { recordProgress } from '../fieldwork/progress.js';
import { responseKeyFor } from './keys.js';
import { Respondent } from './respondent-client.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';
import { today } from './service.js';

let t: TestApp;
let wave: SeededWave;

before(async () => {
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: 4 });
});
after(() => t.close());

const responseRows = () =>
  t.database.query<{
    answers: Record<string, unknown>;
    status: string;
    revision: number;
    completed_on: string | null;
    current_section: number;
  }>(
    `select answers, status, revision, completed_on::text, current_section from responses where wave_id = $1`,
    [wave.waveId],
  );
const invitationStatus = async (id: string) =>
  (await t.database.query<{ status: string }>('select status from invitations where id = $1', [id]))[0]!
    .status;
/** The progress job's work for this wave, without its minimum batch size (docs/anonymity.md). */
const recordMarks = () => recordProgress(t.database.db, responseKeyFor(t.app.deps.config), wave.waveId, 1);

test('a respondent answers, is corrected, resumes elsewhere, is routed, and completes', async () => {
  const token = wave.tokens[0]!;
  const base = `/r/${token}`;
  const r = Respondent.inject(t.app);

  let page = await r.get(base);
  assert.equal(page.status, 200);
  assert.match(page.body, /Monitor Integriteit en Veiligheid 2026/);
  assert.match(page.body, /Uw antwoorden zijn anoniem/);
  assert.match(page.body, />Begin</);
  assert.equal(await invitationStatus(wave.invitationIds[0]!), 'not_started');

  page = await r.post(`${base}/start`);
  assert.equal(page.status, 303);
  assert.equal(page.location, `${base}/s/agressie`);
  // Anonymous: the answering transaction leaves the invitation alone; a batch records it later.
  assert.equal(await invitationStatus(wave.invitationIds[0]!), 'not_started');
  assert.equal((await recordMarks()).recorded, 1);
  assert.equal(await invitationStatus(wave.invitationIds[0]!), 'started');
  // Pressing "Begin" again (back button) neither fails nor creates a second response.
  assert.equal((await r.post(`${base}/start`)).status, 303);
  assert.equal((await responseRows()).length, 1);

  page = await r.get(`${base}/s/agressie`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Deel 1 van \d/);
  assert.match(page.body, /<progress/);
  assert.match(page.body, /omdat u burgemeester bent/, 'context piped into the label');

  // An invalid number: shown back with a message next to it and in the summary; the other answers kept.
  page = await r.post(`${base}/s/agressie`, {
    agr_verbal_12m: 'een_keer',
    agr_physical_12m: 'vaker',
    bg_years_in_office: 'twaalf',
    _action: 'next',
  });
  assert.equal(page.status, 400);
  assert.match(page.body, /class="error-summary"/);
  assert.match(page.body, /href="#q-bg_years_in_office-question"/);
  assert.match(page.body, /id="q-bg_years_in_office-error"[^>]*>Vul een getal in/);
  assert.match(page.body, /aria-invalid="true"[^>]*value="twaalf"|value="twaalf"[^>]*aria-invalid="true"/);
  assert.match(page.body, /aria-describedby="[^"]*q-bg_years_in_office-error/);
  assert.match(page.body, /value="vaker" checked|checked[^>]*value="vaker"/);
  let [row] = await responseRows();
  assert.deepEqual(
    row!.answers,
    { agr_verbal_12m: 'een_keer', agr_physical_12m: 'vaker' },
    'valid answers saved, invalid not',
  );

  // Another device: the same link resumes where the respondent was, with the answers.
  const other = Respondent.inject(t.app);
  page = await other.get(base);
  assert.match(page.body, /Verder waar u was/);
  assert.match(page.body, new RegExp(`href="${base}/s/agressie"`));
  page = await other.get(`${base}/s/agressie`);
  assert.match(page.body, /value="een_keer" checked|checked[^>]*value="een_keer"/);

  const valid = {
    agr_verbal_12m: 'een_keer',
    agr_physical_12m: 'vaker',
    bg_years_in_office: '12',
    _action: 'next',
  };
  page = await other.post(`${base}/s/agressie`, valid);
  assert.equal(page.status, 303);
  assert.equal(page.location, `${base}/s/melden`);
  const revision = (await responseRows())[0]!.revision;
  // A double submit of the same page: the same redirect, nothing written again.
  page = await other.post(`${base}/s/agressie`, valid);
  assert.equal(page.status, 303);
  assert.equal(page.location, `${base}/s/melden`);
  assert.equal((await responseRows())[0]!.revision, revision);

  page = await other.get(`${base}/s/melden`);
  assert.match(page.body, /Deel 2 van 3/);
  // Exclusive option combined with another: an error; "anders" with its text.
  page = await other.post(`${base}/s/melden`, { report_to: ['politie', 'niemand'], _action: 'next' });
  assert.equal(page.status, 400);
  assert.match(page.body, /niet samen met andere antwoorden/);
  page = await other.post(`${base}/s/melden`, {
    report_to: ['politie', 'anders'],
    report_to_anders_tekst: 'de buurtapp',
    support_colleagues: 'ja',
    support_family: 'weet_niet',
    _action: 'next',
  });
  assert.equal(page.status, 303);
  assert.equal(page.location, `${base}/s/afsluiting`);
  [row] = await responseRows();
  assert.equal(row!.answers.report_to_anders_tekst, 'de buurtapp');

  // Back from the last section, change the first: the reporting section no longer applies.
  page = await other.post(`${base}/s/afsluiting`, { remarks: '', _action: 'back' });
  assert.equal(page.location, `${base}/s/melden`);
  page = await other.post(`${base}/s/agressie`, {
    ...valid,
    agr_verbal_12m: 'nooit',
    agr_physical_12m: 'nooit',
  });
  assert.equal(page.location, `${base}/s/afsluiting`, 'routing skips the reporting section');
  [row] = await responseRows();
  assert.deepEqual(Object.keys(row!.answers).sort(), [
    'agr_physical_12m',
    'agr_verbal_12m',
    'bg_years_in_office',
  ]);
  page = await other.get(`${base}/s/melden`);
  assert.equal(page.status, 303, 'a skipped section redirects');
  assert.equal(page.location, `${base}/s/afsluiting`);
  page = await other.get(`${base}/s/afsluiting`);
  assert.match(page.body, /Deel 2 van 2/);

  page = await other.post(`${base}/s/afsluiting`, {
    remarks: 'Goed dat dit onderzocht wordt.',
    _action: 'next',
  });
  assert.equal(page.location, `${base}/check`);
  page = await other.get(`${base}/check`);
  assert.equal(page.status, 200);
  assert.match(page.body, /Goed dat dit onderzocht wordt/);
  assert.match(page.body, /Nee, nooit/);
  assert.match(page.body, />Verzenden</);

  page = await other.post(`${base}/submit`);
  assert.equal(page.status, 303);
  assert.equal(page.location, `${base}/done`);
  page = await other.post(`${base}/submit`);
  assert.equal(page.location, `${base}/done`, 'a second submit is harmless');
  page = await other.get(`${base}/done`);
  assert.match(page.body, /Hartelijk dank/);
  [row] = await responseRows();
  assert.equal(row!.status, 'completed');
  assert.equal(row!.completed_on, today());
  assert.equal(await invitationStatus(wave.invitationIds[0]!), 'started');
  await recordMarks();
  assert.equal(await invitationStatus(wave.invitationIds[0]!), 'completed');

  page = await r.get(base);
  assert.equal(page.status, 200);
  assert.match(page.body, /U heeft de vragenlijst al ingevuld/);
  page = await r.post(`${base}/s/agressie`, { ...valid, agr_verbal_12m: 'vaker' });
  assert.equal(page.status, 303);
  assert.equal(page.location, base);
  assert.equal(
    (await responseRows())[0]!.answers.agr_verbal_12m,
    'nooit',
    'a completed response does not change',
  );
});

test('the check page lists required questions still open and does not send', async () => {
  const base = `/r/${wave.tokens[1]}`;
  const r = Respondent.inject(t.app);
  await r.get(base);
  await r.post(`${base}/start`);
  let page = await r.get(`${base}/check`);
  assert.match(page.body, /nog niet alle verplichte vragen/);
  assert.match(page.body, new RegExp(`href="${base}/s/agressie#q-agr_verbal_12m-question"`));
  page = await r.post(`${base}/submit`);
  assert.equal(page.status, 400);
  await recordMarks();
  assert.equal(await invitationStatus(wave.invitationIds[1]!), 'started');
});

test('English with ?lang=en', async () => {
  const r = Respondent.inject(t.app);
  const page = await r.get(`/r/${wave.tokens[2]}?lang=en`);
  assert.match(page.body, /<html lang="en"/);
  assert.match(page.body, /Your answers are anonymous/);
  assert.match(page.body, />Start</);
});

test('closed, not yet open and unknown links get a friendly page', async () => {
  const closed = await seedAnsweringWave(t.database, { status: 'closed', persons: 1 });
  const r = Respondent.inject(t.app);
  let page = await r.get(`/r/${closed.tokens[0]}`);
  assert.equal(page.status, 410);
  assert.match(page.body, /Deze vragenlijst is gesloten/);
  page = await r.get(`/r/${closed.tokens[0]}/s/agressie`);
  assert.equal(page.status, 410);

  const draft = await seedAnsweringWave(t.database, { status: 'draft', persons: 1 });
  page = await r.get(`/r/${draft.tokens[0]}`);
  assert.match(page.body, /nog niet open/);

  page = await r.get(`/r/${'x'.repeat(43)}`);
  assert.equal(page.status, 404);
  assert.match(page.body, /Deze link werkt niet/);
  page = await r.get('/r/not%20a%20token');
  assert.equal(page.status, 404);
  assert.match(page.body, /Deze link werkt niet/);
});

test('the privacy page for respondents', async () => {
  const page = await Respondent.inject(t.app).get('/vragenlijst/privacy');
  assert.equal(page.status, 200);
  assert.match(page.body, /Hoe wij met uw antwoorden omgaan/);
});

test('saves from two devices at once: the later one recomputes on the fresh answers, nothing is lost', async () => {
  const { openLink, saveSection, startResponse } = await import('./service.js');
  const { responseKeyFor } = await import('./keys.js');
  const key = responseKeyFor(t.app.deps.config);
  const token = wave.tokens[3]!;
  const first = await openLink(t.database, key, token);
  assert.equal(first.kind, 'open');
  if (first.kind !== 'open') return;
  await startResponse(t.database, first);
  const a = await openLink(t.database, key, token);
  const b = await openLink(t.database, key, token);
  if (a.kind !== 'open' || b.kind !== 'open') throw new Error('not open');
  const [ra, rb] = await Promise.all([
    saveSection(
      t.database,
      a,
      0,
      { agr_verbal_12m: 'vaker', agr_physical_12m: 'nooit', bg_years_in_office: '3' },
      'next',
    ),
    saveSection(t.database, b, 2, { remarks: 'vanaf een ander apparaat' }, 'back'),
  ]);
  assert.equal(ra.kind, 'saved');
  assert.equal(rb.kind, 'saved');
  const [row] = await t.database.query<{ answers: Record<string, unknown>; revision: number }>(
    'select answers, revision from responses where resume_key_hash = $1',
    [a.resumeKeyHash],
  );
  assert.equal(row!.answers.agr_verbal_12m, 'vaker');
  assert.equal(row!.answers.remarks, 'vanaf een ander apparaat');
  assert.equal(row!.revision, 2);
});

test('a save after its page takes one statement, yet never writes over a change it did not see', async () => {
  const { saveFromRecentRow } = await import('./service.js');
  const { responseKeyFor } = await import('./keys.js');
  const key = responseKeyFor(t.app.deps.config);
  const w = await seedAnsweringWave(t.database, { persons: 1 });
  const token = w.tokens[0]!;
  const row = async () =>
    (
      await t.database.query<{ answers: Record<string, unknown>; revision: number }>(
        'select answers, revision from responses where wave_id = $1',
        [w.waveId],
      )
    )[0]!;
  const r = Respondent.inject(t.app);
  await r.get(`/r/${token}`);
  await r.post(`/r/${token}/start`);
  await r.get(`/r/${token}/s/agressie`);
  const page = { agr_verbal_12m: 'vaker', agr_physical_12m: 'nooit' };

  // The page was just shown: the save is one statement, routed on as the full path would.
  const quick = await saveFromRecentRow(
    t.database,
    key,
    token,
    'agressie',
    { ...page, bg_years_in_office: '3' },
    'next',
  );
  assert.equal(quick?.target, 1);
  assert.equal((await row()).answers.bg_years_in_office, 3);

  // Something else changed the row (another process or device): the one statement updates nothing...
  await t.database.query(
    `update responses set answers = answers || '{"remarks":"elders"}'::jsonb, revision = revision + 1 where wave_id = $1`,
    [w.waveId],
  );
  const stale = await saveFromRecentRow(
    t.database,
    key,
    token,
    'agressie',
    { ...page, bg_years_in_office: '4' },
    'next',
  );
  assert.equal(stale, undefined);
  assert.equal((await row()).answers.bg_years_in_office, 3);
  // ...and the form post takes the full path, which keeps that change.
  const saved = await r.post(`/r/${token}/s/agressie`, { ...page, bg_years_in_office: '5', _action: 'next' });
  assert.equal(saved.status, 303);
  assert.equal((await row()).answers.bg_years_in_office, 5);
  assert.equal((await row()).answers.remarks, 'elders');

  // The wave closed after the page was shown: nothing is saved, the respondent sees the closed page.
  await r.get(`/r/${token}/s/agressie`);
  await t.database.query(`update waves set status = 'closed' where id = $1`, [w.waveId]);
  assert.equal(
    await saveFromRecentRow(t.database, key, token, 'agressie', { ...page, bg_years_in_office: '6' }, 'next'),
    undefined,
  );
  const closed = await r.post(`/r/${token}/s/agressie`, {
    ...page,
    bg_years_in_office: '7',
    _action: 'next',
  });
  assert.equal(closed.status, 410);
  assert.equal((await row()).answers.bg_years_in_office, 5);
});
