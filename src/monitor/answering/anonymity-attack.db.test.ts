/**
 * Anonymity against a copy of the database (docs/anonymity.md, "What the attack test proves").
 *
 * 120 persons in six stratum cells of 20 answer an anonymous wave through the HTTP routes,
 * interleaved (a seeded scheduler runs one page of one of up to eight respondents at a time; the
 * progress job runs every 15 pages, as its one-minute schedule would). Then an attacker takes a copy
 * of the database — on PGlite the table files themselves, old row versions included (heap pages
 * parsed by test/support/heap-files.ts); on PostgreSQL `xmin`, `ctid` and a `pg_dump` — and tries to
 * pair responses with invitations:
 * - nearest transaction id: the invitation whose row versions' `xmin` lies nearest to one of the
 *   response's (ties: a guess among them);
 * - batch intersection: the invitations changed by the first batch of the cell after the response's
 *   first version and by the first batch after its last version (a guess among them);
 * - physical order: the response's rank by place (`ctid` / dump order) within its cell, paired with the
 *   invitation of the same rank by the place of its last version;
 * - mark deletion (files): the progress marks written with the response (same xmin) were deleted by
 *   the batch that recorded them (their xmax): the invitations that batch changed;
 * - reminder rounds: rounds go to non-respondents only, and a round runs every 40 pages during the
 *   run (and once more before the copy): an invitation reminded after a response was completed, or
 *   left out of a round of its cell before, is not that response's (test/support/reminder-attack.ts);
 *   this attack is also tried on a copy taken right after each round;
 * - opting out: 24 of the completers open the opt-out link right after sending their answers, and 12
 *   who never complete right after saving their draft (they run first, 10 of them in one cell); the
 *   first opt-out a copy traces after a response that names persons of its cell (frame person
 *   versions, audit log, cancelled mail, marks written alone with the persons changed by the batch
 *   that deleted them, and whom a round left out in a cell it reached) names its candidates.
 * During fieldwork, every response must keep at least 10 candidates and no attack may beat a guess
 * among 10 by more than 3 standard deviations; after the close (and the job that follows it), no
 * attack may beat a guess within the cell by more than 3 standard deviations, no old row version
 * may be left, and no table but the responses' own holds a response id or resume key.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { pgliteHeaps } from '../../../test/support/heap-files.js';
import { modules } from '../../../test/support/modules.js';
import {
  boundFor,
  completionCandidates,
  completionTimes,
  currentLink,
  type StoredRounds,
  storedRounds,
} from '../../../test/support/reminder-attack.js';
import { cliActor } from '../../platform/audit/audit.js';
import { jobDefinition } from '../../platform/jobs/jobs.js';
import { loadJobModules } from '../../platform/jobs/runtime.js';
import { sendReminders } from '../fieldwork/invitations.js';
import { responseRates } from '../fieldwork/monitoring.js';
import { transitionWave } from '../fieldwork/waves-service.js';
import { responseKeyFor, resumeKeyHash } from './keys.js';
import { Respondent } from './respondent-client.js';
import { type SeededWave, seedAnsweringWave } from './seed-wave.js';

const PERSONS = 120;
const STARTERS = 100;
const COMPLETERS = 84;
/** Completers who opt out right after sending their answers (the next page they open). */
const OPT_OUTS = 24;
/** Starters who do not complete and opt out right after saving their draft (the next page they open). */
const DRAFT_OPT_OUTS = 12;

let t: TestApp;
let wave: SeededWave;
/** Truth, known only to the test: response id → invitation id, and each side's cell. */
const truth = new Map<string, string>();
const cellOf = new Map<string, string>();
const completedResponses = new Set<string>();
/** Invitations whose person opted out (known to the test). */
const optedOut = new Set<string>();
/** Person index → the link they started with (a round gives who has not started a new one). */
const usedToken = new Map<number, string>();
/** Rounds that reminded someone, and the copies checked right after them. */
let rounds = 0;
let roundsChecked = 0;

/** mulberry32: a seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(process.env.ANONYMITY_SEED ?? 13));

const jobContext = () => ({
  database: t.database,
  config: t.app.deps.config,
  jobId: 'test',
  attempt: 1,
  lastAttempt: false,
  log: { info() {}, warn() {}, error() {} },
});

/** The progress job's scheduled run (absent before the fix: then it does nothing). */
async function progressTick() {
  const job = jobDefinition('fieldwork.progress');
  if (job) await job.handler({}, jobContext());
}

/** Runs the fieldwork jobs that are queued (e.g. the one a close enqueues), as the runtime would. */
async function runQueuedJobs() {
  const queued = await t.database.query<{ id: string; name: string; data: unknown }>(
    "select id, name, data from pgboss.job where state = 'created' and name like 'fieldwork.%' order by created_on",
  );
  for (const j of queued) {
    await jobDefinition(j.name)?.handler(j.data, jobContext());
    await t.database.query("update pgboss.job set state = 'completed' where id = $1", [j.id]);
  }
}

/** One respondent's pages, one step per call. */
function script(index: number, completes: boolean, optsOut: boolean): Array<() => Promise<void>> {
  // The link the person holds when they open it (a reminder round may have replaced the first one).
  let base = '';
  const link = async () => {
    const token = await currentLink(t.database, wave.invitationIds[index]!, wave.tokens[index]!);
    usedToken.set(index, token);
    base = `/r/${token}`;
  };
  const r = Respondent.inject(t.app);
  const verbal = ['nooit', 'een_keer', 'vaker'][index % 3]!;
  const steps: Array<() => Promise<void>> = [
    async () => {
      await link();
      await r.get(base);
    },
    async () => {
      await link();
      assert.equal((await r.post(`${base}/start`)).status, 303);
    },
    async () => {
      const p = await r.post(`${base}/s/agressie`, {
        agr_verbal_12m: verbal,
        agr_physical_12m: 'nooit',
        bg_years_in_office: String(index % 20),
        _action: 'next',
      });
      assert.equal(p.status, 303);
    },
  ];
  if (verbal !== 'nooit')
    steps.push(
      async () =>
        void (await r.post(`${base}/s/melden`, {
          report_to: ['anders'],
          report_to_anders_tekst: 'bij de wijkagent',
          support_colleagues: 'ja',
          support_family: 'nee',
          _action: 'next',
        })),
    );
  steps.push(async () => void (await r.post(`${base}/s/afsluiting`, { remarks: '', _action: 'next' })));
  if (completes)
    steps.push(async () => assert.equal((await r.post(`${base}/submit`)).location, `${base}/done`));
  // Right after sending the answers (or, for whoever does not complete, after saving the draft), the
  // opt-out link from the mail (other respondents' pages may run in between, as on a live server).
  if (optsOut)
    steps.push(async () => {
      assert.equal((await r.get(`${base}/afmelden`)).status, 200);
      const done = await r.post(`${base}/afmelden`);
      assert.equal(done.status, 200);
      assert.match(done.body, /U bent afgemeld/);
      optedOut.add(wave.invitationIds[index]!);
    });
  return steps;
}

/** Response id → invitation, for everyone who started so far (known to the test only). */
async function learnTruth() {
  const key = responseKeyFor(t.app.deps.config);
  for (const [i, token] of usedToken) {
    const [r] = await t.database.query<{ id: string; status: string }>(
      'select id, status from responses where resume_key_hash = $1',
      [resumeKeyHash(key, token)],
    );
    if (!r) continue;
    truth.set(r.id, wave.invitationIds[i]!);
    cellOf.set(r.id, cellOf.get(wave.invitationIds[i]!)!);
    if (r.status === 'completed') completedResponses.add(r.id);
  }
}

const invitationCells = () => new Map(wave.invitationIds.map((id) => [id, cellOf.get(id)!]));

/** A reminder round now (the button), then the rounds attack on a copy taken right after it. */
async function reminderRound() {
  const sent = await sendReminders(t.database.db, t.app.deps.config, wave.waveId, cliActor('test'), {
    mode: 'now',
    minHoursSinceLast: 0,
  });
  if (sent.queued === 0) return;
  rounds++;
  await learnTruth();
  const stored = await storedRounds(t.database, wave.waveId, invitationCells());
  for (const [response, at] of await completionTimes(t.database, wave.waveId)) {
    const own = truth.get(response)!;
    const candidates = completionCandidates(stored, cellOf.get(own)!, at);
    assert.ok(candidates.includes(own), 'the rounds attack ruled out the right invitation');
    assert.ok(
      candidates.length >= boundFor(stored, own),
      `right after round ${rounds}: a response narrowed to ${candidates.length} invitations of its cell`,
    );
  }
  roundsChecked++;
}

before(async () => {
  await loadJobModules(modules);
  t = await createTestApp();
  wave = await seedAnsweringWave(t.database, { persons: PERSONS });
  // The seed gives person i the role i % 3 and the gender i % 2: six cells of 20.
  for (const [i, id] of wave.invitationIds.entries()) cellOf.set(id, `${i % 3}/${i % 2}`);
  const shuffled = wave.tokens.map((_, i) => i).sort(() => random() - 0.5);
  // Those who save a draft and opt out come first (interleaved with each other and with the first
  // completers), 10 of them from one cell and 2 from another: a round that reaches a cell with nothing
  // waiting then shows who of it opted out, unless it waits for 10.
  const drafters = [
    ...shuffled.filter((i) => i % 6 === 0).slice(0, DRAFT_OPT_OUTS - 2),
    ...shuffled.filter((i) => i % 6 === 1).slice(0, 2),
  ].sort(() => random() - 0.5);
  const order = [...drafters, ...shuffled.filter((i) => !drafters.includes(i))];
  const waiting = order.slice(0, STARTERS).map((i, n) => {
    const m = n - DRAFT_OPT_OUTS;
    return { i, steps: script(i, m >= 0 && m < COMPLETERS, m < OPT_OUTS) };
  });
  const active: typeof waiting = [];
  let ticks = 0;
  while (waiting.length || active.length) {
    while (active.length < 8 && waiting.length) active.push(waiting.shift()!);
    const k = Math.floor(random() * active.length);
    const next = active[k]!.steps.shift();
    if (next) await next();
    if (!active[k]!.steps.length) active.splice(k, 1);
    if (++ticks % 15 === 0) await progressTick();
    if (ticks % 40 === 0) await reminderRound();
  }
  await progressTick();
  // The copy during fieldwork is taken right after a round.
  await reminderRound();
  await learnTruth();
  assert.equal(truth.size, STARTERS);
  assert.equal(completedResponses.size, COMPLETERS);
  assert.equal(optedOut.size, OPT_OUTS + DRAFT_OPT_OUTS);
  assert.ok(rounds >= 5 && roundsChecked === rounds, `${rounds} rounds went out during the run`);
});
after(() => t.close());

// ---- what a copy shows ----

interface Version {
  xmin: number;
  /** Place in the file: block * 1000 + item (ctid), or the row's position in a dump. */
  place: number;
}
interface Copy {
  responses: Map<string, Version[]>;
  invitations: Map<string, Version[]>;
  /** Progress marks in the files, live and deleted (their xmax: the batch that deleted them). */
  marks?: Array<{ xmin: number; xmax: number }>;
  /** Reminder rounds and recorded completions (the outbox and the invitations' xmin). */
  rounds?: StoredRounds;
  /** Per round (its xid): what its mail told about each reminded invitation's start. */
  startKinds?: Map<number, Map<string, 'started' | 'not_started'>>;
  /**
   * Traces of opt-outs: when (a transaction id) and, when the copy tells, whose. From the frame
   * persons' versions, the audit log, cancelled mail, and progress marks written alone (no response
   * version with their xmin) with the persons changed by the batch that deleted them (files only).
   */
  optOuts?: Array<{ at: number; invitations: string[] }>;
}

/** Frame person → invitation, for the attacker (the invitations table has both). */
async function invitationOfPerson(): Promise<Map<string, string>> {
  const rows = await t.database.query<{ id: string; p: string }>(
    'select id, frame_person_id as p from invitations where wave_id = $1',
    [wave.waveId],
  );
  return new Map(rows.map((r) => [r.p, r.id]));
}

/**
 * What a copy shows of opt-outs. `personVersions`: the frame persons' row versions (files: every
 * version; SQL: the live one); a version later than a person's first was written by an update, which
 * only an opt-out makes. `marks`: progress marks with their xmin and (files) xmax.
 */
async function optOutTraces(
  personVersions: Array<{ id: string; xmin: number }>,
  marks: Array<{ xmin: number; xmax: number }>,
  responses: Map<string, Version[]>,
): Promise<Array<{ at: number; invitations: string[] }>> {
  const inv = await invitationOfPerson();
  const out: Array<{ at: number; invitations: string[] }> = [];
  // The frame was imported in one transaction: any later version of a person is an update.
  const imported = Math.min(...personVersions.filter((v) => inv.has(v.id)).map((v) => v.xmin));
  const changedBy = new Map<number, string[]>();
  for (const v of personVersions) {
    if (!inv.has(v.id) || v.xmin === imported) continue;
    changedBy.set(v.xmin, [...(changedBy.get(v.xmin) ?? []), inv.get(v.id)!]);
  }
  for (const [at, invitations] of changedBy) out.push({ at, invitations });
  const audits = await t.database.query<{ at: string; resource_id: string }>(
    "select xmin::text as at, resource_id from audit_log where action = 'wave.frame.optout' and resource_type = 'frame_person'",
  );
  for (const a of audits)
    if (inv.has(a.resource_id)) out.push({ at: Number(a.at), invitations: [inv.get(a.resource_id)!] });
  const cancelled = await t.database.query<{ at: string; key: string }>(
    "select xmin::text as at, idempotency_key as key from mail_messages where status = 'cancelled'",
  );
  for (const m of cancelled) {
    const id = m.key.split(':')[1]!;
    if (isInvitation(id)) out.push({ at: Number(m.at), invitations: [id] });
  }
  const written = new Set([...responses.values()].flatMap((vs) => vs.map((v) => v.xmin)));
  for (const m of marks)
    if (!written.has(m.xmin))
      out.push({ at: m.xmin, invitations: m.xmax ? (changedBy.get(m.xmax) ?? []) : [] });
  return out;
}

/**
 * Who a round shows opted out: in a cell it reached (it reminded someone there), whoever it did not
 * remind, was not left out by an earlier round and is never recorded as completed. (A round reminds
 * every non-respondent of a cell it reaches who did not opt out; a response left waiting would be
 * recorded later, and a draft's invitation is not completed.)
 */
function roundSkips(s: StoredRounds): Array<{ at: number; invitations: string[] }> {
  const skipped = new Set<string>();
  const out: Array<{ at: number; invitations: string[] }> = [];
  for (const r of [...s.rounds].sort((a, b) => a.at - b.at)) {
    const reached = new Set([...r.reminded].map((i) => s.cells.get(i)));
    const fresh = [...s.cells]
      .filter(([i, c]) => reached.has(c) && !r.reminded.has(i) && !skipped.has(i) && !s.recordedAt.has(i))
      .map(([i]) => i);
    for (const i of fresh) skipped.add(i);
    if (fresh.length) out.push({ at: r.at, invitations: fresh });
  }
  return out;
}

/**
 * What each round's mail tells about starting (the outbox keeps the text in demo installs; the token
 * hash changes and `invitation_links` tell the same): a reminder that asks to continue with the first
 * link went to someone who had started, one that replaces the link to someone who had not. A text that
 * is the same for both tells nothing.
 */
async function startKinds(): Promise<Map<number, Map<string, 'started' | 'not_started'>>> {
  const mails = await t.database.query<{ key: string; at: string; body: string | null }>(
    `select idempotency_key as key, xmin::text as at, text_body as body from mail_messages
      where purpose = 'reminder' and idempotency_key like 'reminder:%'`,
  );
  const out = new Map<number, Map<string, 'started' | 'not_started'>>();
  for (const m of mails) {
    const kind = /U bent al begonnen\./.test(m.body ?? '')
      ? 'started'
      : /deze vervangt de link/.test(m.body ?? '')
        ? 'not_started'
        : undefined;
    if (!kind) continue;
    const round = out.get(Number(m.at)) ?? new Map();
    out.set(Number(m.at), round.set(m.key.split(':')[1]!, kind));
  }
  return out;
}

const byId = (rows: Array<{ id: string } & Version>, keep: (id: string) => boolean) => {
  const out = new Map<string, Version[]>();
  for (const r of rows)
    if (keep(r.id)) out.set(r.id, [...(out.get(r.id) ?? []), { xmin: r.xmin, place: r.place }]);
  return out;
};
const isInvitation = (id: string) => wave.invitationIds.includes(id);

/** PGlite: the table files, every row version on their pages. */
async function fileCopy(): Promise<Copy> {
  const [marks] = await t.database.query<{ ok: boolean }>(
    "select to_regclass('invitation_progress') is not null as ok",
  );
  const tables = ['responses', 'invitations', 'frame_persons', ...(marks!.ok ? ['invitation_progress'] : [])];
  const heaps = await pgliteHeaps(t.database, tables);
  const rows = (name: string) =>
    heaps.get(name)!.map((h) => ({ id: h.id, xmin: h.xmin, place: h.block * 1000 + h.item }));
  const responses = byId(rows('responses'), (id) => truth.has(id));
  const progress = (heaps.get('invitation_progress') ?? []).map((h) => ({ xmin: h.xmin, xmax: h.xmax }));
  const rounds = await storedRounds(t.database, wave.waveId, invitationCells());
  return {
    responses,
    invitations: byId(rows('invitations'), isInvitation),
    marks: progress,
    rounds,
    startKinds: await startKinds(),
    optOuts: [...(await optOutTraces(rows('frame_persons'), progress, responses)), ...roundSkips(rounds)],
  };
}

/** Both databases: what SQL shows of the live rows (xmin, ctid). */
async function sqlCopy(): Promise<Copy> {
  const rows = (table: string) =>
    t.database.query<{ id: string; xmin: number; place: number }>(
      `select id, xmin::text::bigint as xmin,
              ((ctid::text::point)[0] * 1000 + (ctid::text::point)[1])::bigint as place
         from ${table} where wave_id = $1`,
      [wave.waveId],
    );
  const num = (r: { id: string; xmin: number; place: number }) => ({
    ...r,
    xmin: Number(r.xmin),
    place: Number(r.place),
  });
  const responses = byId((await rows('responses')).map(num), (id) => truth.has(id));
  const live = async (table: string) =>
    (
      await t.database.query<{ id: string; xmin: string }>(
        `select id, xmin::text as xmin from ${table} where wave_id = $1`,
        [wave.waveId],
      )
    ).map((r) => ({ id: r.id, xmin: Number(r.xmin), xmax: 0 }));
  const [progressTable] = await t.database.query<{ ok: boolean }>(
    "select to_regclass('invitation_progress') is not null as ok",
  );
  const rounds = await storedRounds(t.database, wave.waveId, invitationCells());
  return {
    responses,
    invitations: byId((await rows('invitations')).map(num), isInvitation),
    rounds,
    startKinds: await startKinds(),
    optOuts: [
      ...(await optOutTraces(
        await live('frame_persons'),
        progressTable!.ok ? await live('invitation_progress') : [],
        responses,
      )),
      ...roundSkips(rounds),
    ],
  };
}

/** PostgreSQL: the order in which `pg_dump` writes the rows (their physical order). */
function dumpCopy(): Copy {
  const url = t.database.url!;
  const text = execFileSync(
    '/usr/lib/postgresql/15/bin/pg_dump',
    ['--data-only', '--table=responses', '--table=invitations', url],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const order = (table: string) => {
    const start = text.indexOf(`COPY public.${table} `);
    const body = text.slice(text.indexOf('\n', start) + 1, text.indexOf('\n\\.', start));
    return body.split('\n').map((line, place) => ({ id: line.split('\t')[0]!, xmin: 0, place }));
  };
  return {
    responses: byId(order('responses'), (id) => truth.has(id)),
    invitations: byId(order('invitations'), isInvitation),
  };
}

// ---- the attacks ----

interface Outcome {
  /** Expected hits of the attack (a guess among its candidates). */
  hits: number;
  /** Expected hits of a random pairing. */
  chance: number;
  sd: number;
  /** The fewest (right) candidates the attack left a response with, as a fraction of the bound. */
  fewest: number;
}

/**
 * Scores an attack that names candidate invitations per response, against a guess among `among(r)`;
 * `fewest` is the smallest number of right candidates relative to `bound(r)` (1: at the bound).
 */
function score(
  candidates: (r: string) => string[],
  among: (r: string) => number,
  bound: (r: string) => number,
): Outcome {
  let hits = 0;
  let chance = 0;
  let variance = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (const [r, inv] of truth) {
    const c = candidates(r);
    if (c.includes(inv)) hits += 1 / c.length;
    // A narrowing counts when it is right: the candidates hold the response's invitation.
    if (c.includes(inv)) fewest = Math.min(fewest, c.length / bound(r));
    const p = 1 / among(r);
    chance += p;
    variance += p * (1 - p);
  }
  return { hits, chance, sd: Math.sqrt(variance), fewest };
}

const inCell = (copy: Copy, r: string) =>
  [...copy.invitations.keys()].filter((i) => cellOf.get(i) === cellOf.get(r));

function nearestXmin(copy: Copy): (r: string) => string[] {
  return (r) => {
    const xs = copy.responses.get(r)!.map((v) => v.xmin);
    let best = Number.POSITIVE_INFINITY;
    let found: string[] = [];
    for (const i of inCell(copy, r)) {
      const d = Math.min(...copy.invitations.get(i)!.flatMap((v) => xs.map((x) => Math.abs(x - v.xmin))));
      if (d < best) [best, found] = [d, [i]];
      else if (d === best) found.push(i);
    }
    return found;
  };
}

function batchIntersection(copy: Copy): (r: string) => string[] {
  return (r) => {
    const cell = inCell(copy, r);
    const batches = [...new Set(cell.flatMap((i) => copy.invitations.get(i)!.map((v) => v.xmin)))].sort(
      (a, b) => a - b,
    );
    const versions = copy.responses.get(r)!.map((v) => v.xmin);
    const next = (x: number) => batches.find((b) => b > x);
    const wanted = [next(Math.min(...versions)), next(Math.max(...versions))].filter((b) => b !== undefined);
    const found = cell.filter((i) => wanted.every((b) => copy.invitations.get(i)!.some((v) => v.xmin === b)));
    return found.length ? found : cell;
  };
}

function physicalOrder(copy: Copy): (r: string) => string[] {
  return (r) => {
    const cell = cellOf.get(r);
    const rank = (m: Map<string, Version[]>, pick: (v: Version[]) => number) =>
      [...m.entries()]
        .filter(([id]) => cellOf.get(id) === cell)
        .sort((a, b) => pick(a[1]) - pick(b[1]))
        .map(([id]) => id);
    const responses = rank(copy.responses, (v) => Math.min(...v.map((x) => x.place)));
    const invitations = rank(copy.invitations, (v) => Math.max(...v.map((x) => x.place)));
    const i = invitations[responses.indexOf(r)];
    return i ? [i] : inCell(copy, r);
  };
}

/** A mark written with the response (same xmin) was deleted by the batch that recorded it (its xmax). */
function markDeletion(copy: Copy): (r: string) => string[] {
  return (r) => {
    const cell = inCell(copy, r);
    const xs = new Set(copy.responses.get(r)!.map((v) => v.xmin));
    const batches = new Set(
      (copy.marks ?? []).filter((m) => xs.has(m.xmin) && m.xmax !== 0).map((m) => m.xmax),
    );
    const found = cell.filter((i) => copy.invitations.get(i)!.some((v) => batches.has(v.xmin)));
    return found.length ? found : cell;
  };
}

/**
 * Rounds remind non-respondents only: dated against the response's completion (the xmin of its last
 * version), they rule out invitations (test/support/reminder-attack.ts). Unfinished responses: no help.
 */
function reminderRounds(copy: Copy): (r: string) => string[] {
  return (r) => {
    const versions = copy.responses.get(r)!;
    if (!copy.rounds || !completedResponses.has(r)) return inCell(copy, r);
    const completedAt = Math.max(...versions.map((v) => v.xmin));
    const found = completionCandidates(copy.rounds, cellOf.get(r)!, completedAt);
    return found.length ? found : inCell(copy, r);
  };
}

/**
 * Drafts too: a response started (its first version) before a round whose mail told that an
 * invitation had not started is not that invitation's; nor is one started after a round that told it
 * had.
 */
function startRounds(copy: Copy): (r: string) => string[] {
  return (r) => {
    const startedAt = Math.min(...copy.responses.get(r)!.map((v) => v.xmin));
    const rounds = [...(copy.startKinds ?? new Map())];
    const found = inCell(copy, r).filter(
      (i) =>
        !rounds.some(
          ([at, kinds]) =>
            (at > startedAt && kinds.get(i) === 'not_started') ||
            (at < startedAt && kinds.get(i) === 'started'),
        ),
    );
    return found.length ? found : inCell(copy, r);
  };
}

/**
 * Opting out right after answering (or after saving a draft): the first opt-out traced after the
 * response's last version that names persons of its cell was, the attacker guesses, its person's (a
 * mark written alone right after the response says that someone opted out then); the persons of the
 * cell it names are the candidates — a draft's among those not recorded as completed.
 */
function optOutAfterAnswering(copy: Copy): (r: string) => string[] {
  return (r) => {
    const last = Math.max(...copy.responses.get(r)!.map((v) => v.xmin));
    const draft = !completedResponses.has(r);
    const cell = inCell(copy, r).filter((i) => !draft || !copy.rounds?.recordedAt.has(i));
    const after = (copy.optOuts ?? []).filter(
      (o) => o.at > last && o.invitations.some((i) => cell.includes(i)),
    );
    const first = Math.min(...after.map((o) => o.at));
    const found = [...new Set(after.filter((o) => o.at === first).flatMap((o) => o.invitations))].filter(
      (i) => cell.includes(i),
    );
    return found.length ? found : cell;
  };
}

const attacks = {
  nearestXmin,
  batchIntersection,
  physicalOrder,
  markDeletion,
  reminderRounds,
  startRounds,
  optOutAfterAnswering,
};

function assertNoBetterThan(
  copy: Copy,
  label: string,
  among: (r: string) => number,
  minimumCandidates?: (r: string) => number,
) {
  for (const [name, attack] of Object.entries(attacks)) {
    const o = score(attack(copy), among, minimumCandidates ?? (() => 1));
    const limit = o.chance + 3 * o.sd;
    assert.ok(
      o.hits <= limit,
      `${label}, ${name}: ${o.hits.toFixed(1)} of ${truth.size} responses paired; a random pairing gets ${o.chance.toFixed(1)} ± ${o.sd.toFixed(1)} (limit ${limit.toFixed(1)})`,
    );
    // Physical order names one candidate by construction; its bound is the hit rate above.
    if (minimumCandidates && name !== 'physicalOrder')
      assert.ok(
        o.fewest >= 1,
        `${label}, ${name}: a response narrowed below its bound (${o.fewest.toFixed(2)})`,
      );
  }
}

/**
 * What a copy shows anyway: each invitation's recorded status. A response is one of the invitations
 * of its cell with the status its invitation has (an unfinished response is not among the completed
 * ones): that group is "chance", and during fieldwork at least 10 of it (or all, if smaller).
 */
let statusOf = new Map<string, string>();
async function readStatuses() {
  const rows = await t.database.query<{ id: string; status: string }>(
    'select id, status from invitations where wave_id = $1',
    [wave.waveId],
  );
  statusOf = new Map(rows.map((r) => [r.id, r.status]));
}
const group = (r: string) =>
  wave.invitationIds.filter(
    (i) => cellOf.get(i) === cellOf.get(r) && statusOf.get(i) === statusOf.get(truth.get(r)!),
  ).length;
const amongTen = (r: string) => Math.min(10, group(r));

// ---- during fieldwork ----

test('during fieldwork, a copy of the files narrows no response to fewer than 10 invitations of its cell', async (c) => {
  if (!t.database.pglite) return c.skip('reads PGlite files; PostgreSQL: see the next test');
  await readStatuses();
  assertNoBetterThan(await fileCopy(), 'fieldwork, PGlite files', amongTen, amongTen);
});

test('during fieldwork, xmin, ctid and a pg_dump narrow no response to fewer than 10 invitations', async () => {
  await readStatuses();
  assertNoBetterThan(await sqlCopy(), 'fieldwork, xmin/ctid', amongTen, amongTen);
  // Monitoring lags by the waiting marks, and says so.
  const rates = await responseRates(t.database.db, wave.waveId);
  const total = rates.breakdowns.total[0]!;
  assert.ok(total.completed <= COMPLETERS && total.started === total.completed, `${total.completed}`);
  // At least the unrecorded completions and the 16 starts that never completed.
  assert.ok(rates.pendingProgress >= COMPLETERS - total.completed + (STARTERS - COMPLETERS));
  if (t.database.kind === 'postgres') assertNoBetterThan(dumpCopy(), 'fieldwork, pg_dump', amongTen);
});

// ---- after the close ----

test('after the close: no pairing better than chance within a cell, no old row version, no stray ids', async () => {
  const filenodes = async () =>
    t.database.query<{ t: string; f: string }>(
      "select c.relname as t, pg_relation_filenode(c.oid)::text as f from pg_class c where relname in ('responses', 'invitations') order by 1",
    );
  const before = await filenodes();
  await transitionWave(t.database.db, wave.waveId, 'close', cliActor('test'));
  await runQueuedJobs();

  // The invitations now show every completion and start (recorded at the close).
  const statuses = await t.database.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from invitations where wave_id = $1 group by status order by status',
    [wave.waveId],
  );
  assert.deepEqual(statuses, [
    { status: 'completed', n: COMPLETERS },
    { status: 'not_started', n: PERSONS - STARTERS },
    { status: 'started', n: STARTERS - COMPLETERS },
  ]);

  const [opted] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from frame_persons where wave_id = $1 and opted_out_at is not null',
    [wave.waveId],
  );
  assert.equal(opted!.n, OPT_OUTS + DRAFT_OPT_OUTS, 'every opt-out is recorded by the close');

  const rates = await responseRates(t.database.db, wave.waveId);
  assert.equal(rates.pendingProgress, 0);
  assert.deepEqual(
    [rates.breakdowns.total[0]!.started, rates.breakdowns.total[0]!.completed],
    [STARTERS, COMPLETERS],
  );

  await readStatuses();
  const files = t.database.pglite ? await fileCopy() : undefined;
  if (files) assertNoBetterThan(files, 'closed, PGlite files', group);
  assertNoBetterThan(await sqlCopy(), 'closed, xmin/ctid', group);
  if (t.database.kind === 'postgres') assertNoBetterThan(dumpCopy(), 'closed, pg_dump', group);

  // Old row versions are gone: both tables were written into new files with the live rows only.
  const afterClose = await filenodes();
  for (const [i, b] of before.entries())
    assert.notEqual(afterClose[i]!.f, b.f, `${b.t} was not rewritten (VACUUM FULL) after the close`);
  for (const [id, versions] of files ? [...files.responses, ...files.invitations] : [])
    assert.equal(versions.length, 1, `row ${id} still has ${versions.length} versions in the file`);

  // Jobs, outbox, audit log, progress marks and job keys hold no response id and no resume key.
  const secrets = (
    await t.database.query<{ id: string; resume_key_hash: string }>(
      'select id, resume_key_hash from responses where wave_id = $1',
      [wave.waveId],
    )
  ).flatMap((r) => [r.id, r.resume_key_hash]);
  for (const table of [
    'audit_log',
    'mail_messages',
    'pgboss.job',
    'job_keys',
    'invitation_progress',
    'invitations',
    'completion_days',
    'invitation_links',
  ]) {
    const exists = await t.database.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [
      table,
    ]);
    if (!exists[0]!.ok) continue;
    const [all] = await t.database.query<{ text: string | null }>(
      `select string_agg(row_to_json(x)::text, ' ') as text from ${table} x`,
    );
    for (const s of secrets) assert.ok(!(all!.text ?? '').includes(s), `${table} holds ${s}`);
  }
});
