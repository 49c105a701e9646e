/**
 * Reports: submission (encrypted with a fresh report key, wrapped for every accepted handler key and
 * for the receipt code), the register line with its deadlines, the reporter's return with the receipt
 * code, and the handler's side (open, acknowledge, messages, the identity behind a logged second step).
 */
import { and, asc, eq } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { DecryptionError } from './crypto/aead.js';
import { deriveReceiptKeys, generateReceiptCode, normaliseReceiptCode, TEST_KDF } from './crypto/receipt.js';
import {
  newReportKey,
  openField,
  sealField,
  unwrapReportKey,
  unwrapReportKeyWithReceipt,
  wrapReportKeyFor,
  wrapReportKeyForReceipt,
} from './crypto/report-keys.js';
import { acknowledgementDue, feedbackDue, reportDeadlines } from './deadlines.js';
import { appendHistory } from './history-repository.js';
import { acceptedKeys, findChannel, type UnlockedKey } from './keys-service.js';
import type {
  Category,
  IdentityMode,
  ReportChannel,
  ReportContent,
  ReporterIdentity,
  ReportState,
} from './model.js';
import type { IntegrityOptions } from './options.js';
import { integrityMessages, integrityRegister, integrityReportKeys, integrityReports } from './schema.js';

export const anonymousReporter: Actor = { type: 'system', id: null, label: 'integrity reporter' };

export interface Submission {
  category: Category;
  content: ReportContent;
  identityMode: IdentityMode;
  identity?: ReporterIdentity;
  channel?: ReportChannel;
  /** Handler keys the reporter excluded: they get no copy of the report key. */
  excludedKeyIds?: string[];
}

/** Is the organisation's channel open (set up, with at least one accepted handler key)? */
export async function channelOpen(db: DbOrTx, organisationId: string): Promise<boolean> {
  return (await acceptedKeys(db, organisationId)).length > 0;
}

/**
 * Stores a report and returns its receipt code. The code is returned only after the transaction has
 * committed, so a reporter never holds a code for a report that was lost.
 */
export async function submitReport(
  db: DbOrTx,
  organisationId: string,
  s: Submission,
  opts: IntegrityOptions,
  /** Only the demo passes a fixed code (printed at start-up); everyone else gets a random one. */
  receiptCode = generateReceiptCode(),
): Promise<{ reportId: string; receiptCode: string }> {
  const channel = await findChannel(db, organisationId);
  const keys = (await acceptedKeys(db, organisationId)).filter(
    (k) => !(s.excludedKeyIds ?? []).includes(k.id),
  );
  if (!channel || keys.length === 0)
    throw new AppError('not-found', {
      detail: {
        nl: 'Dit meldpunt neemt nog geen meldingen aan.',
        en: 'this channel does not accept reports yet',
      },
    });
  const receipt = await deriveReceiptKeys(receiptCode, channel.receiptSalt, channel.receiptKdf);
  const reportId = crypto.randomUUID();
  const reportKey = newReportKey();
  const receivedAt = opts.clock();
  const withIdentity = s.identityMode !== 'anonymous' && s.identity;
  await db.transaction(async (tx) => {
    await tx.insert(integrityReports).values({
      id: reportId,
      organisationId,
      receiptVerifier: receipt.verifier,
      receiptWrappedKey: wrapReportKeyForReceipt(receipt.wrappingKey, reportKey, reportId),
      contentSealed: sealField(reportKey, reportId, 'content', JSON.stringify(s.content)),
      identitySealed: withIdentity
        ? sealField(reportKey, reportId, 'identity', JSON.stringify(s.identity))
        : null,
      createdAt: receivedAt,
    });
    await tx.insert(integrityReportKeys).values(
      keys.map((k) => ({
        reportId,
        handlerKeyId: k.id,
        wrapped: wrapReportKeyFor(k.encryptionPublic, reportKey, reportId, k.id),
      })),
    );
    await tx.insert(integrityRegister).values({
      reportId,
      organisationId,
      receivedAt,
      channel: s.channel ?? 'web',
      category: s.category,
      identityMode: withIdentity ? s.identityMode : 'anonymous',
      acknowledgementDueAt: acknowledgementDue(receivedAt),
      feedbackDueAt: feedbackDue(receivedAt),
    });
    await audit(tx, anonymousReporter, {
      action: 'integrity.report.create',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId,
      diff: { category: s.category, channel: s.channel ?? 'web', handlers: keys.length },
    });
  });
  return { reportId, receiptCode };
}

const receiptRefused = () =>
  new AppError('integrity-receipt', {
    detail: {
      nl: 'Wij herkennen deze meldcode niet. Controleer de 16 cijfers en probeer het opnieuw.',
      en: 'we do not recognise this receipt code; check the 16 digits and try again',
    },
  });

/**
 * The reporter comes back with the receipt code. A malformed code, an unknown code and a wrong one
 * all take one argon2id derivation and give the same answer.
 */
export async function openWithReceipt(
  db: DbOrTx,
  organisationId: string,
  typed: string,
): Promise<{ reportId: string; reportKey: Buffer }> {
  const channel = await findChannel(db, organisationId);
  const code = normaliseReceiptCode(typed) ?? '0000000000000000';
  const receipt = await deriveReceiptKeys(
    code,
    channel?.receiptSalt ?? Buffer.alloc(16),
    channel?.receiptKdf ?? TEST_KDF,
  );
  if (!channel || !normaliseReceiptCode(typed)) throw receiptRefused();
  const [row] = await db
    .select({ id: integrityReports.id, wrapped: integrityReports.receiptWrappedKey })
    .from(integrityReports)
    .where(
      and(
        eq(integrityReports.organisationId, organisationId),
        eq(integrityReports.receiptVerifier, receipt.verifier),
      ),
    );
  if (!row) throw receiptRefused();
  try {
    return {
      reportId: row.id,
      reportKey: unwrapReportKeyWithReceipt(receipt.wrappingKey, row.wrapped, row.id),
    };
  } catch (err) {
    if (err instanceof DecryptionError) throw receiptRefused();
    throw err;
  }
}

/** The handler's copy of a report key, or a clear refusal (no copy: recused, excluded, or key not certified). */
export async function reportKeyFor(db: DbOrTx, key: UnlockedKey, reportId: string): Promise<Buffer> {
  const [row] = await db
    .select({ wrapped: integrityReportKeys.wrapped })
    .from(integrityReportKeys)
    .innerJoin(integrityReports, eq(integrityReports.id, integrityReportKeys.reportId))
    .where(
      and(
        eq(integrityReportKeys.reportId, reportId),
        eq(integrityReportKeys.handlerKeyId, key.keyId),
        eq(integrityReports.organisationId, key.organisationId),
      ),
    );
  if (!row)
    throw new AppError('integrity-no-key', {
      detail: {
        nl: 'Uw sleutel heeft geen toegang tot deze melding. Dat gebeurt als de melder u heeft uitgesloten, als u bent teruggetreden, of als uw sleutel is gemaakt nadat de melding binnenkwam en nog niet is bevestigd.',
        en: 'your key has no copy of this report’s key: you were excluded or recused, or your key has not been certified yet',
      },
    });
  return unwrapReportKey(key.keys.encryption, row.wrapped, reportId, key.keyId);
}

export interface RegisterLine {
  reportId: string;
  receivedAt: Date;
  channel: ReportChannel;
  category: Category;
  identityMode: IdentityMode;
  state: ReportState;
  acknowledgedAt: Date | null;
  feedbackAt: Date | null;
  outcome: string | null;
}

async function registerLine(db: DbOrTx, organisationId: string, reportId: string): Promise<RegisterLine> {
  const [r] = await db
    .select()
    .from(integrityRegister)
    .where(
      and(eq(integrityRegister.reportId, reportId), eq(integrityRegister.organisationId, organisationId)),
    );
  if (!r)
    throw new AppError('not-found', { detail: { nl: 'Deze melding bestaat niet.', en: 'no such report' } });
  return {
    ...r,
    channel: r.channel as ReportChannel,
    category: r.category as Category,
    identityMode: r.identityMode as IdentityMode,
    state: r.state as ReportState,
  };
}

/** The register with both countdowns, newest first (plain-text fields only: no key needed). */
export async function listRegister(db: DbOrTx, organisationId: string, opts: IntegrityOptions) {
  const now = opts.clock();
  const rows = await db
    .select()
    .from(integrityRegister)
    .where(eq(integrityRegister.organisationId, organisationId));
  return rows
    .map((r) => ({ ...r, deadlines: reportDeadlines(r, now) }))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
}

export interface Message {
  id: string;
  author: 'reporter' | 'handler';
  text: string;
  at: Date;
}

async function messagesOf(db: DbOrTx, reportId: string, reportKey: Buffer): Promise<Message[]> {
  const rows = await db
    .select()
    .from(integrityMessages)
    .where(eq(integrityMessages.reportId, reportId))
    .orderBy(asc(integrityMessages.seq));
  return rows.map((m) => ({
    id: m.id,
    author: m.author as Message['author'],
    text: openField(reportKey, reportId, 'message', m.sealed, m.id),
    at: m.createdAt,
  }));
}

async function reportRow(db: DbOrTx, organisationId: string, reportId: string) {
  const [row] = await db
    .select()
    .from(integrityReports)
    .where(and(eq(integrityReports.id, reportId), eq(integrityReports.organisationId, organisationId)));
  if (!row)
    throw new AppError('not-found', { detail: { nl: 'Deze melding bestaat niet.', en: 'no such report' } });
  return row;
}

/** What the reporter sees with the receipt code: their report, the conversation, the state and deadlines. */
export async function reporterView(
  db: DbOrTx,
  organisationId: string,
  opened: { reportId: string; reportKey: Buffer },
  opts: IntegrityOptions,
) {
  const row = await reportRow(db, organisationId, opened.reportId);
  const register = await registerLine(db, organisationId, opened.reportId);
  return {
    register,
    deadlines: reportDeadlines(register, opts.clock()),
    content: row.contentSealed
      ? (JSON.parse(openField(opened.reportKey, row.id, 'content', row.contentSealed)) as ReportContent)
      : undefined,
    messages: await messagesOf(db, row.id, opened.reportKey),
  };
}

/** What a handler sees: everything except the identity, which takes `revealIdentity`. */
export async function handlerView(db: DbOrTx, key: UnlockedKey, reportId: string, opts: IntegrityOptions) {
  const row = await reportRow(db, key.organisationId, reportId);
  const reportKey = await reportKeyFor(db, key, reportId);
  const register = await registerLine(db, key.organisationId, reportId);
  return {
    register,
    deadlines: reportDeadlines(register, opts.clock()),
    content: row.contentSealed
      ? (JSON.parse(openField(reportKey, row.id, 'content', row.contentSealed)) as ReportContent)
      : undefined,
    hasIdentity: row.identitySealed !== null,
    messages: await messagesOf(db, row.id, reportKey),
  };
}

/** The second step: a confidential reporter's identity, shown to this handler and logged. */
export async function revealIdentity(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
): Promise<ReporterIdentity | undefined> {
  const row = await reportRow(db, key.organisationId, reportId);
  if (!row.identitySealed) return undefined;
  const reportKey = await reportKeyFor(db, key, reportId);
  const identity = JSON.parse(
    openField(reportKey, reportId, 'identity', row.identitySealed),
  ) as ReporterIdentity;
  await db.transaction(async (tx) => {
    await audit(tx, actor, {
      action: 'integrity.identity.reveal',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
    });
  });
  return identity;
}

async function addMessage(
  tx: DbOrTx,
  reportId: string,
  reportKey: Buffer,
  author: 'reporter' | 'handler',
  authorUserId: string | null,
  text: string,
  at: Date,
) {
  const id = crypto.randomUUID();
  await tx.insert(integrityMessages).values({
    id,
    reportId,
    author,
    authorUserId,
    sealed: sealField(reportKey, reportId, 'message', text, id),
    createdAt: at,
  });
  return id;
}

/**
 * The handler acknowledges receipt (once), optionally with a message; the feedback deadline now runs
 * from the day of the acknowledgement.
 */
export async function acknowledge(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  message: string,
  opts: IntegrityOptions,
): Promise<void> {
  const reportKey = await reportKeyFor(db, key, reportId);
  const at = opts.clock();
  await db.transaction(async (tx) => {
    const line = await registerLine(tx, key.organisationId, reportId);
    if (line.acknowledgedAt)
      throw new AppError('conflict', {
        detail: { nl: 'De ontvangst is al bevestigd.', en: 'receipt already acknowledged' },
      });
    if (message.trim()) await addMessage(tx, reportId, reportKey, 'handler', key.userId, message, at);
    if (line.state === 'ontvangen')
      await appendHistory(tx, reportKey, {
        reportId,
        organisationId: key.organisationId,
        at,
        actorUserId: key.userId,
        kind: 'transition',
        fromState: 'ontvangen',
        toState: 'intake',
      });
    await tx
      .update(integrityRegister)
      .set({
        acknowledgedAt: at,
        feedbackDueAt: feedbackDue(line.receivedAt, at),
        state: line.state === 'ontvangen' ? 'intake' : line.state,
      })
      .where(eq(integrityRegister.reportId, reportId));
    await audit(tx, actor, {
      action: 'integrity.report.acknowledge',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
    });
  });
}

/** A handler's message to the reporter; `feedback` marks it as the statutory information on the follow-up. */
export async function handlerMessage(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  text: string,
  feedback: boolean,
  opts: IntegrityOptions,
) {
  const reportKey = await reportKeyFor(db, key, reportId);
  const at = opts.clock();
  await db.transaction(async (tx) => {
    const line = await registerLine(tx, key.organisationId, reportId);
    const id = await addMessage(tx, reportId, reportKey, 'handler', key.userId, text, at);
    if (feedback && !line.feedbackAt)
      await tx
        .update(integrityRegister)
        .set({ feedbackAt: at })
        .where(eq(integrityRegister.reportId, reportId));
    await audit(tx, actor, {
      action: 'integrity.message.create',
      resourceType: 'integrity_message',
      resourceId: id,
      organisationId: key.organisationId,
      diff: { reportId, feedback },
    });
  });
}

/** The reporter answers or adds information, with the key opened by the receipt code. */
export async function reporterMessage(
  db: DbOrTx,
  organisationId: string,
  opened: { reportId: string; reportKey: Buffer },
  text: string,
  opts: IntegrityOptions,
) {
  await db.transaction(async (tx) => {
    const id = await addMessage(tx, opened.reportId, opened.reportKey, 'reporter', null, text, opts.clock());
    await audit(tx, anonymousReporter, {
      action: 'integrity.message.create',
      resourceType: 'integrity_message',
      resourceId: id,
      organisationId,
      diff: { reportId: opened.reportId, author: 'reporter' },
    });
  });
}
