import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('/health and /ready answer', async () => {
  const h = await t.app.inject({ url: '/health' });
  assert.equal(h.statusCode, 200);
  assert.deepEqual(h.json(), { status: 'ok' });
  const r = await t.app.inject({ url: '/ready' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().migrations.current, true);
});

test('an unknown API route is a problem+json 404', async () => {
  const res = await t.app.inject({ url: '/api/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  assert.equal(res.json().type, 'urn:weerbaar:problem:not-found');
});

test('security headers are set', async () => {
  const res = await t.app.inject({ url: '/health' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('the OpenAPI document is valid OpenAPI 3', async () => {
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  await SwaggerParser.validate(res.json());
});
