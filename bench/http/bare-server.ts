/**
 * The baseline: bare Fastify on the same kind of database (embedded PGlite with the same migrated
 * schema and the same organisations), answering the same three requests with no security plugins,
 * no sessions, no access policy, no validation and no page templates.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openDatabase } from '../../src/platform/db/database.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { loadDemoData } from '../../src/platform/demo/demo.js';

const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'wb-bare-')) });
await runMigrations(database);
await loadDemoData(database);
const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/list', async () => {
  const rows = await database.query(
    'select id, code, layer, name, province_code as "provinceCode", inhabitants, size_class as "sizeClass" from organisations order by name limit 50',
  );
  return { data: rows, page: 1, pageSize: 50 };
});
app.get('/page', async (_req, reply) => {
  const rows = await database.query<{ name: string; code: string }>(
    'select name, code from organisations order by name limit 50',
  );
  const body = rows.map((r) => `<tr><td>${r.name}</td><td>${r.code}</td></tr>`).join('');
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
