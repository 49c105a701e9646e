/**
 * Stored reports: rows, register lines, messages and the handler's copy of a report key.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { openField, sealField, unwrapReportKey } from './crypto/report-keys.js';
import type { UnlockedKey } from './keys-service.js';
import type { Category, IdentityMode, ReportChannel, ReportState } from './model.js';
import { integrityMessages, integrityRegister, integrityReportKeys, integrityReports } from './schema.js';

export const anonymousReporter: Actor = { type: 'system', id: null, label: 'integrity reporter' };

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
  if (!row && (await contentDestroyed(db, key.organisationId, reportId)))
    throw new AppError('integrity-destroyed', {
      detail: {
        nl: 'De inhoud van deze melding is vernietigd (na de bewaartermijn, of gewist). De regel in het register blijft bestaan.',
        en: 'the content of this report has been destroyed (retention period, or cleared); its register line remains',
      },
    });
  if (!row)
    throw new AppError('integrity-no-key', {
      detail: {
        nl: 'Uw sleutel heeft geen toegang tot deze melding. Dat gebeurt als de melder u heeft uitgesloten, als u bent teruggetreden, of als uw sleutel is gemaakt nadat de melding binnenkwam en nog niet is bevestigd.',
        en: 'your key has no copy of this report’s key: you were excluded or recused, or your key has not been certified yet',
      },
    });
  return unwrapReportKey(key.keys.encryption, row.wrapped, reportId, key.keyId);
}

async function contentDestroyed(db: DbOrTx, organisationId: string, reportId: string) {
  const [r] = await db
    .select({ at: integrityRegister.contentDestroyedAt })
    .from(integrityRegister)
    .where(
      and(eq(integrityRegister.reportId, reportId), eq(integrityRegister.organisationId, organisationId)),
    );
  return r?.at != null;
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

export async function registerLine(
  db: DbOrTx,
  organisationId: string,
  reportId: string,
): Promise<RegisterLine> {
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

export interface Message {
  id: string;
  author: 'reporter' | 'handler';
  text: string;
  at: Date;
}

export async function messagesOf(db: DbOrTx, reportId: string, reportKey: Buffer): Promise<Message[]> {
  const rows = await db
    .select()
    .from(integrityMessages)
    .where(eq(integrityMessages.reportId, reportId))
    .orderBy(asc(integrityMessages.seq));
  return rows.map((m) => ({
    id: m.id,
    author: m.author as Message['author'],
    text: m.sealed ? openField(reportKey, reportId, 'message', m.sealed, m.id) : '',
    at: m.createdAt,
  }));
}

export async function reportRow(db: DbOrTx, organisationId: string, reportId: string) {
  const [row] = await db
    .select()
    .from(integrityReports)
    .where(and(eq(integrityReports.id, reportId), eq(integrityReports.organisationId, organisationId)));
  if (!row)
    throw new AppError('not-found', { detail: { nl: 'Deze melding bestaat niet.', en: 'no such report' } });
  return row;
}

export async function addMessage(
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

export interface OralStatus {
  oral: boolean;
  signedAt: Date | null;
  /** The name the reporter signed with (only for those who can open the report). */
  signedAs?: string;
}

export async function oralStatus(
  db: DbOrTx,
  organisationId: string,
  reportId: string,
  reportKey: Buffer,
): Promise<OralStatus> {
  const line = await registerLine(db, organisationId, reportId);
  const row = await reportRow(db, organisationId, reportId);
  return {
    oral: line.channel === 'oral',
    signedAt: row.oralSignedAt,
    signedAs: row.oralSignatureSealed
      ? openField(reportKey, reportId, 'signature', row.oralSignatureSealed)
      : undefined,
  };
}
