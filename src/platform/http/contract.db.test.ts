/**
 * The OpenAPI document tells the truth: every operation in it is called with a valid request (a fixture
 * per operation in test/support/api-fixtures.ts; a missing one fails) and with bad ones (no token,
 * another organisation's user, unknown ids, malformed JSON, a wrong content type, random bodies and
 * queries; sent by the fixture's sender, the platform admin unless it names organisation A's user),
 * and every answer must have a status and content type the document declares for that operation, a
 * body that validates against the declared schema, and the API-Version header.
 * Operations are enumerated from the document, so routes added later are covered automatically.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import {
  type ContractContext,
  loadReferenceData,
  operationFixtures,
  requestOf,
  type Sender,
  senderOf,
  type ValidRequest,
} from '../../../test/support/api-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import {
  buildIsolationWorld,
  type SignedInUser,
  signedInUser,
} from '../../../test/support/isolation-world.js';
import {
  type Answer,
  contractViolation,
  fillPath,
  type Operation,
  servedDocument,
} from '../../../test/support/openapi-operations.js';
import type { IsolationWorld } from '../../../test/support/route-fixtures.js';
import { API_VERSION } from './openapi.js';

let t: TestApp;
let world: IsolationWorld;
let userB: SignedInUser;
let admin: SignedInUser;
let bearers: Record<Sender, string>;
let operations: Operation[];
let ctx: ContractContext;

before(async () => {
  t = await createTestApp();
  await loadReferenceData(t.database);
  let userA: SignedInUser;
  ({ world, userA, userB } = await buildIsolationWorld(t.app, t.database));
  admin = await signedInUser(t.app, t.database, 'admin@contract.test', [], ['admin', 'researcher']);
  bearers = { admin: admin.bearer, coordinatorA: userA.bearer };
  ({ operations } = await servedDocument(t.app));
  ctx = {
    app: t.app,
    database: t.database,
    world,
    bearer: admin.bearer,
    bearers,
    async call(method, url, body, as = 'admin') {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${bearers[as]}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (res.statusCode >= 300)
        throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.body ? res.json() : undefined;
    },
  };
});
after(() => t.close());

interface Sent {
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  query?: Record<string, string>;
}

async function send(op: Operation, req: Sent): Promise<Answer> {
  const res = await t.app.inject({
    method: op.method as 'GET',
    url: req.url,
    query: req.query,
    headers: req.headers,
    payload: req.payload,
  });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

function partsOf(valid: ValidRequest): Pick<Sent, 'payload' | 'query'> & { contentType?: string } {
  if (valid.raw)
    return { payload: valid.raw.payload, contentType: valid.raw.contentType, query: valid.query };
  if (valid.body !== undefined)
    return { payload: JSON.stringify(valid.body), contentType: 'application/json', query: valid.query };
  return { query: valid.query };
}

test('every operation in the document has a valid-request fixture, and every fixture an operation', () => {
  assert.ok(operations.length > 20, 'the document lists the API');
  const keys = new Set(operations.map((o) => o.key));
  assert.deepEqual(
    operations.map((o) => o.key).filter((k) => !operationFixtures[k]),
    [],
    'add these to test/support/api-fixtures.ts',
  );
  assert.deepEqual(
    Object.keys(operationFixtures).filter((k) => !keys.has(k)),
    [],
    'fixtures for operations the document does not have',
  );
});

test('a valid request to every operation succeeds with an answer the document declares', async () => {
  const failures: string[] = [];
  for (const op of operations) {
    const fixture = operationFixtures[op.key];
    if (!fixture) continue;
    try {
      const valid = await requestOf(fixture)(ctx);
      const { contentType, ...rest } = partsOf(valid);
      const answer = await send(op, {
        url: await fillPath(op.path, world, valid.params),
        headers: {
          authorization: `Bearer ${bearers[senderOf(fixture)]}`,
          ...(contentType ? { 'content-type': contentType } : {}),
        },
        ...rest,
      });
      if (answer.statusCode >= 300)
        failures.push(
          `${op.key}: a valid request answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`,
        );
      const violation = contractViolation(op, answer, API_VERSION);
      if (violation) failures.push(`${op.key}: ${violation}`);
    } catch (err) {
      failures.push(`${op.key}: the fixture failed: ${(err as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('bad requests to every operation get answers the document declares', async () => {
  const failures = new Set<string>();
  const check = (op: Operation, what: string, answer: Answer) => {
    const violation = contractViolation(op, answer, API_VERSION);
    if (violation) failures.add(`${op.key} (${what}): ${violation}`);
  };
  for (const op of operations) {
    const url = await fillPath(op.path, world);
    const writes = ['POST', 'PUT', 'PATCH'].includes(op.method);
    const json: Record<string, string> = writes ? { 'content-type': 'application/json' } : {};
    const payload = writes ? '{}' : undefined;
    check(op, 'no token', await send(op, { url, headers: json, payload }));
    check(
      op,
      'a user of another organisation',
      await send(op, { url, headers: { authorization: `Bearer ${userB.bearer}`, ...json }, payload }),
    );
    const fixture = operationFixtures[op.key];
    const asSender = { authorization: `Bearer ${bearers[fixture ? senderOf(fixture) : 'admin']}` };
    for (const name of op.pathNames) {
      for (const value of ['x', randomUUID(), '0']) {
        const wrong = await fillPath(op.path, world, { [name]: value });
        check(
          op,
          `{${name}} = ${value}`,
          await send(op, { url: wrong, headers: { ...asSender, ...json }, payload }),
        );
      }
    }
    check(
      op,
      'an unknown query parameter',
      await send(op, { url, headers: asSender, query: { unknownKey: 'x' } }),
    );
    if (writes) {
      const headers = (contentType: string) => ({ ...asSender, 'content-type': contentType });
      check(
        op,
        'malformed JSON',
        await send(op, { url, headers: headers('application/json'), payload: '{"a":' }),
      );
      check(op, 'an XML body', await send(op, { url, headers: headers('application/xml'), payload: '<a/>' }));
      check(
        op,
        'a body too large',
        await send(op, {
          url,
          headers: headers('application/json'),
          payload: JSON.stringify({ x: 'a'.repeat(2_000_000) }),
        }),
      );
    }
    // Random bodies and query values, as in the random-body test (fuzz.db.test.ts), but every answer is checked.
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom(...op.queryNames, 'unknown'), fc.string({ maxLength: 20 }), {
          maxKeys: 3,
        }),
        async (body, query) => {
          check(
            op,
            'random input',
            await send(op, {
              url,
              query,
              headers: { ...asSender, ...json },
              payload: writes ? JSON.stringify(body) : undefined,
            }),
          );
        },
      ),
      { numRuns: 8 },
    );
  }
  assert.deepEqual([...failures], []);
});

test('the check finds an undeclared status, content type, body and a missing API-Version (it can fail)', () => {
  const op = operations.find((o) => o.key === 'GET /organisations/{orgId}');
  assert.ok(op);
  const ok = {
    statusCode: 404,
    headers: { 'api-version': API_VERSION, 'content-type': 'application/problem+json' },
  };
  const problem = JSON.stringify({ type: 'urn:x', title: 'x', status: 404, detail: 'x', code: 'not-found' });
  assert.equal(contractViolation(op, { ...ok, body: problem }, API_VERSION), undefined);
  assert.match(
    contractViolation(op, { ...ok, statusCode: 418, body: problem }, API_VERSION) ?? '',
    /not declared/,
  );
  assert.match(
    contractViolation(
      op,
      { ...ok, headers: { ...ok.headers, 'content-type': 'text/html' }, body: problem },
      API_VERSION,
    ) ?? '',
    /content type/,
  );
  assert.match(contractViolation(op, { ...ok, body: '{"title":1}' }, API_VERSION) ?? '', /schema/);
  assert.match(
    contractViolation(
      op,
      { ...ok, headers: { 'content-type': 'application/problem+json' }, body: problem },
      API_VERSION,
    ) ?? '',
    /API-Version/,
  );
});
