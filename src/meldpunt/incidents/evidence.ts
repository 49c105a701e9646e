/**
 * Evidence of an incident (issue 16, item 1): uploads checked (size, sniffed type, the number per
 * incident), stored encrypted (./evidence-crypto.ts) in the same transaction as their audit record, seen
 * and downloaded only by those who may see the incident (./access.ts); every download is audited. Audit
 * records hold ids and the sniffed type, never file names or contents.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/actor.js';
import type { Config } from '../../platform/config/config.js';
import type { Db, DbOrTx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { relationsTo } from './access.js';
import { openEvidence, sealEvidence } from './evidence-crypto.js';
import { type EvidenceType, sniffEvidence } from './evidence-sniff.js';
import { incidentRow, partiesOf } from './repository.js';
import { incidentEvidence } from './schema.js';
import { incidentAudit, notFound } from './service.js';

export const evidenceLimits = {
  /** One file. */
  bytes: 15 * 1024 * 1024,
  /** Files per incident. */
  perIncident: 20,
  fileName: 200,
};

export interface EvidenceItem {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

const summary = {
  id: incidentEvidence.id,
  fileName: incidentEvidence.fileName,
  contentType: incidentEvidence.contentType,
  sizeBytes: incidentEvidence.sizeBytes,
  createdAt: incidentEvidence.createdAt,
};

async function seeable(tx: DbOrTx, p: Principal, id: string) {
  const row = await incidentRow(tx, id);
  if (!row || relationsTo(p, await partiesOf(tx, row)).length === 0) throw notFound();
  return row;
}

/** The evidence of an incident (names and sizes, not contents), for someone who may see it. */
export async function listEvidence(db: Db, p: Principal, incidentId: string): Promise<EvidenceItem[]> {
  await seeable(db, p, incidentId);
  return db
    .select(summary)
    .from(incidentEvidence)
    .where(eq(incidentEvidence.incidentId, incidentId))
    .orderBy(asc(incidentEvidence.createdAt));
}

/** A clean file name: no path, no control characters, at most `evidenceLimits.fileName` characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean.slice(0, evidenceLimits.fileName) || 'bestand';
}

const refused = (code: 'file-too-large' | 'unsupported-media-type' | 'conflict', nl: string, en: string) =>
  new AppError(code, {
    detail: { nl, en },
    invalidParams: [{ name: 'evidence', code: code.replaceAll('-', '_'), reason: { nl, en } }],
  });

/** Adds a file; refused (nothing stored) when empty, too large, of another type, or one too many. */
export async function addEvidence(
  db: Db,
  config: Parameters<typeof sealEvidence>[0] | Config,
  p: Principal,
  incidentId: string,
  file: { fileName: string; data: Buffer },
): Promise<EvidenceItem> {
  if (file.data.length === 0)
    throw refused('unsupported-media-type', 'Het bestand is leeg.', 'the file is empty');
  if (file.data.length > evidenceLimits.bytes)
    throw refused(
      'file-too-large',
      `Het bestand is groter dan ${evidenceLimits.bytes / 1024 / 1024} MB.`,
      `the file is larger than ${evidenceLimits.bytes / 1024 / 1024} MB`,
    );
  const type: EvidenceType | undefined = sniffEvidence(file.data);
  if (!type)
    throw refused(
      'unsupported-media-type',
      'Dit soort bestand kunt u niet toevoegen. Kies een foto of schermafbeelding (PNG, JPEG, GIF, WebP, HEIC), een PDF of een geluidsopname (MP3, M4A, WAV, Ogg) of MP4-video.',
      'this kind of file cannot be added: choose a photo or screenshot (PNG, JPEG, GIF, WebP, HEIC), a PDF, a recording (MP3, M4A, WAV, Ogg) or an MP4 video',
    );
  return db.transaction(async (tx) => {
    const row = await incidentRow(tx, incidentId, true);
    if (!row || relationsTo(p, await partiesOf(tx, row)).length === 0) throw notFound();
    const [n] = await tx
      .select({ n: count() })
      .from(incidentEvidence)
      .where(eq(incidentEvidence.incidentId, incidentId));
    if ((n?.n ?? 0) >= evidenceLimits.perIncident)
      throw refused(
        'conflict',
        `Bij deze melding staan al ${evidenceLimits.perIncident} bestanden; meer kan niet.`,
        `this incident has ${evidenceLimits.perIncident} files already, the limit`,
      );
    const id = randomUUID();
    const sealed = sealEvidence(
      config,
      { organisationId: row.organisationId, incidentId, evidenceId: id },
      file.data,
    );
    const [item] = await tx
      .insert(incidentEvidence)
      .values({
        id,
        incidentId,
        fileName: cleanFileName(file.fileName),
        contentType: type,
        sizeBytes: file.data.length,
        ...sealed,
        uploadedBy: p.userId,
      })
      .returning(summary);
    await incidentAudit(tx, actorOf(p), 'incident.evidence-add', row, { evidenceId: id, contentType: type });
    return item!;
  });
}

/** The decrypted file, for someone who may see the incident; the download is audited. */
export async function downloadEvidence(
  db: Db,
  config: Parameters<typeof openEvidence>[0] | Config,
  p: Principal,
  incidentId: string,
  evidenceId: string,
): Promise<{ item: EvidenceItem; data: Buffer }> {
  return db.transaction(async (tx) => {
    const row = await seeable(tx, p, incidentId);
    const [stored] = await tx
      .select({ ...summary, wrappedKey: incidentEvidence.wrappedKey, sealed: incidentEvidence.sealed })
      .from(incidentEvidence)
      .where(and(eq(incidentEvidence.id, evidenceId), eq(incidentEvidence.incidentId, incidentId)));
    if (!stored) throw notFound();
    const data = openEvidence(config, { organisationId: row.organisationId, incidentId, evidenceId }, stored);
    await incidentAudit(tx, actorOf(p), 'incident.evidence-download', row, { evidenceId });
    const { wrappedKey: _k, sealed: _s, ...item } = stored;
    return { item, data };
  });
}
