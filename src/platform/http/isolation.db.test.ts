/**
 * Tenant isolation, for every registered route: an anonymous visitor and a user of another
 * organisation are refused (401/403/404, or a redirect to the sign-in page), never served data.
 * New routes are covered automatically; a route whose path parameter has no fixture fails here.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { A_SECRET, buildIsolationWorld, type SignedInUser } from '../../../test/support/isolation-world.js';
import { type IsolationWorld, paramFixtures } from '../../../test/support/route-fixtures.js';
import type { Action } from '../access/policy.js';

/** Actions any signed-in user may perform on their own behalf; their answers must not contain A's data. */
const selfService = new Set<Action>(['organisation.list', 'account.read', 'token.manage']);
/**
 * The national monitor results (released, published view) are the same for every coordinator: no
 * organisation's data (the leak check still applies). A product route filled with A's letter (`:key`)
 * must still be refused.
 */
const national = (action: Action | undefined, url: string) =>
  action === 'results.read' && !url.includes(':key');
const refused = (status: number) => status === 401 || status === 403 || status === 404;

let t: TestApp;
let world: IsolationWorld;
let userA: SignedInUser;
let userB: SignedInUser;
let csrf: { token: string; cookie: string };

before(async () => {
  t = await createTestApp();
  ({ world, userA, userB } = await buildIsolationWorld(t.app, t.database));
  // A valid CSRF pair for user B, so form posts reach the access check rather than stopping at CSRF.
  const page = await t.app.inject({ url: '/no-such-page', headers: { cookie: userB.cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const setCookie = [page.headers['set-cookie']].flat().find((c) => c?.startsWith('wb_csrf='));
  assert.ok(token && setCookie, 'a page offers a CSRF token');
  csrf = { token, cookie: setCookie.split(';')[0]! };
});
after(() => t.close());

async function fillPath(url: string): Promise<string> {
  const parts = url.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (!part.startsWith(':')) {
      out.push(part === '*' ? 'x' : part);
      continue;
    }
    const name = part.slice(1).replace(/\?$/, '');
    const fixture = paramFixtures[name];
    assert.ok(
      fixture,
      `route ${url}: add a fixture for path parameter "${name}" to test/support/route-fixtures.ts`,
    );
    out.push(encodeURIComponent(await fixture(world)));
  }
  return out.join('/');
}

function protectedRoutes() {
  return t.app.routeTable.filter((r) => !('public' in r.access) && r.method !== 'HEAD');
}

test('every route declares an access rule and there are protected routes to check', () => {
  assert.ok(protectedRoutes().length > 0);
});

test('anonymous visitors are refused on every protected route', async () => {
  for (const r of protectedRoutes()) {
    const url = await fillPath(r.url);
    const isApi = url.startsWith('/api/');
    const res = await t.app.inject({
      method: r.method as any,
      url,
      headers:
        r.method === 'GET' || isApi
          ? {}
          : { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: r.method === 'GET' ? undefined : isApi ? {} : `_csrf=${encodeURIComponent(csrf.token)}`,
    });
    const toLogin = res.statusCode === 303 && String(res.headers.location).startsWith('/login');
    assert.ok(
      refused(res.statusCode) || toLogin,
      `${r.method} ${r.url} answered ${res.statusCode} to an anonymous visitor`,
    );
    assert.ok(
      !res.body.includes(userA.email) && !res.body.includes(A_SECRET),
      `${r.method} ${r.url} leaked data`,
    );
  }
});

/** Echoing the requested path back (e.g. in the language switch of an error page) is not a leak. */
const leaks = (body: string, url = '') => {
  const b = url ? body.replaceAll(url.split('?')[0]!, '') : body;
  return b.includes(userA.email) || b.includes(userA.id) || b.includes(A_SECRET);
};

test("a user of organisation B is refused on every route about organisation A's data", async () => {
  for (const r of protectedRoutes()) {
    const hasParams = r.url.includes(':');
    // Routes without an id in the path are asked about A through the usual filter.
    const url = (await fillPath(r.url)) + (hasParams ? '' : `?organisationId=${world.orgA.id}`);
    const isApi = url.startsWith('/api/');
    const headers: Record<string, string> = isApi
      ? { authorization: `Bearer ${userB.bearer}` }
      : { cookie: `${userB.cookie}; ${csrf.cookie}` };
    let payload: unknown;
    if (r.method !== 'GET') {
      if (isApi) payload = {};
      else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = `_csrf=${encodeURIComponent(csrf.token)}`;
      }
    }
    const res = await t.app.inject({ method: r.method as any, url, headers, payload: payload as any });
    assert.ok(!leaks(res.body, url), `${r.method} ${r.url} leaked A's data to B`);
    const action = 'action' in r.access ? r.access.action : undefined;
    if (!hasParams || (action && selfService.has(action)) || national(action, r.url)) {
      // Nothing of A leaked (above); B may see its own data or the public registry here.
      assert.ok(res.statusCode < 500, `${r.method} ${r.url} failed with ${res.statusCode}`);
      continue;
    }
    assert.ok(
      refused(res.statusCode),
      `${r.method} ${r.url} answered ${res.statusCode} to a user of another organisation`,
    );
  }
});

test("a user of organisation A gets past the access check on A's audit log (the test can tell yes from no)", async () => {
  const res = await t.app.inject({
    url: `/api/v1/audit-entries?organisationId=${world.orgA.id}`,
    headers: { authorization: `Bearer ${userA.bearer}` },
  });
  assert.equal(res.statusCode, 200);
  assert.ok(res.body.includes(A_SECRET), 'A sees its own private entry');
});
