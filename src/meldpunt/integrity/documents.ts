/**
 * Officers' documents on a report (issue 17 item 4: "each step with its notes, documents and decisions
 * in an append-only history"): files an officer or chair adds to the case file, sealed under the report
 * key exactly like a reporter's attachments (checked, metadata stripped, name sealed, padded).
 *
 * Who sees them: every holder of the report key (officers, the chair, an investigator with a grant does
 * not: their view has no attachments). The reporter sees an officer's document only when the officer
 * marks it "show to the reporter" at upload (default: not): a case file holds hearing records, advice
 * and the person concerned's side, which the handreiking keeps from the reporter; what the reporter is
 * to read (a decision letter, a summary of the outcome) the officer shares on purpose. The mark is
 * sealed with the description, so a dump does not tell which files were shared.
 */
import { type Actor, audit } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { type AttachmentInput, cleanName } from './attachment-files.js';
import { insertAttachments, sealAttachments } from './attachments.js';
import { appendHistory } from './history-repository.js';
import type { UnlockedKey } from './keys-service.js';
import { MAX_TEXT } from './model.js';
import type { IntegrityOptions } from './options.js';
import { reportKeyFor } from './reports-service.js';

export async function addDocuments(
  db: DbOrTx,
  actor: Actor,
  key: UnlockedKey,
  reportId: string,
  input: { files: AttachmentInput[]; note?: string; shareWithReporter: boolean },
  opts: IntegrityOptions,
): Promise<{ ids: string[] }> {
  if (input.files.length === 0)
    throw new AppError('validation', {
      invalidParams: [
        {
          name: 'attachment',
          code: 'required',
          reason: { nl: 'Kies een of meer bestanden.', en: 'choose one or more files' },
        },
      ],
    });
  const reportKey = await reportKeyFor(db, key, reportId);
  const sealed = sealAttachments(reportKey, reportId, input.files, input.shareWithReporter);
  const at = opts.clock();
  const names = input.files.map((f) => cleanName(f.name)).filter(Boolean);
  const note = [input.note?.trim().slice(0, MAX_TEXT), names.join(', ')].filter(Boolean).join('\n');
  await db.transaction(async (tx) => {
    await insertAttachments(tx, sealed, 'handler', at);
    await appendHistory(tx, reportKey, {
      reportId,
      organisationId: key.organisationId,
      at,
      actorUserId: key.userId,
      kind: 'document',
      note,
    });
    await audit(tx, actor, {
      action: 'integrity.document.add',
      resourceType: 'integrity_report',
      resourceId: reportId,
      organisationId: key.organisationId,
      diff: { documents: sealed.length, sharedWithReporter: input.shareWithReporter },
    });
  });
  return { ids: sealed.map((s) => s.id) };
}
