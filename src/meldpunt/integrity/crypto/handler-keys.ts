/**
 * A handler's keys and how they are kept.
 * - Every handler has an X25519 key (report keys are wrapped for it) and an Ed25519 key (it signs new
 *   handlers' public keys). Both private keys travel together as 64 bytes.
 * - At rest they are sealed under argon2id(key passphrase, random salt) → HKDF 'handler:passphrase'.
 *   The passphrase is separate from sign-in (OpenID Connect users have no password).
 * - While signed in they are sealed under HKDF(session token, random salt, 'handler:session'); the
 *   token is only in the handler's cookie (the database has its SHA-256), so any server process can
 *   open them during a request and none keeps them in the clear.
 * - A copy is wrapped for the organisation's recovery key (X25519), so a forgotten passphrase can be
 *   reset with the recovery key kept offline.
 * - A public key counts only when signed by an already accepted handler key or the recovery key.
 */
import { randomBytes } from 'node:crypto';
import { deriveKey, openBytes, sealBytes } from './aead.js';
import {
  ed25519FromPrivate,
  newEd25519,
  newX25519,
  type RawKeyPair,
  signBytes,
  unwrapWith,
  verifySignature,
  wrapFor,
  x25519FromPrivate,
} from './asymmetric.js';
import { argon2idKey, type KdfParams } from './receipt.js';

export interface HandlerKeys {
  encryption: RawKeyPair;
  signing: RawKeyPair;
}

/** Key passphrases: 64 MiB, 3 passes, as for receipt codes. */
export const PASSPHRASE_KDF: KdfParams = { memoryCost: 65536, timeCost: 3, parallelism: 1 };
export const PASSPHRASE_MIN_LENGTH = 12;

export const newHandlerKeys = (): HandlerKeys => ({ encryption: newX25519(), signing: newEd25519() });

const toBytes = (k: HandlerKeys) => Buffer.concat([k.encryption.privateKey, k.signing.privateKey]);
function fromBytes(bytes: Buffer): HandlerKeys {
  if (bytes.length !== 64) throw new Error('integrity-crypto: handler key material must be 64 bytes');
  return {
    encryption: x25519FromPrivate(bytes.subarray(0, 32)),
    signing: ed25519FromPrivate(bytes.subarray(32)),
  };
}

/** Sealed under a passphrase: everything needed to open it again except the passphrase. */
export interface PassphraseSealed {
  salt: string;
  params: KdfParams;
  sealed: string;
}

export async function sealWithPassphrase(
  keys: HandlerKeys,
  passphrase: string,
  context: string,
  params: KdfParams = PASSPHRASE_KDF,
): Promise<PassphraseSealed> {
  const salt = randomBytes(16);
  const key = deriveKey(await argon2idKey(passphrase, salt, params), 'handler:passphrase');
  return {
    salt: salt.toString('base64url'),
    params,
    sealed: sealBytes(key, toBytes(keys), `handler:${context}`),
  };
}

/** Throws DecryptionError for a wrong passphrase. */
export async function openWithPassphrase(
  stored: PassphraseSealed,
  passphrase: string,
  context: string,
): Promise<HandlerKeys> {
  const key = deriveKey(
    await argon2idKey(passphrase, Buffer.from(stored.salt, 'base64url'), stored.params),
    'handler:passphrase',
  );
  return fromBytes(openBytes(key, stored.sealed, `handler:${context}`));
}

/** Sealed under the session token (a 256-bit random secret, so HKDF suffices; no slow KDF needed). */
export function sealForSession(keys: HandlerKeys, sessionToken: string, context: string): string {
  const salt = randomBytes(16);
  const key = deriveKey(Buffer.from(sessionToken, 'utf8'), 'handler:session', salt);
  return `s1.${salt.toString('base64url')}.${sealBytes(key, toBytes(keys), `session:${context}`)}`;
}

export function openForSession(sealed: string, sessionToken: string, context: string): HandlerKeys {
  const match = /^s1\.([A-Za-z0-9_-]{22})\.(v1\..+)$/.exec(sealed);
  if (!match) throw new Error('integrity-crypto: unknown session-sealed format');
  const key = deriveKey(
    Buffer.from(sessionToken, 'utf8'),
    'handler:session',
    Buffer.from(match[1]!, 'base64url'),
  );
  return fromBytes(openBytes(key, match[2]!, `session:${context}`));
}

// --- the organisation's recovery key ------------------------------------------------------------

export interface RecoveryKey {
  /** 32 random bytes; shown once as `display`, kept offline, never stored. */
  secret: Buffer;
  encryption: RawKeyPair;
  signing: RawKeyPair;
}

function recoveryFromSecret(secret: Buffer): RecoveryKey {
  return {
    secret,
    encryption: x25519FromPrivate(deriveKey(secret, 'recovery:x25519')),
    signing: ed25519FromPrivate(deriveKey(secret, 'recovery:ed25519')),
  };
}

export const newRecoveryKey = (): RecoveryKey => recoveryFromSecret(randomBytes(32));

/** 64 hexadecimal digits in 16 groups of four, to print or write down. */
export const displayRecoveryKey = (r: RecoveryKey) =>
  r.secret
    .toString('hex')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');

/** The recovery key from what was written down (case, spaces and dashes ignored), or undefined. */
export function parseRecoveryKey(input: string): RecoveryKey | undefined {
  const hex = input.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? recoveryFromSecret(Buffer.from(hex, 'hex')) : undefined;
}

export const wrapForRecovery = (keys: HandlerKeys, recoveryPublic: Uint8Array, context: string) =>
  wrapFor(recoveryPublic, toBytes(keys), `recovery:${context}`);

export const openWithRecovery = (wrapped: string, recovery: RecoveryKey, context: string): HandlerKeys =>
  fromBytes(unwrapWith(recovery.encryption, wrapped, `recovery:${context}`));

// --- certification of handler public keys --------------------------------------------------------

export interface HandlerPublicKey {
  id: string;
  organisationId: string;
  userId: string;
  encryptionPublic: Buffer;
  signingPublic: Buffer;
}

export interface CertifiedHandlerKey extends HandlerPublicKey {
  /** 'recovery' or the id of the handler key that signed this one. */
  signedBy: string;
  signature: Buffer;
}

export function certificationMessage(k: HandlerPublicKey): Buffer {
  const header = `weerbaar:integrity:handler-key:v1\n${k.organisationId}\n${k.userId}\n${k.id}\n`;
  return Buffer.concat([Buffer.from(header, 'utf8'), k.encryptionPublic, k.signingPublic]);
}

export const certify = (signerSigningPrivate: Uint8Array, k: HandlerPublicKey): Buffer =>
  signBytes(signerSigningPrivate, certificationMessage(k));

/**
 * The keys that count: those signed by the recovery key, and (repeatedly) those signed by a key that
 * counts, within the same organisation. A key whose signature fails, or whose chain does not end at
 * the recovery key, is left out, whatever the roles of its owner.
 */
export function acceptedHandlerKeys<K extends CertifiedHandlerKey>(
  organisationId: string,
  recoverySigningPublic: Uint8Array,
  keys: readonly K[],
): K[] {
  const accepted = new Map<string, K>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const k of keys) {
      if (accepted.has(k.id) || k.organisationId !== organisationId) continue;
      const signer =
        k.signedBy === 'recovery' ? recoverySigningPublic : accepted.get(k.signedBy)?.signingPublic;
      if (signer && verifySignature(signer, certificationMessage(k), k.signature)) {
        accepted.set(k.id, k);
        grew = true;
      }
    }
  }
  return keys.filter((k) => accepted.has(k.id));
}
