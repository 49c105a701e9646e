/**
 * Retention of integrity reports (issue 17 item 5): a report's content is destroyed a configured number
 * of months (per organisation, default 12) after it was archived, or earlier when a handler clears it.
 * Destroying:
 * - crypto-shredding: every wrapped copy of the report key (per handler, and under the receipt code) is
 *   deleted, so whatever ciphertext is left anywhere in this database can no longer be opened;
 * - and the ciphertext itself: content, identity, signature, message texts and history notes are
 *   emptied, attachments deleted; the receipt verifier is replaced by a random value, so the receipt
 *   code finds nothing;
 * - what remains: the register line (date, category, channel, state, deadlines, outcome; marked
 *   `content_destroyed_at`), the messages' and history entries' existence and times.
 * Each destruction is one transaction with its audit record (`integrity.content.destroy`). Backups made
 * before still hold the wrapped keys: docs/integrity-encryption.md says so.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { addMonths, amsterdamDate, endOfDay } from './deadlines.js';
import {
  integrityAttachments,
  integrityChannels,
  integrityHistory,
  integrityMessages,
  integrityRegister,
  integrityReportKeys,
  integrityReports,
} from './schema.js';

export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** The moment a closed report's content is due for destruction: the end of the day, n months after closure. */
export const destructionDue = (closedAt: Date, months: number): Date =>
  endOfDay(addMonths(amsterdamDate(closedAt), months));

/** Destroys one report's content (idempotent: a second call changes nothing and logs nothing). */
export async function destroyContent(
  db: DbOrTx,
  actor: Actor,
  organisationId: string,
  reportId: string,
  reason: 'retention' | 'cleared',
  at: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(integrityRegister)
      .where(
        and(eq(integrityRegister.reportId, reportId), eq(integrityRegister.organisationId, organisationId)),
      )
      .for('update');
    if (!line)
      throw new AppError('not-found', { detail: { nl: 'Deze melding bestaat niet.', en: 'no such report' } });
    if (line.contentDestroyedAt) return false;
    await tx.delete(integrityReportKeys).where(eq(integrityReportKeys.reportId, reportId));
    await tx
      .update(integrityReports)
      .set({
        receiptWrappedKey: null,
        receiptVerifier: `destroyed:${randomBytes(16).toString('base64url')}`,
        contentSealed: null,
        identitySealed: null,
        oralSignatureSealed: null,
      })
      .where(eq(integrityReports.id, reportId));
    const messages = await tx
      .update(integrityMessages)
      .set({ sealed: null })
      .where(eq(integrityMessages.reportId, reportId))
      .returning({ id: integrityMessages.id });
    const attachments = await tx
      .delete(integrityAttachments)
      .where(eq(integrityAttachments.reportId, reportId))
      .returning({ id: integrityAttachments.id });
    await tx
      .update(integrityHistory)
      .set({ noteSealed: null })
      .where(and(eq(integrityHistory.reportId, reportId), isNotNull(integrityHistory.noteSealed)));
    await tx
      .update(integrityRegister)
      .set({ contentDestroyedAt: at })
      .where(eq(integrityRegister.reportId, reportId));
    await audit(tx, actor, {
      action: 'integrity.content.destroy',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId,
      diff: { reason, messages: messages.length, attachments: attachments.length },
    });
    return true;
  });
}

/** Destroys the content of every archived report whose retention period has passed. Returns how many. */
export async function applyRetention(db: Db, actor: Actor, now = new Date()): Promise<number> {
  const closed = await db
    .select({
      reportId: integrityRegister.reportId,
      organisationId: integrityRegister.organisationId,
      closedAt: integrityRegister.closedAt,
      months: integrityChannels.retentionMonths,
    })
    .from(integrityRegister)
    .innerJoin(integrityChannels, eq(integrityChannels.organisationId, integrityRegister.organisationId))
    .where(
      and(
        isNotNull(integrityRegister.closedAt),
        isNull(integrityRegister.contentDestroyedAt),
        lte(integrityRegister.closedAt, now),
      ),
    );
  let destroyed = 0;
  for (const r of closed)
    if (now.getTime() > destructionDue(r.closedAt!, r.months).getTime())
      if (await destroyContent(db, actor, r.organisationId, r.reportId, 'retention', now)) destroyed++;
  return destroyed;
}

/** Sets an organisation's retention period (months after archiving), audited. */
export async function setRetention(db: DbOrTx, actor: Actor, organisationId: string, months: number) {
  if (!Number.isInteger(months) || months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS) {
    const reason = {
      nl: `Kies een bewaartermijn van ${MIN_RETENTION_MONTHS} tot ${MAX_RETENTION_MONTHS} maanden.`,
      en: `choose a retention period of ${MIN_RETENTION_MONTHS} to ${MAX_RETENTION_MONTHS} months`,
    };
    throw new AppError('validation', {
      detail: reason,
      invalidParams: [{ name: 'months', code: 'out_of_range', reason }],
    });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx
      .update(integrityChannels)
      .set({ retentionMonths: months })
      .where(eq(integrityChannels.organisationId, organisationId))
      .returning({ id: integrityChannels.organisationId });
    if (!before)
      throw new AppError('not-found', {
        detail: { nl: 'Dit meldpunt is nog niet ingericht.', en: 'this channel has not been set up' },
      });
    await audit(tx, actor, {
      action: 'integrity.retention.set',
      resourceType: 'integrity_channel',
      resourceId: organisationId,
      organisationId,
      diff: { months },
    });
  });
}
