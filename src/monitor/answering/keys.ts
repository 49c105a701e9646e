/**
 * The secrets of a respondent's link (docs/anonymity.md).
 *
 *   link token T (256 random bits, only in the respondent's mail)
 *   invitations.token_hash     = sha256(T)                      → which invitation (who was invited)
 *   responses.resume_key_hash  = sha256(HMAC-SHA256(server key, T)) → which response (what was answered)
 *
 * The two hashes cannot be computed from each other, so the database holds no path from a person to
 * a response; only someone holding T (and, for the response, the server key) can follow both.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { Config } from '../../platform/config/config.js';

/** Tokens are base64url; anything else cannot be a link and is answered as "unknown link". */
export { TOKEN_PATTERN } from '../fieldwork/invitations.js';

export const newLinkToken = (): string => newSecret();

/** invitations.token_hash: the fieldwork domain's hash of a link token. */
export const tokenHash = (token: string): string => hashSecret(token);

export function resumeKeyHash(serverKey: Buffer, token: string): string {
  const k = createHmac('sha256', serverKey).update(token).digest();
  return createHash('sha256').update(k).digest('hex');
}

const cache = new WeakMap<Config, Buffer>();
let testKey: Buffer | undefined;

/**
 * RESPONSE_KEY from the environment (required in production). In development one is generated once
 * and kept in the data directory (like the session secret); in tests each process gets its own (shared by every app in the process, so fixtures can use it).
 */
export function responseKeyFor(config: Config): Buffer {
  const cached = cache.get(config);
  if (cached) return cached;
  let key: Buffer;
  if (config.RESPONSE_KEY) key = Buffer.from(config.RESPONSE_KEY, 'base64');
  else if (config.isProduction) throw new Error('unreachable: config validation requires RESPONSE_KEY');
  else if (config.NODE_ENV === 'test') key = testKey ??= randomBytes(32);
  else {
    const path = join(config.WEERBAAR_DATA_DIR, 'response-key');
    if (existsSync(path)) key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    else {
      mkdirSync(config.WEERBAAR_DATA_DIR, { recursive: true });
      key = randomBytes(32);
      writeFileSync(path, key.toString('base64'), { mode: 0o600 });
    }
  }
  cache.set(config, key);
  return key;
}
