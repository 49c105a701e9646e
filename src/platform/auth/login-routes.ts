/**
 * GET/POST /login, POST /logout and the home page. The sign-in itself lives in ./login.ts.
 */

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { sendPage } from '../ui/render.js';
import { deviceKey, isKnownDevice } from './devices.js';
import { formString } from './form-errors.js';
import {
  completeSignIn,
  LOGIN_ACCOUNT_WINDOW_MS,
  LOGIN_LIMIT_PER_ACCOUNT,
  LOGIN_LIMIT_PER_IP,
  safeNext,
  signOut,
  verifyLocalLogin,
} from './login.js';
import { users } from './schema.js';
import { twoFactorRequired, twoFactorStatus } from './two-factor.js';
import { setPendingSignIn } from './two-factor-login.js';
import { normaliseEmail } from './users-service.js';
import { homePage } from './views/home-page.js';
import { loginPage } from './views/login-page.js';

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;

  // Per account for unknown clients together; per device for a browser that signed in to the account
  // before, so others' attempts never use up its allowance (./devices.ts).
  const rateKeys = new WeakMap<object, string>();
  const perAccount = app.createRateLimit({
    max: LOGIN_LIMIT_PER_ACCOUNT,
    timeWindow: LOGIN_ACCOUNT_WINDOW_MS,
    keyGenerator: (req) =>
      rateKeys.get(req) ?? `login-account:${normaliseEmail(formString((req.body as any)?.email))}`,
  });
  const userIdOf = async (email: string) =>
    (
      await database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, normaliseEmail(email)))
    )[0]?.id;

  r.get(
    '/login',
    {
      config: { access: { public: 'the sign-in page' } },
      schema: {
        querystring: z.object({ next: z.string().optional(), signedOut: z.string().optional() }).loose(),
      },
    },
    async (req, reply) => {
      const next = safeNext(req.query.next);
      if (req.principal) return reply.redirect(next, 303);
      return sendPage(
        reply,
        loginPage(req.page(reply), {
          next,
          signedOut: req.query.signedOut === '1',
          providers: config.oidcProviders,
        }),
      );
    },
  );

  r.post(
    '/login',
    {
      config: {
        access: { public: 'signing in' },
        rateLimit: { max: LOGIN_LIMIT_PER_IP, timeWindow: '1 minute' },
      },
      schema: { body: z.record(z.string(), z.unknown()) },
    },
    async (req, reply) => {
      const email = formString(req.body.email).trim();
      const password = formString(req.body.password);
      const next = safeNext(req.body.next);
      const accountId = email ? await userIdOf(email) : undefined;
      const device = deviceKey(req, accountId);
      if (device) rateKeys.set(req, `login-device:${device}`);
      const limit = await perAccount(req);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new AppError('rate-limited', {
          detail: {
            nl: 'Er is te vaak geprobeerd om met dit account aan te melden. Wacht even en probeer het opnieuw.',
            en: 'too many sign-in attempts for this account',
          },
          headers: { 'retry-after': String(limit.ttlInSeconds) },
        });
      }
      const t = req.t;
      if (!email || !password) {
        const errors = [
          ...(email ? [] : [{ field: 'email', message: t('login.emailRequired') }]),
          ...(password ? [] : [{ field: 'password', message: t('login.passwordRequired') }]),
        ];
        return sendPage(
          reply,
          loginPage(req.page(reply), { next, email, errors, providers: config.oidcProviders }),
          400,
        );
      }
      const userId = await verifyLocalLogin(database.db, config, email, password, (id) =>
        isKnownDevice(req, id),
      );
      if (!userId) {
        const message = t('login.failed', {
          max: config.LOGIN_MAX_ATTEMPTS,
          minutes: config.LOGIN_LOCKOUT_MINUTES,
        });
        return sendPage(
          reply,
          loginPage(req.page(reply), {
            next,
            email,
            errors: [{ field: 'password', message }],
            providers: config.oidcProviders,
          }),
          401,
        );
      }
      // Two-factor: no session until the code is right (./two-factor-routes.ts).
      if ((await twoFactorStatus(database.db, userId)).enabled) {
        setPendingSignIn(reply, config, { userId, stage: 'verify', next });
        return reply.redirect('/login/two-factor', 303);
      }
      if (await twoFactorRequired(database.db, userId)) {
        setPendingSignIn(reply, config, { userId, stage: 'enrol', next });
        return reply.redirect('/login/two-factor/setup', 303);
      }
      await completeSignIn(req, reply, userId, 'password');
      return reply.redirect(next, 303);
    },
  );

  r.post(
    '/logout',
    { config: { access: { public: 'signing out needs no permission (CSRF is still checked)' } } },
    async (req, reply) => {
      await signOut(req, reply);
      return reply.redirect('/login?signedOut=1', 303);
    },
  );

  r.get('/', { config: { access: { action: 'account.read' } } }, async (req, reply) =>
    sendPage(reply, await homePage(req.page(reply), database.db, app.deps.modules)),
  );
};
export default routes;
