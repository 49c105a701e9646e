/**
 * What admins see of the jobs (/admin/jobs, /api/v1/jobs, `weerbaar jobs`): queued, running and failed
 * jobs, and retrying one. Reads pg-boss's job table directly; works whether or not workers run here.
 */
import type { Actor } from '../audit/audit.js';
import { audit } from '../audit/audit.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { isUuid } from '../uuid.js';
import { bossDb, JOBS_SCHEMA, sender, sqlClientOf } from './jobs.js';

export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof jobStates)[number];
/** The default view: everything not finished successfully. */
export const openJobStates: JobState[] = ['created', 'retry', 'active', 'failed'];

export interface JobRow {
  id: string;
  name: string;
  state: JobState;
  /** Attempts made so far. */
  attempts: number;
  retryLimit: number;
  createdOn: string;
  startAfter: string;
  startedOn: string | null;
  completedOn: string | null;
  /** The last error message, for failed and retrying jobs. */
  lastError: string | null;
}

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const o = output as Record<string, any>;
  const m = o.message ?? o.value?.message ?? (typeof o.value === 'string' ? o.value : undefined);
  return typeof m === 'string' ? m : null;
}

export async function getJob(database: Database, jobId: string): Promise<JobRow | undefined> {
  if (!isUuid(jobId)) return undefined;
  return (await selectJobs(database, 'id = $2', [1, jobId]))[0];
}

export async function listJobs(
  database: Database,
  filter: { states?: JobState[]; queue?: string; limit?: number } = {},
): Promise<JobRow[]> {
  const states = (filter.states?.length ? filter.states : openJobStates).filter((s) => jobStates.includes(s));
  const params: unknown[] = [Math.min(Math.max(filter.limit ?? 100, 1), 1000)];
  let where = `state::text in (${states.map((s) => `'${s}'`).join(', ')})`;
  if (filter.queue) {
    params.push(filter.queue);
    where += ` and name = $${params.length}`;
  }
  return selectJobs(database, where, params);
}

async function selectJobs(database: Database, where: string, params: unknown[]): Promise<JobRow[]> {
  const rows = await database.query<Record<string, any>>(
    `select id, name, state::text as state, retry_count, retry_limit, created_on, start_after, started_on,
            completed_on, output
       from ${JOBS_SCHEMA}.job where name not like '\\_\\_pgboss\\_\\_%' and ${where} order by created_on desc, id limit $1`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    // retry_count counts retries started; a job that has started at least once made retry_count + 1 attempts
    attempts: r.started_on ? Number(r.retry_count) + 1 : 0,
    retryLimit: Number(r.retry_limit),
    createdOn: iso(r.created_on)!,
    startAfter: iso(r.start_after)!,
    startedOn: iso(r.started_on),
    completedOn: iso(r.completed_on),
    lastError: r.state === 'completed' ? null : errorOf(r.output),
  }));
}

/**
 * Retries a job now: a failed job goes back to the queue (pg-boss retry), a job waiting for its next
 * attempt starts at once. Audited.
 */
export async function retryJob(database: Database, jobId: string, actor: Actor): Promise<JobRow> {
  if (!isUuid(jobId)) throw new AppError('not-found', { detail: `no job ${jobId}` });
  await database.db.transaction(async (tx) => {
    const client = sqlClientOf(tx);
    const { rows } = await client.query(
      `select name, state::text as state from ${JOBS_SCHEMA}.job where id = $1 for update`,
      [jobId],
    );
    const job = rows[0] as { name: string; state: JobState } | undefined;
    if (!job || job.name.startsWith('__pgboss__'))
      throw new AppError('not-found', { detail: `no job ${jobId}` });
    if (job.state === 'failed' || job.state === 'cancelled') {
      await sender().retry(job.name, jobId, { db: bossDb(client) } as any);
    } else if (job.state === 'retry' || job.state === 'created') {
      await client.query(`update ${JOBS_SCHEMA}.job set start_after = now() where name = $1 and id = $2`, [
        job.name,
        jobId,
      ]);
    } else {
      throw new AppError('conflict', {
        detail: `job ${jobId} is ${job.state}; only failed or waiting jobs can be retried`,
      });
    }
    await audit(tx, actor, {
      action: 'job.retry',
      resourceType: 'job',
      resourceId: jobId,
      diff: { queue: job.name, state: [job.state, 'retry'] },
    });
  });
  return (await getJob(database, jobId))!;
}
