/**
 * The baseline: bare Fastify on the same kind of database (embedded PGlite, or the PostgreSQL
 * database in DATABASE_URL) with the same migrated schema and the same organisations, answering the
 * same three requests with no security plugins, no sessions, no access policy, no validation and no
 * page templates. It fetches its data with the very same repository calls Weerbaar's routes make
 * (the same SQL, prepared the same way), so the ratio measures what Weerbaar adds around the data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { modules } from '../../src/composition.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { loadDemoData } from '../../src/platform/demo/demo.js';
import { listOrganisations } from '../../src/platform/orgs/service.js';

const database = await openDatabase(
  process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: mkdtempSync(join(tmpdir(), 'wb-bare-')) },
);
await runMigrations(database);
await loadDemoData(database, modules);
const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
// The API list: the page of 50 with its total, as JSON; `?q=` searches as Weerbaar's `q` does.
app.get<{ Querystring: { q?: string; pageSize?: string } }>('/list', async (req) =>
  listOrganisations(database, { page: 1, pageSize: Number(req.query.pageSize ?? 50), q: req.query.q }),
);
// The page: the same two queries as Weerbaar's /organisations (the page and the province names).
app.get('/page', async (_req, reply) => {
  const [page, provinces] = await Promise.all([
    listOrganisations(database, { page: 1, pageSize: 25 }),
    listOrganisations(database, { layer: 'provincie', pageSize: 100 }),
  ]);
  const names = new Map(provinces.items.map((p) => [p.code, p.name]));
  const body = page.items
    .map(
      (r) => `<tr><td>${r.name}</td><td>${r.code}</td><td>${names.get(r.provinceCode ?? '') ?? ''}</td></tr>`,
    )
    .join('');
  return reply
    .type('text/html')
    .send(`<!doctype html><html lang="nl"><body><table>${body}</table></body></html>`);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0)),
);
