/**
 * Oral reports (Wet bescherming klokkenluiders; directive 2019/1937 art. 18): a report made by phone,
 * voice message or in a meeting is written up by a handler, with the reporter's consent, and stored
 * exactly like a written one (sealed, wrapped for the handlers, a receipt code). The handler gives the
 * receipt code to the reporter, who opens the written record with it, can ask for corrections (a
 * message), and signs it by typing their name. Until it is signed, the handler can revise the record;
 * after that it is fixed. Every step is in the history and the audit log.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { sealField } from './crypto/report-keys.js';
import { appendHistory } from './history-repository.js';
import type { UnlockedKey } from './keys-service.js';
import { MAX_SHORT, type OralMedium, type ReportContent } from './model.js';
import type { IntegrityOptions } from './options.js';
import { anonymousReporter, registerLine } from './report-repository.js';

export { type OralStatus, oralStatus } from './report-repository.js';

import { reportKeyFor, type Submission, submitReport } from './reports-service.js';
import { integrityReports } from './schema.js';

const invalid = (name: string, code: string, nl: string, en: string) =>
  new AppError('validation', { invalidParams: [{ name, code, reason: { nl, en } }] });

export interface OralReportInput extends Omit<Submission, 'channel' | 'recordedBy' | 'content'> {
  content: ReportContent & { medium: OralMedium };
  /** The reporter agreed to the written record and knows they will be asked to check and sign it. */
  consent: boolean;
}

/** A handler registers an oral report; returns the receipt code to hand to the reporter. */
export async function registerOralReport(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  input: OralReportInput,
  opts: IntegrityOptions,
) {
  if (!input.consent)
    throw invalid(
      'consent',
      'required',
      'Een mondelinge melding mag alleen worden vastgelegd als de melder daarmee instemt.',
      'an oral report is recorded only with the reporter’s consent',
    );
  const { consent: _consent, ...submission } = input;
  return submitReport(
    db,
    key.organisationId,
    { ...submission, channel: 'oral', recordedBy: { actor, userId: key.userId } },
    opts,
  );
}

async function unsignedOral(tx: DbOrTx, organisationId: string, reportId: string) {
  const line = await registerLine(tx, organisationId, reportId);
  const [row] = await tx
    .select({ signedAt: integrityReports.oralSignedAt })
    .from(integrityReports)
    .where(and(eq(integrityReports.id, reportId), eq(integrityReports.organisationId, organisationId)))
    .for('update');
  if (line.channel !== 'oral')
    throw invalid('report', 'not_oral', 'Dit is geen mondelinge melding.', 'not an oral report');
  if (row?.signedAt)
    throw new AppError('conflict', {
      detail: {
        nl: 'Het verslag is al ondertekend en kan niet meer worden gewijzigd.',
        en: 'the record has been signed and can no longer change',
      },
    });
}

/** The handler revises the written record (after the reporter asked for corrections), before signing. */
export async function reviseOralRecord(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  content: ReportContent,
  opts: IntegrityOptions,
) {
  const reportKey = await reportKeyFor(db, key, reportId);
  const at = opts.clock();
  await db.transaction(async (tx) => {
    await unsignedOral(tx, key.organisationId, reportId);
    await tx
      .update(integrityReports)
      .set({ contentSealed: sealField(reportKey, reportId, 'content', JSON.stringify(content)) })
      .where(and(eq(integrityReports.id, reportId), isNull(integrityReports.oralSignedAt)));
    await appendHistory(tx, reportKey, {
      reportId,
      organisationId: key.organisationId,
      at,
      actorUserId: key.userId,
      kind: 'note',
      note: 'Verslag van de mondelinge melding aangepast.',
    });
    await audit(tx, actor, {
      action: 'integrity.oral.revise',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
    });
  });
}

/** The reporter, with the receipt code, signs the written record by typing their name (or a pseudonym). */
export async function signOralRecord(
  db: DbOrTx,
  organisationId: string,
  opened: { reportId: string; reportKey: Buffer },
  signature: string,
  opts: IntegrityOptions,
) {
  const name = signature.trim();
  if (!name || name.length > MAX_SHORT)
    throw invalid(
      'signature',
      'required',
      'Typ uw naam (of een schuilnaam) om het verslag te ondertekenen.',
      'type your name (or a pseudonym) to sign the record',
    );
  const at = opts.clock();
  await db.transaction(async (tx) => {
    await unsignedOral(tx, organisationId, opened.reportId);
    await tx
      .update(integrityReports)
      .set({
        oralSignedAt: at,
        oralSignatureSealed: sealField(opened.reportKey, opened.reportId, 'signature', name),
      })
      .where(eq(integrityReports.id, opened.reportId));
    await appendHistory(tx, opened.reportKey, {
      reportId: opened.reportId,
      organisationId,
      at,
      actorUserId: null,
      kind: 'note',
      note: 'De melder heeft het verslag gecontroleerd en ondertekend.',
    });
    await audit(tx, anonymousReporter, {
      action: 'integrity.oral.sign',
      resourceType: 'integrity_report',
      resourceId: opened.reportId,
      organisationId,
    });
  });
}
