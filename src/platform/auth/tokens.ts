import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie or a link: 256 bits, base64url. */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Secrets are stored as SHA-256: a leaked table does not give working sessions or tokens. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
