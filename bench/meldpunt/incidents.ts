/**
 * `npm run bench:meldpunt` (incidents part, issue 16):
 * (a) 200 concurrent reporters (each their own API token) submitting complete incidents to
 *     POST /api/v1/incidents on loopback, side by side with a bare Fastify server that inserts the same
 *     report as one row with pg/PGlite (no access policy, validation, tasks, history or audit): p99 and
 *     the throughput ratio; goals p99 < 100 ms and at least 50% of the baseline's throughput;
 * (b) the coordinator's overview of an organisation with 10,000 incidents, and BZK's national benchmark
 *     over 400 organisations and 200,000 incidents, each rendered as a whole page (queries, disclosure
 *     control, charts, HTML) in under 300 ms.
 * On embedded PGlite, and on PostgreSQL (a fresh database from the test template) when TEST_DATABASE_URL
 * or BENCH_DATABASE_URL is set. Client and servers share this process (autocannon on the same loop, the
 * servers measured one after the other). Writes the incidents section of docs/benchmarks.md.
 *
 *   npx tsx bench/meldpunt/incidents.ts   (BENCH_SECONDS, default 10)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { completeReport } from '../../src/meldpunt/incidents/fixtures.js';
import { projectPath } from '../../src/platform/paths.js';
import { createUser, type TestUser } from '../../test/support/principals.js';
import { startTestServer, type TestServer } from '../../test/support/server.js';
import { machineDetails, replaceSection } from '../machine.js';
import { benchPostgresUrl } from '../postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPORTERS = Number(process.env.BENCH_REPORTERS ?? 200);
/** `submit` or `pages` to run one part only. */
const PART = process.env.BENCH_PART ?? 'all';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  load: number;
}

async function hammer(url: string, bodyFor: () => string, tokens: string[]): Promise<Load> {
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url,
      connections: REPORTERS,
      duration,
      method: 'POST',
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[next++ % tokens.length]}`,
            },
            body: bodyFor(),
          }),
        },
      ],
    });
  await run(2); // warm-up
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const r = await run(SECONDS);
  progress(`${r.requests.total} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors, // autocannon counts timeouts among the errors
    non2xx: r.non2xx,
    load: loadavg()[0]!,
  };
}

/** Bare Fastify: one insert of the same report, on the same database. */
async function bareServer(server: TestServer, organisationId: string, reporterId: string) {
  const app = Fastify({ logger: false });
  app.post('/incidents', async (req, reply) => {
    const b = req.body as ReturnType<typeof completeReport>;
    const [row] = await server.database.query<{ id: string }>(
      `insert into incidents (organisation_id, state, reporter_user_id, reporter_relation, concerned_role, occurred_on,
         recurrence, location, channel, forms, severity, description, submitted_at)
       values ($1, 'gemeld', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) returning id`,
      [
        organisationId,
        reporterId,
        b.reporterRelation,
        b.concernedRole,
        b.occurredOn,
        b.recurrence,
        b.location,
        b.channel,
        b.forms,
        b.severity,
        b.description,
      ],
    );
    return reply.code(201).send({ id: row!.id });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

async function timed(server: TestServer, url: string, cookie: string, n = 7) {
  const times: number[] = [];
  for (let i = 0; i < n + 1; i++) {
    const t0 = performance.now();
    const res = await server.app.inject({ url, headers: { cookie } });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i > 0) times.push(ms); // the first one warms up
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times.at(-1)! };
}

/** 400 organisations (one with 10,000 incidents) and 200,000 incidents, each with its first-contact task. */
async function bulk(server: TestServer) {
  await server.database.query(
    `insert into organisations (code, layer, name, size_class)
     select 'BX' || lpad(g::text, 4, '0'),
            case when g <= 340 then 'gemeente' when g <= 352 then 'provincie' else 'waterschap' end,
            'Bench ' || g,
            case when g <= 340 then (array['lt20k','20k-50k','50k-100k','ge100k'])[1 + g % 4] end
       from generate_series(1, 400) g`,
  );
  const [big] = await server.database.query<{ id: string }>(
    "select id from organisations where code = 'BX0001'",
  );
  await server.database.query(
    `insert into incidents (organisation_id, state, reporter_user_id, reporter_relation, concerned_role, occurred_on,
       channel, forms, severity, aangifte_made, submitted_at)
     select case when g <= 10000 then $1::uuid
                 else (select id from organisations where code = 'BX' || lpad((2 + g % 399)::text, 4, '0')) end,
            (array['gemeld','in_behandeling','maatregelen','afgesloten'])[1 + g % 4],
            gen_random_uuid(), 'self',
            (array['wethouder','raadslid','burgemeester','statenlid','ab_lid'])[1 + g % 5],
            (now() - (g % 360) * interval '1 day')::date,
            (array['in_person','phone','mail','social_media'])[1 + g % 4],
            case when g % 3 = 0 then array['threat','verbal_insult'] else array['intimidation'] end,
            (array['not_serious','serious','very_serious'])[1 + g % 3],
            g % 10 = 0,
            now() - (g % 360) * interval '1 day'
       from generate_series(1, 200000) g`,
    [big!.id],
  );
  await server.database.query(
    `insert into incident_tasks (incident_id, kind, due_on, done_at)
     select id, 'first_contact', (submitted_at + interval '1 day')::date,
            case when random() < 0.8 then submitted_at + interval '20 hours' end
       from incidents where reporter_relation = 'self' and organisation_id in (select id from organisations where code like 'BX%')`,
  );
  await server.database.query('analyze');
  return big!.id;
}

const none2 = { median: Number.NaN, max: Number.NaN };
const progress = (what: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${what}\n`);

async function backend(label: string) {
  progress(`${label}: server`);
  const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const [org] = await server.database.query<{ id: string }>(
      "insert into organisations (code, layer, name) values ('GM9990', 'gemeente', 'Benchdorp') returning id",
    );
    const organisationId = org!.id;
    const reporters: TestUser[] = [];
    for (let i = 0; i < REPORTERS; i++)
      reporters.push(await createUser(server, { memberships: [{ organisationId, role: 'reporter' }] }));
    progress(`${label}: ${REPORTERS} reporters created; submitting`);
    const none: Load = { rps: Number.NaN, p50: Number.NaN, p99: Number.NaN, errors: 0, non2xx: 0, load: 0 };
    const body = () => JSON.stringify({ organisationId, ...completeReport({ occurredOn: '2026-11-30' }) });
    let weerbaar = none;
    let baseline = none;
    if (PART !== 'pages') {
      weerbaar = await hammer(
        `${server.url}/api/v1/incidents`,
        body,
        reporters.map((r) => r.bearer),
      );
      // let the server finish what is still queued before the baseline runs on the same database
      await server.database.query('select 1');
      const bare = await bareServer(server, organisationId, reporters[0]!.id);
      baseline = await hammer(`${bare.url}/incidents`, body, ['-']);
      await bare.app.close();
    }
    if (PART === 'submit')
      return { label, weerbaar, baseline, bigCount: 0, overview: none2, benchmark: none2, own: none2 };

    progress(`${label}: 400 organisations and 200,000 incidents`);
    const big = await bulk(server);
    progress(`${label}: pages`);
    const coordinator = await createUser(server, {
      memberships: [{ organisationId: big, role: 'coordinator' }],
    });
    const bzk = await createUser(server, { platformRoles: ['viewer'] });
    const [count] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from incidents where organisation_id = $1',
      [big],
    );
    const overview = await timed(server, `/organisations/${big}/incidents/overview`, coordinator.cookie);
    const benchmark = await timed(server, '/meldpunt/benchmark', bzk.cookie);
    const own = await timed(server, `/organisations/${big}/incidents/benchmark`, coordinator.cookie);
    return { label, weerbaar, baseline, bigCount: count!.n, overview, benchmark, own };
  } finally {
    await server.close();
  }
}

const f = (x: number) => x.toFixed(0);
const results = [await backend('PGlite (embedded)')];
if (benchPostgresUrl()) {
  process.env.TEST_DATABASE_URL = benchPostgresUrl();
  process.env.WEERBAAR_TEST_BACKEND = 'postgres';
  results.push(await backend('PostgreSQL 15'));
}

const lines = [
  '## Meldpunt: incidents (`npm run bench:meldpunt`, `bench/meldpunt/incidents.ts`)',
  '',
  `${REPORTERS} concurrent reporters, each with their own API token, submit complete incidents to`,
  '`POST /api/v1/incidents` on loopback for ' +
    `${SECONDS} s (after a 2 s warm-up); the baseline is bare Fastify inserting the same report as one`,
  'row on the same database (no access policy, validation, tasks, state history or audit record). Client and',
  'servers share one Node process; the two servers are measured one after the other. Then 400 organisations',
  'and 200,000 incidents (each with a first-contact task) are added, one organisation with 10,000 of them,',
  'and whole pages are timed (median of 7 after a warm-up; queries, disclosure control, charts and HTML).',
  '**The machine was loaded:** it is shared by several engineers running tests at the same time (the',
  '1-minute load average is in the table), so these numbers are pessimistic and vary between runs.',
  '',
  machineDetails(),
  '',
  '| database | server | requests/s | p50 | p99 | errors (timeouts incl.) / non-2xx | load |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...results.flatMap((r) => [
    `| ${r.label} | Weerbaar | ${f(r.weerbaar.rps)} | ${f(r.weerbaar.p50)} ms | ${f(r.weerbaar.p99)} ms | ${r.weerbaar.errors} / ${r.weerbaar.non2xx} | ${r.weerbaar.load.toFixed(1)} |`,
    `| ${r.label} | bare Fastify + insert | ${f(r.baseline.rps)} | ${f(r.baseline.p50)} ms | ${f(r.baseline.p99)} ms | ${r.baseline.errors} / ${r.baseline.non2xx} | ${r.baseline.load.toFixed(1)} |`,
  ]),
  '',
  '| database | throughput ratio (goal ≥ 50%) | Weerbaar p99 (goal < 100 ms) | overview, 10,000 incidents | national benchmark, 400 org. / 200,000 | own benchmark | goal |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...results.map(
    (r) =>
      `| ${r.label} | ${((100 * r.weerbaar.rps) / r.baseline.rps).toFixed(0)}% | ${f(r.weerbaar.p99)} ms | ${f(r.overview.median)} ms (max ${f(r.overview.max)}) | ${f(r.benchmark.median)} ms (max ${f(r.benchmark.max)}) | ${f(r.own.median)} ms | < 300 ms |`,
  ),
];
const path = projectPath('docs/benchmarks.md');
if (PART === 'all')
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'meldpunt-incidents', lines.join('\n')));
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);
