/**
 * Runs the jobs: starts pg-boss on the database (PostgreSQL: its own small pool from the connection string;
 * embedded: the in-process adapter on the one PGlite instance), creates/updates every defined queue, sets
 * the cron schedules and starts the workers. `startServer` runs it in the web process (unless
 * WEERBAAR_JOBS_IN_PROCESS=false); `weerbaar worker` runs it in a process of its own (PostgreSQL only).
 */
import PgBoss from 'pg-boss';
import { pino } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { registerMessages } from '../i18n/catalogue.js';
import { type DomainModule, jobsOf } from '../modules.js';
import {
  bossDb,
  JOBS_SCHEMA,
  type JobDefinition,
  type JobLogger,
  jobDefinitions,
  onEnqueued,
  queueSettings,
  resolveJobOptions,
} from './jobs.js';

export interface JobRuntime {
  boss: PgBoss;
  /** Waits (up to `timeoutMs`) for running handlers, then stops. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartJobsOptions {
  /** The composed module descriptors (src/composition.ts): their job modules are loaded before the start. */
  modules: readonly DomainModule[];
  /** Start workers (default true). false: only schedules and maintenance. */
  workers?: boolean;
  /** Only these queues get workers (default: all). */
  queues?: string[];
  log?: JobLogger;
}

/** Imports every job module of the composed modules, so each queue has its definition (and workers). */
export async function loadJobModules(modules: readonly DomainModule[]): Promise<void> {
  registerMessages(modules);
  for (const load of jobsOf(modules)) await load();
}

export async function startJobs(
  database: Database,
  config: Config,
  options: StartJobsOptions,
): Promise<JobRuntime> {
  await loadJobModules(options.modules);
  const log: JobLogger = options.log ?? pino({ level: config.LOG_LEVEL, base: { component: 'jobs' } });
  const pollingIntervalSeconds = config.JOBS_POLL_INTERVAL_SECONDS ?? (database.kind === 'pglite' ? 15 : 2);
  const common = {
    schema: JOBS_SCHEMA,
    supervise: true,
    schedule: true,
    migrate: true,
    maintenanceIntervalSeconds: config.JOBS_MAINTENANCE_INTERVAL_SECONDS,
    pollingIntervalSeconds,
    // Completed jobs leave the job table after 12 hours (pg-boss default); failed ones stay 14 days, so
    // admins can see and retry them (/admin/jobs). The idempotency ledger (job_keys) is kept regardless.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
  };
  // Jobs enqueued in this process wake their queue's workers at once (see onEnqueued).
  const workersByQueue = new Map<string, string[]>();
  let boss: PgBoss;
  if (database.kind === 'postgres') {
    if (!database.url)
      throw new AppError('internal', { detail: 'PostgreSQL database without a connection string' });
    boss = new PgBoss({
      ...common,
      connectionString: database.url,
      max: 4,
      application_name: 'weerbaar-jobs',
    });
  } else {
    boss = new PgBoss({ ...common, db: bossDb(database.pglite as any) });
  }
  boss.on('error', (err: unknown) => log.error({ err }, 'job system error'));
  await boss.start();

  try {
    const defs = jobDefinitions();
    for (const def of defs) {
      const settings = queueSettings(resolveJobOptions(def, config));
      await boss.createQueue(def.name, { name: def.name, ...settings });
      await boss.updateQueue(def.name, { name: def.name, ...settings });
      // Jobs copy their queue's settings when inserted; waiting jobs follow the configuration of this start.
      await database.query(
        `update ${JOBS_SCHEMA}.job set retry_limit = $2, retry_delay = $3, retry_backoff = $4,
                expire_in = make_interval(secs => $5)
          where name = $1 and state < 'active'`,
        [def.name, settings.retryLimit, settings.retryDelay, settings.retryBackoff, settings.expireInSeconds],
      );
    }

    if (database.kind === 'pglite') await recoverEmbedded(database, boss, defs, log);

    for (const def of defs) {
      const o = resolveJobOptions(def, config);
      if (o.cron)
        await boss.schedule(def.name, o.cron, (o.cronData ?? {}) as object, { tz: 'Europe/Amsterdam' });
      else await boss.unschedule(def.name).catch(() => undefined);
    }

    if (options.workers ?? true) {
      for (const def of defs) {
        if (options.queues && !options.queues.includes(def.name)) continue;
        const o = resolveJobOptions(def, config);
        for (let i = 0; i < Math.max(1, o.concurrency ?? 1); i++) {
          let workerId = '';
          workerId = await boss.work(
            def.name,
            {
              batchSize: 1,
              includeMetadata: true,
              pollingIntervalSeconds,
            },
            async ([job]) => {
              try {
                return await runHandler(def, job as PgBoss.JobWithMetadata, database, config, log);
              } finally {
                // pg-boss 10 waits a polling interval even after a job; after work, look for the next at once.
                boss.notifyWorker(workerId);
              }
            },
          );
          const ids = workersByQueue.get(def.name) ?? [];
          ids.push(workerId);
          workersByQueue.set(def.name, ids);
        }
      }
    }
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw err;
  }

  let stopped = false;
  const stopWaking = onEnqueued((queue) => {
    if (stopped) return;
    for (const id of workersByQueue.get(queue) ?? []) boss.notifyWorker(id);
  });
  return {
    boss,
    async stop(timeoutMs = 10_000) {
      if (stopped) return;
      stopped = true;
      stopWaking();
      await new Promise<void>((resolve) => {
        boss.once('stopped', () => resolve());
        boss.stop({ graceful: true, wait: false, timeout: timeoutMs }).catch((err) => {
          log.error({ err }, 'stopping jobs failed');
          resolve();
        });
      });
    },
  };
}

async function runHandler(
  def: JobDefinition<unknown>,
  job: PgBoss.JobWithMetadata,
  database: Database,
  config: Config,
  log: JobLogger,
): Promise<unknown> {
  const data = def.schema.parse(job.data);
  const attempt = (job.retryCount ?? 0) + 1;
  try {
    return await def.handler(data, {
      database,
      config,
      jobId: job.id,
      attempt,
      lastAttempt: (job.retryCount ?? 0) >= (job.retryLimit ?? 0),
      log,
    });
  } catch (err) {
    // Not the message itself: errors can quote personal data (an SMTP reply names the recipient). The job's
    // output (/admin/jobs) and, for mail, the message's last error keep the details for admins.
    const e = err as { name?: string; code?: unknown; responseCode?: unknown };
    log.warn(
      { job: def.name, jobId: job.id, attempt, error: e?.name, code: e?.responseCode ?? e?.code },
      'job attempt failed',
    );
    throw err;
  }
}

/**
 * Embedded database: only this process owns it, so a job still 'active' was running when a previous
 * process died. Put it back (retry, counting the attempt) to run now, and let the definitions repair
 * their own half-done state.
 */
async function recoverEmbedded(
  database: Database,
  boss: PgBoss,
  defs: JobDefinition<unknown>[],
  log: JobLogger,
): Promise<void> {
  const orphans = await database.query<{ id: string; name: string }>(
    `select id, name from ${JOBS_SCHEMA}.job where state = 'active'`,
  );
  for (const o of orphans) {
    await boss.fail(o.name, o.id, {
      message: 'the process ended while this job ran; retrying after restart',
    });
  }
  if (orphans.length) {
    await database.query(
      `update ${JOBS_SCHEMA}.job set start_after = now() where state = 'retry' and id = any($1::uuid[])`,
      [orphans.map((o) => o.id)],
    );
    log.warn({ count: orphans.length }, 'jobs interrupted by a crash are retried');
  }
  for (const def of defs) await def.recoverAfterCrash?.(database);
}
