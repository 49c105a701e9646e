/**
 * The two symmetric building blocks of the integrity channel's encryption, both from node:crypto:
 * AES-256-GCM with associated data (every ciphertext is bound to what it belongs to, so a row cannot
 * be copied onto another report or field) and HKDF-SHA256 (one key per purpose). Nothing here is a
 * home-made primitive: this file only fixes formats and purposes.
 *
 * Sealed form: `v1.` + base64url(iv[12] ‖ tag[16] ‖ ciphertext).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1.';

/** Thrown when a ciphertext does not open: wrong key, wrong context, or altered data. */
export class DecryptionError extends Error {
  constructor(message = 'integrity-crypto: ciphertext does not open with this key and context') {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** HKDF-SHA256 of `ikm` for one purpose; `info` names the purpose, `salt` is optional context. */
export function deriveKey(ikm: Uint8Array, info: string, salt: Uint8Array = new Uint8Array(0)): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, `weerbaar:integrity:${info}`, KEY_BYTES));
}

export function sealBytes(key: Uint8Array, plaintext: Uint8Array, context: string): string {
  if (key.length !== KEY_BYTES) throw new Error('integrity-crypto: key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openBytes(key: Uint8Array, sealed: string, context: string): Buffer {
  if (key.length !== KEY_BYTES) throw new Error('integrity-crypto: key must be 32 bytes');
  if (!sealed.startsWith(PREFIX)) throw new DecryptionError('integrity-crypto: unknown sealed format');
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES)
    throw new DecryptionError('integrity-crypto: sealed value too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

export const sealText = (key: Uint8Array, plaintext: string, context: string) =>
  sealBytes(key, Buffer.from(plaintext, 'utf8'), context);

export const openText = (key: Uint8Array, sealed: string, context: string) =>
  openBytes(key, sealed, context).toString('utf8');

/** A fresh random symmetric key (a report key). */
export const newSymmetricKey = (): Buffer => randomBytes(KEY_BYTES);
