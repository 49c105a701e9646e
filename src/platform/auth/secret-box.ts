/**
 * Encryption of small secrets at rest (the TOTP secrets of two-factor sign-in): AES-256-GCM with a key
 * derived (HKDF-SHA256, one sub-key per purpose) from ENCRYPTION_KEY. Without ENCRYPTION_KEY (allowed
 * outside production) a key is generated once and kept in the data directory, like the session secret;
 * tests get one key per process. Stored form: `v1:` + base64url(iv ‖ tag ‖ ciphertext).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';

const cache = new WeakMap<Config, Buffer>();
let testKey: Buffer | undefined;

type KeyConfig = Pick<Config, 'ENCRYPTION_KEY' | 'isProduction' | 'NODE_ENV' | 'WEERBAAR_DATA_DIR'>;

/** The master key: ENCRYPTION_KEY, or (development) one kept in `<data dir>/encryption-key`. */
export function encryptionKeyFor(config: KeyConfig): Buffer {
  const cached = cache.get(config as Config);
  if (cached) return cached;
  let key: Buffer;
  if (config.ENCRYPTION_KEY) key = Buffer.from(config.ENCRYPTION_KEY, 'base64');
  else if (config.isProduction) throw new Error('unreachable: config validation requires ENCRYPTION_KEY');
  else if (config.NODE_ENV === 'test') key = testKey ??= randomBytes(32);
  else {
    const path = join(config.WEERBAAR_DATA_DIR, 'encryption-key');
    if (existsSync(path)) key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    else {
      mkdirSync(config.WEERBAAR_DATA_DIR, { recursive: true });
      key = randomBytes(32);
      writeFileSync(path, key.toString('base64'), { mode: 0o600 });
    }
  }
  cache.set(config as Config, key);
  return key;
}

function subKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `weerbaar:${purpose}`, 32));
}

export function seal(master: Buffer, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subKey(master, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function open(master: Buffer, purpose: string, sealed: string): string {
  if (!sealed.startsWith('v1:')) throw new Error('secret-box: unknown format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', subKey(master, purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
