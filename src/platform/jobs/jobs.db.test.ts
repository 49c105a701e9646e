import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { getJob, listJobs, retryJob } from './admin.js';
import { defineJob, enqueue, enqueueMany } from './jobs.js';
import { type JobRuntime, startJobs } from './runtime.js';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JOBS_POLL_INTERVAL_SECONDS: '0.5',
});
const silent = { info() {}, warn() {}, error() {} };

const runs = new Map<string, number>();
const countJob = defineJob('test.count', z.object({ tag: z.string() }), async ({ tag }) => {
  runs.set(tag, (runs.get(tag) ?? 0) + 1);
});
const flakyJob = defineJob(
  'test.flaky',
  z.object({ tag: z.string() }),
  async ({ tag }, ctx) => {
    runs.set(tag, (runs.get(tag) ?? 0) + 1);
    if (ctx.attempt === 1) throw new Error('first attempt fails');
  },
  { retryLimit: 2, retryDelay: 1, retryBackoff: false },
);
const failingJob = defineJob(
  'test.failing',
  z.object({}),
  async () => {
    throw new Error('always fails');
  },
  { retryLimit: 0 },
);

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a job enqueued in a transaction exists exactly when the transaction commits', async () => {
  let committed = '';
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    committed = (await enqueue(tx, countJob, { tag: 'commit' })).jobId;
  });
  assert.equal((await getJob(database, committed))?.state, 'created');

  let rolledBack = '';
  await assert.rejects(
    database.db.transaction(async (tx) => {
      rolledBack = (await enqueue(tx, countJob, { tag: 'rollback' })).jobId;
      throw new Error('business failure');
    }),
    /business failure/,
  );
  assert.ok(rolledBack);
  assert.equal(await getJob(database, rolledBack), undefined);
});

test('enqueueMany: many jobs in one go, with the transaction; each key once (within the call and against earlier jobs)', async () => {
  const earlier = await enqueue(database.db, countJob, { tag: 'many-earlier' }, { key: 'many-old' });
  const inAnHour = new Date(Date.now() + 3600_000);
  const results = await database.db.transaction((tx) =>
    enqueueMany(tx, countJob, [
      { data: { tag: 'many-1' }, options: { key: 'many-1' } },
      { data: { tag: 'many-2' } },
      { data: { tag: 'many-1-again' }, options: { key: 'many-1' } },
      { data: { tag: 'many-old-again' }, options: { key: 'many-old' } },
      { data: { tag: 'many-later' }, options: { startAfter: inAnHour, priority: 3 } },
      { data: { tag: 'many-in-30s' }, options: { startAfter: 30 } },
    ]),
  );
  assert.deepEqual(
    results.map((r) => r.created),
    [true, true, false, false, true, true],
  );
  assert.equal(results[2]!.jobId, results[0]!.jobId);
  assert.equal(results[3]!.jobId, earlier.jobId);
  assert.equal(new Set(results.map((r) => r.jobId)).size, 5);
  for (const i of [0, 1, 4, 5]) assert.equal((await getJob(database, results[i]!.jobId))?.state, 'created');
  const later = await getJob(database, results[4]!.jobId);
  assert.ok(Math.abs(Date.parse(later!.startAfter) - inAnHour.getTime()) < 1000);
  const soon = Date.parse((await getJob(database, results[5]!.jobId))!.startAfter) - Date.now();
  assert.ok(soon > 20_000 && soon <= 31_000, `starts in ${soon} ms`);
  const again = await enqueueMany(database.db, countJob, [
    { data: { tag: 'x' }, options: { key: 'many-1' } },
  ]);
  assert.deepEqual(again, [{ jobId: results[0]!.jobId, created: false }]);

  let lost: string[] = [];
  await assert.rejects(
    database.db.transaction(async (tx) => {
      lost = (
        await enqueueMany(tx, countJob, [
          { data: { tag: 'many-rb' }, options: { key: 'many-rb' } },
          { data: { tag: 'many-rb-2' } },
        ])
      ).map((r) => r.jobId);
      throw new Error('business failure');
    }),
    /business failure/,
  );
  for (const id of lost) assert.equal(await getJob(database, id), undefined);
  const reused = await enqueueMany(database.db, countJob, [
    { data: { tag: 'rb' }, options: { key: 'many-rb' } },
  ]);
  assert.equal(reused[0]!.created, true, 'the rolled back key is free again');

  await assert.rejects(
    enqueueMany(database.db, countJob, [{ data: { tag: 'fine' } }, { data: { tag: 5 } as any }]),
    (e: any) => e.code === 'validation',
  );
});

test('invalid job data is refused at enqueue time', async () => {
  await assert.rejects(
    enqueue(database.db, countJob, { tag: 5 } as any),
    (e: any) => e.code === 'validation',
  );
});

test('idempotency: the same key enqueues once, also after the job ran; handlers retry, then succeed', async () => {
  const a = await enqueue(database.db, countJob, { tag: 'once' }, { key: 'k-1' });
  const b = await enqueue(database.db, countJob, { tag: 'once' }, { key: 'k-1' });
  assert.equal(a.created, true);
  assert.equal(b.created, false);
  assert.equal(b.jobId, a.jobId);
  const flaky = await enqueue(database.db, flakyJob, { tag: 'flaky' });
  const failing = await enqueue(database.db, failingJob, {});

  let runtime: JobRuntime | undefined = await startJobs(database, config, { modules, log: silent });
  try {
    await waitFor('the keyed job', async () => (await getJob(database, a.jobId))?.state === 'completed');
    assert.equal(runs.get('once'), 1);
    const again = await enqueue(database.db, countJob, { tag: 'once' }, { key: 'k-1' });
    assert.deepEqual(again, { jobId: a.jobId, created: false });

    const done = await waitFor('the flaky job', async () => {
      const j = await getJob(database, flaky.jobId);
      return j?.state === 'completed' ? j : undefined;
    });
    assert.equal(runs.get('flaky'), 2);
    assert.equal(done.attempts, 2);

    const failed = await waitFor('the failing job', async () => {
      const j = await getJob(database, failing.jobId);
      return j?.state === 'failed' ? j : undefined;
    });
    assert.match(failed.lastError ?? '', /always fails/);
    assert.ok((await listJobs(database, { states: ['failed'] })).some((j) => j.id === failing.jobId));

    await runtime.stop();
    runtime = undefined;
    const retried = await retryJob(database, failing.jobId, { type: 'system', id: null, label: 'test' });
    assert.equal(retried.state, 'retry');
    await assert.rejects(
      retryJob(database, a.jobId, { type: 'system', id: null, label: 'test' }),
      (e: any) => e.code === 'conflict',
    );
    await assert.rejects(
      retryJob(database, '00000000-0000-4000-8000-000000000000', { type: 'system', id: null, label: 'test' }),
      (e: any) => e.code === 'not-found',
    );
  } finally {
    await runtime?.stop();
  }
});

test('a cron job is scheduled when the runtime starts', async () => {
  defineJob('test.cron', z.object({}), async () => {}, { cron: '0 3 * * *' });
  const runtime = await startJobs(database, config, { modules, log: silent, workers: false });
  try {
    const schedules = await runtime.boss.getSchedules();
    assert.ok(schedules.some((s: any) => s.name === 'test.cron' && s.cron === '0 3 * * *'));
  } finally {
    await runtime.stop();
  }
});

test('concurrency: at most `concurrency` handlers of a queue run at once in a process', async () => {
  let running = 0;
  let peak = 0;
  let done = 0;
  const slow = defineJob(
    'test.slow',
    z.object({ n: z.number() }),
    async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 300));
      running -= 1;
      done += 1;
    },
    { concurrency: 3 },
  );
  for (let n = 0; n < 9; n++) await enqueue(database.db, slow, { n });
  const runtime = await startJobs(database, config, { modules, log: silent, queues: ['test.slow'] });
  try {
    await waitFor('nine slow jobs', async () => done === 9);
    assert.equal(peak, 3);
  } finally {
    await runtime.stop();
  }
});

test('on PGlite a job enqueued in this process wakes its workers: no wait for the next poll', async (t) => {
  if (database.kind !== 'pglite') {
    t.skip(
      'PGlite only: on PostgreSQL other processes enqueue too, so workers poll (JOBS_POLL_INTERVAL_SECONDS)',
    );
    return;
  }
  // A poll interval far longer than the test may take: only the wake-up can get the jobs handled in time.
  const slowPolling = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_POLL_INTERVAL_SECONDS: '60' });
  const runtime = await startJobs(database, slowPolling, { modules, log: silent, queues: ['test.count'] });
  try {
    await new Promise((r) => setTimeout(r, 300)); // the workers' first (empty) poll is over
    const started = Date.now();
    await database.db.transaction(async (tx) => {
      await enqueue(tx, countJob, { tag: 'woken-one' });
      await enqueueMany(tx, countJob, [{ data: { tag: 'woken-many' } }]);
      await tx.execute(sql`select pg_sleep(0.2)`); // still uncommitted when the wake-up comes
    });
    await waitFor('both woken jobs', async () => runs.get('woken-one') && runs.get('woken-many'), 10_000);
    assert.ok(Date.now() - started < 10_000);
  } finally {
    await runtime.stop();
  }
});
