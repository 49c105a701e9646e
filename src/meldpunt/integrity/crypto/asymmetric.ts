/**
 * X25519 (wrapping a report key for a handler) and Ed25519 (signing a handler's public keys), both
 * from node:crypto. Keys travel as raw 32-byte values (base64url in the database).
 *
 * Wrapping is the usual ECIES construction (as libsodium's sealed box): a fresh ephemeral X25519 key
 * per wrap, the shared secret through HKDF-SHA256 (salted with both public keys), then AES-256-GCM
 * with the context (report and recipient) as associated data.
 * Wrapped form: `x1.` + base64url(ephemeral public[32]) + `.` + sealed (see aead.ts).
 */
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { DecryptionError, deriveKey, openBytes, sealBytes } from './aead.js';

// PKCS#8 prefixes for a raw 32-byte private key (RFC 8410).
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface RawKeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

function rawPair(kind: 'x25519' | 'ed25519', privateKey: KeyObject): RawKeyPair {
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x || jwk.crv?.toLowerCase() !== kind)
    throw new Error(`integrity-crypto: not an ${kind} key`);
  return { publicKey: Buffer.from(jwk.x, 'base64url'), privateKey: Buffer.from(jwk.d, 'base64url') };
}

export const newX25519 = (): RawKeyPair => rawPair('x25519', generateKeyPairSync('x25519').privateKey);
export const newEd25519 = (): RawKeyPair => rawPair('ed25519', generateKeyPairSync('ed25519').privateKey);

function privateKeyObject(kind: 'x25519' | 'ed25519', raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('integrity-crypto: private key must be 32 bytes');
  const prefix = kind === 'x25519' ? X25519_PKCS8 : ED25519_PKCS8;
  return createPrivateKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(kind: 'x25519' | 'ed25519', raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('integrity-crypto: public key must be 32 bytes');
  const crv = kind === 'x25519' ? 'X25519' : 'Ed25519';
  return createPublicKey({
    key: { kty: 'OKP', crv, x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** The key pair whose private key is this 32-byte value (used to derive keys from a recovery secret). */
export const x25519FromPrivate = (raw: Uint8Array): RawKeyPair =>
  rawPair('x25519', privateKeyObject('x25519', raw));
export const ed25519FromPrivate = (raw: Uint8Array): RawKeyPair =>
  rawPair('ed25519', privateKeyObject('ed25519', raw));

/** Wraps `secret` (a report key, a private key) so only the holder of `recipientPublic`'s private key opens it. */
export function wrapFor(recipientPublic: Uint8Array, secret: Uint8Array, context: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPair('x25519', ephemeral.privateKey).publicKey;
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: publicKeyObject('x25519', recipientPublic),
  });
  const kek = deriveKey(shared, 'wrap:x25519', Buffer.concat([ephemeralPublic, recipientPublic]));
  return `x1.${ephemeralPublic.toString('base64url')}.${sealBytes(kek, secret, context)}`;
}

export function unwrapWith(recipient: RawKeyPair, wrapped: string, context: string): Buffer {
  const match = /^x1\.([A-Za-z0-9_-]{43})\.(v1\..+)$/.exec(wrapped);
  if (!match) throw new DecryptionError('integrity-crypto: unknown wrapped format');
  const ephemeralPublic = Buffer.from(match[1]!, 'base64url');
  let shared: Buffer;
  try {
    shared = diffieHellman({
      privateKey: privateKeyObject('x25519', recipient.privateKey),
      publicKey: publicKeyObject('x25519', ephemeralPublic),
    });
  } catch {
    throw new DecryptionError();
  }
  const kek = deriveKey(shared, 'wrap:x25519', Buffer.concat([ephemeralPublic, recipient.publicKey]));
  return openBytes(kek, match[2]!, context);
}

export const signBytes = (signerPrivate: Uint8Array, message: Uint8Array): Buffer =>
  sign(null, message, privateKeyObject('ed25519', signerPrivate));

export function verifySignature(
  signerPublic: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    return verify(null, message, publicKeyObject('ed25519', signerPublic), signature);
  } catch {
    return false;
  }
}
