/**
 * OpenID Connect sign-in end to end: a real OpenID provider (oidc-provider) on loopback, our app called
 * in process; the "browser" is fetch following the provider's redirects with its own cookie jar, and
 * app.inject for our side. Discovery, PKCE, state, nonce, ID token and userinfo are all real.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sign, unsign } from '@fastify/cookie';
import Provider, { type ProviderContext } from 'oidc-provider';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, csrfFor } from '../../../../test/support/principals.js';
import { loadConfig } from '../../config/config.js';

const PUBLIC_URL = 'http://127.0.0.1:39999';
const accounts: Record<string, { email: string; name: string; verified?: boolean }> = {
  anna: { email: 'anna.oidc@utrecht.test', name: 'Anna OIDC' },
  bert: { email: 'bert.unknown@elders.test', name: 'Bert Onbekend' },
  carla: { email: 'carla.new@gemeente.test', name: 'Carla Nieuw' },
  dirk: { email: 'dirk.new@elders.test', name: 'Dirk Elders' },
  eva: { email: 'eva.unverified@utrecht.test', name: 'Eva', verified: false },
};
/** Who signs in at the provider in the next flow. */
let nextAccount = 'anna';

let op: Server;
let issuer: string;
let t: TestApp;

before(async () => {
  op = createServer();
  await new Promise<void>((resolve) => op.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(op.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: ['test', 'prov'].map((id) => ({
      client_id: `weerbaar-${id}`,
      client_secret: `secret-of-${id}-that-is-long-enough`,
      redirect_uris: [`${PUBLIC_URL}/auth/oidc/${id}/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({
        sub: id,
        email: accounts[id]!.email,
        email_verified: accounts[id]!.verified ?? true,
        name: accounts[id]!.name,
      }),
    }),
    // First-party clients: no consent screen.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const handler = provider.callback();
  op.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      // The provider's login page, answered at once: "the user signed in as nextAccount".
      void provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextAccount } },
        {
          mergeWithLastSubmission: false,
        },
      );
      return;
    }
    handler(req, res);
  });

  t = await createTestApp({
    PUBLIC_URL,
    OIDC_1_ID: 'test',
    OIDC_1_NAME: 'Test-IdP',
    OIDC_1_ISSUER: issuer,
    OIDC_1_CLIENT_ID: 'weerbaar-test',
    OIDC_1_CLIENT_SECRET: 'secret-of-test-that-is-long-enough',
    OIDC_2_ID: 'prov',
    OIDC_2_NAME: 'Gemeente',
    OIDC_2_ISSUER: issuer,
    OIDC_2_CLIENT_ID: 'weerbaar-prov',
    OIDC_2_CLIENT_SECRET: 'secret-of-prov-that-is-long-enough',
    OIDC_2_PROVISION: '@gemeente.test, @andere.test',
  });
  await createUser(t, { email: accounts.anna!.email, platformRoles: ['viewer'] });
  await createUser(t, { email: accounts.eva!.email });
});
after(async () => {
  await t.close();
  op.closeAllConnections();
  await new Promise((resolve) => op.close(resolve));
});

type Res = { cookies: Array<{ name: string; value: string }> };
const cookieOf = (res: Res, name: string) => {
  const c = res.cookies.find((x) => x.name === name && x.value);
  return c ? `${name}=${encodeURIComponent(c.value)}` : undefined;
};

/**
 * Starts at our sign-in button and follows the provider's redirects until it sends the browser back
 * to our callback. Returns the callback path (with query) and our flow cookie.
 */
async function toCallback(provider: string, account: string) {
  nextAccount = account;
  const csrf = await csrfFor(t.app);
  const start = await t.app.inject({
    method: 'POST',
    url: `/auth/oidc/${provider}`,
    headers: { cookie: csrf.cookie },
    payload: { _csrf: csrf.token, next: '/account' },
  });
  assert.equal(start.statusCode, 303, start.body);
  const flowCookie = cookieOf(start, 'wb_oidc')!;
  assert.ok(flowCookie);
  let url = String(start.headers.location);
  const auth = new URL(url);
  assert.equal(auth.origin, issuer);
  assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(auth.searchParams.get('state') && auth.searchParams.get('nonce'));
  const jar = new Map<string, string>();
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(PUBLIC_URL)) return { path: url.slice(PUBLIC_URL.length), flowCookie };
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    const location = res.headers.get('location');
    assert.ok(location, `provider answered ${res.status} without redirect: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

const callback = (path: string, cookie?: string) =>
  t.app.inject({ url: path, headers: cookie ? { cookie } : {} });

const count = async (sql: string, params: unknown[] = []) =>
  (await t.database.query<{ n: number }>(sql, params))[0]!.n;

test('the sign-in page has a button (a form with CSRF) per provider', async () => {
  const res = await t.app.inject({ url: '/login' });
  assert.match(res.body, /action="\/auth\/oidc\/test"/);
  assert.match(res.body, /Test-IdP/);
  assert.match(res.body, /action="\/auth\/oidc\/prov"/);
  const noCsrf = await t.app.inject({ method: 'POST', url: '/auth/oidc/test', payload: {} });
  assert.equal(noCsrf.statusCode, 403);
  const csrf = await csrfFor(t.app);
  const unknown = await t.app.inject({
    method: 'POST',
    url: '/auth/oidc/nope',
    headers: { cookie: csrf.cookie },
    payload: { _csrf: csrf.token },
  });
  assert.equal(unknown.statusCode, 404);
});

test('a known user signs in through the provider (code + PKCE, state, nonce) and gets a session', async () => {
  const { path, flowCookie } = await toCallback('test', 'anna');
  assert.match(path, /^\/auth\/oidc\/test\/callback\?code=/);
  const res = await callback(path, flowCookie);
  assert.equal(res.statusCode, 303, res.body);
  assert.equal(res.headers.location, '/account');
  const session = cookieOf(res, 'wb_session');
  assert.ok(session);
  const account = await t.app.inject({ url: '/account', headers: { cookie: session } });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /anna\.oidc@utrecht\.test/);
  const [login] = await t.database.query<{ diff: unknown; actor_label: string }>(
    `select diff, actor_label from audit_log where action = 'user.login' order by seq desc limit 1`,
  );
  assert.deepEqual(login!.diff, { method: 'oidc', provider: 'test' });
  const all = JSON.stringify(
    await t.database.query(
      `select diff from audit_log where action like 'user.login%' or action like 'session%'`,
    ),
  );
  assert.ok(!/eyJ|code=|access_token/.test(all), 'no tokens or codes in the audit log');

  // The browser's flow cookie is cleared, and a replay of the callback (code used) does not sign in again.
  assert.ok(res.cookies.some((c) => c.name === 'wb_oidc' && c.value === ''));
  const replay = await callback(path, flowCookie);
  assert.equal(replay.statusCode, 400);
  assert.equal(cookieOf(replay, 'wb_session'), undefined);
});

const checksFailed = () =>
  count(
    `select count(*)::int as n from audit_log where action = 'user.login-refused' and diff->>'reason' = 'checks-failed'`,
  );

test('a changed state is refused', async () => {
  const before = await checksFailed();
  const { path, flowCookie } = await toCallback('test', 'anna');
  const u = new URL(path, PUBLIC_URL);
  u.searchParams.set('state', 'not-the-state-we-sent');
  const res = await callback(u.pathname + u.search, flowCookie);
  assert.equal(res.statusCode, 400);
  assert.equal(cookieOf(res, 'wb_session'), undefined);
  assert.equal(await checksFailed(), before + 1);
});

/** Rewrites one field of our signed flow cookie (as only someone with the cookie secret could). */
function tamperFlow(flowCookie: string, change: Record<string, string>) {
  const signed = decodeURIComponent(flowCookie.slice('wb_oidc='.length));
  const raw = unsign(signed, t.sessionSecret);
  assert.ok(raw.valid && raw.value);
  const v = JSON.parse(Buffer.from(raw.value, 'base64url').toString('utf8'));
  const out = Buffer.from(JSON.stringify({ ...v, ...change })).toString('base64url');
  return `wb_oidc=${encodeURIComponent(sign(out, t.sessionSecret))}`;
}

test('a nonce that does not match the ID token is refused', async () => {
  const before = await checksFailed();
  const { path, flowCookie } = await toCallback('test', 'anna');
  const res = await callback(path, tamperFlow(flowCookie, { nonce: 'another-nonce-value' }));
  assert.equal(res.statusCode, 400);
  assert.equal(cookieOf(res, 'wb_session'), undefined);
  assert.equal(await checksFailed(), before + 1, 'refused by the checks, not as an expired flow');
});

test('a wrong PKCE verifier is refused by the provider', async () => {
  const before = await checksFailed();
  const { path, flowCookie } = await toCallback('test', 'anna');
  const res = await callback(path, tamperFlow(flowCookie, { verifier: 'x'.repeat(50) }));
  assert.equal(res.statusCode, 400);
  assert.equal(cookieOf(res, 'wb_session'), undefined);
  assert.equal(await checksFailed(), before + 1, 'refused by the checks, not as an expired flow');
});

test('a callback without our flow cookie (another browser) or with a forged one is refused', async () => {
  const { path, flowCookie } = await toCallback('test', 'anna');
  assert.equal((await callback(path)).statusCode, 400);
  const forged = flowCookie.replace(/.{4}$/, 'AAAA');
  assert.equal((await callback(path, forged)).statusCode, 400);
  // The flow of one provider does not finish at another's callback.
  assert.equal((await callback(path.replace('/test/', '/prov/'), flowCookie)).statusCode, 400);
});

test('an unknown user is refused with a clear page when the provider provisions nobody', async () => {
  const { path, flowCookie } = await toCallback('test', 'bert');
  const res = await callback(path, flowCookie);
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Weerbaar/);
  assert.match(res.body, /account/);
  assert.equal(cookieOf(res, 'wb_session'), undefined);
  assert.equal(
    await count(`select count(*)::int as n from users where email = $1`, [accounts.bert!.email]),
    0,
  );
  const [refused] = await t.database.query<{ diff: Record<string, string> }>(
    `select diff from audit_log where action = 'user.login-refused' order by seq desc limit 1`,
  );
  assert.equal(refused!.diff.reason, 'unknown');
});

test('an e-mail address the provider marks unverified is not used to match', async () => {
  const { path, flowCookie } = await toCallback('test', 'eva');
  const res = await callback(path, flowCookie);
  assert.equal(res.statusCode, 400);
  assert.equal(cookieOf(res, 'wb_session'), undefined);
});

test('the provisioning rule creates users of the listed domains without roles, and only those', async () => {
  const created = await toCallback('prov', 'carla');
  const res = await callback(created.path, created.flowCookie);
  assert.equal(res.statusCode, 303, res.body);
  assert.ok(cookieOf(res, 'wb_session'));
  const [row] = await t.database.query<{
    id: string;
    display_name: string;
    platform_roles: string[];
    password_hash: string | null;
  }>('select id, display_name, platform_roles, password_hash from users where email = $1', [
    accounts.carla!.email,
  ]);
  assert.ok(row);
  assert.equal(row.display_name, 'Carla Nieuw');
  assert.deepEqual(row.platform_roles, []);
  assert.equal(row.password_hash, null);
  assert.equal(await count('select count(*)::int as n from memberships where user_id = $1', [row.id]), 0);
  const [audit] = await t.database.query<{ actor_label: string }>(
    `select actor_label from audit_log where action = 'user.create' and resource_id = $1`,
    [row.id],
  );
  assert.equal(audit!.actor_label, 'oidc:prov');

  // A second sign-in finds the same user.
  const again = await toCallback('prov', 'carla');
  assert.equal((await callback(again.path, again.flowCookie)).statusCode, 303);
  assert.equal(
    await count('select count(*)::int as n from users where email = $1', [accounts.carla!.email]),
    1,
  );

  const other = await toCallback('prov', 'dirk');
  const refused = await callback(other.path, other.flowCookie);
  assert.equal(refused.statusCode, 403);
  assert.equal(
    await count('select count(*)::int as n from users where email = $1', [accounts.dirk!.email]),
    0,
  );
});

test('a disabled user is refused', async () => {
  await t.database.query('update users set disabled_at = now() where email = $1', [accounts.anna!.email]);
  try {
    const { path, flowCookie } = await toCallback('test', 'anna');
    const res = await callback(path, flowCookie);
    assert.equal(res.statusCode, 403);
    assert.equal(cookieOf(res, 'wb_session'), undefined);
  } finally {
    await t.database.query('update users set disabled_at = null where email = $1', [accounts.anna!.email]);
  }
});

test('OIDC configuration: a wrong value stops start-up naming the variable', () => {
  const base = {
    NODE_ENV: 'test',
    OIDC_1_NAME: 'X',
    OIDC_1_CLIENT_ID: 'c',
    OIDC_1_ISSUER: 'https://idp.example.nl',
  };
  assert.equal(loadConfig(base).oidcProviders[0]!.id, '1');
  assert.equal(loadConfig(base).oidcProviders[0]!.emailClaim, 'email');
  const detail = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return 'no error';
    } catch (err) {
      return (err as { detail?: string }).detail ?? String(err);
    }
  };
  assert.match(detail({ ...base, OIDC_1_ISSUER: 'not a url' }), /^OIDC_1_ISSUER: expected /);
  assert.match(
    detail({ ...base, OIDC_1_CLIENT_ID: '', OIDC_1_ISSUER: 'https://x.nl' }),
    /^OIDC_1_CLIENT_ID: expected /,
  );
  assert.match(
    detail({ NODE_ENV: 'test', OIDC_2_ISSUER: 'https://x.nl', OIDC_2_NAME: 'y' }),
    /^OIDC_2_CLIENT_ID: expected a value/,
  );
  assert.match(
    detail({ ...base, OIDC_1_PROVISION: 'utrecht.nl' }),
    /^OIDC_1_PROVISION: expected none, or e-mail domains/,
  );
  assert.match(detail({ ...base, OIDC_1_SCOPES: 'email profile' }), /^OIDC_1_SCOPES: /);
  assert.match(
    detail({ ...base, OIDC_1_ISSUR: 'x' }),
    /^OIDC_1_ISSUR: expected OIDC_<n>_ followed by one of/,
  );
  assert.match(detail({ ...base, OIDC_1_ID: 'Not OK' }), /^OIDC_1_ID: /);
  assert.match(
    detail({ ...base, NODE_ENV: 'production', OIDC_1_ISSUER: 'http://idp.example.nl' }),
    /OIDC_1_ISSUER: expected an https:\/\/ URL|SESSION_SECRET/,
  );
  assert.ok(!detail({ ...base, OIDC_1_CLIENT_SECRET: 'x', OIDC_1_ISSUER: 'bad' }).includes('"x"'));
  assert.deepEqual(
    loadConfig({ ...base, OIDC_1_PROVISION: '@Utrecht.nl, @b.nl' }).oidcProviders[0]!.provisionDomains,
    ['@utrecht.nl', '@b.nl'],
  );
});
