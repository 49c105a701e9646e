/**
 * Where the time of benchmark (a) goes, measured inside the Weerbaar server process
 * (answer-saves-server.ts with BENCH_PROFILE=1; driven by answer-saves.ts with BENCH_PROFILE=1):
 * CPU time per request (process.cpuUsage), event-loop delay (perf_hooks.monitorEventLoopDelay),
 * stalls of the event loop over 40 ms with what ran just before them, garbage collection pauses,
 * and every database query by kind (count, total and maximum time). Printed to stderr on SIGTERM.
 * Profiling only: nothing here changes what the server does.
 */

import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { Database } from '../../src/platform/db/database.js';

interface QueryStat {
  n: number;
  ms: number;
  max: number;
}

const kindOf = (text: string) => text.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').slice(0, 90);

function steady(seconds: Array<{ requests: number; cpuMs: number; dbMs: number }>): string {
  const busy = seconds.filter((x) => x.requests >= 100);
  if (!busy.length) return 'none';
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpu = median(busy.map((x) => x.cpuMs / x.requests));
  const db = median(busy.map((x) => x.dbMs / x.requests));
  return `${cpu.toFixed(2)} ms CPU and ${db.toFixed(2)} ms database per request over ${busy.length} s`;
}

export function startProfile(server: { httpServer: Server; database: Database }) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let requests = 0;
  server.httpServer.on('request', () => {
    requests++;
  });

  const queries = new Map<string, QueryStat>();
  const recent: Array<{ at: number; kind: string; ms: number }> = [];
  const client = (server.database.pglite ?? server.database.pool) as any;
  for (const method of ['query', 'exec'] as const) {
    const original = client[method]?.bind(client);
    if (!original) continue;
    client[method] = async (...args: any[]) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '?');
      const start = performance.now();
      try {
        return await original(...args);
      } finally {
        const ms = performance.now() - start;
        const kind = `${method}: ${kindOf(text)}`;
        const s = queries.get(kind) ?? { n: 0, ms: 0, max: 0 };
        s.n++;
        s.ms += ms;
        s.max = Math.max(s.max, ms);
        queries.set(kind, s);
        recent.push({ at: start, kind, ms });
        if (recent.length > 50) recent.shift();
      }
    };
  }

  // Database work (PGlite: everything that holds its query mutex, prepared statements included).
  let dbMs = 0;
  const pg = server.database.pglite as any;
  if (pg) {
    const original = pg._runExclusiveQuery.bind(pg);
    pg._runExclusiveQuery = (fn: () => Promise<unknown>) =>
      original(async () => {
        const start = performance.now();
        try {
          return await fn();
        } finally {
          dbMs += performance.now() - start;
        }
      });
  }

  // Per second: requests, CPU and database time, to read the steady state apart from the set-up.
  const seconds: Array<{ requests: number; cpuMs: number; dbMs: number }> = [];
  let previous = { requests: 0, cpu: process.cpuUsage(), dbMs: 0 };
  const perSecond = setInterval(() => {
    const cpu = process.cpuUsage(previous.cpu);
    seconds.push({
      requests: requests - previous.requests,
      cpuMs: (cpu.user + cpu.system) / 1000,
      dbMs: dbMs - previous.dbMs,
    });
    previous = { requests, cpu: process.cpuUsage(), dbMs };
  }, 1000);
  perSecond.unref();

  // Synchronous file system calls (PGlite writes its files through them on the event loop's thread).
  const fsCalls = new Map<string, QueryStat>();
  const slowFs: string[] = [];
  const fs = createRequire(import.meta.url)('node:fs') as Record<string, any>;
  for (const name of [
    'writeSync',
    'readSync',
    'openSync',
    'closeSync',
    'fstatSync',
    'fsyncSync',
    'fdatasyncSync',
    'ftruncateSync',
    'unlinkSync',
    'renameSync',
  ]) {
    const original = fs[name];
    if (typeof original !== 'function') continue;
    fs[name] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const ms = performance.now() - start;
        const s = fsCalls.get(name) ?? { n: 0, ms: 0, max: 0 };
        s.n++;
        s.ms += ms;
        s.max = Math.max(s.max, ms);
        fsCalls.set(name, s);
        if (ms > 20 && slowFs.length < 20)
          slowFs.push(`at ${((start - t0) / 1000).toFixed(1)} s: ${name} ${ms.toFixed(0)} ms`);
      }
    };
  }

  const stalls: string[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const gap = now - last - 10;
    if (gap > 40 && stalls.length < 40) {
      const before = recent
        .filter((q) => q.at >= last - 5)
        .map((q) => `${q.ms.toFixed(0)}ms ${q.kind.slice(0, 70)}`)
        .slice(-4);
      stalls.push(
        `at ${((now - t0) / 1000).toFixed(1)} s: ${gap.toFixed(0)} ms; queries: ${before.join(' | ')}`,
      );
    }
    last = now;
  }, 10);
  ticker.unref();

  const gcs = { n: 0, ms: 0, max: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs.n++;
      gcs.ms += e.duration;
      gcs.max = Math.max(gcs.max, e.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });

  return {
    report() {
      const cpu = process.cpuUsage(cpu0);
      const wall = performance.now() - t0;
      const lines = [
        `profile: ${requests} requests in ${(wall / 1000).toFixed(1)} s; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms = ${((cpu.user + cpu.system) / 1000 / Math.max(requests, 1)).toFixed(2)} ms per request`,
        `per second (requests/CPU ms/database ms): ${seconds.map((x) => `${x.requests}/${x.cpuMs.toFixed(0)}/${x.dbMs.toFixed(0)}`).join(' ')}`,
        `steady state (seconds with ≥ 100 requests, median): ${steady(seconds)}`,
        `event loop delay: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} p99 ${(loop.percentile(99) / 1e6).toFixed(1)} max ${(loop.max / 1e6).toFixed(0)} ms`,
        `gc: ${gcs.n} pauses, ${gcs.ms.toFixed(0)} ms in all, longest ${gcs.max.toFixed(0)} ms`,
        'queries (n, total ms, max ms, kind):',
        ...[...queries]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 25)
          .map(([k, s]) => `  ${s.n}\t${s.ms.toFixed(0)}\t${s.max.toFixed(0)}\t${k}`),
        'synchronous file system calls (n, total ms, max ms, call):',
        ...[...fsCalls].map(([k, s]) => `  ${s.n}\t${s.ms.toFixed(0)}\t${s.max.toFixed(0)}\t${k}`),
        ...slowFs.map((s) => `  slow: ${s}`),
        `stalls over 40 ms (${stalls.length}):`,
        ...stalls.map((s) => `  ${s}`),
      ];
      process.stderr.write(`${lines.join('\n')}\n`);
    },
  };
}
