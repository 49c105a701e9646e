/**
 * Reports: submission (encrypted with a fresh report key, wrapped for every accepted handler key and
 * for the receipt code), the register line with its deadlines, the reporter's return with the receipt
 * code, and the handler's side (open, acknowledge, messages, the identity behind a logged second step).
 */
import { eq } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { AttachmentInput } from './attachment-files.js';
import { insertAttachments, listAttachments, sealAttachments } from './attachments.js';
import { deriveReceiptKeys, generateReceiptCode } from './crypto/receipt.js';
import {
  newReportKey,
  openField,
  sealField,
  wrapReportKeyFor,
  wrapReportKeyForReceipt,
} from './crypto/report-keys.js';
import { acknowledgementDue, feedbackDue, reportDeadlines } from './deadlines.js';
import { handlerUserIds } from './handler-roles.js';
import { appendHistory } from './history-repository.js';
import { acceptedKeys, findChannel, type UnlockedKey } from './keys-service.js';
import type { Category, IdentityMode, ReportChannel, ReportContent, ReporterIdentity } from './model.js';
import type { IntegrityOptions } from './options.js';
import { recordRecusals } from './recusals.js';
import {
  addMessage,
  anonymousReporter,
  messagesOf,
  oralStatus,
  registerLine,
  reportKeyFor,
  reportRow,
} from './report-repository.js';
import { integrityRegister, integrityReportKeys, integrityReports } from './schema.js';

export { anonymousReporter, type Message, type RegisterLine, reportKeyFor } from './report-repository.js';
export { openWithReceipt, reporterMessage, reporterView } from './reporter-service.js';

export interface Submission {
  category: Category;
  content: ReportContent;
  identityMode: IdentityMode;
  identity?: ReporterIdentity;
  channel?: ReportChannel;
  /** Handler keys the reporter excluded: they get no copy of the report key. */
  excludedKeyIds?: string[];
  /** Files, checked (./attachment-files.ts) and sealed with the report key like the text. */
  attachments?: AttachmentInput[];
  /** An oral report written up by a handler (./oral-service.ts): audited as theirs. */
  recordedBy?: { actor: Actor; userId: string };
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
  // only officers' and chairs' keys: an external investigator gets a report only by a grant
  const handlers = await handlerUserIds(db, organisationId);
  const accepted = await acceptedKeys(db, organisationId);
  const excluded = new Set(s.excludedKeyIds ?? []);
  const keys = accepted.filter((k) => handlers.has(k.userId) && !excluded.has(k.id));
  // the people the reporter excluded stay recused (also with a key they make later)
  const excludedUsers = accepted.filter((k) => excluded.has(k.id)).map((k) => k.userId);
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
  const attachments = sealAttachments(reportKey, reportId, s.attachments ?? []);
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
    await insertAttachments(tx, attachments, 'reporter', receivedAt);
    await recordRecusals(tx, reportKey, reportId, excludedUsers, receivedAt);
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
    if (s.recordedBy)
      await appendHistory(tx, reportKey, {
        reportId,
        organisationId,
        at: receivedAt,
        actorUserId: s.recordedBy.userId,
        kind: 'note',
        note: `Mondelinge melding vastgelegd (${s.content.medium ?? 'oral'}); wacht op controle en ondertekening door de melder.`,
      });
    await audit(tx, s.recordedBy?.actor ?? anonymousReporter, {
      action: 'integrity.report.create',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId,
      diff: {
        category: s.category,
        channel: s.channel ?? 'web',
        handlers: keys.length,
        attachments: attachments.length,
      },
    });
  });
  return { reportId, receiptCode };
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
    attachments: await listAttachments(db, row.id, reportKey),
    oral: await oralStatus(db, key.organisationId, row.id, reportKey),
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
