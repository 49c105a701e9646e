/**
 * Background jobs: a small typed layer over pg-boss 10 (see docs/jobs-and-mail.md).
 *
 *   export const sendInvitation = defineJob('monitor.invite', z.object({ id: z.uuid() }), async (data, ctx) => …,
 *     { retryLimit: 5, retryDelay: 30, retryBackoff: true, concurrency: 2 });
 *   await db.transaction(async (tx) => { …; await enqueue(tx, sendInvitation, { id }, { key: `invite:${id}` }); });
 *
 * - `enqueue` writes the job with the caller's transaction: it exists exactly when the transaction commits
 *   (PGlite and PostgreSQL alike; it goes through the transaction's own connection).
 * - `key` is an idempotency key: a second enqueue with the same key (per job name) returns the first job and
 *   inserts nothing, also after the first job completed and was archived (ledger table `job_keys`).
 * - Execution is at-least-once: a process killed while a handler runs leaves the job active until it expires
 *   (PostgreSQL) or until the next start (embedded database); then it runs again. Handlers must be idempotent.
 * - The pgboss schema is installed by the migrations (drizzle/…_jobs_pgboss.sql), so enqueueing works before
 *   (or without) a running job runtime, e.g. in tests and CLI commands; the queue is created on first use.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { type Config, loadConfig } from '../config/config.js';
import type { Database, DbOrTx } from '../db/database.js';
import { AppError } from '../errors.js';
import { jobKeys } from './schema.js';

export const JOBS_SCHEMA = 'pgboss';

export interface JobOptions {
  /** Retries after the first attempt (default 3). */
  retryLimit?: number;
  /** Seconds before a retry (default 30); with retryBackoff it doubles per attempt (with jitter). */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** An active job not finished within this many seconds counts as crashed and is retried (default 900). */
  expireInSeconds?: number;
  /** Completed jobs are kept this long before pg-boss archives them (default 14 days). */
  retentionMinutes?: number;
  /** Handlers of this queue running at once in each process (default 1). */
  concurrency?: number;
  /** Cron expression (5 fields, Europe/Amsterdam) to enqueue this job on a schedule, with `cronData`. */
  cron?: string;
  cronData?: unknown;
}

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobContext {
  database: Database;
  config: Config;
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt throws. */
  lastAttempt: boolean;
  log: JobLogger;
}

export interface JobDefinition<T> {
  name: string;
  schema: z.ZodType<T>;
  handler: (data: T, ctx: JobContext) => Promise<unknown>;
  /** Static, or computed from the configuration when the runtime starts. */
  options: JobOptions | ((config: Config) => JobOptions);
  /**
   * Embedded database only: runs when the runtime starts, before any worker. Only one process owns an
   * embedded database, so whatever a previous process left half-done was left by a crash.
   */
  recoverAfterCrash?: (database: Database) => Promise<void>;
}

const registry = new Map<string, JobDefinition<any>>();

/** Declares a job type. Call at module level in a module listed in a module descriptor's `jobs` (src/platform/modules.ts). */
export function defineJob<S extends z.ZodType>(
  name: string,
  schema: S,
  handler: (data: z.output<S>, ctx: JobContext) => Promise<unknown>,
  options: JobOptions | ((config: Config) => JobOptions) = {},
  extra: Pick<JobDefinition<z.output<S>>, 'recoverAfterCrash'> = {},
): JobDefinition<z.output<S>> {
  if (!/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/.test(name)) throw new Error(`invalid job name ${name}`);
  if (registry.has(name)) throw new Error(`job ${name} is defined twice`);
  const def: JobDefinition<z.output<S>> = { name, schema: schema as any, handler, options, ...extra };
  registry.set(name, def);
  return def;
}

export const jobDefinitions = (): JobDefinition<unknown>[] => [...registry.values()];
export const jobDefinition = (name: string): JobDefinition<unknown> | undefined => registry.get(name);

export function resolveJobOptions(def: JobDefinition<unknown>, config: Config | undefined): JobOptions {
  if (typeof def.options !== 'function') return def.options;
  return def.options(config ?? defaultConfig());
}

let defaults: Config | undefined;
/**
 * Only for a queue first created by `enqueue` before any runtime started (tests, CLI commands); the runtime
 * updates every queue with the real configuration when it starts.
 */
function defaultConfig(): Config {
  defaults ??= loadConfig({ NODE_ENV: 'test' });
  return defaults;
}

/** The queue settings pg-boss stores per queue (create_queue / updateQueue). */
export function queueSettings(o: JobOptions) {
  return {
    policy: 'standard' as const,
    retryLimit: o.retryLimit ?? 3,
    retryDelay: o.retryDelay ?? 30,
    retryBackoff: o.retryBackoff ?? true,
    expireInSeconds: o.expireInSeconds ?? 900,
    retentionMinutes: o.retentionMinutes ?? 60 * 24 * 14,
  };
}

/** Something with `query(text, values)` returning `{ rows }`: a PGlite instance or transaction, a pg Pool or client. */
interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  exec?(text: string): Promise<Array<{ rows: any[] }>>;
}

/** pg-boss's database interface on a PGlite instance/transaction or a pg pool/client (STACK.md (c)). */
export function bossDb(client: SqlClient): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length || !client.exec) return client.query(text, values ?? []);
      // Without parameters pg-boss sends several statements at once; PGlite needs exec for that.
      const results = await client.exec(text);
      return (results.length === 1 ? results[0] : results) as any;
    },
  };
}

/**
 * The connection a drizzle database or transaction runs on. drizzle keeps it in the private field
 * `session.client` (PGlite: the instance or its Transaction; node-postgres: the Pool or, inside a
 * transaction, the PoolClient). Going through it is what lets pg-boss's insert join the transaction, and
 * on PGlite it avoids the deadlock of a second query waiting for the open transaction (STACK.md (c)).
 */
export function sqlClientOf(dbOrTx: DbOrTx): SqlClient {
  const client = (dbOrTx as any).session?.client;
  if (!client || typeof client.query !== 'function') {
    throw new AppError('internal', {
      detail: 'cannot reach the connection of this drizzle database (drizzle upgrade?)',
    });
  }
  return client as SqlClient;
}

/** The database's own connection (outside any transaction). */
export function bossDbOf(database: Database): PgBoss.Db {
  if (database.kind === 'pglite') return bossDb(database.pglite as unknown as SqlClient);
  return bossDb(database.pool as unknown as SqlClient);
}

let senderInstance: PgBoss | undefined;
/**
 * A pg-boss instance that is never started: only used for its SQL (send, retry), always with an explicit
 * `db`, so it works on any connection and inside any transaction.
 */
export function sender(): PgBoss {
  senderInstance ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('the job sender needs an explicit db')),
    },
    schema: JOBS_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  return senderInstance;
}

/** Creates the queue if it does not exist yet, in the caller's transaction. */
async function ensureQueue(client: SqlClient, def: JobDefinition<unknown>): Promise<void> {
  const found = await client.query(`select 1 from ${JOBS_SCHEMA}.queue where name = $1`, [def.name]);
  if (found.rows.length) return;
  await client.query(`select ${JOBS_SCHEMA}.create_queue($1, $2)`, [
    def.name,
    queueSettings(resolveJobOptions(def, undefined)),
  ]);
}

export interface EnqueueOptions {
  /** Idempotency key: enqueueing again with the same key (for this job) does nothing and returns the first job. */
  key?: string;
  /** Not before this moment (a Date) or this many seconds from now. */
  startAfter?: Date | number;
  /** Higher runs first (default 0). */
  priority?: number;
}

const enqueueListeners = new Set<(queue: string) => void>();

/**
 * `listener(queue)` runs (on a later tick) whenever jobs of `queue` were enqueued in this process; the
 * runtime uses it to wake that queue's workers instead of waiting for their next poll. On PGlite the
 * woken worker's query waits for the enqueuing transaction to end, so it sees the committed job.
 * Returns a function that removes the listener.
 */
export function onEnqueued(listener: (queue: string) => void): () => void {
  enqueueListeners.add(listener);
  return () => enqueueListeners.delete(listener);
}

function announce(queue: string): void {
  if (enqueueListeners.size === 0) return;
  setImmediate(() => {
    for (const listener of enqueueListeners) listener(queue);
  });
}

export interface Enqueued {
  jobId: string;
  /** false when the idempotency key had been used before (nothing was enqueued). */
  created: boolean;
}

/**
 * Enqueues a job in the caller's transaction (or, given the database itself, in a transaction of its own).
 * The data is validated against the job's schema now, and again when the job runs.
 */
export async function enqueue<T>(
  dbOrTx: DbOrTx,
  job: JobDefinition<T>,
  data: T,
  options: EnqueueOptions = {},
): Promise<Enqueued> {
  const parsed = parseJobData(job, data);
  // A nested transaction is a savepoint: the ledger row and the job are written together or not at all.
  return dbOrTx.transaction(async (tx) => {
    const jobId = randomUUID();
    if (options.key !== undefined) {
      const inserted = await tx
        .insert(jobKeys)
        .values({ queue: job.name, key: options.key, jobId })
        .onConflictDoNothing()
        .returning({ jobId: jobKeys.jobId });
      if (inserted.length === 0) {
        const [existing] = await tx
          .select({ jobId: jobKeys.jobId })
          .from(jobKeys)
          .where(and(eq(jobKeys.queue, job.name), eq(jobKeys.key, options.key)));
        return { jobId: existing!.jobId, created: false };
      }
    }
    const client = sqlClientOf(tx);
    await ensureQueue(client, job as JobDefinition<unknown>);
    const sendOptions: PgBoss.SendOptions = { id: jobId, db: bossDb(client) };
    if (options.priority !== undefined) sendOptions.priority = options.priority;
    if (options.startAfter !== undefined) sendOptions.startAfter = startAfterOption(options.startAfter);
    const id = await sender().send(job.name, parsed as object, sendOptions);
    if (!id) throw new AppError('internal', { detail: `job ${job.name} was not enqueued` });
    announce(job.name);
    return { jobId: id, created: true };
  });
}

export interface EnqueueItem<T> {
  data: T;
  options?: EnqueueOptions;
}

/**
 * `enqueue` for many jobs of one type in a few statements (ledger rows, then the jobs with pg-boss's bulk
 * `insert`), in the caller's transaction: all are written or none. Same idempotency as `enqueue`: an item
 * whose key was used before (or earlier in `items`) enqueues nothing and returns the first job.
 * Returns one result per item, in order.
 */
export async function enqueueMany<T>(
  dbOrTx: DbOrTx,
  job: JobDefinition<T>,
  items: EnqueueItem<T>[],
): Promise<Enqueued[]> {
  const parsed = items.map((item) => parseJobData(job, item.data));
  if (items.length === 0) return [];
  return dbOrTx.transaction(async (tx) => {
    const client = sqlClientOf(tx);
    const results: Enqueued[] = items.map(() => ({ jobId: randomUUID(), created: true }));
    // Keys: the first item with a key claims it; a repeat within `items` shares its job.
    const firstWithKey = new Map<string, number>();
    items.forEach((item, i) => {
      const key = item.options?.key;
      if (key === undefined) return;
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else results[i] = { jobId: results[first]!.jobId, created: false };
    });
    if (firstWithKey.size > 0) {
      const claimed = [...firstWithKey].map(([key, i]) => ({ key, job_id: results[i]!.jobId }));
      const inserted = await client.query(
        `insert into job_keys (queue, key, job_id)
         select $1, r.key, r.job_id from jsonb_to_recordset($2::jsonb) as r(key text, job_id uuid)
         on conflict do nothing returning key`,
        [job.name, JSON.stringify(claimed)],
      );
      const fresh = new Set(inserted.rows.map((r) => r.key as string));
      const used = claimed.filter((c) => !fresh.has(c.key)).map((c) => c.key);
      if (used.length > 0) {
        const existing = await client.query(
          `select key, job_id from job_keys where queue = $1 and key in (select jsonb_array_elements_text($2::jsonb))`,
          [job.name, JSON.stringify(used)],
        );
        const jobOf = new Map(existing.rows.map((r) => [r.key as string, r.job_id as string]));
        items.forEach((item, i) => {
          const key = item.options?.key;
          if (key !== undefined && jobOf.has(key)) results[i] = { jobId: jobOf.get(key)!, created: false };
        });
      }
    }
    const jobs = items.flatMap((item, i): PgBoss.JobInsert[] => {
      if (!results[i]!.created) return [];
      const o = item.options ?? {};
      return [
        {
          id: results[i]!.jobId,
          name: job.name,
          data: parsed[i] as object,
          ...(o.priority !== undefined ? { priority: o.priority } : {}),
          // pg-boss's bulk insert reads startAfter as text: an ISO timestamp, or an interval in seconds.
          ...(o.startAfter !== undefined ? { startAfter: String(startAfterOption(o.startAfter)) } : {}),
        },
      ];
    });
    if (jobs.length > 0) {
      await ensureQueue(client, job as JobDefinition<unknown>);
      await sender().insert(jobs, { db: bossDb(client) });
      announce(job.name);
    }
    return results;
  });
}

function parseJobData<T>(job: JobDefinition<T>, data: T): T {
  const parsed = job.schema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('validation', {
      detail: `data for job ${job.name} is invalid`,
      invalidParams: parsed.error.issues.map((i) => ({
        name: i.path.join('.') || 'data',
        code: i.code,
        reason: i.message,
      })),
    });
  }
  return parsed.data;
}

const startAfterOption = (v: Date | number): Date | string | number =>
  v instanceof Date ? v.toISOString() : Math.max(1, Math.ceil(v));
