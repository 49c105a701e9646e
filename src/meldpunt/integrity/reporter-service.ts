/**
 * The reporter's side: coming back with the receipt code, reading the report and the conversation, answering.
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { AttachmentInput } from './attachment-files.js';
import { insertAttachments, listAttachments, sealAttachments } from './attachments.js';
import { DecryptionError } from './crypto/aead.js';
import { deriveReceiptKeys, normaliseReceiptCode, TEST_KDF } from './crypto/receipt.js';
import { openField, unwrapReportKeyWithReceipt } from './crypto/report-keys.js';
import { reportDeadlines } from './deadlines.js';
import { findChannel } from './keys-service.js';
import type { ReportContent } from './model.js';
import type { IntegrityOptions } from './options.js';
import {
  addMessage,
  anonymousReporter,
  messagesOf,
  oralStatus,
  registerLine,
  reportRow,
} from './report-repository.js';
import { integrityReports } from './schema.js';

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
  if (!row?.wrapped) throw receiptRefused();
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
    attachments: await listAttachments(db, row.id, opened.reportKey, true),
    oral: await oralStatus(db, organisationId, row.id, opened.reportKey),
  };
}

/** The reporter answers or adds information, with the key opened by the receipt code. */
export async function reporterMessage(
  db: DbOrTx,
  organisationId: string,
  opened: { reportId: string; reportKey: Buffer },
  text: string,
  opts: IntegrityOptions,
  files: AttachmentInput[] = [],
) {
  const sealed = sealAttachments(opened.reportKey, opened.reportId, files);
  const at = opts.clock();
  await db.transaction(async (tx) => {
    const id = await addMessage(tx, opened.reportId, opened.reportKey, 'reporter', null, text, at);
    await insertAttachments(tx, sealed, 'reporter', at, id);
    await audit(tx, anonymousReporter, {
      action: 'integrity.message.create',
      resourceType: 'integrity_message',
      resourceId: id,
      organisationId,
      diff: { reportId: opened.reportId, author: 'reporter', attachments: sealed.length },
    });
  });
}
