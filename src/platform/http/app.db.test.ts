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

test('security headers are set on every kind of answer: JSON, page, 404, problem+json, redirect', async () => {
  const expected = {
    'content-security-policy': /^(?=.*default-src 'self')(?=.*script-src 'self')(?=.*frame-ancestors 'none')/,
    'x-content-type-options': /^nosniff$/,
    'x-frame-options': /^SAMEORIGIN$/,
    'referrer-policy': /^no-referrer$/,
    'cross-origin-opener-policy': /^same-origin$/,
    'cross-origin-resource-policy': /^same-origin$/,
    'origin-agent-cluster': /^\?1$/,
    'x-dns-prefetch-control': /^off$/,
    'x-download-options': /^noopen$/,
    'x-permitted-cross-domain-policies': /^none$/,
    'x-xss-protection': /^0$/,
  };
  for (const url of [
    '/health',
    '/login',
    '/api/v1/nothing-here',
    '/api/v1/organisations',
    '/organisations',
  ]) {
    const res = await t.app.inject({ url });
    for (const [name, pattern] of Object.entries(expected)) {
      assert.match(String(res.headers[name]), pattern, `${url} (${res.statusCode}): ${name}`);
    }
    // Tests run without NODE_ENV=production: no HSTS (it would pin localhost to https).
    assert.equal(res.headers['strict-transport-security'], undefined, url);
  }
});

test('in production, HSTS is added to the same headers', async () => {
  const { securityHeaders } = await import('./security-headers.js');
  const prod = securityHeaders({ production: true });
  const dev = securityHeaders({ production: false });
  assert.match(prod['strict-transport-security'] ?? '', /max-age=\d+; includeSubDomains/);
  assert.deepEqual(
    { ...prod, 'strict-transport-security': undefined },
    { ...dev, 'strict-transport-security': undefined },
  );
});

test('the OpenAPI document is valid OpenAPI 3', async () => {
  const res = await t.app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  await SwaggerParser.validate(res.json());
});
