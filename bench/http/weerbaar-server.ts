/**
 * Weerbaar as the benchmark serves it: embedded PGlite in a temp dir (or the PostgreSQL database in
 * DATABASE_URL), demo data loaded, production settings, a signed-in admin (session cookie and API
 * token). Prints one JSON line with the port and credentials.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modules } from '../../src/composition.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { startServer } from '../../src/platform/server.js';
import { signedInUser } from '../../test/support/isolation-world.js';

const config = loadConfig({
  ...(process.env.DATABASE_URL
    ? { DATABASE_URL: process.env.DATABASE_URL }
    : { WEERBAAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'wb-bench-')) }),
  PORT: '0',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '100000000',
  NODE_ENV: 'production',
  SESSION_SECRET: 'b'.repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  RESPONSE_KEY: Buffer.alloc(32, 2).toString('base64'),
});
const server = await startServer(config, { demo: true, modules });
const admin = await signedInUser(server.app, server.database, 'bench-admin@weerbaar.test', [], ['admin']);
process.stdout.write(`${JSON.stringify({ url: server.url, bearer: admin.bearer, cookie: admin.cookie })}\n`);
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
