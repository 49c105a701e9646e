/**
 * Every answer of a route that is not public says `Cache-Control: no-store`, so no browser cache or
 * proxy keeps API lists with respondent links or personal data (issue 13, row 12). Every GET route is
 * asked, as a user with every role in organisation A, through the API token and the session.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildIsolationWorld, type SignedInUser } from '../../../test/support/isolation-world.js';
import { type IsolationWorld, paramFixtures } from '../../../test/support/route-fixtures.js';

let t: TestApp;
let world: IsolationWorld;
let userA: SignedInUser;

before(async () => {
  t = await createTestApp();
  ({ world, userA } = await buildIsolationWorld(t.app, t.database));
});
after(() => t.close());

async function fillPath(url: string): Promise<string> {
  const out: string[] = [];
  for (const part of url.split('/')) {
    if (!part.startsWith(':')) out.push(part === '*' ? 'x' : part);
    else out.push(encodeURIComponent(await paramFixtures[part.slice(1).replace(/\?$/, '')]!(world)));
  }
  return out.join('/');
}

test('every non-public GET route answers with Cache-Control: no-store', async () => {
  const routes = t.app.routeTable.filter((r) => r.method === 'GET' && !('public' in r.access));
  assert.ok(routes.some((r) => r.url === '/api/v1/mail-messages'));
  assert.ok(routes.some((r) => r.url === '/api/v1/users'));
  let served = 0;
  for (const r of routes) {
    const url = await fillPath(r.url);
    const headers = url.startsWith('/api/')
      ? { authorization: `Bearer ${userA.bearer}` }
      : { cookie: userA.cookie };
    const res = await t.app.inject({ url, headers });
    if (res.statusCode === 200) served++;
    assert.match(String(res.headers['cache-control']), /no-store/, `${r.url} (${res.statusCode})`);
  }
  assert.ok(served > 10, `only ${served} routes answered 200: the test would prove little`);
});

test('errors and unknown API addresses are not cached either; the public contract may be', async () => {
  const missing = await t.app.inject({ url: '/api/v1/no-such-thing' });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['cache-control']), /no-store/);
  const anonymous = await t.app.inject({ url: '/api/v1/users' });
  assert.equal(anonymous.statusCode, 401);
  assert.match(String(anonymous.headers['cache-control']), /no-store/);
  const css = await t.app.inject({ url: '/assets/weerbaar.css' });
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['cache-control']), /public/);
});
