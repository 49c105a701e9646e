/**
 * Issue 7, "done when": one demo wave end to end in real Chromium, through the pages only.
 *
 * A researcher signs in through the login form, creates a wave, attaches the built-in office-holders
 * questionnaire, uploads a frame of four persons, opens the wave and sends the invitations. The mail
 * job delivers them to the outbox, where an administrator reads each person's personal link. With
 * JavaScript switched off, Anna answers the first section, stops (her browser is closed), resumes in
 * a new browser ("another device") and completes; Bert only begins. The researcher sends reminders:
 * they go to Bert, Carla and Daan, not to Anna (each gets a new link with the same text, and keeps the
 * old one: Bert continues with his, his new one says where his answers are). The
 * monitoring page shows 1 completed of 4 invited (25 %), and the stored data keeps the anonymity
 * promise (docs/anonymity.md; the full proof is src/monitor/answering/anonymity.db.test.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { responseKeyFor, resumeKeyHash } from '../../src/monitor/answering/keys.js';
import { loadTemplates } from '../../src/monitor/questionnaires/templates/index.js';
import { systemActor } from '../../src/platform/audit/audit.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { type JobRuntime, startJobs } from '../../src/platform/jobs/runtime.js';
import { loadRegistry } from '../../src/platform/orgs/registry.js';
import { browserSkip, launchBrowser } from '../support/browser.js';
import { modules } from '../support/modules.js';
import { createUser } from '../support/principals.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let browser: Browser;
let jobs: JobRuntime;

const PASSWORD = 'een lang wachtwoord voor de demo';
const RESEARCHER = 'onderzoeker@demo-wave.test';
const ADMIN = 'beheerder@demo-wave.test';
const persons = {
  anna: 'anna.demo@voorbeeld.nl',
  bert: 'bert.demo@voorbeeld.nl',
  carla: 'carla.demo@voorbeeld.nl',
  daan: 'daan.demo@voorbeeld.nl',
};
const FRAME = [
  'naam,email,rol,organisatie,geslacht,wijk',
  `Anna Jansen,${persons.anna},raadslid,GM0363,vrouw,wijk-noord`,
  `Bert de Vries,${persons.bert},wethouder,GM0363,man,wijk-zuid`,
  `Carla Bakker,${persons.carla},statenlid,PV26,vrouw,wijk-oost`,
  `Daan Smit,${persons.daan},raadslid,GM0344,man,wijk-west`,
].join('\r\n');

before(async () => {
  if (browserSkip) return;
  server = await startTestServer();
  await server.database.db.transaction(async (tx) => {
    await loadRegistry(tx, systemActor);
    await loadTemplates(tx, systemActor);
  });
  await createUser(server.database, { email: RESEARCHER, password: PASSWORD, platformRoles: ['researcher'] });
  await createUser(server.database, { email: ADMIN, password: PASSWORD, platformRoles: ['admin'] });
  // Only the mail worker: the invitation and reminder buttons queue mail in the request (small waves),
  // and mail.send delivers it to the outbox as in an embedded install.
  jobs = await startJobs(
    server.database,
    loadConfig({ NODE_ENV: 'test', JOBS_POLL_INTERVAL_SECONDS: '0.5', MAIL_PER_MINUTE: '6000' }),
    { modules, queues: ['mail.send'], log: { info() {}, warn() {}, error() {} } },
  );
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await jobs?.stop(5_000);
  await server?.close();
});

async function waitFor(what: string, fn: () => Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Signs in through the real login form; returns the browser context holding the session. */
async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/login?lang=nl`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  return { context, page };
}

/** An element's text (the DOM text, not the rendered one). */
const text = async (l: Locator) => (await l.textContent()) ?? '';
const notice = (page: Page) => text(page.getByRole('main'));

/** Clicks a submit button and waits for the page it posts to (a full page load: no JavaScript needed). */
async function submit(page: Page, name: string | RegExp) {
  await Promise.all([
    page.waitForNavigation(),
    page
      .getByRole('main')
      .getByRole('button', { name, exact: typeof name === 'string' })
      .click(),
  ]);
}

/** An action that asks first: its link opens the confirmation page (what will happen), whose button does it. */
async function confirmed(page: Page, link: string, button: string, says: RegExp) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('main').getByRole('link', { name: link, exact: true }).click(),
  ]);
  assert.match((await page.locator('#confirm-what').textContent()) ?? '', says);
  await submit(page, button);
}

/** The outbox as an administrator sees it: the sent messages of one purpose, with their text. */
async function readOutbox(
  page: Page,
  purpose: 'invitation' | 'reminder',
): Promise<Map<string, { status: string; text: string }>> {
  await page.goto(`${server.url}/admin/outbox?lang=nl`);
  await page.getByLabel('Zoeken op adres, onderwerp of doel').fill('@voorbeeld.nl');
  await submit(page, 'Filteren');
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: purpose, exact: true }) });
  const found: Array<{ to: string; status: string; href: string }> = [];
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allInnerTexts();
    found.push({
      to: cells[1]!.trim(),
      status: cells[4]!.trim(),
      href: (await row.getByRole('link').getAttribute('href'))!,
    });
  }
  const out = new Map<string, { status: string; text: string }>();
  for (const f of found) {
    assert.ok(!out.has(f.to), `one ${purpose} per person, ${f.to} has more`);
    await page.goto(`${server.url}${f.href}?lang=nl`);
    // The text part, as the recipient reads it, is the first preformatted block of the message page.
    const body = await text(page.getByRole('main').locator('pre').first());
    out.set(f.to, { status: f.status, text: body });
  }
  return out;
}

/** The personal link in a mail (not the opt-out link), pointed at the test server's port. */
function personalLink(text: string): string {
  const m = /https?:\/\/[^\s/]+(\/r\/[A-Za-z0-9_-]{43})(?![A-Za-z0-9_/-])/.exec(text);
  assert.ok(m, `no personal link in:\n${text}`);
  return server.url + m[1]!;
}

/** A respondent's browser: JavaScript off, nothing shared with any other context. */
async function respondent(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

/** Chooses `option` in the question (a fieldset) whose legend matches `question`. */
async function choose(page: Page, question: RegExp, option: string) {
  await page.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();
}

test('demo wave end to end: frame, invitations, answering without JavaScript, reminders, monitoring', {
  skip: browserSkip,
  timeout: 120_000,
}, async () => {
  const researcher = await signIn(RESEARCHER);
  const page = researcher.page;

  // A new anonymous wave.
  await page.goto(`${server.url}/waves?lang=nl`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Nieuwe meting' }).click()]);
  await page.getByLabel('Code', { exact: true }).fill('demo-e2e');
  await page.getByLabel('Naam', { exact: true }).fill('Demometing eind tot eind');
  await page.getByLabel('Anonimiteit').selectOption({ label: 'Anoniem' });
  const end = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Einddatum veldwerk').fill(end);
  await page.getByLabel('Herinneringen (dagen na de uitnodiging)').fill('7, 14');
  await submit(page, 'Meting aanmaken');
  assert.match(await notice(page), /De meting is aangemaakt/);
  const waveUrl = server.url + new URL(page.url()).pathname;
  const waveId = /\/waves\/([0-9a-f-]{36})/.exec(waveUrl)![1]!;

  // The built-in office-holders questionnaire.
  await page.getByLabel('Doelgroep').selectOption({ label: 'Politieke ambtsdragers' });
  const officeHolders = (await page.getByLabel('Vragenlijstversie').locator('option').allTextContents()).find(
    (o) => o.endsWith('(office_holders v1)'),
  );
  await page.getByLabel('Vragenlijstversie').selectOption({ label: officeHolders! });
  await submit(page, 'Vragenlijst koppelen');
  assert.match(await notice(page), /De vragenlijsten zijn bijgewerkt/);
  const qRow = page.getByRole('row', { name: /Politieke ambtsdragers/ });
  assert.match(await text(qRow), /office_holders v1/);

  // The frame, uploaded through the frame page.
  const file = join(tmpdir(), `demo-kader-${process.pid}.csv`);
  writeFileSync(file, FRAME);
  await Promise.all([
    page.waitForNavigation(),
    page
      .getByRole('navigation', { name: 'Onderdelen van deze meting' })
      .getByRole('link', { name: 'Steekproefkader' })
      .click(),
  ]);
  await page.getByLabel('Bestand (CSV of Excel)').setInputFiles(file);
  await submit(page, 'Importeren');
  rmSync(file, { force: true });
  const report = await notice(page);
  assert.match(report, /Het kader is geïmporteerd/, report);
  assert.match(report, /4 rijen gelezen, 4 geïmporteerd, 0 afgekeurd/, report);

  // Open the wave and send the invitations.
  await page.goto(`${waveUrl}?lang=nl`);
  await confirmed(page, 'Meting openen', 'Ja, open de meting', /Het kader heeft 4 personen/);
  assert.match(await notice(page), /De meting is geopend/);
  await confirmed(
    page,
    'Uitnodigingen versturen (4)',
    'Verstuur 4 uitnodigingen',
    /^4 personen krijgen een uitnodiging per e-mail/,
  );
  assert.match(await notice(page), /4 uitnodigingen staan klaar om te versturen/);

  // The mail job delivers them; an administrator sees them in the outbox and reads the links.
  await waitFor(
    'four invitations delivered',
    async () =>
      (
        await server.database.query<{ n: number }>(
          "select count(*)::int as n from mail_messages where purpose = 'invitation' and status = 'sent'",
        )
      )[0]!.n === 4,
  );
  const admin = await signIn(ADMIN);
  const invitations = await readOutbox(admin.page, 'invitation');
  assert.deepEqual([...invitations.keys()].sort(), Object.values(persons).sort());
  for (const [to, m] of invitations) {
    // The test server's transport is the outbox: stored, not sent to anyone (one status, not two).
    assert.equal(m.status, 'bewaard in de outbox (niet verstuurd)', to);
    assert.match(m.text, /Beste (Anna|Bert|Carla|Daan)/, to);
  }
  const link = Object.fromEntries(
    Object.entries(persons).map(([who, to]) => [who, personalLink(invitations.get(to)!.text)]),
  ) as Record<keyof typeof persons, string>;
  assert.equal(new Set(Object.values(link)).size, 4, 'every person has a link of their own');

  // Anna, without JavaScript: begins, answers the first section, and stops.
  let anna = await respondent();
  await anna.page.goto(link.anna);
  assert.equal(await anna.page.locator('script').count(), 0);
  assert.match(await text(anna.page.getByRole('main')), /Uw antwoorden zijn anoniem/);
  await submit(anna.page, 'Begin');
  assert.match(await text(anna.page.getByRole('heading', { level: 1 })), /Agressie en geweld/);
  assert.match(await text(anna.page.getByRole('main')), /Deel 1 van/);
  await choose(anna.page, /uitgescholden, beledigd of vernederd/, 'Nee, nooit');
  await choose(anna.page, /Heeft iemand u bedreigd/, 'Nee, nooit');
  await choose(anna.page, /geïntimideerd/, 'Nee, nooit');
  await choose(anna.page, /aangevallen/i, 'Nee, nooit');
  await submit(anna.page, 'Volgende');
  const secondSection = anna.page.url();
  assert.doesNotMatch(secondSection, /p1_agressie/);
  await anna.context.close(); // stops: closes the browser

  // Bert only begins.
  const bert = await respondent();
  await bert.page.goto(link.bert);
  await submit(bert.page, 'Begin');
  await bert.context.close();

  // Anna resumes on "another device": a new browser with nothing but the link.
  anna = await respondent();
  await anna.page.goto(link.anna);
  await Promise.all([
    anna.page.waitForNavigation(),
    anna.page.getByRole('link', { name: 'Verder waar u was' }).click(),
  ]);
  assert.equal(anna.page.url(), secondSection, 'resumes where she stopped');
  // Her first section's answers were kept: going back shows them.
  await submit(anna.page, 'Vorige');
  assert.equal(
    await anna.page
      .getByRole('group', { name: /Heeft iemand u bedreigd/ })
      .getByRole('radio', { name: 'Nee, nooit', exact: true })
      .isChecked(),
    true,
  );
  await submit(anna.page, 'Volgende');
  // The remaining sections: answer what is required, then "Volgende" until the check page.
  for (let i = 0; i < 10 && !/\/check$/.test(anna.page.url()); i++) {
    const integrity = anna.page.getByRole('group', { name: /gezien of vermoed dat een collega-ambtsdrager/ });
    if (await integrity.count()) {
      for (const row of await integrity.getByRole('group').all())
        await row.getByRole('radio', { name: 'Nee', exact: true }).check();
      await choose(anna.page, /Kent u de regels, de gedragscode/, 'Nee');
    }
    await submit(anna.page, 'Volgende');
    assert.equal(
      await anna.page.getByRole('alert').count(),
      0,
      `no errors on ${anna.page.url()}: ${await text(anna.page.getByRole('main'))}`,
    );
  }
  assert.match(anna.page.url(), /\/check$/);
  assert.match(await text(anna.page.getByRole('heading', { level: 1 })), /Controleer en verzend/);
  await submit(anna.page, 'Verzenden');
  assert.match(anna.page.url(), /\/done$/);
  assert.match(await text(anna.page.getByRole('heading', { level: 1 })), /Hartelijk dank/);
  await anna.page.goto(link.anna);
  assert.match(await text(anna.page.getByRole('heading', { level: 1 })), /al ingevuld/);
  await anna.context.close();

  // Reminders, with the button: only to those who have not completed.
  await page.goto(`${waveUrl}?lang=nl`);
  await confirmed(
    page,
    'Herinneringen nu versturen',
    'Verstuur de herinneringen',
    /^Hoogstens \d+ personen krijgen een herinnering/,
  );
  assert.match(await notice(page), /3 herinneringen staan klaar om te versturen/);
  await waitFor(
    'three reminders delivered',
    async () =>
      (
        await server.database.query<{ n: number }>(
          "select count(*)::int as n from mail_messages where purpose = 'reminder' and status = 'sent'",
        )
      )[0]!.n === 3,
  );
  const reminders = await readOutbox(admin.page, 'reminder');
  assert.deepEqual([...reminders.keys()].sort(), [persons.bert, persons.carla, persons.daan]);
  assert.ok(!reminders.has(persons.anna), 'no reminder to the one who completed');
  // An anonymous wave: Bert (who began) and Carla (who did not) both get a new link with the same
  // text and keep the old one, so the round writes nothing that tells who began (docs/anonymity.md).
  const bertReminder = reminders.get(persons.bert)!.text;
  assert.match(bertReminder, /Bent u al begonnen\? Ga dan verder met de link uit de e-mail waarmee u begon/);
  const bertNew = personalLink(bertReminder);
  assert.notEqual(bertNew, link.bert);
  const carlaNew = personalLink(reminders.get(persons.carla)!.text);
  assert.notEqual(carlaNew, link.carla);
  const carla = await respondent();
  await carla.page.goto(link.carla);
  assert.equal(await carla.page.getByRole('button', { name: 'Begin' }).count(), 1, 'the old link works');
  await carla.page.goto(carlaNew);
  assert.equal(await carla.page.getByRole('button', { name: 'Begin' }).count(), 1);
  await carla.context.close();
  // Bert's new link starts nothing: it says where his answers are.
  const bertElsewhere = await respondent();
  await bertElsewhere.page.goto(bertNew);
  assert.match(
    await text(bertElsewhere.page.getByRole('heading', { level: 1 })),
    /al begonnen met een andere link/,
  );
  await bertElsewhere.context.close();

  // Monitoring: 4 in the frame, 4 invited, 3 reminders. Anna's completion and Bert's start still wait
  // as sealed marks: an anonymous wave records progress in batches of at least 10 per cell, and the
  // reminder round read them without recording them (docs/anonymity.md); the page says so.
  await page.goto(`${waveUrl}/monitoring?lang=nl`);
  const total = page.getByRole('table', { name: 'Totaal' });
  const headers = await total.getByRole('columnheader').allInnerTexts();
  const cells = await total.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
  const byColumn = Object.fromEntries(headers.slice(1).map((h, i) => [h.trim(), cells[i]!.trim()]));
  assert.deepEqual(byColumn, {
    Kader: '4',
    Uitgenodigd: '4',
    Begonnen: '0',
    Afgerond: '0',
    Respons: '0%',
    Herinneringen: '3',
    Afgemeld: '0',
  });
  assert.match(
    await page.getByRole('status').first().innerText(),
    /Nog niet meegeteld: 3 keer begonnen of afgerond/,
  );

  // The anonymity promise on this wave's data (docs/anonymity.md).
  const responses = await server.database.query<{
    organisation_id: string | null;
    frame_person_id: string | null;
    resume_key_hash: string;
    completed_on: string | null;
    json: string;
  }>(
    `select organisation_id, frame_person_id, resume_key_hash, completed_on::text as completed_on,
            row_to_json(responses)::text as json from responses where wave_id = $1`,
    [waveId],
  );
  assert.equal(responses.length, 2, 'Anna and Bert');
  const identifying = await server.database.query<{ v: string }>(
    `select unnest(array[i.id::text, i.token_hash, p.id::text, p.name, p.email, p.organisation_id::text]) as v
     from invitations i join frame_persons p on p.id = i.frame_person_id where i.wave_id = $1`,
    [waveId],
  );
  const tokens = Object.values(link).map((l) => l.split('/r/')[1]!);
  for (const r of responses) {
    assert.equal(r.organisation_id, null);
    assert.equal(r.frame_person_id, null);
    for (const v of [...identifying.map((x) => x.v), ...tokens, 'wijk-'])
      assert.ok(!r.json.toLowerCase().includes(v.toLowerCase()), `a response holds ${v}`);
  }
  const completedOn = responses.map((r) => r.completed_on).filter((d) => d !== null);
  assert.equal(completedOn.length, 1, 'one completed response');
  assert.match(completedOn[0]!, /^\d{4}-\d{2}-\d{2}$/, 'the day only, no time');
  // Only the link (with the server key) leads to a response; nothing stored about the invitation does.
  const key = responseKeyFor(server.app.deps.config);
  const keys = new Set(responses.map((r) => r.resume_key_hash));
  assert.ok(keys.has(resumeKeyHash(key, tokens[0]!)), "Anna's link finds her response");
  for (const x of identifying)
    for (const candidate of [x.v, createHash('sha256').update(x.v).digest('hex'), resumeKeyHash(key, x.v)])
      assert.ok(!keys.has(candidate), 'a response key is derivable from stored invitation data');

  await admin.context.close();
  await researcher.context.close();
});
