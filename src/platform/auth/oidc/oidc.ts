/**
 * OpenID Connect sign-in (relying party, openid-client 6): authorisation-code flow with PKCE (S256),
 * state and nonce. What the callback must check is kept in a short-lived signed httpOnly cookie
 * (`wb_oidc`, path /auth/oidc, SameSite=Lax so it comes along on the provider's redirect back).
 * Users are matched on the configured claim (default `email`); unknown users are created without roles
 * only when their e-mail domain is in the provider's PROVISION list.
 */
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { Actor } from '../../audit/audit.js';
import type { Config, OidcProviderConfig } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { users } from '../schema.js';
import { createUser, normaliseEmail } from '../users-service.js';

export const OIDC_COOKIE = 'wb_oidc';
const OIDC_COOKIE_PATH = '/auth/oidc';
/** How long a sign-in at the provider may take. */
export const OIDC_TTL_MS = 10 * 60_000;

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata (discovery), fetched once per process; a failure is retried next time. */
export function providerConfiguration(p: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${p.issuer}\n${p.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const insecure = new URL(p.issuer).protocol === 'http:';
    found = client.discovery(
      new URL(p.issuer),
      p.clientId,
      undefined,
      p.clientSecret ? client.ClientSecretPost(p.clientSecret) : client.None(),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

export const redirectUri = (config: Config, p: OidcProviderConfig) =>
  `${config.publicUrl}/auth/oidc/${encodeURIComponent(p.id)}/callback`;

interface FlowState {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** Starts a sign-in: remembers state, nonce and the PKCE verifier, returns the provider's URL. */
export async function startSignIn(
  reply: FastifyReply,
  config: Config,
  p: OidcProviderConfig,
  next: string,
): Promise<URL> {
  const cfg = await providerConfiguration(p);
  const flow: FlowState = {
    provider: p.id,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    next,
  };
  const value = Buffer.from(JSON.stringify({ ...flow, expires: Date.now() + OIDC_TTL_MS })).toString(
    'base64url',
  );
  reply.setCookie(OIDC_COOKIE, value, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isProduction,
    path: OIDC_COOKIE_PATH,
    maxAge: OIDC_TTL_MS / 1000,
  });
  return client.buildAuthorizationUrl(cfg, {
    redirect_uri: redirectUri(config, p),
    scope: p.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
}

export function readFlow(req: FastifyRequest): FlowState | undefined {
  const raw = req.cookies[OIDC_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const v = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8'));
    if (typeof v.expires !== 'number' || v.expires < Date.now()) return undefined;
    for (const k of ['provider', 'state', 'nonce', 'verifier', 'next'])
      if (typeof v[k] !== 'string') return undefined;
    return { provider: v.provider, state: v.state, nonce: v.nonce, verifier: v.verifier, next: v.next };
  } catch {
    return undefined;
  }
}

export const clearFlow = (reply: FastifyReply) => reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });

export interface VerifiedIdentity {
  /** The value of the configured claim, normalised like an e-mail address. */
  identifier: string;
  name?: string;
  subject: string;
}

export type CallbackOutcome =
  | { ok: true; identity: VerifiedIdentity }
  | { ok: false; reason: 'provider-error' | 'checks-failed' | 'no-claim' | 'email-unverified' };

/**
 * Finishes the flow at the callback: exchanges the code (PKCE verifier), checks state, nonce and the
 * ID token, then reads the claim users are matched on (from the ID token, else from userinfo).
 */
export async function finishSignIn(
  config: Config,
  p: OidcProviderConfig,
  flow: FlowState,
  query: string,
  log: FastifyRequest['log'],
): Promise<CallbackOutcome> {
  const params = new URLSearchParams(query);
  if (params.has('error')) {
    log.warn({ provider: p.id, error: params.get('error') }, 'oidc: the provider refused the sign-in');
    return { ok: false, reason: 'provider-error' };
  }
  const cfg = await providerConfiguration(p);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(cfg, new URL(`${redirectUri(config, p)}?${params}`), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    // The error's code and message only: never tokens or the authorisation code.
    const e = err as { code?: string; error?: string; message?: string };
    log.warn({ provider: p.id, code: e.code ?? e.error, reason: e.message }, 'oidc: callback checks failed');
    return { ok: false, reason: 'checks-failed' };
  }
  const idClaims = tokens.claims()!;
  let claims: Record<string, unknown> = idClaims;
  if (claims[p.emailClaim] === undefined) {
    claims = { ...(await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub)), ...idClaims };
  }
  const value = claims[p.emailClaim];
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'no-claim' };
  if (p.emailClaim === 'email' && claims.email_verified === false)
    return { ok: false, reason: 'email-unverified' };
  return {
    ok: true,
    identity: {
      identifier: normaliseEmail(value),
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : undefined,
      subject: idClaims.sub,
    },
  };
}

export type MatchOutcome =
  | { ok: true; userId: string; provisioned: boolean }
  | { ok: false; reason: 'unknown' | 'disabled' };

/** The user this identity belongs to, created (no roles) when the provider's PROVISION rule allows it. */
export async function matchUser(
  db: Db,
  p: OidcProviderConfig,
  identity: VerifiedIdentity,
): Promise<MatchOutcome> {
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, identity.identifier));
  if (user)
    return user.disabledAt
      ? { ok: false, reason: 'disabled' }
      : { ok: true, userId: user.id, provisioned: false };
  const at = identity.identifier.lastIndexOf('@');
  const domain = at > 0 ? identity.identifier.slice(at) : '';
  if (!domain || !p.provisionDomains.includes(domain)) return { ok: false, reason: 'unknown' };
  const actor: Actor = { type: 'system', id: null, label: `oidc:${p.id}` };
  try {
    const created = await createUser(db, actor, {
      email: identity.identifier,
      displayName: identity.name ?? identity.identifier.slice(0, at),
      password: null,
    });
    return { ok: true, userId: created.id, provisioned: true };
  } catch {
    // Created by a parallel sign-in a moment ago (or not an acceptable address): look again.
    const [again] = await db.select({ id: users.id }).from(users).where(eq(users.email, identity.identifier));
    return again ? { ok: true, userId: again.id, provisioned: false } : { ok: false, reason: 'unknown' };
  }
}
