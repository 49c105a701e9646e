/** Benchmarks on PostgreSQL run in a database of their own, created for the run and dropped after it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server benchmarks may use: BENCH_DATABASE_URL, else TEST_DATABASE_URL (a role that may create databases). */
export const benchPostgresUrl = (): string | undefined =>
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

export async function withFreshPostgres<T>(url: string, run: (dbUrl: string) => Promise<T>): Promise<T> {
  const name = `wb_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    return await run(u.toString());
  } finally {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists "${name}" with (force)`);
    await a.end();
  }
}
