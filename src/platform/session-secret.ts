import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config/config.js';

/** SESSION_SECRET from the environment; in an embedded development install, one kept in the data directory. */
export function sessionSecretFor(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  // Production requires SESSION_SECRET (config validation); several processes on one PostgreSQL
  // server must then share it. Development keeps a generated one in the data directory.
  const path = join(config.WEERBAAR_DATA_DIR, 'session-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(config.WEERBAAR_DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
