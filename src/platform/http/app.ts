/**
 * Builds the Fastify application: security plugins, language, authentication, the central access
 * check, problem+json errors, OpenAPI, and the routes of the composed modules (`deps.modules`).
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCan } from '../access/policy.js';
import { principalCache } from '../auth/principal.js';
import { AppError, type Lang } from '../errors.js';
import { registerMessages, translator } from '../i18n/catalogue.js';
import { navigationOf, routesOf } from '../modules.js';
import { errorPage } from '../ui/error-page.js';
import { sendPage } from '../ui/render.js';
import { assertNoControlCharacters } from './control-characters.js';
import { errorSerializer, requestSerializer, responseSerializer } from './log-serializers.js';
import {
  API_BASE_PATH,
  API_VERSION,
  API_VERSION_HEADER,
  deprecationHeaders,
  openapiOptions,
} from './openapi.js';
import { problemOf, toAppError } from './problem.js';
import { securityHeaders } from './security-headers.js';
import type { AppDeps, RegisteredRoute } from './types.js';
import { uploadGate } from './upload-gate.js';

export const SESSION_COOKIE = 'wb_session';
const LANG_COOKIE = 'wb_lang';

const isApi = (url: string) => url.startsWith('/api/');
/** Whether the matched route's query schema (a zod object) has a field `key`. */
const queryDeclares = (req: FastifyRequest, key: string): boolean => {
  const schema = req.routeOptions.schema?.querystring as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape !== undefined && key in schema.shape;
};

function pickLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'nl' || q === 'en') return q;
  const c = req.cookies?.[LANG_COOKIE];
  if (c === 'nl' || c === 'en') return c;
  if (isApi(req.url) && /^en\b/i.test(req.headers['accept-language'] ?? '')) return 'en';
  return 'nl';
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  registerMessages(deps.modules);
  const navigation = navigationOf(deps.modules);
  const firstSegments = new Set<string>();
  // No personal data or secrets in logs: route patterns, not paths (a respondent's link holds its
  // token); no query strings, IP addresses, headers or error messages with values (log-serializers.ts).
  const logger: FastifyServerOptions['logger'] =
    config.LOG_LEVEL === 'silent'
      ? false
      : {
          level: config.LOG_LEVEL,
          serializers: {
            req: requestSerializer(firstSegments),
            res: responseSerializer,
            err: errorSerializer,
          },
          ...(deps.logStream ? { stream: deps.logStream } : {}),
        };
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);

  // Every route declares its access rule; a route without one is a programming error.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    const first = route.url.split('/')[1];
    if (first && !first.startsWith(':') && !first.includes('*')) firstSegments.add(first);
    for (const method of [route.method].flat())
      routeTable.push({ method, url: route.url, access: route.config.access });
  });

  const headers = securityHeaders({ production: config.isProduction });
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(headers);
    // NL API Design Rules /core/version-header: every API answer names the full API version.
    if (isApi(req.url)) reply.header(API_VERSION_HEADER, API_VERSION);
    const deprecation = req.routeOptions.config?.deprecation;
    if (deprecation) reply.headers(deprecationHeaders(deprecation));
    done();
  });
  // Nothing but a public route's answer may be kept by a browser or proxy (API lists hold respondent
  // links and personal data; issue 13, row 12). A route may still say otherwise (the style sheet).
  app.addHook('onSend', (req, reply, payload, done) => {
    const access = req.routeOptions.config?.access;
    if (!(access && 'public' in access) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await app.register(cookie, { secret: deps.sessionSecret });
  await app.register(formbody);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'wb_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.isProduction },
  });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate-limited', {
        detail: {
          nl: `U mag hoogstens ${ctx.max} verzoeken doen per ${ctx.after}. Wacht even en probeer het opnieuw.`,
          en: `limit of ${ctx.max} requests per ${ctx.after}`,
        },
        headers: {},
      }),
  });
  await app.register(
    swagger,
    openapiOptions(
      config,
      'Weerbaar JSON API. Errors are application/problem+json (RFC 9457) with a stable `type`; ' +
        '`title`, `detail` and `invalidParams[].reason` are in Dutch, or in English with `Accept-Language: en` ' +
        '(match on `type` and `invalidParams[].name`/`code`, never on texts). ' +
        'Authenticate with a personal API token: `Authorization: Bearer <token>`. ' +
        'Every answer carries `API-Version` (the full version of the API). Conventions: docs/api.md.',
    ),
  );

  app.decorateRequest('principal', undefined);
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('t', undefined as any);
  app.decorateRequest('page', function (this: FastifyRequest, reply: FastifyReply) {
    return {
      lang: this.lang,
      t: this.t,
      principal: this.principal,
      csrfToken: reply.generateCsrf(),
      url: this.url,
      navigation,
    };
  });

  // Who is asking, and in which language.
  const principals = principalCache(deps.database);
  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req);
    req.t = translator(req.lang);
    const q = (req.query as Record<string, unknown> | undefined)?.lang;
    if ((q === 'nl' || q === 'en') && req.cookies[LANG_COOKIE] !== q) {
      reply.setCookie(LANG_COOKIE, q, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
    }
    // `?lang=` chooses the language on every route. API query schemas are strict and most do not list
    // it, so it is taken out before validation there; a route that does list it (mail preview) keeps it.
    if (q !== undefined && isApi(req.url) && !queryDeclares(req, 'lang')) {
      delete (req.query as Record<string, unknown>).lang;
    }
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await principals.fromApiToken(auth.slice(7).trim());
      if (!req.principal)
        throw new AppError('unauthenticated', {
          detail: {
            nl: 'Deze API-sleutel is onbekend, verlopen of ingetrokken.',
            en: 'unknown, expired or revoked API token',
          },
        });
      if (!isApi(req.url))
        throw new AppError('forbidden', {
          detail: {
            nl: 'Een API-sleutel werkt alleen voor adressen die met /api/ beginnen.',
            en: 'API tokens work only on /api/ routes',
          },
        });
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const unsigned = req.unsignCookie(token);
        if (unsigned.valid && unsigned.value) req.principal = await principals.fromSession(unsigned.value);
        if (!req.principal) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // A file upload's large body is read only on upload routes, and only once access is granted.
  app.addHook('preParsing', async (req, reply, payload) => {
    await uploadGate(req, reply);
    return payload;
  });

  // The one access check: before validation, so a refused request learns nothing about its body.
  app.addHook('preValidation', async (req, reply) => {
    if (req.is404) return;
    const access = req.routeOptions.config.access;
    if (!access)
      throw new AppError('internal', {
        detail: { nl: 'route zonder toegangsregel', en: 'route without access rule' },
      });
    // Nobody signed in on a protected route: 401 first (not a CSRF complaint about a form they cannot use).
    if (!('public' in access) && !req.principal) throw new AppError('unauthenticated');
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    // Forms and cookie-authenticated API calls need a CSRF token; API tokens do not (no ambient authority).
    if (unsafe && req.principal?.via !== 'token') {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
    if (!('public' in access)) {
      const org = access.org ? await access.org(req) : undefined;
      assertCan(req.principal, access.action, org);
    }
    // A NUL byte or another control character in any field: a 400 naming the field, never a 500.
    if (!req.routeOptions.config.checksControlCharacters)
      assertNoControlCharacters({ body: req.body, query: req.query, params: req.params });
  });

  app.setErrorHandler(async (err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'request failed');
    for (const [k, v] of Object.entries(appErr.headers)) reply.header(k, v);
    if (isApi(req.url) || !req.t) {
      return reply
        .code(appErr.status)
        .type('application/problem+json')
        .send(problemOf(appErr, req.lang ?? 'nl', req.url.split('?')[0]));
    }
    if (appErr.code === 'unauthenticated') {
      // A page (or a form posted after the session expired): sign in, then come back.
      const next = req.method === 'GET' ? req.url : new URL(req.headers.referer ?? '/', 'http://x').pathname;
      return reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    return sendPage(reply, errorPage(req.page(reply), appErr), appErr.status);
  });

  app.setNotFoundHandler(async (req) => {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    throw new AppError('not-found', {
      detail: { nl: `Dit adres bestaat niet: ${route}`, en: `no route for ${route}` },
    });
  });

  for (const load of routesOf(deps.modules)) {
    const mod = await load();
    await app.register(mod.default);
  }

  app.get(
    `${API_BASE_PATH}/openapi.json`,
    { config: { access: { public: 'the API contract is public' } }, schema: { hide: true } },
    // NL API Design Rules /core/publish-openapi: any origin may read the contract from a browser.
    async (_req, reply) => reply.header('access-control-allow-origin', '*').send(app.swagger()),
  );

  return app;
}
