/**
 * The reporter's receipt code (GlobaLeaks' model): 16 random decimal digits (log2(10^16) ≈ 53 bits),
 * shown once after the report is committed, never stored. From it, with the organisation's salt:
 *   argon2id(code, salt) → master; HKDF(master, 'receipt:wrap') → the key that wraps the report key;
 *   HKDF(master, 'receipt:verifier') → a verifier stored with the report to find it again.
 * The salt is per organisation (not per report) so that a returning reporter's report can be found by
 * its verifier without trying every report; the cost of that choice is in docs/integrity-encryption.md.
 */
import { randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { deriveKey } from './aead.js';

export const RECEIPT_DIGITS = 16;

/** argon2id cost parameters (memory in KiB). Stored with what they protect so they can be raised later. */
export interface KdfParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * Receipt codes for new channels: 19 MiB, 2 passes (OWASP's argon2id minimum); a code's ≈ 53 random bits,
 * not the KDF, carry its strength. Why not 64 MiB and 3 passes: docs/decisions/0005-receipt-code-argon2id.md.
 */
export const RECEIPT_KDF: KdfParams = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** The parameters of channels set up before decision 0004 (still stored with them and used for them). */
export const RECEIPT_KDF_2026_11: KdfParams = { memoryCost: 65536, timeCost: 3, parallelism: 1 };
/** Test-only parameters: the same function, cheap enough for many cases. */
export const TEST_KDF: KdfParams = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function generateReceiptCode(): string {
  let code = '';
  for (let i = 0; i < RECEIPT_DIGITS; i++) code += String(randomInt(10));
  return code;
}

/** The 16 digits of what a reporter typed (spaces and dashes allowed), or undefined. */
export function normaliseReceiptCode(input: string): string | undefined {
  if (input.length > 64) return undefined;
  const digits = input.replace(/[\s-]/g, '');
  return /^[0-9]{16}$/.test(digits) ? digits : undefined;
}

/** Four groups of four digits, easier to copy. */
export const formatReceiptCode = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ');

export async function argon2idKey(secret: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  if (salt.length < 16) throw new Error('integrity-crypto: salt must be at least 16 bytes');
  return argon2.hash(secret, {
    type: argon2.argon2id,
    raw: true,
    hashLength: 32,
    salt: Buffer.from(salt),
    ...params,
  });
}

export interface ReceiptKeys {
  /** Wraps the report key; never stored. */
  wrappingKey: Buffer;
  /** Stored with the report (base64url); finds the report again. Reveals nothing about the wrapping key. */
  verifier: string;
}

export async function deriveReceiptKeys(
  code: string,
  organisationSalt: Uint8Array,
  params: KdfParams,
): Promise<ReceiptKeys> {
  const master = await argon2idKey(code, organisationSalt, params);
  return {
    wrappingKey: deriveKey(master, 'receipt:wrap'),
    verifier: deriveKey(master, 'receipt:verifier').toString('base64url'),
  };
}
