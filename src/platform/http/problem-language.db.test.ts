/**
 * problem+json speaks the request's language (as the pages do: `?lang=` → `wb_lang` cookie →
 * `Accept-Language` on the API → Dutch), while everything a client matches on stays the same.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUser, type TestUser } from '../../../test/support/principals.js';
import { zodReason } from '../i18n/zod-issues.js';

let t: TestApp;
let admin: TestUser;
before(async () => {
  t = await createTestApp();
  admin = await createUser(t, { platformRoles: ['admin'] });
});
after(() => t.close());

type Ask = { url?: string; headers?: Record<string, string> };
const english: Record<string, Ask> = {
  query: { url: '?lang=en' },
  cookie: { headers: { cookie: 'wb_lang=en' } },
  'accept-language': { headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } },
};

async function ask(
  request: { method: 'GET' | 'POST'; url: string; payload?: unknown; body?: string },
  how: Ask = {},
  bearer: string | undefined = admin.bearer,
) {
  const url = request.url + (how.url ? (request.url.includes('?') ? `&${how.url.slice(1)}` : how.url) : '');
  const res = await t.app.inject({
    method: request.method,
    url,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...how.headers,
    },
    ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
    ...(request.body !== undefined ? { payload: request.body } : {}),
  });
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return res.json();
}

/** What clients match on: the same in every language. */
const stable = (p: any) => ({
  type: p.type,
  status: p.status,
  code: p.code,
  params: (p.invalidParams ?? []).map((i: any) => [i.name, i.code]),
});

const badRequests = {
  'a body that breaks the route schema': {
    method: 'POST' as const,
    url: '/api/v1/organisations',
    payload: { code: 7, layer: 'dorp', extra: true },
  },
  'a service rule (password too short, unknown role)': {
    method: 'POST' as const,
    url: '/api/v1/users',
    payload: { email: 'kort@taal.test', displayName: 'Kort', password: 'kort' },
  },
  // (not with ?lang=en: a strict query schema refuses `lang` as an unknown parameter; see below)
  'a query that breaks the route schema': { method: 'GET' as const, url: '/api/v1/users?limit=0&x=1' },
  'malformed JSON': { method: 'POST' as const, url: '/api/v1/organisations', body: '{"code": ' },
};

for (const [what, request] of Object.entries(badRequests)) {
  test(`${what}: Dutch by default, English when chosen, the same type, names and codes`, async () => {
    const nl = await ask(request);
    assert.ok(nl.status >= 400 && nl.status < 500, JSON.stringify(nl));
    assert.ok(nl.detail, 'a detail explains the problem');
    for (const [how, ask_] of Object.entries(english)) {
      if (how === 'query' && request.method === 'GET') continue;
      const en = await ask(request, ask_);
      assert.deepEqual(stable(en), stable(nl), how);
      assert.notEqual(en.title, nl.title, `${how}: title`);
      assert.notEqual(en.detail, nl.detail, `${how}: detail`);
      (nl.invalidParams ?? []).forEach((p: any, i: number) => {
        assert.ok(p.reason && en.invalidParams[i].reason, `${how}: ${p.name} has a reason`);
        assert.notEqual(en.invalidParams[i].reason, p.reason, `${how}: reason of ${p.name}`);
      });
    }
    if (request.method === 'GET') return;
    // ?lang=nl wins over an English Accept-Language
    const chosen = await ask(request, {
      url: '?lang=nl',
      headers: { 'accept-language': 'en' },
    });
    assert.deepEqual([chosen.title, chosen.detail], [nl.title, nl.detail]);
  });
}

test('the texts are the catalogue titles and the written details', async () => {
  const body = badRequests['a service rule (password too short, unknown role)'];
  const nl = await ask(body);
  const en = await ask(body, english.query);
  assert.equal(nl.title, 'Ongeldige invoer');
  assert.equal(en.title, 'Invalid input');
  const nlPassword = nl.invalidParams.find((p: any) => p.name === 'password');
  const enPassword = en.invalidParams.find((p: any) => p.name === 'password');
  assert.deepEqual([nlPassword.code, nlPassword.reason], ['password_tooShort', 'minstens 12 tekens']);
  assert.deepEqual([enPassword.code, enPassword.reason], ['password_tooShort', 'at least 12 characters']);

  const schema = await ask(badRequests['a body that breaks the route schema']);
  const code = schema.invalidParams.find((p: any) => p.name === 'body.code');
  assert.equal(code.code, 'invalid_type');
  assert.match(code.reason, /verwacht string, ontving getal/);
  const extra = schema.invalidParams.find((p: any) => p.code === 'unrecognized_keys');
  assert.equal(extra.name, 'body.extra');
});

test('an unknown API token is refused in the chosen language', async () => {
  const request = { method: 'GET' as const, url: '/api/v1/users' };
  const nl = await ask(request, {}, 'not-a-real-token');
  const en = await ask(request, english['accept-language'], 'not-a-real-token');
  assert.deepEqual(stable(en), stable(nl));
  assert.equal(nl.type, 'urn:weerbaar:problem:unauthenticated');
  assert.deepEqual([nl.title, en.title], ['Niet aangemeld', 'Not signed in']);
  assert.match(nl.detail, /API-sleutel/);
  assert.match(en.detail, /API token/);
});

test('concurrent requests in both languages each get their own (no shared language switch)', async () => {
  const request = badRequests['a body that breaks the route schema'];
  const langs = Array.from({ length: 24 }, (_, i) => (i % 2 ? 'en' : 'nl'));
  const answers = await Promise.all(langs.map((l) => ask(request, { url: `?lang=${l}` })));
  answers.forEach((a, i) => {
    const reason = a.invalidParams.find((p: any) => p.name === 'body.code').reason;
    assert.match(reason, langs[i] === 'nl' ? /verwacht/ : /expected/, `answer ${i} (${langs[i]})`);
  });
});

test('zod issues are written in either language; a schema message of its own keeps its Dutch', () => {
  const issues = z
    .strictObject({
      n: z.number(),
      s: z.string().min(3),
      c: z.string().refine((v) => v === 'ok', { message: 'must be ok', params: { nl: 'moet ok zijn' } }),
    })
    .safeParse({ n: 'x', s: 'ab', c: 'no' }).error!.issues;
  const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), zodReason(i)]));
  assert.deepEqual(byPath.n, {
    nl: 'Ongeldige invoer: verwacht getal, ontving string',
    en: 'Invalid input: expected number, received string',
  });
  assert.match(byPath.s!.nl, /^Te kort/);
  assert.match(byPath.s!.en, /^Too small/);
  assert.deepEqual(byPath.c, { nl: 'moet ok zijn', en: 'must be ok' });
  // a value left out is said plainly
  const missing = z.object({ n: z.number() }).safeParse({}).error!.issues[0]!;
  assert.deepEqual(zodReason(missing), {
    nl: 'Verplicht: vul een getal in',
    en: 'Required: expected number',
  });
  // zod's own English message is unchanged by the hook that remembers the received type
  assert.equal(issues[0]!.message, 'Invalid input: expected number, received string');
});

test('?lang= is accepted on API routes with strict query schemas, and still chooses the language', async () => {
  const ok = await t.app.inject({
    url: '/api/v1/users?lang=en',
    headers: { authorization: `Bearer ${admin.bearer}` },
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const bad = await t.app.inject({
    url: '/api/v1/users?lang=en&nonsense=1',
    headers: { authorization: `Bearer ${admin.bearer}` },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().title, 'Invalid input');
  assert.ok(!JSON.stringify(bad.json().invalidParams ?? []).includes('lang'), bad.body);
});
