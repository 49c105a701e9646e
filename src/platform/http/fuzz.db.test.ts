/**
 * Random input against every JSON operation in the OpenAPI document: random bodies (any JSON, and
 * near-misses built from the operation's own schema), random query strings and random path
 * parameters, sent by a platform admin so they get past the access check. Nothing may answer 5xx.
 * Strings include NUL bytes and other control characters (PostgreSQL cannot store NUL: issue 13, row 9).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildIsolationWorld, signedInUser } from '../../../test/support/isolation-world.js';
import { type Operation, servedDocument } from '../../../test/support/openapi-operations.js';
import { type IsolationWorld, paramFixtures } from '../../../test/support/route-fixtures.js';

let t: TestApp;
let admin: string;
let world: IsolationWorld;
let operations: Operation[];

before(async () => {
  t = await createTestApp();
  ({ world } = await buildIsolationWorld(t.app, t.database));
  admin = (await signedInUser(t.app, t.database, 'admin@fuzz.test', [], ['admin'])).bearer;
  // The operations of the served document, with $refs resolved (so near-misses know the body's fields).
  ({ operations } = await servedDocument(t.app));
});
after(() => t.close());

/** Text with NUL bytes and other control characters mixed into ordinary characters. */
const controlString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u001f', '\u007f', '\t', '\r\n'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 20,
});

/** Values shaped like the schema's properties, with some replaced by junk: the near-misses validation must catch. */
function nearMiss(schema: any): fc.Arbitrary<unknown> {
  const props: Record<string, any> = schema?.properties ?? {};
  const names = Object.keys(props);
  if (names.length === 0) return fc.jsonValue();
  const junk = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    controlString,
    fc.constantFrom(
      "' OR 1=1 --",
      '<script>alert(1)</script>',
      '\u0000',
      'a'.repeat(5000),
      '-1',
      '1e309',
      '',
    ),
  );
  const typed = (p: any): fc.Arbitrary<unknown> => {
    switch (p?.type) {
      case 'string':
        return p.enum ? fc.constantFrom(...p.enum) : fc.oneof(fc.string(), controlString, fc.uuid());
      case 'integer':
        return fc.integer();
      case 'number':
        return fc.double({ noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(typed(p.items), { maxLength: 4 });
      default:
        return junk;
    }
  };
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const n of names) record[n] = fc.oneof(typed(props[n]), junk);
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

async function fillPath(path: string, random: string | undefined): Promise<string> {
  let out = path;
  for (const m of path.matchAll(/\{(\w+)\}/g)) {
    const fixture = paramFixtures[m[1]!];
    const value = random ?? (fixture ? await fixture(world) : 'x');
    out = out.replace(m[0], encodeURIComponent(value));
  }
  return out;
}

test('the OpenAPI document lists operations to fuzz', () => {
  assert.ok(operations.length > 0);
});

test('random bodies, queries and path parameters never cause a 5xx', async () => {
  for (const op of operations) {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), nearMiss(op.bodySchema)),
        fc.option(
          fc.oneof(
            fc.string(),
            fc.uuid(),
            controlString,
            fc.constantFrom('../../etc/passwd', '%00', '\u0000', "1' OR '1'='1"),
          ),
          {
            nil: undefined,
          },
        ),
        fc.dictionary(
          fc.constantFrom(...op.queryNames, 'unknown'),
          fc.oneof(fc.string({ maxLength: 20 }), controlString),
          {
            maxKeys: 3,
          },
        ),
        async (body, randomParam, query) => {
          const url = await fillPath(op.path, randomParam);
          const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
          const res = await t.app.inject({
            method: op.method as any,
            url,
            query,
            headers: {
              authorization: `Bearer ${admin}`,
              ...(hasBody ? { 'content-type': 'application/json' } : {}),
            },
            payload: hasBody ? JSON.stringify(body) : undefined,
          });
          assert.ok(
            res.statusCode < 500,
            `${op.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`,
          );
          if (res.statusCode >= 400) {
            assert.match(
              String(res.headers['content-type']),
              /application\/problem\+json/,
              `${op.method} ${url}`,
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  }
});

test('malformed JSON, wrong content types and oversized bodies get clear problems', async () => {
  const post = operations.find((o) => o.method === 'POST');
  if (!post) return;
  const url = await fillPath(post.path, undefined);
  const headers = { authorization: `Bearer ${admin}` };
  const bad = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: '{"a":',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'urn:weerbaar:problem:invalid-json');
  const big = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify({ x: 'a'.repeat(2_000_000) }),
  });
  assert.equal(big.statusCode, 413);
  const xml = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/xml' },
    payload: '<a/>',
  });
  assert.equal(xml.statusCode, 415);
});
