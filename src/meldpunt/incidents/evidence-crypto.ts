/**
 * Evidence encrypted at rest (issue 16, item 1: "stored encrypted"), with node:crypto only:
 * - every file gets a random 256-bit key; the content is sealed with AES-256-GCM under it, with the
 *   evidence and incident ids as associated data (a sealed file copied onto another row does not open);
 * - that key is wrapped with the organisation's evidence key: HKDF-SHA256 of ENCRYPTION_KEY for the
 *   purpose `incident-evidence:<organisation id>` (src/platform/auth/secret-box.ts, AES-256-GCM).
 * Sealed form of the content: iv[12] ‖ tag[16] ‖ ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { encryptionKeyFor, open, seal } from '../../platform/auth/secret-box.js';
import type { Config } from '../../platform/config/config.js';

type KeyConfig = Parameters<typeof encryptionKeyFor>[0];
const IV = 12;
const TAG = 16;

const purpose = (organisationId: string) => `incident-evidence:${organisationId}`;
const context = (ids: EvidenceIds) => Buffer.from(`incident-evidence:${ids.evidenceId}:${ids.incidentId}`);

export interface EvidenceIds {
  organisationId: string;
  incidentId: string;
  evidenceId: string;
}

export function sealEvidence(
  config: KeyConfig | Config,
  ids: EvidenceIds,
  content: Buffer,
): { wrappedKey: string; sealed: Buffer } {
  const key = randomBytes(32);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(context(ids));
  const body = Buffer.concat([cipher.update(content), cipher.final()]);
  const wrappedKey = seal(encryptionKeyFor(config), purpose(ids.organisationId), key.toString('base64'));
  key.fill(0);
  return { wrappedKey, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** The content; throws when the key, the ids or the bytes do not match (altered or misplaced data). */
export function openEvidence(
  config: KeyConfig | Config,
  ids: EvidenceIds,
  stored: { wrappedKey: string; sealed: Buffer },
): Buffer {
  const key = Buffer.from(
    open(encryptionKeyFor(config), purpose(ids.organisationId), stored.wrappedKey),
    'base64',
  );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, stored.sealed.subarray(0, IV));
    decipher.setAAD(context(ids));
    decipher.setAuthTag(stored.sealed.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(stored.sealed.subarray(IV + TAG)), decipher.final()]);
  } finally {
    key.fill(0);
  }
}
