/**
 * Stored handler keys and channels: lookups, and the filter that keeps only certified keys
 * (see keys-service.ts for what changes them).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import {
  acceptedHandlerKeys,
  type CertifiedHandlerKey,
  type HandlerKeys,
  type PassphraseSealed,
} from './crypto/handler-keys.js';
import type { KdfParams } from './crypto/receipt.js';
import { integrityChannels, integrityHandlerKeys } from './schema.js';

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
export const bytes = (s: string) => Buffer.from(s, 'base64url');
export const keyContext = (organisationId: string, userId: string) => `${organisationId}:${userId}`;

/** A handler's keys, opened for the current request. */
export interface UnlockedKey {
  keyId: string;
  organisationId: string;
  userId: string;
  keys: HandlerKeys;
}

export interface Channel {
  organisationId: string;
  receiptSalt: Buffer;
  receiptKdf: KdfParams;
  recoveryEncryptionPublic: Buffer;
  recoverySigningPublic: Buffer;
  /** Months after archiving until a report's content is destroyed (retention.ts). */
  retentionMonths: number;
}

export async function findChannel(db: DbOrTx, organisationId: string): Promise<Channel | undefined> {
  const [row] = await db
    .select()
    .from(integrityChannels)
    .where(eq(integrityChannels.organisationId, organisationId));
  if (!row) return undefined;
  return {
    organisationId,
    receiptSalt: bytes(row.receiptSalt),
    receiptKdf: row.receiptKdf as KdfParams,
    recoveryEncryptionPublic: bytes(row.recoveryEncryptionPublic),
    recoverySigningPublic: bytes(row.recoverySigningPublic),
    retentionMonths: row.retentionMonths,
  };
}

export async function insertKey(
  tx: DbOrTx,
  pub: {
    id: string;
    organisationId: string;
    userId: string;
    encryptionPublic: Buffer;
    signingPublic: Buffer;
  },
  sealed: { passphraseSealed: PassphraseSealed; recoveryWrapped: string },
  cert: { signedBy: string; signature: Buffer } | undefined,
) {
  await tx.insert(integrityHandlerKeys).values({
    id: pub.id,
    organisationId: pub.organisationId,
    userId: pub.userId,
    encryptionPublic: b64(pub.encryptionPublic),
    signingPublic: b64(pub.signingPublic),
    signedBy: cert?.signedBy ?? null,
    signature: cert ? b64(cert.signature) : null,
    passphraseSealed: sealed.passphraseSealed,
    recoveryWrapped: sealed.recoveryWrapped,
  });
}

export async function activeKeyRow(db: DbOrTx, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(integrityHandlerKeys)
    .where(
      and(
        eq(integrityHandlerKeys.organisationId, organisationId),
        eq(integrityHandlerKeys.userId, userId),
        isNull(integrityHandlerKeys.revokedAt),
      ),
    );
  return row;
}

export type KeyRow = typeof integrityHandlerKeys.$inferSelect;
export const certified = (r: KeyRow): (CertifiedHandlerKey & { row: KeyRow }) | undefined =>
  r.signedBy && r.signature
    ? {
        id: r.id,
        organisationId: r.organisationId,
        userId: r.userId,
        encryptionPublic: bytes(r.encryptionPublic),
        signingPublic: bytes(r.signingPublic),
        signedBy: r.signedBy,
        signature: bytes(r.signature),
        row: r,
      }
    : undefined;

/** The organisation's handler keys that count: unrevoked, with a signature chain ending at the recovery key. */
export async function acceptedKeys(db: DbOrTx, organisationId: string) {
  const channel = await findChannel(db, organisationId);
  if (!channel) return [];
  const rows = await db
    .select()
    .from(integrityHandlerKeys)
    .where(
      and(eq(integrityHandlerKeys.organisationId, organisationId), isNull(integrityHandlerKeys.revokedAt)),
    );
  const candidates = rows.map(certified).filter((k) => k !== undefined);
  return acceptedHandlerKeys(organisationId, channel.recoverySigningPublic, candidates);
}

/** Keys waiting for certification in an organisation. */
export async function pendingKeys(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select({
      id: integrityHandlerKeys.id,
      userId: integrityHandlerKeys.userId,
      signedBy: integrityHandlerKeys.signedBy,
      createdAt: integrityHandlerKeys.createdAt,
    })
    .from(integrityHandlerKeys)
    .where(
      and(eq(integrityHandlerKeys.organisationId, organisationId), isNull(integrityHandlerKeys.revokedAt)),
    );
  const accepted = new Set((await acceptedKeys(db, organisationId)).map((k) => k.id));
  return rows.filter((r) => !accepted.has(r.id));
}
