/**
 * Two-factor sign-in pages:
 * - /login/two-factor: the second step after a right password (no session until the code is right);
 * - /login/two-factor/setup: enrolment during sign-in, when a role requires two-factor and it is off;
 * - /account/two-factor: on/off, set up, new recovery codes, turn off (password re-entry);
 * - /admin/security: which roles require two-factor;
 * - POST /users/:userId/two-factor/reset: an admin turns it off for someone who lost the device and codes.
 */

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { sendPage } from '../ui/render.js';
import { actorOf } from './actor.js';
import { isKnownDevice } from './devices.js';
import { formList, formString } from './form-errors.js';
import {
  completeSignIn,
  LOGIN_ACCOUNT_WINDOW_MS,
  LOGIN_LIMIT_PER_ACCOUNT,
  LOGIN_LIMIT_PER_IP,
  recordLoginFailure,
} from './login.js';
import { verifyPassword } from './passwords.js';
import { users } from './schema.js';
import { encryptionKeyFor } from './secret-box.js';
import {
  confirmEnrolment,
  disableTwoFactor,
  enrolmentSecret,
  listRequirements,
  regenerateRecoveryCodes,
  setRequirements,
  twoFactorRequired,
  twoFactorStatus,
  verifySecondFactor,
} from './two-factor.js';
import { clearPendingSignIn, type PendingSignIn, readPendingSignIn } from './two-factor-login.js';
import { noLocalPassword } from './user-rules.js';
import type { FieldErrors } from './views/fields.js';
import { loginPage } from './views/login-page.js';
import {
  recoveryCodesPage,
  securityPage,
  twoFactorAccountPage,
  twoFactorCodePage,
  twoFactorSetupPage,
} from './views/two-factor-pages.js';

const form = z.record(z.string(), z.unknown());

const routes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, database } = app.deps;
  const db = database.db;
  const key = () => encryptionKeyFor(config);

  const perAccount = app.createRateLimit({
    max: LOGIN_LIMIT_PER_ACCOUNT,
    timeWindow: LOGIN_ACCOUNT_WINDOW_MS,
    keyGenerator: (req) => `login-2fa:${readPendingSignIn(req)?.userId ?? 'none'}`,
  });

  async function userRow(userId: string) {
    const [u] = await db
      .select({
        id: users.id,
        email: users.email,
        passwordHash: users.passwordHash,
        lockedUntil: users.lockedUntil,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    return u;
  }

  /** The pending sign-in, if it is still usable (user active, not locked); else back to /login. */
  async function pendingOrRestart(req: FastifyRequest, reply: FastifyReply, stage: PendingSignIn['stage']) {
    const pending = readPendingSignIn(req);
    const user = pending && pending.stage === stage ? await userRow(pending.userId) : undefined;
    const locked =
      user?.lockedUntil && user.lockedUntil.getTime() > Date.now() && !isKnownDevice(req, user.id);
    if (!pending || !user || user.disabledAt || locked) {
      clearPendingSignIn(reply);
      return undefined;
    }
    return { pending, user };
  }

  async function checkAccountLimit(req: FastifyRequest) {
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
  }

  const loginFailedPage = (req: FastifyRequest, reply: FastifyReply, next: string) =>
    sendPage(
      reply,
      loginPage(req.page(reply), {
        next,
        providers: config.oidcProviders,
        errors: [
          {
            field: 'password',
            message: req.t('login.failed', {
              max: config.LOGIN_MAX_ATTEMPTS,
              minutes: config.LOGIN_LOCKOUT_MINUTES,
            }),
          },
        ],
      }),
      401,
    );

  // --- sign-in, second step ---

  r.get(
    '/login/two-factor',
    { config: { access: { public: 'the second step of signing in (no session yet)' } } },
    async (req, reply) => {
      const state = await pendingOrRestart(req, reply, 'verify');
      if (!state) return reply.redirect('/login', 303);
      return sendPage(reply, twoFactorCodePage(req.page(reply), {}));
    },
  );

  r.post(
    '/login/two-factor',
    {
      config: {
        access: { public: 'the second step of signing in (no session yet)' },
        rateLimit: { max: LOGIN_LIMIT_PER_IP, timeWindow: '1 minute' },
      },
      schema: { body: form },
    },
    async (req, reply) => {
      const state = await pendingOrRestart(req, reply, 'verify');
      if (!state) return reply.redirect('/login', 303);
      await checkAccountLimit(req);
      const code = formString(req.body.code).trim();
      if (!code) {
        const errors = [{ field: 'code', message: req.t('twoFactor.codeRequired') }];
        return sendPage(reply, twoFactorCodePage(req.page(reply), { errors }), 400);
      }
      const how = await verifySecondFactor(db, key(), state.user.id, code);
      if (!how) {
        const known = isKnownDevice(req, state.user.id);
        await recordLoginFailure(db, config, state.user, 'two-factor', known);
        const after = await userRow(state.user.id);
        if (!known && after?.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
          clearPendingSignIn(reply);
          return loginFailedPage(req, reply, state.pending.next);
        }
        const errors = [{ field: 'code', message: req.t('twoFactor.codeWrong') }];
        return sendPage(reply, twoFactorCodePage(req.page(reply), { errors }), 401);
      }
      clearPendingSignIn(reply);
      await completeSignIn(req, reply, state.user.id, 'password', { secondFactor: how });
      return reply.redirect(state.pending.next, 303);
    },
  );

  // --- sign-in, enrolment required by a role ---

  r.get(
    '/login/two-factor/setup',
    { config: { access: { public: 'setting up two-factor during sign-in (no session yet)' } } },
    async (req, reply) => {
      const state = await pendingOrRestart(req, reply, 'enrol');
      if (!state) return reply.redirect('/login', 303);
      const s = await enrolmentSecret(db, key(), state.user.id, state.user.email);
      return sendPage(
        reply,
        twoFactorSetupPage(req.page(reply), { ...s, action: '/login/two-factor/setup', required: true }),
      );
    },
  );

  r.post(
    '/login/two-factor/setup',
    {
      config: {
        access: { public: 'setting up two-factor during sign-in (no session yet)' },
        rateLimit: { max: LOGIN_LIMIT_PER_IP, timeWindow: '1 minute' },
      },
      schema: { body: form },
    },
    async (req, reply) => {
      const state = await pendingOrRestart(req, reply, 'enrol');
      if (!state) return reply.redirect('/login', 303);
      await checkAccountLimit(req);
      const { user, pending } = state;
      const codes = await confirmEnrolment(
        db,
        key(),
        { type: 'user', id: user.id, label: user.email },
        user.id,
        formString(req.body.code),
      );
      if (!codes) {
        const s = await enrolmentSecret(db, key(), user.id, user.email);
        const errors = [{ field: 'code', message: req.t('twoFactor.codeWrong') }];
        return sendPage(
          reply,
          twoFactorSetupPage(req.page(reply), {
            ...s,
            action: '/login/two-factor/setup',
            required: true,
            errors,
          }),
          400,
        );
      }
      clearPendingSignIn(reply);
      await completeSignIn(req, reply, user.id, 'password', { secondFactor: 'totp-enrolled' });
      // The page after this one is the first with the new session; this one shows the codes once.
      return sendPage(reply, recoveryCodesPage(req.page(reply), { codes, continueHref: pending.next }));
    },
  );

  // --- own account ---

  async function renderAccount(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: 'disabled'; errors?: FieldErrors } = {},
    status = 200,
  ) {
    const p = req.principal!;
    const [st, u, required] = await Promise.all([
      twoFactorStatus(db, p.userId),
      userRow(p.userId),
      twoFactorRequired(db, p.userId),
    ]);
    return sendPage(
      reply,
      twoFactorAccountPage(req.page(reply), {
        status: st,
        hasPassword: Boolean(u?.passwordHash),
        required,
        ...extra,
      }),
      status,
    );
  }

  r.get(
    '/account/two-factor',
    {
      config: { access: { action: 'account.read' } },
      schema: { querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) =>
      renderAccount(req, reply, { notice: req.query.done === 'disabled' ? 'disabled' : undefined }),
  );

  r.get(
    '/account/two-factor/setup',
    { config: { access: { action: 'account.update' } } },
    async (req, reply) => {
      const p = req.principal!;
      if ((await twoFactorStatus(db, p.userId)).enabled) return reply.redirect('/account/two-factor', 303);
      if (!(await userRow(p.userId))?.passwordHash)
        throw new AppError('bad-request', { detail: noLocalPassword });
      const s = await enrolmentSecret(db, key(), p.userId, p.email);
      return sendPage(
        reply,
        twoFactorSetupPage(req.page(reply), { ...s, action: '/account/two-factor/setup' }),
      );
    },
  );

  r.post(
    '/account/two-factor/setup',
    {
      config: { access: { action: 'account.update' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: form },
    },
    async (req, reply) => {
      const p = req.principal!;
      if (!(await userRow(p.userId))?.passwordHash)
        throw new AppError('bad-request', { detail: noLocalPassword });
      const codes = await confirmEnrolment(db, key(), actorOf(p), p.userId, formString(req.body.code));
      if (!codes) {
        const s = await enrolmentSecret(db, key(), p.userId, p.email);
        const errors = [{ field: 'code', message: req.t('twoFactor.codeWrong') }];
        return sendPage(
          reply,
          twoFactorSetupPage(req.page(reply), { ...s, action: '/account/two-factor/setup', errors }),
          400,
        );
      }
      return sendPage(
        reply,
        recoveryCodesPage(req.page(reply), { codes, continueHref: '/account/two-factor' }),
      );
    },
  );

  async function passwordOk(req: FastifyRequest, field: string): Promise<FieldErrors> {
    const u = await userRow(req.principal!.userId);
    const ok = await verifyPassword(
      u?.passwordHash,
      formString((req.body as Record<string, unknown>).password),
    );
    return ok ? [] : [{ field, message: req.t('auth.error.password_wrong') }];
  }

  r.post(
    '/account/two-factor/disable',
    {
      config: { access: { action: 'account.update' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: form },
    },
    async (req, reply) => {
      const p = req.principal!;
      const errors = await passwordOk(req, 'disablePassword');
      if (errors.length) return renderAccount(req, reply, { errors }, 400);
      if (await twoFactorRequired(db, p.userId)) {
        throw new AppError('forbidden', {
          detail: {
            nl: 'Voor een van uw rollen is aanmelden in twee stappen verplicht.',
            en: 'a role of yours requires two-factor sign-in',
          },
        });
      }
      await disableTwoFactor(db, actorOf(p), p.userId);
      return reply.redirect('/account/two-factor?done=disabled', 303);
    },
  );

  r.post(
    '/account/two-factor/recovery-codes',
    {
      config: { access: { action: 'account.update' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: form },
    },
    async (req, reply) => {
      const p = req.principal!;
      const errors = await passwordOk(req, 'codesPassword');
      if (errors.length) return renderAccount(req, reply, { errors }, 400);
      const codes = await regenerateRecoveryCodes(db, actorOf(p), p.userId);
      return sendPage(
        reply,
        recoveryCodesPage(req.page(reply), { codes, continueHref: '/account/two-factor' }),
      );
    },
  );

  // --- admin ---

  r.get(
    '/admin/security',
    {
      config: { access: { action: 'security.read' } },
      schema: { querystring: z.object({ done: z.string().optional() }).loose() },
    },
    async (req, reply) =>
      sendPage(
        reply,
        securityPage(req.page(reply), {
          required: await listRequirements(db),
          saved: req.query.done === 'saved',
          oidcProviders: config.oidcProviders.map((o) => ({ id: o.id, name: o.name })),
        }),
      ),
  );

  r.post(
    '/admin/security',
    { config: { access: { action: 'security.manage' } }, schema: { body: form } },
    async (req, reply) => {
      await setRequirements(db, actorOf(req.principal!), formList(req.body.roles));
      return reply.redirect('/admin/security?done=saved', 303);
    },
  );

  r.post(
    '/users/:userId/two-factor/reset',
    {
      config: { access: { action: 'user.update' } },
      schema: { params: z.object({ userId: z.uuid() }) },
    },
    async (req, reply) => {
      const done = await disableTwoFactor(db, actorOf(req.principal!), req.params.userId);
      if (!done)
        throw new AppError('not-found', {
          detail: {
            nl: 'Aanmelden in twee stappen staat niet aan voor deze gebruiker.',
            en: 'two-factor sign-in is not on for this user',
          },
        });
      return reply.redirect(`/users/${req.params.userId}?done=twoFactorReset`, 303);
    },
  );
};
export default routes;
