/**
 * Attachments of a report or message, sealed with the report's key exactly like its text (see
 * docs/integrity-encryption.md): the bytes under the sub-key `report:attachment-data`, the description
 * ({ name, kind, size }) under `report:attachment`, both bound to the report and the attachment id.
 * The stored row holds no file name, type or exact size in the clear (the bytes are padded).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import {
  type AttachmentInput,
  type AttachmentKind,
  attachmentProblem,
  attachmentTypes,
  cleanAttachment,
  cleanName,
  pad,
} from './attachment-files.js';
import { openField, openFieldBytes, sealField, sealFieldBytes } from './crypto/report-keys.js';
import { integrityAttachments } from './schema.js';

export interface AttachmentInfo {
  id: string;
  messageId: string | null;
  author: 'reporter' | 'handler';
  name: string;
  kind: AttachmentKind;
  size: number;
  at: Date;
  /** The reporter sees it: their own files always, an officer's only when the officer said so. */
  visibleToReporter: boolean;
}

interface Meta {
  name: string;
  kind: AttachmentKind;
  size: number;
  /** An officer's file that the reporter may see (sealed with the rest, so a dump does not tell). */
  shared?: boolean;
}

const visible = (author: string, meta: Meta) => author === 'reporter' || meta.shared === true;

/** Refuses a set of uploads with a clear reason (validation problem, Dutch and English). */
export function checkAttachments(files: AttachmentInput[]): void {
  const problem = attachmentProblem(files);
  if (!problem) return;
  const texts = {
    tooMany: { nl: 'U kunt hoogstens 5 bestanden meesturen.', en: 'at most 5 files' },
    tooLarge: { nl: 'Een bestand is groter dan 10 MB.', en: 'a file is larger than 10 MB' },
    totalTooLarge: {
      nl: 'De bestanden zijn samen groter dan 20 MB.',
      en: 'the files are larger than 20 MB together',
    },
    empty: { nl: 'Een bestand is leeg.', en: 'a file is empty' },
    type: {
      nl: 'Dit soort bestand kunnen wij niet aannemen. Stuur een PDF, foto (JPG of PNG), tekstbestand of Office-document.',
      en: 'this kind of file is not accepted: send a PDF, a photo (JPG or PNG), a text file or an office document',
    },
  } as const;
  throw new AppError('validation', {
    detail: texts[problem],
    invalidParams: [{ name: 'attachment', code: problem, reason: texts[problem].en }],
  });
}

/**
 * Seals checked files for a report (outside any transaction: sealing 20 MB takes a moment). `shared`:
 * an officer's files that the reporter may see.
 */
export function sealAttachments(
  reportKey: Buffer,
  reportId: string,
  files: AttachmentInput[],
  shared?: boolean,
) {
  checkAttachments(files);
  return files.map((f) => {
    const id = crypto.randomUUID();
    const { kind, data } = cleanAttachment(f.data);
    const meta: Meta = { name: cleanName(f.name), kind, size: data.length, ...(shared ? { shared } : {}) };
    return {
      id,
      reportId,
      metaSealed: sealField(reportKey, reportId, 'attachment', JSON.stringify(meta), id),
      dataSealed: sealFieldBytes(reportKey, reportId, 'attachment-data', pad(data), id),
    };
  });
}

export type SealedAttachment = ReturnType<typeof sealAttachments>[number];

export async function insertAttachments(
  tx: DbOrTx,
  sealed: SealedAttachment[],
  author: 'reporter' | 'handler',
  at: Date,
  messageId: string | null = null,
) {
  if (sealed.length === 0) return;
  await tx
    .insert(integrityAttachments)
    .values(sealed.map((s) => ({ ...s, author, messageId, createdAt: at })));
}

/**
 * The attachments of a report that still have content (descriptions only, no bytes); for the reporter
 * (`forReporter`) only those they may see.
 */
export async function listAttachments(
  db: DbOrTx,
  reportId: string,
  reportKey: Buffer,
  forReporter = false,
): Promise<AttachmentInfo[]> {
  const rows = await db
    .select({
      id: integrityAttachments.id,
      messageId: integrityAttachments.messageId,
      author: integrityAttachments.author,
      metaSealed: integrityAttachments.metaSealed,
      createdAt: integrityAttachments.createdAt,
    })
    .from(integrityAttachments)
    .where(and(eq(integrityAttachments.reportId, reportId), isNotNull(integrityAttachments.metaSealed)))
    .orderBy(asc(integrityAttachments.createdAt), asc(integrityAttachments.id));
  return rows.flatMap((r) => {
    const meta = JSON.parse(openField(reportKey, reportId, 'attachment', r.metaSealed!, r.id)) as Meta;
    const visibleToReporter = visible(r.author, meta);
    if (forReporter && !visibleToReporter) return [];
    return [
      {
        id: r.id,
        messageId: r.messageId,
        author: r.author as AttachmentInfo['author'],
        name: meta.name,
        kind: meta.kind,
        size: meta.size,
        at: r.createdAt,
        visibleToReporter,
      },
    ];
  });
}

/**
 * One attachment's bytes, with its name and the content type to send it with; for the reporter
 * (`forReporter`) an officer's file they may not see is as unknown as one that does not exist.
 */
export async function readAttachment(
  db: DbOrTx,
  reportId: string,
  reportKey: Buffer,
  attachmentId: string,
  forReporter = false,
) {
  const [row] = await db
    .select()
    .from(integrityAttachments)
    .where(and(eq(integrityAttachments.id, attachmentId), eq(integrityAttachments.reportId, reportId)));
  if (!row?.metaSealed || !row.dataSealed)
    throw new AppError('not-found', {
      detail: { nl: 'Deze bijlage bestaat niet (meer).', en: 'no such attachment' },
    });
  const meta = JSON.parse(openField(reportKey, reportId, 'attachment', row.metaSealed, row.id)) as Meta;
  if (forReporter && !visible(row.author, meta))
    throw new AppError('not-found', {
      detail: { nl: 'Deze bijlage bestaat niet (meer).', en: 'no such attachment' },
    });
  const data = openFieldBytes(reportKey, reportId, 'attachment-data', row.dataSealed, row.id).subarray(
    0,
    meta.size,
  );
  return { name: meta.name, contentType: attachmentTypes[meta.kind], data };
}
