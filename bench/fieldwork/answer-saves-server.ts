/**
 * Weerbaar as benchmark (a) of `npm run bench:fieldwork` serves it: production settings, an open
 * anonymous wave with BENCH_RESPONDENTS invitations, on embedded PGlite in a temp dir or on
 * DATABASE_URL. Prints one JSON line: the URL and the respondents' link tokens.
 * BENCH_PROFILE=1: on SIGTERM, prints to stderr where the time went (answer-saves-profile.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modules } from '../../src/composition.js';
import { seedAnsweringWave } from '../../src/monitor/answering/seed-wave.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { startServer } from '../../src/platform/server.js';

const config = loadConfig({
  WEERBAAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'wb-bench-saves-')),
  DATABASE_URL: process.env.DATABASE_URL,
  PORT: '0',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '100000000',
  NODE_ENV: 'production',
  SESSION_SECRET: 'b'.repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  RESPONSE_KEY: Buffer.alloc(32, 2).toString('base64'),
  WEERBAAR_JOBS_IN_PROCESS: 'false',
});
const server = await startServer(config, { modules });
const wave = await seedAnsweringWave(server.database, {
  persons: Number(process.env.BENCH_RESPONDENTS ?? 200),
});
const profile = process.env.BENCH_PROFILE
  ? (await import('./answer-saves-profile.js')).startProfile({
      httpServer: server.app.server,
      database: server.database,
    })
  : undefined;
process.stdout.write(`${JSON.stringify({ url: server.url, tokens: wave.tokens })}\n`);
process.on('SIGTERM', () => {
  profile?.report();
  server.stop().then(() => process.exit(0));
});
