/**
 * The OpenAPI document the app serves passes the official NL API Design Rules linter (the Logius
 * Spectral ruleset in test/fixtures/adr/ruleset.yaml) with zero errors; every warning it gives is
 * listed in docs/api.md with the reason it is kept. Also: the conventions the document promises
 * (API-Version, contact from the configuration, CORS on the document) are what the server does.
 * Database passes: PGlite only (the document and its linting do not depend on the database kind; the
 * linter is slow, so scripts/test.mjs runs this file once).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { describe, lintWithAdr } from '../../../test/support/adr-lint.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { modules } from '../../../test/support/modules.js';
import { loadConfig } from '../config/config.js';
import { buildApp } from './app.js';
import { API_VERSION, deprecationHeaders } from './openapi.js';

let t: TestApp;
let doc: any;

before(async () => {
  t = await createTestApp({
    API_CONTACT_NAME: 'Servicedesk Weerbaar',
    API_CONTACT_EMAIL: 'api@weerbaar.example.nl',
    API_CONTACT_URL: 'https://weerbaar.example.nl/contact',
  });
  doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
});
after(() => t.close());

test('the document passes the NL API Design Rules linter without errors', async () => {
  const diagnostics = await lintWithAdr(doc);
  const errors = diagnostics.filter((d) => d.severity === 0);
  assert.deepEqual(errors.map(describe), []);
  // Kept warnings are explained in docs/api.md (a table row per rule, `| \`rule\` | reason |`).
  const docs = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
  for (const w of diagnostics.filter((d) => d.severity === 1)) {
    assert.match(docs, new RegExp(`\\| \`${String(w.code)}\` \\|`), `docs/api.md explains ${describe(w)}`);
  }
});

test('the linter finds the errors it is meant to find (the test can fail)', async () => {
  // One operation is enough (and quicker to lint than the whole document).
  const [firstPath, firstItem] = Object.entries<any>(doc.paths)[0]!;
  const broken = { ...structuredClone(doc), paths: { [firstPath]: structuredClone(firstItem) } };
  delete broken.info.contact;
  broken.servers = [{ url: 'https://weerbaar.example.nl/api' }];
  const first = broken.paths[firstPath];
  const op: any = Object.values(first)[0];
  for (const r of Object.values<any>(op.responses)) delete r.headers;
  const codes = new Set((await lintWithAdr(broken)).filter((d) => d.severity === 0).map((d) => d.code));
  for (const code of ['info-contact', 'nlgov:include-major-version-in-uri', 'nlgov:missing-header'])
    assert.ok(codes.has(code), `${code} reported`);
});

test('info names the API version and the contact of this installation; servers carry the major version', () => {
  assert.equal(doc.info.version, API_VERSION);
  assert.deepEqual(doc.info.contact, {
    name: 'Servicedesk Weerbaar',
    email: 'api@weerbaar.example.nl',
    url: 'https://weerbaar.example.nl/contact',
  });
  assert.match(doc.servers[0].url, /\/api\/v1$/);
  assert.ok(
    Object.keys(doc.paths).every((p) => !p.startsWith('/api/')),
    'paths are relative to the server',
  );
});

test('every API answer carries API-Version, successes and problems alike; pages do not', async () => {
  for (const url of ['/api/v1/openapi.json', '/api/v1/organisations', '/api/v1/no-such-thing']) {
    const res = await t.app.inject({ url });
    assert.equal(res.headers['api-version'], API_VERSION, url);
  }
  assert.equal((await t.app.inject({ url: '/login' })).headers['api-version'], undefined);
});

test('the document may be read from any origin (CORS), the rest of the API is same-origin only', async () => {
  const docRes = await t.app.inject({
    url: '/api/v1/openapi.json',
    headers: { origin: 'https://x.example' },
  });
  assert.equal(docRes.headers['access-control-allow-origin'], '*');
  const other = await t.app.inject({
    url: '/api/v1/organisations',
    headers: { origin: 'https://x.example' },
  });
  assert.equal(other.headers['access-control-allow-origin'], undefined);
});

test('a deprecated route is marked in the document and its answers announce when it goes', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, sessionSecret: 'x'.repeat(32), modules });
  const deprecation = {
    since: '2027-01-01',
    sunset: '2027-07-01',
    link: 'https://weerbaar.example.nl/changelog',
  };
  app.get(
    '/api/v1/old-things',
    {
      config: { access: { public: 'test route' }, deprecation },
      schema: { summary: 'An operation that v2 replaces', response: { 200: z.object({ ok: z.boolean() }) } },
    },
    async () => ({ ok: true }),
  );
  try {
    await app.ready();
    const res = await app.inject({ url: '/api/v1/old-things' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers.deprecation, deprecationHeaders(deprecation).deprecation);
    assert.equal(res.headers.sunset, 'Thu, 01 Jul 2027 00:00:00 GMT');
    assert.match(String(res.headers.link), /rel="deprecation"/);
    const withOld = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    const op = withOld.paths['/old-things'].get;
    assert.equal(op.deprecated, true);
    assert.ok(op.responses['200'].headers.Sunset && op.responses['200'].headers.Deprecation);
    const oldOnly = { ...withOld, paths: { '/old-things': withOld.paths['/old-things'] } };
    const errors = (await lintWithAdr(oldOnly)).filter((d) => d.severity === 0);
    assert.deepEqual(errors.map(describe), []);
  } finally {
    await app.close();
    await database.close();
  }
});

test('deprecation headers are RFC 9745 / RFC 8594 values', () => {
  const h = deprecationHeaders({
    since: '2027-01-01',
    sunset: '2027-07-01',
    link: 'https://weerbaar.example.nl/api/v2/changelog',
  });
  assert.equal(h.deprecation, `@${Date.UTC(2027, 0, 1) / 1000}`);
  assert.equal(h.sunset, 'Thu, 01 Jul 2027 00:00:00 GMT');
  assert.equal(h.link, '<https://weerbaar.example.nl/api/v2/changelog>; rel="deprecation"');
});
