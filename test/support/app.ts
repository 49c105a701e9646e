/**
 * An app on a fresh test database, called in process with app.inject (fast and real).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/platform/config/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/platform/http/app.js';
import type { AppDeps } from '../../src/platform/http/types.js';
import { createTestDatabase } from './database.js';
import { modules } from './modules.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The secret the app signs cookies with. */
  sessionSecret: string;
  close(): Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  /** demo: on a database with the full demo loaded (the demo template, see template.ts). */
  options: Pick<AppDeps, 'logStream'> & { demo?: boolean } = {},
): Promise<TestApp> {
  const { demo, ...deps } = options;
  const database = await createTestDatabase({ demo });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const sessionSecret = randomBytes(32).toString('hex');
  const app = await buildApp({ config, database, sessionSecret, modules, ...deps });
  await app.ready();
  return {
    app,
    database,
    sessionSecret,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
