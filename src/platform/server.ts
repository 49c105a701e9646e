/**
 * Starts Weerbaar: open the database, migrate, load demo data once (demo mode), serve HTTP.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { type Database, openDatabase } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { type DemoLogin, demoLoaded, demoLogins, loadDemoData } from './demo/demo.js';
import { buildApp } from './http/app.js';
import type { JobRuntime } from './jobs/runtime.js';
import type { DomainModule } from './modules.js';
import { sessionSecretFor } from './session-secret.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.embedded ? { dataDir: config.WEERBAAR_DATA_DIR } : { databaseUrl: config.DATABASE_URL! },
  );
}

export interface StartServerOptions {
  /** The composed module descriptors (src/composition.ts). */
  modules: readonly DomainModule[];
  /** Load the demo data (once) and list its logins. Default: WEERBAAR_DEMO. */
  demo?: boolean;
}

export async function startServer(config: Config, options: StartServerOptions): Promise<RunningServer> {
  const { modules } = options;
  const database = await openConfiguredDatabase(config);
  let jobs: JobRuntime | undefined;
  try {
    await runMigrations(database);
    let logins: DemoLogin[] = [];
    if (options.demo ?? config.WEERBAAR_DEMO) {
      if (!(await demoLoaded(database))) await loadDemoData(database, modules);
      logins = await demoLogins(modules);
    }
    const app = await buildApp({ config, database, sessionSecret: sessionSecretFor(config), modules });
    // Background jobs run in this process unless `weerbaar worker` processes run them (PostgreSQL only).
    if (config.WEERBAAR_JOBS_IN_PROCESS || config.embedded) {
      const { startJobs } = await import('./jobs/runtime.js');
      jobs = await startJobs(database, config, { log: app.log, modules });
    }
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    const port = new URL(address).port;
    const url =
      config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
      await jobs?.stop();
      await database.close();
    };
    return { app, database, url, demoLogins: logins, stop };
  } catch (err) {
    await jobs?.stop();
    await database.close();
    throw err;
  }
}
