/**
 * The baseline of benchmark (a): bare Fastify (form body parser only) upserting the posted answers
 * as JSON into one table of the same kind of database, answering 303 — no security plugins, CSRF,
 * sessions, access policy, validation, routing or page rendering. Prints one JSON line with the URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { openDatabase } from '../../src/platform/db/database.js';

const database = await openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: mkdtempSync(join(tmpdir(), 'wb-bench-bare-')) },
);
await database.query(
  'create table if not exists bench_answer_saves (respondent text primary key, answers jsonb not null, revision int not null default 0)',
);
const app = Fastify({ logger: false });
await app.register(formbody);
app.post<{ Params: { id: string }; Body: Record<string, unknown> }>('/save/:id', async (req, reply) => {
  await database.query(
    `insert into bench_answer_saves (respondent, answers) values ($1, $2)
     on conflict (respondent) do update set answers = excluded.answers, revision = bench_answer_saves.revision + 1`,
    [req.params.id, JSON.stringify(req.body)],
  );
  return reply.redirect(`/page/${req.params.id}`, 303);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const profile = process.env.BENCH_PROFILE
  ? (await import('./answer-saves-profile.js')).startProfile({ httpServer: app.server, database })
  : undefined;
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
process.on('SIGTERM', () =>
  Promise.resolve(profile?.report())
    .then(() => app.close())
    .then(() => database.close())
    .then(() => process.exit(0)),
);
