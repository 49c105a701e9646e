/**
 * Answering a questionnaire through a personal link: open the link, start, save a section, complete.
 *
 * Anonymity by construction (docs/anonymity.md): the invitation is found by sha256(token), the
 * response by sha256(HMAC(server key, token)); nothing stored connects the two. In an anonymous wave
 * the answering transaction never writes the invitation (its row version would sit next to the
 * response's, with a neighbouring transaction id): it adds a sealed progress mark, which a job records
 * on the invitations in shuffled batches (../fieldwork/progress.ts). Confidential and named waves
 * write the invitation's status in a transaction of its own. No audit record or log line is written
 * for a respondent's save.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/database.js';
import { jsonStatement, rowFromJson } from '../../platform/db/json-statements.js';
import { AppError } from '../../platform/errors.js';
import { invitationLookup, linkIsOpenSql, markInvitationStatus } from '../fieldwork/invitations.js';
import { type FramePerson, type Invitation, pastEnd, type Wave } from '../fieldwork/model.js';
import { lockWaveShared, queueProgressMark, waitingProgress } from '../fieldwork/progress.js';
import { invitations } from '../fieldwork/schema.js';
import {
  type FieldError,
  nextSection,
  readSectionAnswers,
  relevanceOf,
  validateSection,
} from '../questionnaires/engine.js';
import {
  type Answers,
  type AnswerValue,
  otherTextCode,
  type QuestionnaireDefinition,
  variablesOf,
} from '../questionnaires/model.js';
import { responses } from '../responses/schema.js';
import { resumeKeyHash, TOKEN_PATTERN, tokenHash } from './keys.js';
import { loadDefinition } from './questionnaire-source.js';
import { contextOf, type ResponseStrata, responseIdentity } from './strata.js';

export type ResponseRow = typeof responses.$inferSelect;

export type LinkState =
  | { kind: 'unknown' }
  | { kind: 'closed'; wave: Wave }
  | { kind: 'not_open'; wave: Wave }
  | { kind: 'completed'; wave: Wave }
  /** Anonymous waves: the invitation started with another of its links (a round gives a new one). */
  | { kind: 'started_elsewhere'; wave: Wave }
  | {
      kind: 'open';
      wave: Wave;
      invitation: Invitation;
      framePerson: FramePerson;
      versionId: string;
      def: QuestionnaireDefinition;
      resumeKeyHash: string;
      /** The server key: seals the invitation's progress mark (anonymous waves, ../fieldwork/progress.ts). */
      serverKey: Buffer;
      /** Absent until the respondent chooses "Begin". */
      response?: ResponseRow;
    };
export type OpenLink = Extract<LinkState, { kind: 'open' }>;

/** Today in the Netherlands, as YYYY-MM-DD: response dates are kept to the day. */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });
/** Formatting a date in a time zone costs more than the rest of a save; the day is kept for a second. */
let lastDay = { at: Number.NEGATIVE_INFINITY, day: '' };
export function today(now?: Date): string {
  if (now) return dayFormat.format(now);
  const at = Date.now();
  if (at - lastDay.at >= 1000 || at < lastDay.at) lastDay = { at, day: dayFormat.format(at) };
  return lastDay.day;
}

const byKey = jsonStatement(
  'answering_response_by_key',
  'select to_json(r)::text from responses r where r.resume_key_hash = $1',
);

async function responseByKey(database: Database, keyHash: string): Promise<ResponseRow | undefined> {
  const [row] = (await byKey(database, [keyHash])) as Array<Record<string, unknown> | undefined>;
  return row && rowFromJson(responses, row);
}

/**
 * The invitation a token belongs to (the fieldwork domain's lookup) and, in the same statement, the
 * response its resume key finds: one round trip per page. The two are found by two different hashes
 * of the token; the statement only puts side by side what the caller already holds the key to.
 */
const lookUpLink = invitationLookup<Record<string, unknown> | null>(
  'answering_look_up_link',
  '(select to_json(r) from responses r where r.resume_key_hash = $2)',
);

/** What a link leads to. Unknown and malformed tokens look the same to the visitor. */
export async function openLink(database: Database, serverKey: Buffer, token: string): Promise<LinkState> {
  if (!TOKEN_PATTERN.test(token)) return { kind: 'unknown' };
  const keyHash = resumeKeyHash(serverKey, token);
  const found = await lookUpLink(database, token, keyHash);
  if (!found) return { kind: 'unknown' };
  const { wave, invitation, framePerson } = found;
  const response = found.extra ? rowFromJson(responses, found.extra) : undefined;
  if (response?.status === 'completed') {
    // Completing marks a confidential or named wave's invitation in a second transaction; finish that
    // if a crash came between (anonymous waves queue their mark in the completing transaction).
    if (wave.anonymity !== 'anonymous' && invitation.status !== 'completed')
      await markInvitationStatus(database.db, invitation.id, 'completed');
    return { kind: 'completed', wave };
  }
  if (wave.status === 'draft') return { kind: 'not_open', wave };
  // Past the end date the links take no answers, until the researcher extends the date.
  if (wave.status !== 'open' || pastEnd(wave, today())) return { kind: 'closed', wave };
  if (!response && wave.anonymity === 'anonymous') {
    const elsewhere = await progressElsewhere(database.db, serverKey, invitation);
    if (elsewhere === 'completed') return { kind: 'completed', wave };
    if (elsewhere === 'started') return { kind: 'started_elsewhere', wave };
  }
  const versionId = response?.questionnaireVersionId ?? found.questionnaireVersionId;
  const def = versionId ? await loadDefinition(database.db, versionId) : undefined;
  if (!versionId || !def) return { kind: 'not_open', wave };
  if (response) remember(database, keyHash, def, response);
  return {
    kind: 'open',
    wave,
    invitation,
    framePerson,
    versionId,
    def,
    resumeKeyHash: keyHash,
    serverKey,
    response,
  };
}

/**
 * Anonymous waves: whether the invitation already started or completed, with another of its links (a
 * reminder round gives everyone it reminds a new link and keeps the earlier ones working, so a second
 * link must not start a second response). Read from the invitation and, in memory, from the waiting
 * marks; nothing is written.
 */
async function progressElsewhere(
  db: DbOrTx,
  serverKey: Buffer,
  invitation: Invitation,
): Promise<string | undefined> {
  if (invitation.status !== 'not_started') return invitation.status;
  return (await waitingProgress(db, serverKey, invitation.waveId)).get(invitation.id);
}

/** A response's context, made once per strata object (stored strata never change; rows share theirs). */
const contexts = new WeakMap<object, Record<string, string>>();
export function contextOfResponse(r: Pick<ResponseRow, 'strata'>): Readonly<Record<string, string>> {
  const strata = r.strata as ResponseStrata;
  let context = contexts.get(strata);
  if (!context) {
    context = contextOf(strata);
    contexts.set(strata, context);
  }
  return context;
}

/**
 * Creates the response (once, however often "Begin" is pressed) and marks the invitation started:
 * in an anonymous wave with a sealed progress mark in the same transaction (the invitation itself is
 * updated later, in a batch: ../fieldwork/progress.ts); otherwise directly, in a transaction of its own.
 */
export async function startResponse(database: Database, link: OpenLink): Promise<ResponseRow> {
  if (link.response) return link.response;
  const anonymous = link.wave.anonymity === 'anonymous';
  // Confidential and named: the invitation first; after a crash in between, the person is
  // "started" without a response, and the next "Begin" creates it.
  if (!anonymous) await markInvitationStatus(database.db, link.invitation.id, 'started');
  const identity = responseIdentity(link.wave.anonymity, link.framePerson);
  const insert = (db: DbOrTx) =>
    db
      .insert(responses)
      .values({
        waveId: link.wave.id,
        targetGroup: link.framePerson.targetGroup,
        questionnaireVersionId: link.versionId,
        resumeKeyHash: link.resumeKeyHash,
        strata: identity.strata,
        organisationId: identity.organisationId,
        framePersonId: identity.framePersonId,
        answers: {},
        currentSection: 0,
        startedOn: today(),
      })
      .onConflictDoNothing({ target: responses.resumeKeyHash })
      .returning({ id: responses.id });
  if (!anonymous) await insert(database.db);
  else
    await database.db.transaction(async (tx) => {
      await lockWaveShared(tx, link.wave.id);
      // Two links of one invitation starting at once: one waits for the other (a lock held in memory
      // only, nothing written), then sees its mark.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${link.invitation.id}, 0))`);
      const [current] = await tx
        .select({ status: invitations.status })
        .from(invitations)
        .where(eq(invitations.id, link.invitation.id));
      const mine = await tx
        .select({ id: responses.id })
        .from(responses)
        .where(eq(responses.resumeKeyHash, link.resumeKeyHash));
      if (
        mine.length === 0 &&
        current &&
        (await progressElsewhere(tx, link.serverKey, { ...link.invitation, ...current }))
      )
        throw new AppError('conflict', {
          detail: {
            nl: 'U bent al begonnen met de link uit een eerdere e-mail. Gebruik die link om verder te gaan.',
            en: 'you already started with the link in an earlier e-mail; use that link to continue',
          },
        });
      if ((await insert(tx)).length)
        await queueProgressMark(tx, link.serverKey, link.wave.id, link.invitation.id, 'started');
    });
  const row = await responseByKey(database, link.resumeKeyHash);
  if (!row) throw new Error('response vanished after insert');
  return row;
}

const isSelected = (answer: unknown, code: string) =>
  Array.isArray(answer) ? answer.includes(code) : answer === code;

/**
 * Keeps only answers to items that are relevant under routing (and "anders, namelijk" texts whose
 * option is chosen): answers to skipped questions are removed, never kept as a stale "nee".
 */
export function pruneAnswers(
  def: QuestionnaireDefinition,
  answers: Answers,
  context: Readonly<Record<string, unknown>>,
): Record<string, AnswerValue> {
  const relevance = relevanceOf(def, answers, context);
  const out: Record<string, AnswerValue> = {};
  for (const v of variablesOf(def)) {
    const a = answers[v.code];
    if (a === undefined || a === null) continue;
    if (v.kind === 'matrix_row') {
      if (relevance.items.get(v.code)) out[v.code] = a;
      continue;
    }
    if (!relevance.items.get(v.item.code)) continue;
    if (v.kind === 'other_text' && !isSelected(answers[v.item.code], v.option!.code)) continue;
    out[v.code] = a;
  }
  return out;
}

export type Direction = 'next' | 'back';

export type SaveResult =
  | { kind: 'completed' }
  | { kind: 'invalid'; errors: FieldError[]; shown: Record<string, AnswerValue>; response: ResponseRow }
  /** target: section index, 'check' after the last section, 'start' before the first. */
  | { kind: 'saved'; target: number | 'check' | 'start' };

/** Equal answers, whatever the key order (jsonb stores keys in its own order). */
const canonical = (a: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(a)
      .sort()
      .map((k) => [k, a[k]]),
  );
const sameJson = (a: Record<string, unknown>, b: Record<string, unknown>) => canonical(a) === canonical(b);

/** The one statement of a save: the new answers, only if the row is still at the revision they were computed from. */
const saveStatement = jsonStatement(
  'answering_save_section',
  `update responses set answers = $1::jsonb, current_section = $2::int, revision = revision + 1
    where id = $3 and revision = $4::int and status = 'in_progress'
    returning to_json(id)::text`,
);

/**
 * Saves one section's answers from a form post. Valid answers are stored even when others on the
 * page are not; invalid ones are shown back, not stored. The write is one conditional UPDATE on the
 * revision the answers were computed from (optimistic concurrency: a save from another device in
 * between makes it recompute on the fresh row), so a save costs one statement and no lock is held
 * while computing. Saving the same page twice writes nothing the second time.
 */
export async function saveSection(
  database: Database,
  link: OpenLink,
  sectionIndex: number,
  input: Readonly<Record<string, unknown>>,
  direction: Direction,
): Promise<SaveResult> {
  let row = link.response;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!row) throw new Error('saveSection before startResponse');
    if (row.status === 'completed') return { kind: 'completed' };
    const computed = computeSave(link.def, row, sectionIndex, input, direction);
    if (!computed.changed) return computed.result;
    const updated = await saveStatement(database, [
      JSON.stringify(computed.answers),
      computed.current,
      row.id,
      row.revision,
    ]);
    if (updated.length === 1) {
      remember(database, link.resumeKeyHash, link.def, {
        ...row,
        answers: computed.answers,
        currentSection: computed.current,
        revision: row.revision + 1,
      });
      return computed.result;
    }
    row = await responseByKey(database, link.resumeKeyHash);
  }
  throw new AppError('conflict', {
    detail: {
      nl: 'De antwoorden veranderden steeds tijdens het opslaan. Probeer het opnieuw.',
      en: 'the answers kept changing while saving; try again',
    },
  });
}

function computeSave(
  def: QuestionnaireDefinition,
  row: ResponseRow,
  sectionIndex: number,
  input: Readonly<Record<string, unknown>>,
  direction: Direction,
): { changed: boolean; answers: Record<string, AnswerValue>; current: number; result: SaveResult } {
  const section = def.sections[sectionIndex]!;
  const context = contextOfResponse(row);
  const stored = row.answers as Record<string, AnswerValue>;
  const submitted = readSectionAnswers(section, input);
  const merged: Record<string, AnswerValue> = { ...stored };
  for (const item of section.items) {
    // Clear every field of the section first: an unticked box or emptied field is an answer too.
    delete merged[item.code];
    if (item.type === 'matrix') for (const r of item.rows) delete merged[r.code];
    if ('options' in item)
      for (const o of item.options) if (o.other) delete merged[otherTextCode(item.code, o.code)];
  }
  Object.assign(merged, submitted);
  const allErrors = validateSection(def, sectionIndex, merged, context, { today: today() });
  // Going back never blocks on missing answers; invalid values are never stored.
  const errors = direction === 'back' ? allErrors.filter((e) => e.kind !== 'required') : allErrors;
  for (const e of allErrors) if (e.kind !== 'required') delete merged[e.field];
  const answers = pruneAnswers(def, merged, context);

  let target: number | 'check' | 'start';
  if (errors.length > 0) target = sectionIndex;
  else if (direction === 'next') target = nextSection(def, answers, sectionIndex, 1, context) ?? 'check';
  else target = nextSection(def, answers, sectionIndex, -1, context) ?? 'start';
  const current =
    typeof target === 'number' ? target : target === 'check' ? def.sections.length : sectionIndex;
  const changed = !sameJson(answers, stored) || current !== row.currentSection;
  const result: SaveResult =
    errors.length > 0
      ? { kind: 'invalid', errors, shown: { ...answers, ...submitted }, response: { ...row, answers } }
      : { kind: 'saved', target };
  return { changed, answers, current, result };
}

/**
 * The response row each resume key was last seen with in this process (by a page or a save), so the
 * save that follows a page needs one statement instead of two. Never trusted on its own: the save's
 * UPDATE applies only if the row is still at that revision and in progress, and only if the link
 * still leads to an open wave (its invitation's token hash, joined to the wave, in the same
 * statement). Anything else (another device saved, the wave closed, the link was replaced, another
 * process changed the row) updates nothing, and the save takes the full path. Keyed by the resume
 * key's hash, never by the token; bounded (oldest forgotten first).
 */
interface RecentRow {
  def: QuestionnaireDefinition;
  response: ResponseRow;
}
const RECENT_MAX = 10_000;
const recentRows = new WeakMap<Database, Map<string, RecentRow>>();

function remember(database: Database, keyHash: string, def: QuestionnaireDefinition, response: ResponseRow) {
  const rows = recentRows.get(database) ?? new Map<string, RecentRow>();
  recentRows.set(database, rows);
  rows.delete(keyHash);
  rows.set(keyHash, { def, response });
  if (rows.size > RECENT_MAX) rows.delete(rows.keys().next().value!);
}

const checkedSaveStatement = jsonStatement(
  'answering_save_section_checked',
  `update responses set answers = $1::jsonb, current_section = $2::int, revision = revision + 1
    where id = $3 and revision = $4::int and status = 'in_progress' and ${linkIsOpenSql('$5')}
    returning to_json(id)::text`,
);

/**
 * A save in one statement, from the row this process last saw for the link (see RecentRow). Returns
 * undefined whenever the full path must decide: no recent row, an unknown section, answers to show
 * back, nothing changed, or the statement updated nothing.
 */
export async function saveFromRecentRow(
  database: Database,
  serverKey: Buffer,
  token: string,
  sectionId: string,
  input: Readonly<Record<string, unknown>>,
  direction: Direction,
): Promise<{ def: QuestionnaireDefinition; target: number | 'check' | 'start' } | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const keyHash = resumeKeyHash(serverKey, token);
  const rows = recentRows.get(database);
  const recent = rows?.get(keyHash);
  if (!rows || !recent || recent.response.status !== 'in_progress') return undefined;
  const index = recent.def.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return undefined;
  const row = recent.response;
  const computed = computeSave(recent.def, row, index, input, direction);
  if (!computed.changed || computed.result.kind !== 'saved') return undefined;
  const updated = await checkedSaveStatement(database, [
    JSON.stringify(computed.answers),
    computed.current,
    row.id,
    row.revision,
    tokenHash(token),
  ]);
  if (updated.length !== 1) {
    rows.delete(keyHash);
    return undefined;
  }
  remember(database, keyHash, recent.def, {
    ...row,
    answers: computed.answers,
    currentSection: computed.current,
    revision: row.revision + 1,
  });
  return { def: recent.def, target: computed.result.target };
}

export interface CheckProblem {
  sectionIndex: number;
  error: FieldError;
}

/** Problems left in the whole questionnaire (required questions skipped, e.g. by jumping ahead). */
export function remainingProblems(def: QuestionnaireDefinition, response: ResponseRow): CheckProblem[] {
  const context = contextOfResponse(response);
  const answers = response.answers as Answers;
  return def.sections.flatMap((_, i) =>
    validateSection(def, i, answers, context, { today: today() }).map((error) => ({
      sectionIndex: i,
      error,
    })),
  );
}

export type CompleteResult = { kind: 'completed' } | { kind: 'incomplete'; problems: CheckProblem[] };

/** Sends the answers: the response becomes completed (dated to the day), then the invitation. */
export async function completeResponse(database: Database, link: OpenLink): Promise<CompleteResult> {
  const anonymous = link.wave.anonymity === 'anonymous';
  const result = await database.db.transaction(async (tx): Promise<CompleteResult> => {
    const rows = await tx
      .select()
      .from(responses)
      .where(eq(responses.resumeKeyHash, link.resumeKeyHash))
      .for('update')
      .limit(1);
    const row = rows[0];
    if (!row) return { kind: 'incomplete', problems: [] };
    if (row.status === 'completed') return { kind: 'completed' };
    const problems = remainingProblems(link.def, row);
    if (problems.length) return { kind: 'incomplete', problems };
    if (anonymous) await lockWaveShared(tx, link.wave.id);
    await tx
      .update(responses)
      .set({ status: 'completed', completedOn: today(), revision: sql`${responses.revision} + 1` })
      .where(eq(responses.id, row.id));
    if (anonymous) await queueProgressMark(tx, link.serverKey, link.wave.id, link.invitation.id, 'completed');
    return { kind: 'completed' };
  });
  recentRows.get(database)?.delete(link.resumeKeyHash);
  // Confidential and named: a separate transaction on purpose (see the file comment); repeating it
  // is harmless.
  if (result.kind === 'completed' && !anonymous)
    await markInvitationStatus(database.db, link.invitation.id, 'completed');
  return result;
}

/** The relevant sections (with at least one relevant item) in order, for progress and the check page. */
export function relevantSections(
  def: QuestionnaireDefinition,
  answers: Answers,
  context: Record<string, unknown>,
): number[] {
  const relevance = relevanceOf(def, answers, context);
  return def.sections.flatMap((s, i) =>
    relevance.sections.get(s.id) && s.items.some((it) => relevance.items.get(it.code)) ? [i] : [],
  );
}
